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
	return { bytes: new Uint8Array(buffer), info: { rowGroups: meta.row_groups.length, rows: Number(meta.num_rows) } };
}

/** One row group as an Arrow IPC stream. Synchronous in the wasm: a malformed page throws here. */
export function rowGroupIpc(pw: Module, file: OpenParquet, index: number): Uint8Array {
	return pw.readParquet(file.bytes, { rowGroups: [index] }).intoIPCStream();
}
