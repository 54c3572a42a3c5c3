/**
 * The DuckDB worker, which at once fetches and compiles the wasm (engine-worker.js). Every page starts
 * it from an inline script before any of the app's code has arrived (engine-inline.js); the app takes
 * that one over, or starts one itself (the SQL console's engine, a restart). No DuckDB import here.
 */
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { ENGINE_OPEN } from './engine-inline.js';
import engineWorker from './engine-worker.js?url';

export { ENGINE_OPEN };

// Self-hosted, every byte from this app's own origin. Only the "eh" build (WebAssembly exception
// handling: Chrome/Edge 95+, Firefox 100+, Safari 15.2+); docs/DECISIONS.md says why not "mvp".
const absolute = (url: string) => new URL(url, location.href).href;

/** The wasm's URL, as DuckDB is asked to instantiate it (the worker answers with its compiled module). */
export const engineWasmUrl = (): string => absolute(ehWasm);

type EarlyWindow = Window & { __oapEngineWorker?: Worker };

/** The worker the page's inline script started (once), or a new one. */
export function startEngineWorker(): Worker {
	const early = (window as EarlyWindow).__oapEngineWorker;
	if (early) {
		delete (window as EarlyWindow).__oapEngineWorker;
		return early;
	}
	performance.mark('oap-engine:worker');
	return new Worker(absolute(engineWorker), { name: JSON.stringify({ worker: absolute(ehWorker), wasm: engineWasmUrl(), open: ENGINE_OPEN }) });
}
