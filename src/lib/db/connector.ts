import type { Table } from 'apache-arrow';

/** A row as the UI sees it: BigInt become numbers, dates become 'YYYY-MM-DD' strings. */
export type Row = Record<string, unknown>;

/**
 * The one door to DuckDB. The browser implementation runs DuckDB-WASM in a worker; the Node
 * implementation runs the same engine in-process for tests and scripts, so SQL is identical.
 */
export interface Connector {
	/** Run one or more statements and return the last result as plain rows. */
	query<T = Row>(sql: string): Promise<T[]>;
	/** Run SQL and return the last result as an Arrow table (for exports and large results). */
	queryArrow(sql: string): Promise<Table>;
	/** Run statements whose result is not needed. */
	exec(sql: string): Promise<void>;
	/** Make bytes readable by SQL under `name` (e.g. for read_csv). */
	registerFile(name: string, bytes: Uint8Array): Promise<void>;
	/** Forget a registered file. */
	dropFile(name: string): Promise<void>;
	/** Create table `name` from an Arrow table (replacing any table of that name). */
	insertArrow(name: string, data: Table): Promise<void>;
	/** Release the engine. */
	close(): Promise<void>;
}

/** Settings applied to every new database: no extension may be fetched (closed networks). */
export const OFFLINE_SETTINGS = [
	'SET autoinstall_known_extensions = false',
	'SET autoload_known_extensions = false'
];

/** Quote an SQL identifier. */
export function ident(name: string): string {
	return '"' + name.replaceAll('"', '""') + '"';
}

/** Quote an SQL string literal. */
export function literal(value: string | number | null | undefined): string {
	if (value === null || value === undefined) return 'NULL';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'NULL';
	return "'" + value.replaceAll("'", "''") + "'";
}
