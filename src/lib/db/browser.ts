/**
 * DuckDB-WASM in a Web Worker. Browser only: import this module dynamically from client code,
 * never from code that runs during prerendering.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
// Through IPC bytes, so the app's Arrow copy and DuckDB's never need to be the same object.
import { tableToIPC, type Table } from 'apache-arrow';
import { arrowToRows } from './arrow-rows';
import { OFFLINE_SETTINGS, type Connector, type RunOptions } from './connector';
import { ENGINE_OPEN, engineWasmUrl, startEngineWorker } from './engine-start';

/** Thrown when the browser lacks WebAssembly exception handling (the page says which browsers work). */
export class UnsupportedBrowserError extends Error {
	constructor() {
		super('unsupported-browser');
		this.name = 'UnsupportedBrowserError';
	}
}

interface Engine {
	db: duckdb.AsyncDuckDB;
	conn: duckdb.AsyncDuckDBConnection;
}

/** Each step of the engine's start as a performance measure (`oap-engine:<step>`), read by `npm run bench`. */
async function step<T>(name: string, work: () => Promise<T>): Promise<T> {
	const start = performance.now();
	const result = await work();
	performance.measure(`oap-engine:${name}`, { start, end: performance.now() });
	return result;
}

/**
 * Create a connector whose engine starts on first use, once, however many callers race for it.
 * `settings` run before anything else (the SQL console passes its lock-down, see db/console.ts).
 * `worker`: one started earlier by startEngineWorker (its wasm already compiling), used by the first start.
 */
export function createBrowserConnector(settings: readonly string[] = OFFLINE_SETTINGS, worker?: Worker): Connector {
	let engine: Promise<Engine> | null = null;

	function start(): Promise<Engine> {
		engine ??= (async () => {
			const w = worker ?? startEngineWorker();
			worker = undefined;
			if (!(await duckdb.getPlatformFeatures()).wasmExceptions) {
				w.terminate();
				throw new UnsupportedBrowserError();
			}
			const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), w);
			// The worker instantiates DuckDB and opens the database as soon as it has the compiled wasm
			// (engine-worker.js): these two wait for that and take its answers.
			await step('instantiate', () => db.instantiate(engineWasmUrl()));
			const conn = await step('open', async () => {
				await db.open(ENGINE_OPEN);
				const c = await db.connect();
				for (const s of settings) await c.query(s);
				return c;
			});
			return { db, conn };
		})();
		return engine;
	}

	// Terminates the worker at once, even in the middle of a query (the console's Cancel relies on it).
	async function stop(): Promise<void> {
		if (!engine) return;
		const { db } = await engine;
		engine = null;
		await db.terminate();
	}

	return connectorOn(start, async () => (await start()).conn, stop, settings);
}

/** A connector on `connection`; `close` ends the engine (main connection) or only the connection (a fork). */
function connectorOn(start: () => Promise<Engine>, connection: () => Promise<duckdb.AsyncDuckDBConnection>, close: () => Promise<void>, settings: readonly string[]): Connector {
	async function queryArrow(sql: string): Promise<Table> {
		return (await (await connection()).query(sql)) as unknown as Table;
	}

	return {
		queryArrow,
		async query(sql) {
			return arrowToRows(await queryArrow(sql));
		},
		async exec(sql) {
			await queryArrow(sql);
		},
		async run(sql: string, options: RunOptions = {}) {
			const conn = await connection();
			const { signal } = options;
			if (signal?.aborted) throw new DOMException('cancelled', 'AbortError');
			// A sent query runs in slices, so a cancel message gets between them.
			const cancel = () => void conn.cancelSent();
			signal?.addEventListener('abort', cancel);
			try {
				const reader = await conn.send(sql, true);
				for await (const batch of reader ?? []) void batch;
			} finally {
				signal?.removeEventListener('abort', cancel);
			}
			if (signal?.aborted) throw new DOMException('cancelled', 'AbortError');
		},
		async registerFile(name, data) {
			const { db } = await start();
			if (data instanceof Uint8Array) await db.registerFileBuffer(name, data);
			// The worker reads the File in slices where it lies: a 300 MB file is not copied.
			else await db.registerFileHandle(name, data, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
		},
		async dropFile(name) {
			const { db } = await start();
			await db.dropFile(name);
		},
		async insertArrow(name, data) {
			const conn = await connection();
			await conn.query(`DROP TABLE IF EXISTS "${name}"`);
			await conn.insertArrowFromIPCStream(tableToIPC(data, 'stream'), { name, create: true });
		},
		async appendArrow(name, ipc, create) {
			// DuckDB transfers the bytes' whole buffer to its worker (detaching it here): a view into a
			// larger buffer (one table of the bundled file) is copied first, so the rest stays readable.
			const own = ipc.byteOffset === 0 && ipc.byteLength === ipc.buffer.byteLength ? ipc : ipc.slice();
			await (await connection()).insertArrowFromIPCStream(own, { name, create });
		},
		async fork() {
			const { db } = await start();
			const conn = await db.connect();
			for (const s of settings) await conn.query(s);
			return connectorOn(start, async () => conn, () => conn.close(), settings);
		},
		close
	};
}
