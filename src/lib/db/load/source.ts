/**
 * A file made readable by SQL: CSV read by DuckDB's own reader straight from the File (not copied),
 * Parquet and workbooks decoded in our worker first. What differs between formats ends here.
 */
import type { Decoders } from '$lib/data/decode/decoders';
import type { SheetPreview } from '$lib/data/decode/workbook';
import { fileProblem, type ProblemGroup } from '$lib/data/problems';
import { fitTable, isExact } from '$lib/data/recognise';
import { TABLE_NAMES } from '$lib/data/schema';
import { decodeSample, detectEncoding, detectFormat, hasParquetFooter, sniffCsv, SAMPLE_BYTES, type FileFormat, type TextEncoding } from '$lib/data/sniff';
import { ident, literal, type Connector, type RunOptions } from '../connector';
import type { Source } from './stage';

export interface Opened {
	format: FileFormat;
	source: Source;
	header: string[];
	/** How text was decoded, when it was not UTF-8. */
	encoding: TextEncoding | null;
	sheet: string | null;
	headerRow: number | null;
	/** CSV rows DuckDB's reader refused (broken quotes, too many fields), by spreadsheet row. */
	rejects: string | null;
	/** Tables and files to drop when done. */
	release: () => Promise<void>;
}

export type OpenResult = { kind: 'opened'; opened: Opened } | { kind: 'needs-sheet'; sheets: SheetPreview[] } | { kind: 'rejected'; problems: ProblemGroup[] };

export interface OpenOptions extends RunOptions {
	/** Share of the file read (0–1), where the format tells it (Parquet: row groups). */
	onProgress?: (fraction: number) => void;
	id: number;
	sheet?: string;
	headerRow?: number;
	onBytes?: (done: number, total: number) => void;
}

async function bytesOf(data: Blob, start: number, end: number): Promise<Uint8Array> {
	return new Uint8Array(await data.slice(start, end).arrayBuffer());
}

export async function openSource(conn: Connector, decoders: Decoders, name: string, data: Blob, options: OpenOptions): Promise<OpenResult> {
	const reject = (rule: ProblemGroup['rule'], params: Record<string, string | number> = {}): OpenResult => ({ kind: 'rejected', problems: [fileProblem(name, rule, params)] });
	if (data.size === 0) return reject('empty_file');
	const head = await bytesOf(data, 0, SAMPLE_BYTES);
	const format = detectFormat(head);
	if (/\.parquet$/i.test(name) && format !== 'parquet') return reject('not_parquet');
	if (format === 'parquet') return openParquet(conn, decoders, name, data, options);
	if (format === 'workbook') return openWorkbook(conn, decoders, name, data, options);
	return openCsv(conn, decoders, name, data, head, options);
}

async function openParquet(conn: Connector, decoders: Decoders, name: string, data: Blob, options: OpenOptions): Promise<OpenResult> {
	if (!hasParquetFooter(await bytesOf(data, Math.max(0, data.size - 4), data.size)))
		return { kind: 'rejected', problems: [fileProblem(name, 'parquet_unreadable', { reason: 'truncated' })] };
	const table = `__raw_${options.id}`;
	const release = () => conn.exec(`DROP TABLE IF EXISTS ${ident(table)}`);
	let session = 0;
	try {
		const info = await decoders.parquetOpen(data);
		session = info.session;
		if (info.rows === 0) return { kind: 'rejected', problems: [fileProblem(name, 'no_rows')] };
		// Decoding (the decoders' worker) and inserting (DuckDB's worker) overlap: row group i + 1 is
		// decoded while i goes into the table, so two cores share the work instead of taking turns.
		const decode = (i: number) => {
			const p = decoders.parquetRowGroup(session, i);
			p.catch(() => undefined); // awaited below, or dropped when an earlier step fails
			return p;
		};
		let next = decode(0);
		for (let i = 0; i < info.rowGroups; i++) {
			if (options.signal?.aborted) throw new DOMException('cancelled', 'AbortError');
			const group = await next;
			if (i + 1 < info.rowGroups) next = decode(i + 1);
			await conn.appendArrow(table, group, i === 0);
			options.onProgress?.((i + 1) / info.rowGroups);
		}
	} catch (e) {
		await release();
		if ((e as Error).name === 'AbortError') throw e;
		return { kind: 'rejected', problems: [fileProblem(name, 'parquet_unreadable', { reason: (e as Error).message })] };
	} finally {
		if (session) await decoders.parquetClose(session).catch(() => undefined);
	}
	const columns = await conn.query<{ column_name: string; column_type: string }>(`DESCRIBE ${ident(table)}`);
	return {
		kind: 'opened',
		opened: {
			format: 'parquet',
			source: { relation: ident(table), columns: columns.map((c) => ({ name: c.column_name, type: c.column_type })), rowSql: null, extra: null, commaDelimited: false, owned: table },
			header: columns.map((c) => c.column_name),
			encoding: null,
			sheet: null,
			headerRow: null,
			rejects: null,
			release
		}
	};
}

