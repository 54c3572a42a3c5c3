// Test fixtures written by real writers: Parquet and CSV by DuckDB itself (@duckdb/node-api, the
// native engine, not our wasm build), workbooks by ExcelJS. Made in the test setup, never committed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

let native: Promise<DuckDBConnection> | null = null;
let n = 0;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oap-fixtures-'));

/** The native DuckDB (the reference reader and writer). */
export function nativeDuckDb(): Promise<DuckDBConnection> {
	native ??= DuckDBInstance.create(':memory:').then((db) => db.connect());
	return native;
}

export type Codec = 'uncompressed' | 'snappy' | 'gzip' | 'zstd' | 'brotli' | 'lz4' | 'lz4_raw';

/** The rows of `select` as a Parquet file written by DuckDB. */
export async function duckParquet(select: string, options: { codec?: Codec; version?: 1 | 2; rowGroupSize?: number } = {}): Promise<Uint8Array> {
	const conn = await nativeDuckDb();
	const file = path.join(dir, `f${++n}.parquet`);
	const opts = [`FORMAT parquet`, `COMPRESSION ${options.codec ?? 'zstd'}`];
	if (options.version === 2) opts.push(`PARQUET_VERSION v2`);
	if (options.rowGroupSize) opts.push(`ROW_GROUP_SIZE ${options.rowGroupSize}`);
	await conn.run(`COPY (${select}) TO '${file}' (${opts.join(', ')})`);
	return new Uint8Array(fs.readFileSync(file));
}

/** Rows of a Parquet file as the native DuckDB reads them (the reference to compare against). */
export async function nativeRows(bytes: Uint8Array, select = '*'): Promise<Record<string, unknown>[]> {
	const conn = await nativeDuckDb();
	const file = path.join(dir, `r${++n}.parquet`);
	fs.writeFileSync(file, bytes);
	const reader = await conn.runAndReadAll(`SELECT ${select} FROM read_parquet('${file}')`);
	return reader.getRowObjectsJson() as Record<string, unknown>[];
}

export function tmpFile(name: string): string {
	return path.join(dir, name);
}
