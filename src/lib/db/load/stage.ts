/**
 * The staging table: a file's rows converted to the contract's types in one pass, with each row's
 * number in the file and, for every cell that did not convert, its text. Contract columns come first,
 * in the contract's order and types, so a Replace can put the stage in the table's place as it is.
 */
import { TABLES, type Column, type TableName } from '$lib/data/schema';
import { ident, literal } from '../connector';
import { isTextType, numberSql, rawSql, trimmedSql, trimsFirst, valueSql, type DecimalMark } from './convert';

/** A column of the file as DuckDB reads it. */
export interface SourceColumn {
	/** Identifier in the source relation. */
	name: string;
	/** DuckDB type (VARCHAR for CSV and workbooks; the Parquet column's type otherwise). */
	type: string;
}

/** Where a file's rows come from, as SQL. */
export interface Source {
	/** A FROM item: read_csv(...) on the registered file, or the table a decoder filled. */
	relation: string;
	/** The file's columns, in the order of its header. */
	columns: SourceColumn[];
	/**
	 * The row number (header = 1) of each record when the file says it (a workbook's own numbers);
	 * null when it is the record's place: then it is the stage's rowid + 2, at no cost.
	 */
	rowSql: string | null;
	/** Column holding fields beyond the header (CSV), if any. */
	extra: string | null;
	/** The file separates fields with commas, so a comma inside a number was quoted on purpose. */
	commaDelimited: boolean;
	/** The table `relation` names when this load made it (a decoded Parquet file) and may change it. */
	owned?: string;
}

/** Which contract column each source column feeds (same order as Source.columns; null = ignored). */
export interface StagePlan {
	table: TableName;
	mapping: (string | null)[];
	/** Source of rows whose `source` is missing or empty: "<file>, loaded <date>". */
	provenance: string;
}

export interface Mapped {
	col: Column;
	src: SourceColumn | null;
}

export function mappedColumns(source: Source, plan: StagePlan): Mapped[] {
	return TABLES[plan.table].columns.map((col) => {
		const i = plan.mapping.indexOf(col.name);
		return { col, src: i >= 0 ? source.columns[i] : null };
	});
}

export const raw = (c: string) => ident(`${c}__raw`);

/** Text going to a text column always converts: only other columns keep the text of failing cells. */
export function keepsRaw(m: Mapped): boolean {
	return m.src !== null && !(isTextType(m.src.type) && m.col.type === 'VARCHAR');
}

/**
 * CREATE TABLE for the stage of `source` under `plan`, numbers read with `mark`. An inner projection
 * trims each text cell and casts it to a number once; the outer one types and keeps failing cells.
 */
export function stageSql(stage: string, source: Source, plan: StagePlan, mark: DecimalMark): string {
	const cols = mappedColumns(source, plan);
	const numbered = source.rowSql !== null;
	const inner: string[] = numbered ? ['__row'] : [];
	const values: string[] = [];
	const raws: string[] = [];
	cols.forEach(({ col, src }, i) => {
		if (!src) {
			values.push(`${col.provenance ? literal(plan.provenance) : `NULL::${col.type}`} AS ${ident(col.name)}`);
			return;
		}
		const s = ident(src.name);
		const text = isTextType(src.type);
		const p = ident(`__p${i}`);
		inner.push(`${trimsFirst(col, src.type) ? trimmedSql(s, src.type) : s} AS ${p}`, `${s} AS ${ident(`__s${i}`)}`);
		const numeric = text && mark === '.' && (col.type === 'DOUBLE' || col.type === 'INTEGER');
		if (numeric) inner.push(`${numberSql(s)} AS ${ident(`__n${i}`)}`);
		const v = valueSql(col, p, src.type, mark, numeric ? ident(`__n${i}`) : undefined);
		values.push(`${col.provenance ? `COALESCE(${v}, ${literal(plan.provenance)})` : v} AS ${ident(col.name)}`);
		if (keepsRaw({ col, src })) raws.push(`${rawSql(p, v, ident(`__s${i}`))} AS ${raw(col.name)}`);
	});
	const extra = source.extra ? [`${ident(source.extra)} AS __extra`] : [];
	if (source.extra) inner.push(ident(source.extra));
	const rows = numbered ? `(SELECT ${source.rowSql} AS __row, * FROM ${source.relation})` : source.relation;
	return `CREATE TABLE ${ident(stage)} AS SELECT ${[...values, ...(numbered ? ['__row'] : []), ...raws, ...extra].join(', ')} FROM (SELECT ${inner.join(', ')} FROM ${rows})`;
}

