// The first script of every page, inline in its <head> (hooks.server.ts writes it; svelte.config.js
// allows it by its hash): while the browser is still reading the page, before any of the app's scripts
// are requested, it asks for the engine's wasm and compiles it as it streams in (as the bench's floor
// does), and starts the engine's worker, which gets the compiled module by message. The URLs come in
// the script's data- attributes, so its text (and hash) is the same in every build. The app takes
// both over (db/engine-start.ts).

/** How every engine's database is opened; the worker opens it so before the page asks (engine-worker.js). */
export const ENGINE_OPEN = { query: { castBigIntToDouble: true } };

export const ENGINE_INLINE_SCRIPT = `try{var d=document.currentScript.dataset,u=function(p){return new URL(p,document.baseURI).href},e=window.__oapEngine={wasm:u(d.wasm)},w;performance.mark('oap-engine:start');e.module=WebAssembly.compileStreaming(fetch(e.wasm,{credentials:'same-origin'}));w=e.worker=new Worker(u(d.worker),{name:JSON.stringify({worker:u(d.duckdb),wasm:e.wasm,open:${JSON.stringify(ENGINE_OPEN)}})});e.module.then(function(m){performance.mark('oap-engine:compiled');w.postMessage({oapEngineModule:m})},function(){w.postMessage({oapEngineModule:null})})}catch(x){}`;
