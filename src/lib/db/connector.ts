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
	/** Make a file readable by SQL under `name` (e.g. for read_csv): bytes, or a Blob/File read in place, not copied. */
	registerFile(name: string, data: Uint8Array | Blob): Promise<void>;
	/** Forget a registered file. */
	dropFile(name: string): Promise<void>;
	/** Create table `name` from an Arrow table (replacing any table of that name). */
	insertArrow(name: string, data: Table): Promise<void>;
	/**
	 * Append an Arrow IPC stream to table `name`, creating it from the stream's schema when `create`.
	 * The browser hands `ipc`'s buffer to DuckDB's worker when `ipc` spans all of it (then unusable here).
	 */
	appendArrow(name: string, ipc: Uint8Array, create: boolean): Promise<void>;
	/**
	 * Run statements that may take long (loading a file), cancelled when `signal` aborts (the
	 * statement fails). Use on a `fork()`, so the pages' own queries never interrupt it.
	 */
	run(sql: string, options?: RunOptions): Promise<void>;
	/** A second connection to the same database (same tables, its own session). */
	fork(): Promise<Connector>;
	/** Release the engine. */
	close(): Promise<void>;
}

export interface RunOptions {
	signal?: AbortSignal;
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