/**
 * The stage made out of the source's own table in place, when the file's columns already have the
 * contract's types, in the contract's order (a Parquet file written from the template): the same
 * values as stageSql, with the conversions applied only to the cells they change, instead of every
 * row written again. null when the file does not fit so.
 */
export function stageInPlaceSql(stage: string, source: Source, plan: StagePlan): string[] | null {
	const table = source.owned;
	if (!table || source.rowSql !== null || source.extra || plan.mapping.some((m) => m === null) || source.columns.some((c) => c.name.startsWith('__'))) return null;
	const cols = mappedColumns(source, plan);
	let last = -1;
	let missing = false;
	for (const { col, src } of cols) {
		if (!src) {
			missing = true;
			continue;
		}
		const at = source.columns.indexOf(src);
		if (missing || at < last || src.type !== col.type || !/^(VARCHAR|INTEGER|DOUBLE|DATE|BOOLEAN)$/.test(col.type)) return null;
		last = at;
	}
	const t = ident(table);
	// Through temporary names, so a file column named like another contract column never collides.
	const sql = source.columns.map((c, i) => `ALTER TABLE ${t} RENAME COLUMN ${ident(c.name)} TO ${ident(`__f${i}`)}`);
	sql.push(...source.columns.map((_, i) => `ALTER TABLE ${t} RENAME COLUMN ${ident(`__f${i}`)} TO ${ident(plan.mapping[i]!)}`));
	for (const { col, src } of cols) {
		if (src) continue;
		sql.push(`ALTER TABLE ${t} ADD COLUMN ${ident(col.name)} ${col.type}${col.provenance ? ` DEFAULT ${literal(plan.provenance)}` : ''}`);
		// The rows got the default; the table (which may become the contract's) keeps none.
		if (col.provenance) sql.push(`ALTER TABLE ${t} ALTER COLUMN ${ident(col.name)} DROP DEFAULT`);
	}
	for (const m of cols) if (keepsRaw(m)) sql.push(`ALTER TABLE ${t} ADD COLUMN ${raw(m.col.name)} VARCHAR`);
	for (const { col, src } of cols) {
		if (!src) continue;
		const c = ident(col.name);
		const p = trimsFirst(col, src.type) ? trimmedSql(c, src.type) : c;
		const v = valueSql(col, p, src.type, '.');
		const value = col.provenance ? `COALESCE(${v}, ${literal(plan.provenance)})` : v;
		if (value === c) continue;
		const rawSet = keepsRaw({ col, src }) ? `, ${raw(col.name)} = ${rawSql(p, v, c)}` : '';
		sql.push(`UPDATE ${t} SET ${c} = ${value}${rawSet} WHERE ${c} IS DISTINCT FROM ${value}`);
	}
	sql.push(`ALTER TABLE ${t} RENAME TO ${ident(stage)}`);
	return sql;
}

/** The view the checks read: the stage with every row's number in the file. */
export function stageView(stage: string): string {
	return `${stage}_rows`;
}

export function stageViewSql(stage: string, source: Source): string {
	const row = source.rowSql !== null ? '' : ', (rowid + 2)::INTEGER AS __row';
	return `CREATE OR REPLACE VIEW ${ident(stageView(stage))} AS SELECT *${row} FROM ${ident(stage)}`;
}

/** Rows with no value at all (",,,," lines, trailing spreadsheet rows) are not data. */
export function emptyRowsSql(stage: string, source: Source, plan: StagePlan): string {
	// A missing source is filled in with the default, so the source column says nothing about emptiness.
	const cols = mappedColumns(source, plan).filter((m) => m.src && !m.col.provenance);
	const none = cols.map((m) => `${ident(m.col.name)} IS NULL${keepsRaw(m) ? ` AND ${raw(m.col.name)} IS NULL` : ''}`).join(' AND ') || 'false';
	return `(${none}${source.extra ? ' AND __extra IS NULL' : ''})`;
}

/** Columns of the stage that are not the contract's, dropped before the stage becomes the table. */
export function stageExtras(source: Source, plan: StagePlan): string[] {
	const raws = mappedColumns(source, plan)
		.filter(keepsRaw)
		.map((m) => `${m.col.name}__raw`);
	return [...(source.rowSql !== null ? ['__row'] : []), ...raws, ...(source.extra ? ['__extra'] : [])];
}
