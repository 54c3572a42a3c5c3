/**
 * The decoders that run in JavaScript (workbooks, Parquet, legacy text encodings), behind one
 * interface: in the browser they run in a worker of our own (decode-client.ts), in Node in-process.
 * CSV itself is read by DuckDB, in DuckDB's worker.
 */
import { openParquet, rowGroupIpc, type OpenParquet, type ParquetInfo } from './parquet';
import { previewWorkbook, workbookToCsv, type SheetPreview, type WorkbookCsv } from './workbook';

export interface Decoders {
	previewWorkbook(data: Blob): Promise<SheetPreview[]>;
	workbookCsv(data: Blob, sheet: string, headerRow: number): Promise<WorkbookCsv>;
	/** Open a Parquet file for reading row group by row group (`session` names it until closed). */
	parquetOpen(data: Blob): Promise<ParquetInfo & { session: number }>;
	parquetRowGroup(session: number, index: number): Promise<Uint8Array>;
	parquetClose(session: number): Promise<void>;
	/** Text in a legacy encoding re-encoded as UTF-8. */
	transcode(data: Blob, from: string): Promise<Uint8Array>;
	/** Load and compile the Parquet decoder now (4.7 MB of wasm), so a first Parquet file does not wait for it. */
	warmParquet(): Promise<void>;
}

export type ParquetModule = typeof import('parquet-wasm');

const CHUNK = 8 * 1024 * 1024;

export function localDecoders(loadParquet: () => Promise<ParquetModule>): Decoders {
	const open = new Map<number, OpenParquet>();
	let next = 1;
	const bytes = async (b: Blob) => new Uint8Array(await b.arrayBuffer());
	return {
		async previewWorkbook(data) {
			return previewWorkbook(await bytes(data));
		},
		async workbookCsv(data, sheet, headerRow) {
			return workbookToCsv(await bytes(data), sheet, headerRow);
		},
		async parquetOpen(data) {
			const file = await openParquet(data);
			const session = next++;
			open.set(session, file);
			return { ...file.info, session };
		},
		async parquetRowGroup(session, index) {
			const file = open.get(session);
			if (!file) throw new Error('Parquet file not open');
			return rowGroupIpc(await loadParquet(), file, index);
		},
		async parquetClose(session) {
			open.delete(session);
		},
		async warmParquet() {
			await loadParquet();
		},
		async transcode(data, from) {
			const decoder = from === 'windows-1252' ? windows1252() : new TextDecoder(from);
			const encoder = new TextEncoder();
			const parts: Uint8Array[] = [];
			for (let at = 0; at < data.size; at += CHUNK) {
				const chunk = new Uint8Array(await data.slice(at, at + CHUNK).arrayBuffer());
				parts.push(encoder.encode(decoder.decode(chunk, { stream: at + CHUNK < data.size })));
			}
			const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
			let at = 0;
			for (const p of parts) {
				out.set(p, at);
				at += p.length;
			}
			return out;
		}
	};
}

/** Windows-1252's characters for bytes 80–9F (where it differs from Latin-1); undefined bytes stay. */
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * A Windows-1252 decoder. Browsers' TextDecoder('windows-1252') is right; Node's (with some ICU
 * builds) maps 80–9F to control characters, so those bytes are mapped here in any case.
 */
function windows1252(): { decode(bytes: Uint8Array, options?: { stream?: boolean }): string } {
	const latin = new TextDecoder('latin1');
	return {
		decode: (bytes, options) => latin.decode(bytes, options).replace(/[\u0080-\u009f]/g, (c) => CP1252[c.charCodeAt(0) - 0x80])
	};
}
