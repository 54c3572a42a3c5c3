/**
 * The staging table: a file's rows converted to the contract's types in one pass, with each row's
 * number in the file and, for every cell that did not convert, its text. Contract columns come first,
 * in the contract's order and types, so a Replace can put the stage in the table's place as it is.
 */
import { TABLES, type Column, type TableName } from '$lib/data/schema';
import { ident, literal } from '../connector';
import { presentSql, valueSql, type DecimalMark } from './convert';

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
	/** The row number (header = 1) of each record, computed over the whole relation. */
	rowSql: string;
	/** Column holding fields beyond the header (CSV), if any. */
	extra: string | null;
	/** The file separates fields with commas, so a comma inside a number was quoted on purpose. */
	commaDelimited: boolean;
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

/** CREATE TABLE for the stage of `source` under `plan`, numbers read with `mark`. */
export function stageSql(stage: string, source: Source, plan: StagePlan, mark: DecimalMark): string {
	const cols = mappedColumns(source, plan);
	const values: string[] = [];
	const raws: string[] = [];
	for (const { col, src } of cols) {
		if (!src) {
			values.push(`${col.provenance ? literal(plan.provenance) : `NULL::${col.type}`} AS ${ident(col.name)}`);
			continue;
		}
		const s = ident(src.name);
		const v = valueSql(col, s, src.type, mark);
		values.push(`${col.provenance ? `COALESCE(${v}, ${literal(plan.provenance)})` : v} AS ${ident(col.name)}`);
		raws.push(`CASE WHEN ${presentSql(s, src.type)} AND (${v}) IS NULL THEN CAST(${s} AS VARCHAR) END AS ${raw(col.name)}`);
	}
	// Rows with no value at all (",,,," lines, trailing spreadsheet rows) are not data.
	const anyValue = source.columns.map((c) => `${ident(c.name)} IS NOT NULL`).join(' OR ') || 'true';
	const extra = source.extra ? [`${ident(source.extra)} AS __extra`] : [];
	return `CREATE TABLE ${ident(stage)} AS SELECT ${[...values, '__row', ...raws, ...extra].join(', ')} FROM (SELECT ${source.rowSql} AS __row, * FROM ${source.relation}) WHERE ${anyValue}`;
}

/** Columns of the stage that are not the contract's, dropped before the stage becomes the table. */
export function stageExtras(source: Source, plan: StagePlan): string[] {
	const raws = mappedColumns(source, plan)
		.filter((m) => m.src)
		.map((m) => `${m.col.name}__raw`);
	return ['__row', ...raws, ...(source.extra ? ['__extra'] : [])];
}
