import Papa from 'papaparse';
import { fileIssue, LoadError, type RawTable } from './raw';

const DELIMITERS = [',', ';', '\t', '|'];

/**
 * Parse CSV text as spreadsheets write it in any locale: comma, semicolon or tab separated,
 * with or without a byte-order mark, CRLF or LF, quoted fields, any script.
 */
export function parseCsvText(file: string, text: string): RawTable {
	if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
	if (text.trim() === '') throw fileIssue(file, 'empty_file');
	if (text.includes('\u0000')) throw fileIssue(file, 'not_text');
	const result = Papa.parse<string[]>(text, {
		delimitersToGuess: DELIMITERS,
		skipEmptyLines: 'greedy'
	});
	const fatal = result.errors.filter((e) => e.type === 'Quotes');
	if (fatal.length > 0) {
		throw new LoadError(
			fatal.slice(0, 10).map((e) => ({
				file,
				row: e.row !== undefined ? e.row + 1 : null,
				column: null,
				rule: 'unmatched_quote' as const,
				params: {}
			}))
		);
	}
	const [header, ...rows] = result.data;
	if (!header || header.every((h) => h.trim() === '')) throw fileIssue(file, 'no_header');
	return { file, format: 'csv', columns: header.map((h) => h.trim()), rows };
}

/** Decode bytes as UTF-8 (fatal on invalid bytes, so binary files are caught early). */
export function decodeText(file: string, bytes: Uint8Array): string {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		throw fileIssue(file, 'not_utf8');
	}
}

export function parseCsvBytes(file: string, bytes: Uint8Array): RawTable {
	return parseCsvText(file, decodeText(file, bytes));
}

/** The values of one column of a CSV text (e.g. the bundled States' codes, read at build time to list their pages). */
export function csvColumn(file: string, text: string, column: string): string[] {
	const t = parseCsvText(file, text);
	const i = t.columns.indexOf(column);
	if (i < 0) throw fileIssue(file, 'missing_column', { column });
	return t.rows.map((r) => String(r[i] ?? '').trim()).filter(Boolean);
}
