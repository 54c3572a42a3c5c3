/**
 * The one CSV writer: chart exports, observation files and the bundled data files (scripts/lib-io.ts)
 * all write through it, so every CSV the app or its scripts make quotes and neutralises the same way.
 */
import type { ExportColumn, PlainRow, PlainValue } from './types';

const BOM = '\uFEFF';

/**
 * Text a spreadsheet would run as a formula (= + - @) or whose start it would hide (tab, CR), per OWASP
 * "CSV Injection": such cells get a leading apostrophe, so Excel and LibreOffice show them as text. Text
 * that already starts with apostrophes before one of these gets one more, so `unneutralise` (one
 * apostrophe less) gives back exactly what was written, in every column.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
/** A string that is only a number ("-5", "+1.5e3") cannot carry a formula: left as it is. */
const NUMBER_LITERAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
/** What `neutralise` added: one apostrophe before apostrophes and a formula character. */
const NEUTRALISED = /^'+[=+\-@\t\r]/;

export function neutralise(text: string): string {
	return FORMULA_START.test(text) && !NUMBER_LITERAL.test(text) ? `'${text}` : text;
}

/** The text as it was before `neutralise` (for reading back a file this writer made). */
export function unneutralise(text: string): string {
	return NEUTRALISED.test(text) ? text.slice(1) : text;
}

/**
 * RFC 4180 quoting, quotes doubled. Besides commas, quotes and line breaks, a cell with a semicolon,
 * a tab or a bar is quoted (readers that guess the separator, Excel in many locales), and so is a cell
 * with spaces at either end (readers that trim).
 */
function quote(text: string): string {
	return /[",;\t|\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The text of one cell: numbers as numbers (never neutralised), text neutralised, then quoted. */
export function csvCell(v: PlainValue | undefined): string {
	if (v === null || v === undefined) return '';
	if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
	if (typeof v === 'boolean') return v ? 'true' : 'false';
	return quote(neutralise(v));
}

export interface CsvOptions {
	/** UTF-8 byte order mark first, so Excel reads accented, Cyrillic and Arabic text as UTF-8 (default true). */
	bom?: boolean;
	/** Line end (default CRLF, as RFC 4180 and Excel write). */
	eol?: '\r\n' | '\n';
}

/** A header and rows of cells as CSV text; every line ends with `eol`. */
export function csvText(header: readonly string[], rows: Iterable<readonly (PlainValue | undefined)[]>, options: CsvOptions = {}): string {
	const eol = options.eol ?? '\r\n';
	const lines = [header.map(csvCell).join(',')];
	for (const r of rows) lines.push(r.map(csvCell).join(','));
	return (options.bom === false ? '' : BOM) + lines.join(eol) + eol;
}

/** A chart's rows as CSV for spreadsheets: a header of the columns' labels, then the columns' values. */
export function toCsv(rows: readonly PlainRow[], columns: readonly ExportColumn[]): string {
	return csvText(
		columns.map((c) => c.label),
		rows.map((r) => columns.map((c) => r[c.key] ?? null))
	);
}
