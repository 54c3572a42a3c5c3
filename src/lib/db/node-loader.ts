/**
 * The one loader with its decoders in-process, for Node (tests, the bench, scripts). The app builds
 * its own with the decoders in a worker (state/app.svelte.ts). Never imported by the app.
 */
import { localDecoders } from '../data/decode/decoders';
import type { Connector } from './connector';
import { Loader, type LoadOutcome, type LoadRequest } from './load/loader';

export async function nodeLoader(conn: Connector): Promise<Loader> {
	return new Loader(conn, await conn.fork(), localDecoders(() => import('parquet-wasm')));
}

/** Load bytes or text through the loader, as a file of that name. */
export async function loadBytes(loader: Loader, name: string, bytes: Uint8Array | string, options: Partial<LoadRequest> = {}): Promise<LoadOutcome> {
	const data = new Blob([(typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes) as BlobPart]);
	return loader.load({ name, data, mode: 'add', loadedAt: '2025-01-31', ...options });
}
