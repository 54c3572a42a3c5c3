import { localDecoders } from '../data/decode/decoders';
import { createTableSql, TABLE_NAMES, type TableName } from '../data/schema';
import type { Connector } from './connector';
import { Loader, type LoadOutcome, type LoadRequest } from './load/loader';

export type { LoadMode } from './load/loader';

export async function createTables(conn: Connector): Promise<void> {
	await conn.exec(TABLE_NAMES.map((t) => createTableSql(t)).join(';\n'));
}

/** Load order so that referenced tables come first within one batch. */
export function loadOrder(table: TableName | null): number {
	return table ? TABLE_NAMES.indexOf(table) : TABLE_NAMES.length;
}

/**
 * The loader with in-process decoders, for Node (tests, scripts). The app builds its own with the
 * decoders in a worker (state/app.svelte.ts).
 */
export async function nodeLoader(conn: Connector): Promise<Loader> {
	return new Loader(conn, await conn.fork(), localDecoders(() => import('parquet-wasm')));
}

/** Load bytes through the one loader (tests and scripts). */
export async function loadBytes(loader: Loader, name: string, bytes: Uint8Array | string, options: Partial<LoadRequest> = {}): Promise<LoadOutcome> {
	const data = new Blob([(typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes) as BlobPart]);
	return loader.load({ name, data, mode: 'add', loadedAt: '2025-01-31', ...options });
}
