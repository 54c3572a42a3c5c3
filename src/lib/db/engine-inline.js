// The first script of every page, inline in its <head> (hooks.server.ts writes it; svelte.config.js
// allows it by its hash): it starts the engine's worker while the browser is still reading the page,
// before any of the app's scripts arrive. The URLs come in the script's data- attributes, so its text
// (and hash) is the same in every build. The app takes the worker over (db/engine-start.ts).

/** How every engine's database is opened; the worker opens it so before the page asks (engine-worker.js). */
export const ENGINE_OPEN = { query: { castBigIntToDouble: true } };

export const ENGINE_INLINE_SCRIPT = `try{var d=document.currentScript.dataset,u=function(p){return new URL(p,document.baseURI).href};performance.mark('oap-engine:worker');window.__oapEngineWorker=new Worker(u(d.worker),{name:JSON.stringify({worker:u(d.duckdb),wasm:u(d.wasm),open:${JSON.stringify(ENGINE_OPEN)}})})}catch(e){}`;
