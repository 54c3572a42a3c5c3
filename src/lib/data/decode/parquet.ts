/**
 * Parquet decoded by parquet-wasm (Rust's parquet crate compiled to wasm: every codec, page v1/v2,
 * dictionary pages) into Arrow IPC, one row group at a time, so a large file never sits whole in
 * memory. DuckDB-WASM has no Parquet reader of its own offline. Runs in the decode worker in the browser.
 */
import type { ParquetFile } from 'parquet-wasm';

export interface ParquetInfo {
	rowGroups: number;
	rows: number;
}

type Module = typeof import('parquet-wasm');

/** Opens a Parquet file given as a Blob; `load` supplies the initialised wasm module. */
export async function openParquet(load: () => Promise<Module>, blob: Blob): Promise<{ file: ParquetFile; info: ParquetInfo }> {
	const pw = await load();
	const file = await pw.ParquetFile.fromFile(blob);
	const meta = file.metadata();
	const rowGroups = meta.numRowGroups();
	const rows = Number(meta.fileMetadata().numRows());
	return { file, info: { rowGroups, rows } };
}

/** One row group as an Arrow IPC stream. */
export async function rowGroupIpc(file: ParquetFile, index: number): Promise<Uint8Array> {
	const table = await file.read({ rowGroups: [index] });
	return table.intoIPCStream();
}
