import { Bool, Float64, Int32, makeBuilder, Table, Utf8, type DataType, type Vector } from 'apache-arrow';
import { parseCsvBytes } from '../data/parse-csv';
import { looksLikeParquet, parseParquet } from '../data/parse-parquet';
import { fileIssue, LoadError, type LoadIssue, type RawTable } from '../data/raw';
import { recogniseTable } from '../data/recognise';
import { createTableSql, readCsvColumns, TABLE_NAMES, TABLES, type ColumnType, type TableName } from '../data/schema';
import { validateTable, type ValidTable } from '../data/validate';
import { ident, literal, type Connector } from './connector';

export type LoadMode = 'add' | 'replace';

export interface InputFile {
	name: string;
	bytes: Uint8Array;
}

export interface LoadOptions {
	/** Force the table instead of recognising it from the columns. */
	table?: TableName;
	mode: LoadMode;
}

export interface LoadReport {
	file: string;
	table: TableName;
	rows: number;
	mode: LoadMode;
}

const STAGE = '__stage';

export async function createTables(conn: Connector): Promise<void> {
	await conn.exec(TABLE_NAMES.map((t) => createTableSql(t)).join(';\n'));
}

/** Bundled files are checked by the test suite, so they go straight through DuckDB's native CSV reader. */
export async function loadBundledCsv(conn: Connector, table: TableName, bytes: Uint8Array): Promise<void> {
	const name = `bundled_${table}.csv`;
	await conn.registerFile(name, bytes);
	try {
		await conn.exec(
			`INSERT INTO ${ident(table)} SELECT * FROM read_csv(${literal(name)}, header = true, delim = ',', quote = '"', columns = ${readCsvColumns(table)})`
		);
	} finally {
		await conn.dropFile(name);
	}
}

export async function parseFile(file: InputFile): Promise<RawTable> {
	if (file.bytes.length === 0) throw fileIssue(file.name, 'the file is empty');
	if (looksLikeParquet(file.bytes)) return parseParquet(file.name, file.bytes);
	if (/\.parquet$/i.test(file.name)) throw fileIssue(file.name, 'named .parquet but is not a Parquet file');
	return parseCsvBytes(file.name, file.bytes);
}

const ARROW_TYPE: Record<ColumnType, () => DataType> = {
	VARCHAR: () => new Utf8(),
	DATE: () => new Utf8(), // cast to DATE in SQL, where DuckDB owns the calendar
	INTEGER: () => new Int32(),
	DOUBLE: () => new Float64(),
	BOOLEAN: () => new Bool()
};

/**
 * One Arrow column. Not vectorFromArray: its null test is compiled with `new Function`, which the
 * Content-Security-Policy (no 'unsafe-eval') refuses; this builder tests for null without eval.
 */
function arrowColumn(values: readonly unknown[], type: DataType): Vector {
	const builder = makeBuilder({ type, nullValues: [] });
	(builder as unknown as { _isValid: (v: unknown) => boolean })._isValid = (v) => v !== null && v !== undefined;
	for (const v of values) builder.append(v);
	return builder.finish().toVector();
}

function toArrow(valid: ValidTable): Table {
	const vectors: Record<string, Vector> = { __row: arrowColumn(valid.rowNumbers, new Int32()) };
	for (const c of TABLES[valid.table].columns) vectors[c.name] = arrowColumn(valid.columns[c.name], ARROW_TYPE[c.type]());
	return new Table(vectors);
}

async function issuesFrom(conn: Connector, file: string, column: string, sql: string, message: (v: string) => string): Promise<LoadIssue[]> {
	const rows = await conn.query<{ __row: number; v: string }>(sql);
	return rows.map((r) => ({ file, row: r.__row, column, message: message(r.v) }));
}

/** Checks that need the loaded data: references to other tables, and keys already loaded. */
async function crossChecks(conn: Connector, valid: ValidTable, mode: LoadMode): Promise<LoadIssue[]> {
	const def = TABLES[valid.table];
	const issues: LoadIssue[] = [];
	for (const c of def.columns) {
		if (!c.references) continue;
		const [refTable, refCol] = c.references.split('.');
		if (refTable === valid.table) continue;
		issues.push(
			...(await issuesFrom(
				conn,
				valid.file,
				c.name,
				`SELECT __row, ${ident(c.name)} AS v FROM ${STAGE} WHERE ${ident(c.name)} IS NOT NULL AND ${ident(c.name)} NOT IN (SELECT ${ident(refCol)} FROM ${ident(refTable)}) ORDER BY __row LIMIT 20`,
				(v) => `“${v}” is not in table “${refTable}” (${refCol}); load it there first`
			))
		);
	}
	if (mode === 'add') {
		const on = def.key.map((k) => `CAST(s.${ident(k)} AS VARCHAR) IS NOT DISTINCT FROM CAST(t.${ident(k)} AS VARCHAR)`).join(' AND ');
		issues.push(
			...(await issuesFrom(
				conn,
				valid.file,
				def.key.join('+'),
				`SELECT s.__row, concat_ws(' / ', ${def.key.map((k) => `s.${ident(k)}`).join(', ')}) AS v FROM ${STAGE} s JOIN ${ident(valid.table)} t ON ${on} ORDER BY s.__row LIMIT 20`,
				(v) => `${v} is already loaded (choose “replace” to load the file instead of what is there)`
			))
		);
	}
	return issues;
}

/** Put validated rows into their table, all or nothing: on any failure the table is left as it was. */
export async function ingest(conn: Connector, valid: ValidTable, mode: LoadMode): Promise<void> {
	await conn.insertArrow(STAGE, toArrow(valid));
	try {
		const issues = await crossChecks(conn, valid, mode);
		if (issues.length) throw new LoadError(issues);
		const cols = TABLES[valid.table].columns;
		const select = cols.map((c) => `CAST(${ident(c.name)} AS ${c.type})`).join(', ');
		const target = ident(valid.table);
		try {
			await conn.exec(
				`BEGIN TRANSACTION; ${mode === 'replace' ? `DELETE FROM ${target};` : ''} INSERT INTO ${target} SELECT ${select} FROM ${STAGE}; COMMIT;`
			);
		} catch (e) {
			await conn.exec('ROLLBACK').catch(() => undefined);
			throw e;
		}
	} finally {
		await conn.exec(`DROP TABLE IF EXISTS ${STAGE}`);
	}
}

/** Recognise, validate and ingest a parsed file. Throws LoadError (file, row, column) on bad input. */
export async function loadParsed(conn: Connector, raw: RawTable, options: LoadOptions): Promise<LoadReport> {
	const table = options.table ?? recogniseTable(raw.file, raw.columns);
	if (!table)
		throw new LoadError([
			{ file: raw.file, row: 1, column: null, message: `the columns (${raw.columns.join(', ')}) match no table; choose the table by hand or see docs/DATA.md` }
		]);
	const valid = validateTable(raw, table);
	await ingest(conn, valid, options.mode);
	return { file: raw.file, table, rows: valid.rowCount, mode: options.mode };
}

/** Parse, recognise, validate and ingest one file. */
export async function loadFile(conn: Connector, file: InputFile, options: LoadOptions): Promise<LoadReport> {
	return loadParsed(conn, await parseFile(file), options);
}

/** Load order so that referenced tables come first within one batch. */
export function loadOrder(table: TableName | null): number {
	return table ? TABLE_NAMES.indexOf(table) : TABLE_NAMES.length;
}
