// The second inline script of every page (hooks.server.ts writes it after the engine's; svelte.config.js
// allows it by its hash). A prerendered page is drawn in English, for its address without a query: when
// the reader's language is another (the link's ?lang=, their stored choice, the browser's — the order of
// i18n/locale.svelte.ts `chooseLocale`), or the address asks for another view (?year=2021), the page is
// held hidden until the app has drawn it as asked (routes/+layout.svelte releases it), so no reader sees
// English words or another year's figures first. A page that never runs its scripts shows after 10 s.

/** The attribute on <html> that holds the page (app.css hides the body while it is there). */
export const HOLD_ATTRIBUTE = 'data-oap-hold';

export const FIRST_VIEW_HOLD_SCRIPT = `try{(function(){var L=['ar','zh','en','fr','ru','es'],q=new URLSearchParams(location.search),s=null,l=q.get('lang'),n,i,p,other=false;try{s=localStorage.getItem('oap.locale')}catch(x){}if(L.indexOf(l)<0){l=L.indexOf(s)>=0?s:null;n=navigator.languages||[navigator.language];for(i=0;!l&&i<n.length;i++){p=String(n[i]).toLowerCase().split(/[-_]/)[0];if(L.indexOf(p)>=0)l=p}}q.forEach(function(v,k){if(k!=='lang')other=true});if((l||'en')!=='en'||(other&&document.currentScript.hasAttribute('data-answer')))document.documentElement.setAttribute('${HOLD_ATTRIBUTE}','')})()}catch(x){}`;
