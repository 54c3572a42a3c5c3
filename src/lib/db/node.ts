/**
 * DuckDB-WASM's blocking Node build: the same engine and SQL as the browser, in-process,
 * for unit tests and scripts. Never imported by the app.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
// Through IPC bytes, so the app's Arrow copy and DuckDB's never need to be the same object.
import { tableFromIPC, tableToIPC, type Table } from 'apache-arrow';
import { arrowToRows } from './arrow-rows';
import { OFFLINE_SETTINGS, type Connector } from './connector';

const require = createRequire(import.meta.url);

interface NodeDb {
	connect(): NodeConn;
	registerFileBuffer(name: string, bytes: Uint8Array): void;
	dropFile(name: string): void;
}
interface NodeConn {
	query(sql: string): Table;
	useUnsafe<R>(f: (bindings: { runQuery(conn: number, sql: string): Uint8Array }, conn: number) => R): R;
	insertArrowFromIPCStream(ipc: Uint8Array, options: { name: string; create: boolean }): void;
	close(): void;
}

function wrap(db: NodeDb, conn: NodeConn): Connector {
	// Results as this app's own Arrow (from the result's IPC bytes): DuckDB's copy of apache-arrow may be
	// another module instance, whose tables this copy's tableToIPC would silently write empty.
	const queryArrow = async (sql: string): Promise<Table> => tableFromIPC(conn.useUnsafe((b, c) => b.runQuery(c, sql)));
	const cancelled = (signal?: AbortSignal) => {
		if (signal?.aborted) throw new DOMException('cancelled', 'AbortError');
	};
	return {
		queryArrow,
		async query(sql) {
			return arrowToRows(await queryArrow(sql));
		},
		async exec(sql) {
			conn.query(sql);
		},
		async run(sql, options) {
			// The blocking build cannot be interrupted; a cancel takes effect between statements.
			cancelled(options?.signal);
			conn.query(sql);
			cancelled(options?.signal);
		},
		async registerFile(name, data) {
			db.registerFileBuffer(name, data instanceof Uint8Array ? data : new Uint8Array(await data.arrayBuffer()));
		},
		async dropFile(name) {
			db.dropFile(name);
		},
		async insertArrow(name, data) {
			conn.query(`DROP TABLE IF EXISTS "${name}"`);
			conn.insertArrowFromIPCStream(tableToIPC(data, 'stream'), { name, create: true });
		},
		async appendArrow(name, ipc, create) {
			conn.insertArrowFromIPCStream(ipc, { name, create });
		},
		async fork() {
			const other = db.connect();
			for (const s of OFFLINE_SETTINGS) other.query(s);
			return wrap(db, other);
		},
		async close() {
			conn.close();
		}
	};
}

export async function createNodeConnector(): Promise<Connector> {
	const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
	const dir = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
	const db = await duckdb.createDuckDB(
		{
			mvp: { mainModule: path.join(dir, 'duckdb-mvp.wasm'), mainWorker: '' },
			eh: { mainModule: path.join(dir, 'duckdb-eh.wasm'), mainWorker: '' }
		},
		new duckdb.VoidLogger(),
		duckdb.NODE_RUNTIME
	);
	await db.instantiate();
	db.open({ query: { castBigIntToDouble: true } });
	const conn = db.connect();
	for (const s of OFFLINE_SETTINGS) conn.query(s);
	return wrap(db, conn);
}
