/**
 * From a file's cell to the contract's type, as SQL: one expression giving the typed value (NULL
 * when empty or when it does not convert), and one naming why a non-empty cell did not convert.
 * The rules are those of docs/DATA.md; nothing is rounded, truncated or shifted silently.
 */
import type { Column } from '$lib/data/schema';
import type { ProblemRule } from '$lib/data/problems';

/** How numbers written as text are read: decided once per file (see number-format.ts). */
export type DecimalMark = '.' | ',';

const INT_TYPES = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)$/;
const WIDE_INT = /^(BIGINT|HUGEINT|UBIGINT|UHUGEINT)$/;
const TEXT_TYPES = /^(VARCHAR|BLOB)$/;

export const INT32_MIN = -2147483648;
export const INT32_MAX = 2147483647;
/** Integers beyond ±2^53 cannot all be held by a DOUBLE. */
const EXACT_DOUBLE = 9007199254740992;

export const SPACES = ' \u00a0\u202f';
/** "12,5", "1.234,5", "1 234,5": decimal comma, optional dot or space thousands. */
export const COMMA_NUMBER = `[+-]?(\\d+|\\d{1,3}([.${SPACES}]\\d{3})+)(,\\d+)?`;
/** "1,234", "1,234.5", "1 234.5": comma or space thousands with a decimal point. */
export const GROUPED_NUMBER = `[+-]?\\d{1,3}([,${SPACES}]\\d{3})+(\\.\\d+)?`;
/** Dates as written: YYYY-MM-DD, optionally at midnight, optionally with a zone (the date as written counts). */
const DATE_TEXT = `\\d{4}-\\d{1,2}-\\d{1,2}([T ]00:00(:00(\\.0+)?)?)?\\s*(Z|[+-]\\d{2}(:?\\d{2})?)?`;
const DATE_TIME_TEXT = `\\d{4}-\\d{1,2}-\\d{1,2}[T ]\\d{1,2}:\\d{2}.*`;

export function isTextType(type: string): boolean {
	return TEXT_TYPES.test(type);
}

/** What is removed around a value: spaces (also no-break), tabs, line breaks, a stray byte-order mark. */
export const AROUND = ' \t\r\n\u00a0\u202f\ufeff';

/** Trim a text expression as the contract does (DuckDB's own trim() removes spaces only). */
export function trimSql(expr: string): string {
	return `trim(${expr}, '${AROUND}')`;
}

function text(src: string, type: string): string {
	const s = type === 'BLOB' ? `decode(${src})` : src;
	return `NULLIF(${trimSql(s)}, '')`;
}

/** A number from text, by the file's decimal mark; NULL when the text is not such a number. */
export function textNumber(t: string, mark: DecimalMark): string {
	const n =
		mark === ','
			? `(CASE WHEN regexp_full_match(${t}, '${COMMA_NUMBER}') THEN TRY_CAST(replace(regexp_replace(${t}, '[.${SPACES}]', '', 'g'), ',', '.') AS DOUBLE) END)`
			: // DuckDB would read "1_000" as 1000; a spreadsheet never means that.
				`(CASE WHEN NOT contains(${t}, '_') THEN TRY_CAST(${t} AS DOUBLE) END)`;
	// "1e309" casts to infinity on some paths: a number that is not finite is not a value.
	return `(CASE WHEN isfinite(${n}) THEN ${n} END)`;
}

function wholeNumber(n: string): string {
	return `(CASE WHEN ${n} = trunc(${n}) AND ${n} BETWEEN ${INT32_MIN} AND ${INT32_MAX} THEN CAST(${n} AS INTEGER) END)`;
}

