import type { ExportColumn, PlainRow, PlainValue } from './types';

const BOM = '\uFEFF';
const CRLF = '\r\n';

/**
 * Characters that make a spreadsheet read a cell as a formula (or, for tab and CR, hide one), per
 * OWASP "CSV Injection": such cells get a leading apostrophe so Excel and LibreOffice show them as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A string that is only a number ("-5", "+1.5e3") cannot carry a formula: left as it is. */
const NUMBER_LITERAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** The text of one cell: numbers as numbers (never neutralised), text neutralised when it could be a formula. */
export function csvCell(v: PlainValue): string {
	if (v === null) return '';
	if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
	if (typeof v === 'boolean') return v ? 'true' : 'false';
	const text = FORMULA_START.test(v) && !NUMBER_LITERAL.test(v) ? `'${v}` : v;
	return quote(text);
}

/** RFC 4180 quoting: a cell with a comma, a quote or a line break is quoted, quotes doubled. */
function quote(text: string): string {
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The rows as CSV for spreadsheets: UTF-8 byte order mark (so Excel reads accented, Cyrillic and Arabic
 * text as UTF-8), a header of the columns' labels, CRLF line ends, formula-like text neutralised.
 */
export function toCsv(rows: readonly PlainRow[], columns: readonly ExportColumn[]): string {
	const lines = [columns.map((c) => csvCell(c.label)).join(',')];
	for (const r of rows) lines.push(columns.map((c) => csvCell(r[c.key] ?? null)).join(','));
	return BOM + lines.join(CRLF) + CRLF;
}