/** A sheet whose guessed header fits a table exactly needs no question. */
function obviousSheet(sheets: SheetPreview[]): SheetPreview | null {
	const withData = sheets.filter((s) => s.rows.some((r) => r.some((c) => c.trim() !== '')));
	if (withData.length !== 1) return null;
	const s = withData[0];
	const header = s.rows[s.headerRow - 1] ?? [];
	return TABLE_NAMES.some((t) => isExact(fitTable(t, header))) ? s : null;
}

async function openWorkbook(conn: Connector, decoders: Decoders, name: string, data: Blob, options: OpenOptions): Promise<OpenResult> {
	let sheet = options.sheet;
	let headerRow = options.headerRow;
	if (!sheet) {
		let sheets: SheetPreview[];
		try {
			sheets = await decoders.previewWorkbook(data);
		} catch (e) {
			return { kind: 'rejected', problems: [fileProblem(name, 'not_workbook', { reason: (e as Error).message })] };
		}
		const obvious = obviousSheet(sheets);
		if (!obvious) return { kind: 'needs-sheet', sheets };
		sheet = obvious.name;
		headerRow = obvious.headerRow;
	}
	const converted = await decoders.workbookCsv(data, sheet, headerRow ?? 1).catch((e: Error) => e);
	if (converted instanceof Error) return { kind: 'rejected', problems: [fileProblem(name, 'not_workbook', { reason: converted.message })] };
	if (converted.header.length === 0) return { kind: 'rejected', problems: [fileProblem(name, 'no_header')] };
	const file = `__file_${options.id}.csv`;
	await conn.registerFile(file, converted.csv);
	const source = csvSource(file, converted.header.length, ',', options.id, true);
	return {
		kind: 'opened',
		opened: { format: 'workbook', source: { ...source, commaDelimited: false }, header: converted.header, encoding: null, sheet, headerRow: headerRow ?? 1, rejects: null, release: () => releaseCsv(conn, file, options.id) }
	};
}

const rejectsOf = (id: number) => ({ table: `__rej_${id}`, scan: `__rejscan_${id}` });

function csvSource(file: string, width: number, delimiter: string, id: number, numbered = false): Source {
	const names = Array.from({ length: width }, (_, i) => `c${i}`);
	const all = [...(numbered ? ['__row'] : []), ...names, '__extra'];
	const { table, scan } = rejectsOf(id);
	const relation = `read_csv(${literal(file)}, header = true, auto_detect = false, columns = {${all.map((n) => `'${n}': 'VARCHAR'`).join(', ')}}, delim = ${literal(delimiter)}, quote = '"', escape = '"', null_padding = true, strict_mode = true, store_rejects = true, rejects_table = '${table}', rejects_scan = '${scan}')`;
	return {
		relation,
		columns: names.map((n) => ({ name: n, type: 'VARCHAR' })),
		rowSql: numbered ? 'CAST("__row" AS INTEGER)' : null,
		extra: '__extra',
		commaDelimited: delimiter === ','
	};
}

async function releaseCsv(conn: Connector, file: string, id: number): Promise<void> {
	const { table, scan } = rejectsOf(id);
	await conn.exec(`DROP TABLE IF EXISTS ${ident(table)}; DROP TABLE IF EXISTS ${ident(scan)}`).catch(() => undefined);
	await conn.dropFile(file).catch(() => undefined);
}

async function openCsv(conn: Connector, decoders: Decoders, name: string, data: Blob, head: Uint8Array, options: OpenOptions): Promise<OpenResult> {
	const reject = (rule: ProblemGroup['rule']): OpenResult => ({ kind: 'rejected', problems: [fileProblem(name, rule)] });
	const encoding = detectEncoding(head, head.length >= data.size);
	if (!encoding) return reject('not_text');
	const dialect = sniffCsv(decodeSample(head, encoding));
	if (!dialect) return reject('no_header');
	const file = `__file_${options.id}.csv`;
	// DuckDB reads UTF-8; other encodings are re-encoded in the decode worker first.
	await conn.registerFile(file, encoding === 'utf-8' ? data : await decoders.transcode(data, encoding === 'utf-16' ? (head[0] === 0xfe ? 'utf-16be' : 'utf-16le') : encoding));
	return {
		kind: 'opened',
		opened: {
			format: 'text',
			source: csvSource(file, dialect.header.length, dialect.delimiter, options.id),
			header: dialect.header,
			encoding: encoding === 'utf-8' ? null : encoding,
			sheet: null,
			headerRow: null,
			rejects: rejectsOf(options.id).table,
			release: () => releaseCsv(conn, file, options.id)
		}
	};
}

/** Re-open a CSV as Windows-1252 when a byte beyond the sample was not UTF-8. */
export async function reopenAsLegacy(conn: Connector, decoders: Decoders, name: string, data: Blob, opened: Opened, id: number): Promise<Opened> {
	const file = `__file_${id}.csv`;
	await conn.dropFile(file).catch(() => undefined);
	await conn.registerFile(file, await decoders.transcode(data, 'windows-1252'));
	return { ...opened, encoding: 'windows-1252' };
}