/** The typed value of source column `src` (DuckDB type `type`) for contract column `col`. */
export function valueSql(col: Column, src: string, type: string, mark: DecimalMark): string {
	if (isTextType(type)) {
		const t = text(src, type);
		switch (col.type) {
			case 'VARCHAR':
				return t;
			case 'DOUBLE':
				return textNumber(t, mark);
			case 'INTEGER':
				return wholeNumber(textNumber(t, mark));
			case 'DATE':
				return `(CASE WHEN regexp_full_match(${t}, '${DATE_TEXT}') THEN TRY_CAST(regexp_extract(${t}, '^\\d{4}-\\d{1,2}-\\d{1,2}') AS DATE) END)`;
			case 'BOOLEAN':
				return `(CASE lower(${t}) WHEN 'true' THEN true WHEN 'yes' THEN true WHEN '1' THEN true WHEN 'false' THEN false WHEN 'no' THEN false WHEN '0' THEN false END)`;
		}
	}
	const isInt = INT_TYPES.test(type);
	const isFloat = type === 'FLOAT' || type === 'DOUBLE';
	const isDecimal = type.startsWith('DECIMAL');
	switch (col.type) {
		case 'DOUBLE':
			if (isInt) return WIDE_INT.test(type) ? `(CASE WHEN abs(${src}) <= ${EXACT_DOUBLE} THEN CAST(${src} AS DOUBLE) END)` : `CAST(${src} AS DOUBLE)`;
			// A FLOAT is read as the decimal it prints as (0.1, not 0.10000000149…).
			if (type === 'FLOAT') return `(CASE WHEN isfinite(${src}) THEN CAST(CAST(${src} AS VARCHAR) AS DOUBLE) END)`;
			if (isFloat) return `(CASE WHEN isfinite(${src}) THEN ${src} END)`;
			if (isDecimal) return `(CASE WHEN TRY_CAST(CAST(${src} AS DOUBLE) AS ${type}) = ${src} THEN CAST(${src} AS DOUBLE) END)`;
			return 'NULL::DOUBLE';
		case 'INTEGER':
			if (isInt) return `TRY_CAST(${src} AS INTEGER)`;
			if (isFloat || isDecimal) return `(CASE WHEN ${isFloat ? `isfinite(${src}) AND ` : ''}${src} = trunc(${src}) AND ${src} BETWEEN ${INT32_MIN} AND ${INT32_MAX} THEN CAST(${src} AS INTEGER) END)`;
			return 'NULL::INTEGER';
		case 'DATE':
			if (type === 'DATE') return src;
			// A moment (zone or not) is a date only at midnight; TIMESTAMPTZ is read in UTC.
			if (type.startsWith('TIMESTAMP')) {
				const ts = `CAST(${src} AS TIMESTAMP)`;
				return `(CASE WHEN CAST(${ts} AS TIME) = TIME '00:00:00' THEN CAST(${ts} AS DATE) END)`;
			}
			return 'NULL::DATE';
		case 'BOOLEAN':
			if (type === 'BOOLEAN') return src;
			if (isInt) return `(CASE ${src} WHEN 1 THEN true WHEN 0 THEN false END)`;
			return 'NULL::BOOLEAN';
		case 'VARCHAR':
			return 'NULL::VARCHAR';
	}
}

/** Whether the source cell holds anything (text of spaces only is empty). */
export function presentSql(src: string, type: string): string {
	return isTextType(type) ? `${text(src, type)} IS NOT NULL` : `${src} IS NOT NULL`;
}

/**
 * Why a present cell (its text in `raw`) did not convert, as a rule code. Evaluated only for the
 * failing cells.
 */
export function failureSql(col: Column, type: string, raw: string): string {
	const r = trimSql(raw);
	const q = (rule: ProblemRule) => `'${rule}'`;
	if (isTextType(type)) {
		switch (col.type) {
			case 'DOUBLE':
			case 'INTEGER': {
				const n = `TRY_CAST(${r} AS DOUBLE)`;
				const whole =
					col.type === 'INTEGER'
						? `WHEN ${n} IS NOT NULL AND ${n} <> trunc(${n}) THEN ${q('not_whole_number')} WHEN ${n} IS NOT NULL THEN ${q('too_large')} `
						: '';
				return `(CASE WHEN regexp_full_match(${r}, '[+-]?(inf|infinity|nan)', 'i') OR regexp_full_match(${r}, '[+-]?(\\d+\\.?\\d*|\\.\\d+)[eE][+-]?\\d+') THEN ${q('not_finite')} ${whole}WHEN regexp_full_match(${r}, '[+-]?[\\d.,${SPACES}]*\\d') THEN ${q('number_format')} ELSE ${q('not_number')} END)`;
			}
			case 'DATE':
				return `(CASE WHEN regexp_full_match(${r}, '${DATE_TIME_TEXT}') THEN ${q('time_of_day')} ELSE ${q('not_date')} END)`;
			case 'BOOLEAN':
				return q('not_boolean');
			default:
				return q('wrong_type');
		}
	}
	const isInt = INT_TYPES.test(type);
	const isFloat = type === 'FLOAT' || type === 'DOUBLE';
	const isDecimal = type.startsWith('DECIMAL');
	switch (col.type) {
		case 'DOUBLE':
			if (isInt || isDecimal) return q('not_exact');
			if (isFloat) return q('not_finite');
			return q('wrong_type');
		case 'INTEGER':
			if (isInt) return q('too_large');
			if (isFloat || isDecimal) {
				const n = `TRY_CAST(${raw} AS DOUBLE)`;
				return `(CASE WHEN NOT isfinite(${n}) THEN ${q('not_finite')} WHEN ${n} <> trunc(${n}) THEN ${q('not_whole_number')} ELSE ${q('too_large')} END)`;
			}
			return q('wrong_type');
		case 'DATE':
			return type.startsWith('TIMESTAMP') ? q('time_of_day') : q('wrong_type');
		case 'BOOLEAN':
			return isInt ? q('not_boolean') : q('wrong_type');
		default:
			return q('wrong_type');
	}
}
