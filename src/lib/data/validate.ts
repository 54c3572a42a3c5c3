import { type LoadIssue, LoadError, type RawTable } from './raw';
import { type Column, PATTERNS, TABLES, type TableName } from './schema';

const MAX_ISSUES = 50;
const HEADER_ROW = 1;

/** A file that fits the contract: one array per contract column, cells typed, plus source row numbers. */
export interface ValidTable {
	table: TableName;
	file: string;
	rowCount: number;
	/** Spreadsheet row number of each row (header = 1). */
	rowNumbers: number[];
	columns: Record<string, (string | number | boolean | null)[]>;
}

type Cell = string | number | boolean | null;
type Coerced = { value: Cell } | { error: 'not_whole_number' | 'not_number' | 'not_boolean' | 'not_date' };

const INT = /^[+-]?\d+$/;
const NUM = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const COMMA_DECIMAL = /^[+-]?\d+,\d+$/; // "12,5" from a semicolon-separated European spreadsheet
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isEmpty(v: unknown): boolean {
	return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

function toNumber(v: unknown): number | null {
	if (typeof v === 'number') return Number.isFinite(v) ? v : null;
	if (typeof v === 'bigint') return Number(v);
	if (typeof v !== 'string') return null;
	const s = v.trim();
	if (NUM.test(s)) return Number(s);
	if (COMMA_DECIMAL.test(s)) return Number(s.replace(',', '.'));
	return null;
}

function coerce(col: Column, v: unknown): Coerced {
	switch (col.type) {
		case 'VARCHAR':
			return { value: v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim() };
		case 'INTEGER': {
			const n = typeof v === 'string' && !INT.test(v.trim()) ? null : toNumber(v);
			return n === null || !Number.isInteger(n) ? { error: 'not_whole_number' } : { value: n };
		}
		case 'DOUBLE': {
			const n = toNumber(v);
			return n === null ? { error: 'not_number' } : { value: n };
		}
		case 'BOOLEAN': {
			const s = String(v).trim().toLowerCase();
			if (v === true || ['true', '1', 'yes'].includes(s)) return { value: true };
			if (v === false || ['false', '0', 'no'].includes(s)) return { value: false };
			return { error: 'not_boolean' };
		}
		case 'DATE': {
			if (v instanceof Date && !isNaN(v.getTime())) return { value: v.toISOString().slice(0, 10) };
			const s = String(v).trim();
			const d = new Date(s + 'T00:00:00Z');
			return ISO_DATE.test(s) && !isNaN(d.getTime()) && d.toISOString().startsWith(s)
				? { value: s }
				: { error: 'not_date' };
		}
	}
}

function checkColumns(raw: RawTable, table: TableName): LoadIssue[] {
	const def = TABLES[table];
	const known = new Set(def.columns.map((c) => c.name));
	const seen = new Set<string>();
	const issues: LoadIssue[] = [];
	const at = (column: string, rule: LoadIssue['rule'], params: LoadIssue['params'] = {}) => issues.push({ file: raw.file, row: HEADER_ROW, column, rule, params });
	for (const c of raw.columns.map((c) => c.trim().toLowerCase())) {
		if (seen.has(c)) at(c, 'duplicate_column');
		seen.add(c);
		if (!known.has(c)) at(c, 'unknown_column', { table, expected: [...known].join(', ') });
	}
	for (const c of def.columns) if (c.required && !seen.has(c.name)) at(c.name, 'missing_column', { table, column: c.name });
	return issues;
}

/** Check a parsed file against the contract of `table`. Throws LoadError naming file, row and column. */
export function validateTable(raw: RawTable, table: TableName): ValidTable {
	const def = TABLES[table];
	const headerIssues = checkColumns(raw, table);
	if (headerIssues.length) throw new LoadError(headerIssues);
	if (raw.rows.length === 0) throw new LoadError([{ file: raw.file, row: null, column: null, rule: 'no_rows', params: {} }]);

	const index = new Map(raw.columns.map((c, i) => [c.trim().toLowerCase(), i]));
	const columns: ValidTable['columns'] = Object.fromEntries(def.columns.map((c) => [c.name, []]));
	const rowNumbers: number[] = [];
	const keys = new Map<string, number>();
	const issues: LoadIssue[] = [];
	const width = raw.columns.length;

	for (let r = 0; r < raw.rows.length && issues.length < MAX_ISSUES; r++) {
		const cells = raw.rows[r];
		const row = r + 2; // header is row 1
		if (cells.length > width) {
			issues.push({ file: raw.file, row, column: null, rule: 'extra_fields', params: { fields: cells.length, width } });
			continue;
		}
		const typed: Cell[] = [];
		for (const col of def.columns) {
			const i = index.get(col.name);
			const v = i === undefined ? null : cells[i];
			let value: Cell = null;
			if (isEmpty(v)) {
				if (col.required) issues.push({ file: raw.file, row, column: col.name, rule: 'required', params: {} });
			} else {
				const c = coerce(col, v);
				if ('error' in c) issues.push({ file: raw.file, row, column: col.name, rule: c.error, params: { value: String(v) } });
				else value = c.value;
			}
			if (typeof value === 'string' && col.pattern && !new RegExp(`^(?:${PATTERNS[col.pattern]})$`).test(value))
				issues.push({ file: raw.file, row, column: col.name, rule: 'not_iso3', params: { value } });
			if (value !== null && col.values && !col.values.includes(String(value)))
				issues.push({ file: raw.file, row, column: col.name, rule: 'not_allowed', params: { value: String(value), allowed: col.values.join(', ') } });
			if (typeof value === 'number' && ((col.min !== undefined && value < col.min) || (col.max !== undefined && value > col.max)))
				issues.push({ file: raw.file, row, column: col.name, rule: 'out_of_range', params: { value, min: col.min ?? '−∞', max: col.max ?? '∞' } });
			typed.push(value);
		}
		const key = def.key.map((k) => String(typed[def.columns.findIndex((c) => c.name === k)] ?? '')).join('\u0001');
		const first = keys.get(key);
		if (first !== undefined)
			issues.push({ file: raw.file, row, column: def.key.join('+'), rule: 'duplicate_row', params: { first, key: def.key.join(', ') } });
		else keys.set(key, row);
		def.columns.forEach((c, j) => columns[c.name].push(typed[j]));
		rowNumbers.push(row);
	}
	if (issues.length) throw new LoadError(issues.slice(0, MAX_ISSUES));
	return { table, file: raw.file, rowCount: rowNumbers.length, rowNumbers, columns };
}
