// The first script of every page, inline in its <head> (hooks.server.ts writes it; svelte.config.js
// allows it by its hash): while the browser is still reading the page, before any of the app's scripts
// are requested, it asks for the engine's wasm and starts the engine's worker, which gets the compiled
// module by message. The wasm is compiled once the prerendered page is painted (compiling 32 MB takes
// both cores of a small laptop and held the first paint back ≈ 60 ms; the engine is ready no later),
// at once in a tab opened in the background. The URLs come in
// the script's data- attributes, so its text (and hash) is the same in every build. The app takes
// both over (db/engine-start.ts).

/** How every engine's database is opened; the worker opens it so before the page asks (engine-worker.js). */
export const ENGINE_OPEN = { query: { castBigIntToDouble: true } };

export const ENGINE_INLINE_SCRIPT = `try{var d=document.currentScript.dataset,u=function(p){return new URL(p,document.baseURI).href},e=window.__oapEngine={wasm:u(d.wasm)},w,r;performance.mark('oap-engine:start');r=fetch(e.wasm,{credentials:'same-origin'});e.module=new Promise(function(k){document.visibilityState==='hidden'?k():requestAnimationFrame(function(){setTimeout(k,0)})}).then(function(){performance.mark('oap-engine:painted');return WebAssembly.compileStreaming(r)});w=e.worker=new Worker(u(d.worker),{name:JSON.stringify({worker:u(d.duckdb),wasm:e.wasm,open:${JSON.stringify(ENGINE_OPEN)}})});e.module.then(function(m){performance.mark('oap-engine:compiled');w.postMessage({oapEngineModule:m})},function(){w.postMessage({oapEngineModule:null})})}catch(x){}`;
