/**
 * The SQL console's database: a second DuckDB-WASM in a worker of its own, locked down
 * (console-settings.ts). It holds a copy of the loaded tables (model/console.ts), so nothing typed into
 * the console can change what the pages show, and a long query keeps only this worker busy.
 * Browser only: import it dynamically.
 */
import { createBrowserConnector } from './browser';
import { CONSOLE_SETTINGS } from './console-settings';
import type { Connector } from './connector';

export async function createConsoleConnector(): Promise<Connector> {
	const conn = createBrowserConnector(CONSOLE_SETTINGS);
	await conn.exec('SELECT 1');
	return conn;
}
