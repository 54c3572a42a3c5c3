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

/**
 * Trim as the contract does: DuckDB's trim() removes the Unicode spaces (space, no-break space, …)
 * around a value; tabs and line breaks are kept. The one rule for every text cell.
 */
export function trimSql(expr: string): string {
	return `trim(${expr})`;
}

/**
 * A cell's text trimmed, NULL when nothing is left. DuckDB's trim reads every character (≈ 0.1 s per
 * million cells): text of ASCII characters only, not empty and with no space at either end is what
 * trim would return, and is taken as it is after byte-level tests (the only ASCII character trim
 * removes is the space).
 */
export function trimmedSql(src: string, type: string): string {
	if (type === 'BLOB') return `NULLIF(${trimSql(`decode(${src})`)}, '')`;
	return `(CASE WHEN ${src} <> '' AND NOT starts_with(${src}, ' ') AND NOT suffix(${src}, ' ') AND strlen(${src}) = length(${src}) THEN ${src} ELSE NULLIF(${trimSql(src)}, '') END)`;
}

/** A number from text, by the file's decimal mark; NULL when the text is not such a number. */
export function textNumber(t: string, mark: DecimalMark, num: string = `TRY_CAST(${t} AS DOUBLE)`): string {
	if (mark === ',') {
		const tt = trimSql(t);
		const n = `TRY_CAST(replace(regexp_replace(${tt}, '[.${SPACES}]', '', 'g'), ',', '.') AS DOUBLE)`;
		return `(CASE WHEN regexp_full_match(${tt}, '${COMMA_NUMBER}') AND isfinite(${n}) THEN ${n} END)`;
	}
	// DuckDB would read "1_000" as 1000 (a spreadsheet never means that); "1e309" casts to infinity.
	return `(CASE WHEN isfinite(${num}) AND NOT contains(${t}, '_') THEN ${num} END)`;
}

/** A cast of the cell to DOUBLE, computed once per cell when numbers are read with a decimal point. */
export function numberSql(src: string): string {
	return `TRY_CAST(${src} AS DOUBLE)`;
}

export function wholeNumber(n: string): string {
	return `(CASE WHEN ${n} = trunc(${n}) AND ${n} BETWEEN ${INT32_MIN} AND ${INT32_MAX} THEN CAST(${n} AS INTEGER) END)`;
}

/** Whether a file's column feeding `col` is trimmed first (text going to text, dates, booleans). */
export function trimsFirst(col: Column, type: string): boolean {
	return isTextType(type) && col.type !== 'DOUBLE' && col.type !== 'INTEGER';
}

/**
 * The typed value for contract column `col` from a file's column of DuckDB type `type`. For text,
 * `src` is the cell (trimmed first when trimsFirst; a number's cast ignores the spaces around it) and
 * `num` its cast to DOUBLE, computed once; for typed columns `src` is the value itself.
 */
export function valueSql(col: Column, src: string, type: string, mark: DecimalMark, num?: string): string {
	if (isTextType(type)) {
		const t = src;
		switch (col.type) {
			case 'VARCHAR':
				return t;
			case 'DOUBLE':
				return textNumber(t, mark, num);
			case 'INTEGER':
				return mark === '.' && num
					? `(CASE WHEN isfinite(${num}) AND ${num} = trunc(${num}) AND ${num} BETWEEN ${INT32_MIN} AND ${INT32_MAX} AND NOT contains(${t}, '_') THEN CAST(${num} AS INTEGER) END)`
					: wholeNumber(textNumber(t, mark, num));
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
			if (isFloat || isDecimal)
				return `(CASE WHEN ${isFloat ? `isfinite(${src}) AND ` : ''}${src} = trunc(${src}) AND ${src} BETWEEN ${INT32_MIN} AND ${INT32_MAX} THEN CAST(${src} AS INTEGER) END)`;
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

/**
 * A failing cell's text, kept for the report; NULL when the value converted or the cell is empty
 * (spaces only count as empty). The trim runs on the failing cells only.
 */
export function rawSql(prepared: string, value: string, original: string): string {
	return `CASE WHEN ${prepared} IS NOT NULL AND (${value}) IS NULL AND ${trimSql(`CAST(${original} AS VARCHAR)`)} <> '' THEN CAST(${original} AS VARCHAR) END`;
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
