/**
 * DuckDB-WASM's blocking Node build: the same engine and SQL as the browser, in-process,
 * for unit tests and scripts. Never imported by the app.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
// Through IPC bytes, so the app's Arrow copy and DuckDB's never need to be the same object.
import { tableToIPC, type Table } from 'apache-arrow';
import { arrowToRows } from './arrow-rows';
import { OFFLINE_SETTINGS, type Connector } from './connector';

const require = createRequire(import.meta.url);

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

	const queryArrow = async (sql: string): Promise<Table> => conn.query(sql);
	return {
		queryArrow,
		async query(sql) {
			return arrowToRows(conn.query(sql));
		},
		async exec(sql) {
			conn.query(sql);
		},
		async registerFile(name, bytes) {
			db.registerFileBuffer(name, bytes);
		},
		async dropFile(name) {
			db.dropFile(name);
		},
		async insertArrow(name, data) {
			conn.query(`DROP TABLE IF EXISTS "${name}"`);
			conn.insertArrowFromIPCStream(tableToIPC(data, 'stream'), { name, create: true });
		},
		async close() {
			conn.close();
		}
	};
}
