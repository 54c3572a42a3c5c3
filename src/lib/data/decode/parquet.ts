/**
 * Parquet decoded by parquet-wasm (Rust's parquet crate compiled to wasm: every codec, page v1/v2,
 * dictionary pages) into Arrow IPC, one row group at a time, so the decoded rows never sit whole in
 * memory. DuckDB-WASM has no Parquet reader of its own offline. Runs in the decode worker in the browser.
 * The footer is read by hyparquet first: a malformed footer is a plain error, never a wasm trap.
 */
import { parquetMetadata } from 'hyparquet';

export interface ParquetInfo {
	rowGroups: number;
	rows: number;
}

type Module = typeof import('parquet-wasm');

export interface OpenParquet {
	bytes: Uint8Array;
	info: ParquetInfo;
}

export async function openParquet(blob: Blob): Promise<OpenParquet> {
	const buffer = await blob.arrayBuffer();
	const meta = parquetMetadata(buffer);
	const int96 = meta.schema.filter((s) => s.type === 'INT96').map((s) => s.name);
	if (int96.length) await checkInt96(buffer, int96);
	return { bytes: new Uint8Array(buffer), info: { rowGroups: meta.row_groups.length, rows: Number(meta.num_rows) } };
}

/**
 * Spark's legacy INT96 timestamps become nanoseconds in Arrow, which hold 1677–2262 only: a
 * "9999-12-31" would wrap to another date. Such files are refused rather than read wrong.
 */
async function checkInt96(buffer: ArrayBuffer, columns: string[]): Promise<void> {
	const { parquetReadObjects } = await import('hyparquet');
	const { compressors } = await import('hyparquet-compressors');
	for (const row of await parquetReadObjects({ file: buffer, columns, compressors })) {
		for (const c of columns) {
			const v = row[c];
			const year = v instanceof Date ? v.getUTCFullYear() : null;
			if (year !== null && (Number.isNaN(year) || year < 1678 || year > 2261))
				throw new Error(`column ${c} holds INT96 timestamps outside 1678–2261, which cannot be read exactly; write timestamps as TIMESTAMP or DATE`);
		}
	}
}

/** One row group as an Arrow IPC stream. Synchronous in the wasm: a malformed page throws here. */
export function rowGroupIpc(pw: Module, file: OpenParquet, index: number): Uint8Array {
	return pw.readParquet(file.bytes, { rowGroups: [index], batchSize: 1 << 20 }).intoIPCStream();
}
