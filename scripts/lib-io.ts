/**
 * Reading the reference CSVs and writing one table as CSV + Parquet.
 * Column order and types always come from schema.ts, never from the row objects.
 */
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { TABLES, columnNames } from '../src/lib/data/schema.ts';
import { csvText } from '../src/lib/export/csv.ts';
import { writeParquet, type ParquetType } from '../src/lib/export/parquet.ts';
import type { ColumnType, TableName } from '../src/lib/data/schema.ts';

export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;
export type RefRow = Record<string, string>;

export function readRefCsv(dir: string, file: string): RefRow[] {
	const text = fs.readFileSync(path.join(dir, file), 'utf8');
	const parsed = Papa.parse<RefRow>(text, { header: true, skipEmptyLines: true });
	if (parsed.errors.length) {
		throw new Error(`${file}: ${parsed.errors.map((e) => `row ${e.row}: ${e.message}`).join('; ')}`);
	}
	// Trim every cell: the reference is hand-built and stray spaces would break keys.
	return parsed.data.map((r) => {
		const out: RefRow = {};
		for (const [k, v] of Object.entries(r)) out[k.trim()] = (v ?? '').trim();
		return out;
	});
}

/** Empty string, undefined and null all mean NULL. */
function isNull(v: Cell | undefined): boolean {
	return v === null || v === undefined || v === '';
}

/** Through the app's one CSV writer (quoting, formula neutralising); no BOM and LF line ends, as the data files always had. */
export function toCsv(table: TableName, rows: Row[]): string {
	const cols = columnNames(table);
	return csvText(cols, rows.map((r) => cols.map((c) => (isNull(r[c]) ? null : r[c]))), { bom: false, eol: '\n' });
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** The Parquet type of each schema type. */
const PARQUET_TYPE: Record<ColumnType, ParquetType> = { VARCHAR: 'STRING', INTEGER: 'INT32', DOUBLE: 'DOUBLE', DATE: 'DATE', BOOLEAN: 'BOOLEAN' };

/** A cell as the Parquet writer takes it for the column's type; a cell that is not of that type stops the script. */
function parquetValue(type: ColumnType, v: Cell | undefined, where: string): unknown {
	if (isNull(v)) return null;
	switch (type) {
		case 'VARCHAR':
			return String(v);
		case 'INTEGER': {
			const n = Number(v);
			if (!Number.isInteger(n)) throw new Error(`${where}: not an integer: ${v}`);
			return n;
		}
		case 'DOUBLE': {
			const n = Number(v);
			if (!Number.isFinite(n)) throw new Error(`${where}: not a number: ${v}`);
			return n;
		}
		case 'DATE':
			if (!DATE_RE.test(String(v))) throw new Error(`${where}: not an ISO date: ${v}`);
			return String(v);
		case 'BOOLEAN':
			if (v === true || v === 'true') return true;
			if (v === false || v === 'false') return false;
			throw new Error(`${where}: not a boolean: ${v}`);
	}
}

/** Through the app's one Parquet writer (src/lib/export/parquet.ts), columns typed by the schema; one row group. */
export function toParquet(table: TableName, rows: Row[]): ArrayBuffer {
	return writeParquet(
		TABLES[table].columns.map((c) => ({ name: c.name, type: PARQUET_TYPE[c.type], values: rows.map((r, i) => parquetValue(c.type, r[c.name], `${table} row ${i + 1} ${c.name}`)) })),
		{ rowGroupSize: 1_000_000 }
	);
}

export function writeTable(outDir: string, table: TableName, rows: Row[]): { csv: number; parquet: number } {
	const csv = toCsv(table, rows);
	const pq = toParquet(table, rows);
	fs.writeFileSync(path.join(outDir, `${table}.csv`), csv, 'utf8');
	fs.writeFileSync(path.join(outDir, `${table}.parquet`), new Uint8Array(pq));
	return { csv: Buffer.byteLength(csv), parquet: pq.byteLength };
}

/** Joins non-empty parts; keeps source strings readable without stray separators. */
export function join(parts: (string | undefined | null)[], sep = '; '): string {
	return parts.filter((p) => p && p.trim()).join(sep);
}

export function yearOf(date: string): number | null {
	const m = /^(\d{4})/.exec(date ?? '');
	return m ? Number(m[1]) : null;
}
