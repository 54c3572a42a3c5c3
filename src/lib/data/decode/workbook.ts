/**
 * Excel workbooks (.xlsx, and .xls/.ods which the same library reads) turned into CSV text with the
 * sheet's own row numbers, so they go through the same CSV reader and rules as any CSV file.
 * Runs in the decode worker in the browser.
 */
import * as XLSX from '@e965/xlsx';
import { fitTable } from '../recognise';
import { TABLE_NAMES } from '../schema';

export interface SheetPreview {
	name: string;
	/** Rows as displayed in the sheet (the first PREVIEW_ROWS), for choosing the header row. */
	rows: string[][];
	/** The header row guessed from the contract's column names (1-based, as Excel numbers rows). */
	headerRow: number;
	/** Number of the sheet's last row. */
	lastRow: number;
}

export interface WorkbookCsv {
	/** UTF-8 CSV: first column `__row` (the sheet's row number), then the sheet's columns. */
	csv: Uint8Array;
	header: string[];
	rows: number;
}

export const PREVIEW_ROWS = 30;

type Cell = XLSX.CellObject | undefined;

function readBook(bytes: Uint8Array): XLSX.WorkBook {
	return XLSX.read(bytes, { type: 'array', dense: true, cellNF: true, cellDates: false, cellStyles: false, cellHTML: false, cellFormula: false });
}

function rowsOf(ws: XLSX.WorkSheet): Cell[][] {
	return ((ws as unknown as { '!data'?: Cell[][] })['!data'] ?? []) as Cell[][];
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * A cell's value as text the contract's rules read: dates as YYYY-MM-DD (with the time when it has
 * one), numbers to Excel's own 15 significant digits, booleans as true/false, text as written.
 */
export function cellText(cell: Cell, date1904: boolean): string {
	if (!cell || cell.v === undefined || cell.v === null) return '';
	switch (cell.t) {
		case 'n': {
			const v = cell.v as number;
			if (cell.z !== undefined && XLSX.SSF.is_date(cell.z)) {
				const d = XLSX.SSF.parse_date_code(v, { date1904 });
				const date = `${d.y}-${pad(d.m)}-${pad(d.d)}`;
				return d.H || d.M || d.S ? `${date} ${pad(d.H)}:${pad(d.M)}:${pad(d.S)}` : date;
			}
			return Number.isFinite(v) ? String(Number(v.toPrecision(15))) : String(v);
		}
		case 'b':
			return cell.v ? 'true' : 'false';
		case 'd':
			return (cell.v as Date).toISOString().replace('T00:00:00.000Z', '');
		case 'e':
			return cell.w ?? '#ERROR';
		default:
			return String(cell.v);
	}
}

function displayText(cell: Cell, date1904: boolean): string {
	return cell?.w ?? cellText(cell, date1904);
}

/** The header row: the one among the first rows whose cells name the most contract columns. */
function guessHeaderRow(rows: string[][]): number {
	let best = 0;
	let bestScore = 0;
	rows.forEach((cells, i) => {
		const score = Math.max(...TABLE_NAMES.map((t) => fitTable(t, cells).columns.filter(Boolean).length));
		if (score > bestScore) [best, bestScore] = [i, score];
	});
	return best + 1;
}

export function previewWorkbook(bytes: Uint8Array): SheetPreview[] {
	const wb = readBook(bytes);
	const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
	return wb.SheetNames.map((name) => {
		const rows = rowsOf(wb.Sheets[name]);
		// Rows and cells of a sheet are sparse arrays: Array.from fills the holes.
		const first = Array.from(rows.slice(0, PREVIEW_ROWS), (r) => r ?? []);
		const preview = first.map((r) => Array.from(r, (c) => displayText(c, date1904)));
		return { name, rows: preview, headerRow: guessHeaderRow(first.map((r) => Array.from(r, (c) => cellText(c, date1904)))), lastRow: rows.length };
	});
}

function csvCell(s: string): string {
	return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Column letters as Excel shows them, for a header cell that is empty. */
function columnLetter(c: number): string {
	let s = '';
	for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
	return s;
}

/**
 * The sheet from its header row on, as CSV. Header cells covered by a merged range take the range's
 * value; rows with no value at all (trailing or in between) are left out but keep their numbers.
 */
export function workbookToCsv(bytes: Uint8Array, sheet: string, headerRow: number): WorkbookCsv {
	const wb = readBook(bytes);
	const ws = wb.Sheets[sheet];
	if (!ws) throw new Error(`no sheet named ${sheet}`);
	const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
	const rows = rowsOf(ws);
	const h = headerRow - 1;
	const headCells = Array.from(rows[h] ?? [], (c) => cellText(c, date1904).trim());
	for (const m of ws['!merges'] ?? []) {
		if (h < m.s.r || h > m.e.r) continue;
		const origin = cellText(rows[m.s.r]?.[m.s.c], date1904).trim();
		for (let c = m.s.c; c <= m.e.c; c++) if (!headCells[c]) headCells[c] = origin;
	}
	// Columns that have data but no header are named after their letter, so they can be mapped or ignored.
	let width = headCells.length;
	for (let r = h + 1; r < rows.length; r++) width = Math.max(width, (rows[r] ?? []).length);
	const data: string[][] = [];
	const numbers: number[] = [];
	let used = 0;
	for (let r = h + 1; r < rows.length; r++) {
		const cells = Array.from({ length: width }, (_, c) => cellText(rows[r]?.[c], date1904));
		if (cells.every((c) => c.trim() === '')) continue;
		cells.forEach((c, i) => c.trim() !== '' && (used = Math.max(used, i + 1)));
		data.push(cells);
		numbers.push(r + 1);
	}
	const last = Math.max(headCells.reduce((w, c, i) => (c ? i + 1 : w), 0), used);
	const header = Array.from({ length: last }, (_, c) => headCells[c] || `column ${columnLetter(c)}`);
	const lines = [['__row', ...header].map(csvCell).join(',')];
	data.forEach((cells, i) => lines.push([String(numbers[i]), ...cells.slice(0, last)].map(csvCell).join(',')));
	return { csv: new TextEncoder().encode(lines.join('\n') + '\n'), header, rows: data.length };
}
