/**
 * The DuckDB worker and its compiled wasm. Every page starts both from an inline script before any of
 * the app's code has arrived (engine-inline.js); the app takes that worker over once, and every later
 * worker (the SQL console's engine, a restart) gets the same compiled module. No DuckDB import here.
 */
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { ENGINE_OPEN } from './engine-inline.js';
import engineWorker from './engine-worker.js?url';

export { ENGINE_OPEN };

// Self-hosted, every byte from this app's own origin. Only the "eh" build (WebAssembly exception
// handling: Chrome/Edge 95+, Firefox 100+, Safari 15.2+); docs/DECISIONS.md says why not "mvp".
const absolute = (url: string) => new URL(url, location.href).href;

/** The wasm's URL, as DuckDB is asked to instantiate it (the worker answers with the compiled module). */
export const engineWasmUrl = (): string => absolute(ehWasm);

/** What the page's inline script started. */
interface Early {
	wasm: string;
	module?: Promise<WebAssembly.Module>;
	worker?: Worker;
}
type EarlyWindow = Window & { __oapEngine?: Early };

let module: Promise<WebAssembly.Module | null> | null = null;

/** The compiled wasm (the inline script's, else compiled now, once); null when it cannot be here (the worker then fetches it). */
function compiledModule(): Promise<WebAssembly.Module | null> {
	const early = (window as EarlyWindow).__oapEngine;
	module ??= (early?.wasm === engineWasmUrl() && early.module ? early.module : WebAssembly.compileStreaming(fetch(engineWasmUrl(), { credentials: 'same-origin' }))).catch(() => null);
	return module;
}

/** The worker the page's inline script started (once), or a new one given the compiled module. */
export function startEngineWorker(): Worker {
	const early = (window as EarlyWindow).__oapEngine;
	if (early?.worker) {
		const worker = early.worker;
		delete early.worker;
		return worker;
	}
	const worker = new Worker(absolute(engineWorker), { name: JSON.stringify({ worker: absolute(ehWorker), wasm: engineWasmUrl(), open: ENGINE_OPEN }) });
	void compiledModule().then((m) => worker.postMessage({ oapEngineModule: m }));
	return worker;
}
