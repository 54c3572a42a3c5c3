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
type Coerced = { value: Cell } | { error: string };

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
			return n === null || !Number.isInteger(n) ? { error: `“${String(v)}” is not a whole number` } : { value: n };
		}
		case 'DOUBLE': {
			const n = toNumber(v);
			return n === null ? { error: `“${String(v)}” is not a number` } : { value: n };
		}
		case 'BOOLEAN': {
			const s = String(v).trim().toLowerCase();
			if (v === true || ['true', '1', 'yes'].includes(s)) return { value: true };
			if (v === false || ['false', '0', 'no'].includes(s)) return { value: false };
			return { error: `“${String(v)}” is not true/false` };
		}
		case 'DATE': {
			if (v instanceof Date && !isNaN(v.getTime())) return { value: v.toISOString().slice(0, 10) };
			const s = String(v).trim();
			const d = new Date(s + 'T00:00:00Z');
			return ISO_DATE.test(s) && !isNaN(d.getTime()) && d.toISOString().startsWith(s)
				? { value: s }
				: { error: `“${s}” is not a date written YYYY-MM-DD` };
		}
	}
}

function checkColumns(raw: RawTable, table: TableName): LoadIssue[] {
	const def = TABLES[table];
	const known = new Set(def.columns.map((c) => c.name));
	const seen = new Set<string>();
	const issues: LoadIssue[] = [];
	const at = (column: string, message: string) => issues.push({ file: raw.file, row: HEADER_ROW, column, message });
	for (const c of raw.columns.map((c) => c.trim().toLowerCase())) {
		if (seen.has(c)) at(c, 'this column appears twice');
		seen.add(c);
		if (!known.has(c)) at(c, `unknown column for table “${table}” (expected: ${[...known].join(', ')})`);
	}
	for (const c of def.columns) if (c.required && !seen.has(c.name)) at(c.name, `required column missing in table “${table}”`);
	return issues;
}

/** Check a parsed file against the contract of `table`. Throws LoadError naming file, row and column. */
export function validateTable(raw: RawTable, table: TableName): ValidTable {
	const def = TABLES[table];
	const headerIssues = checkColumns(raw, table);
	if (headerIssues.length) throw new LoadError(headerIssues);
	if (raw.rows.length === 0) throw new LoadError([{ file: raw.file, row: null, column: null, message: 'the file has a header but no data rows' }]);

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
			issues.push({ file: raw.file, row, column: null, message: `${cells.length} fields but the header has ${width} (a separator inside an unquoted value?)` });
			continue;
		}
		const typed: Cell[] = [];
		for (const col of def.columns) {
			const i = index.get(col.name);
			const v = i === undefined ? null : cells[i];
			let value: Cell = null;
			if (isEmpty(v)) {
				if (col.required) issues.push({ file: raw.file, row, column: col.name, message: 'a value is required' });
			} else {
				const c = coerce(col, v);
				if ('error' in c) issues.push({ file: raw.file, row, column: col.name, message: c.error });
				else value = c.value;
			}
			if (typeof value === 'string' && col.pattern && !new RegExp(`^(?:${PATTERNS[col.pattern]})$`).test(value))
				issues.push({ file: raw.file, row, column: col.name, message: `“${value}” is not an ISO 3166-1 alpha-3 code (three capital letters A–Z)` });
			if (value !== null && col.values && !col.values.includes(String(value)))
				issues.push({ file: raw.file, row, column: col.name, message: `“${value}” is not allowed (allowed: ${col.values.join(', ')})` });
			if (typeof value === 'number' && ((col.min !== undefined && value < col.min) || (col.max !== undefined && value > col.max)))
				issues.push({ file: raw.file, row, column: col.name, message: `${value} is outside ${col.min ?? '−∞'}–${col.max ?? '∞'}` });
			typed.push(value);
		}
		const key = def.key.map((k) => String(typed[def.columns.findIndex((c) => c.name === k)] ?? '')).join('\u0001');
		const first = keys.get(key);
		if (first !== undefined)
			issues.push({ file: raw.file, row, column: def.key.join('+'), message: `duplicate of row ${first} (same ${def.key.join(', ')})` });
		else keys.set(key, row);
		def.columns.forEach((c, j) => columns[c.name].push(typed[j]));
		rowNumbers.push(row);
	}
	if (issues.length) throw new LoadError(issues.slice(0, MAX_ISSUES));
	return { table, file: raw.file, rowCount: rowNumbers.length, rowNumbers, columns };
}
