import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { fileIssue, type RawTable } from './raw';

const MAGIC = [0x50, 0x41, 0x52, 0x31]; // "PAR1"

export function looksLikeParquet(bytes: Uint8Array): boolean {
	return bytes.length >= 8 && MAGIC.every((b, i) => bytes[i] === b && bytes[bytes.length - 4 + i] === b);
}

/**
 * Decode Parquet in JavaScript (hyparquet) rather than with DuckDB's parquet extension,
 * which DuckDB-WASM would download from the internet on first use.
 */
export async function parseParquet(file: string, bytes: Uint8Array): Promise<RawTable> {
	if (!looksLikeParquet(bytes)) throw fileIssue(file, 'not a Parquet file (missing PAR1 markers)');
	const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
	let columns: string[];
	let objects: Record<string, unknown>[];
	try {
		const meta = parquetMetadata(buffer);
		columns = meta.schema.slice(1).filter((s) => !s.num_children).map((s) => s.name);
		objects = await parquetReadObjects({ file: buffer, metadata: meta });
	} catch (e) {
		throw fileIssue(file, `the Parquet file could not be read (${(e as Error).message})`);
	}
	if (objects.length === 0) throw fileIssue(file, 'the file has no rows');
	return { file, format: 'parquet', columns, rows: objects.map((o) => columns.map((c) => o[c])) };
}
