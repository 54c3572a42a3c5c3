/**
 * The data a deployment opens on: `data-files/manifest.json` in the served folder lists data files
 * (the build writes one for the bundled files; a team hosting the build may replace the files and
 * the list without rebuilding). Each file goes through the same loader as a file the user drops.
 */
import { base } from '$app/paths';
import { TABLE_NAMES, type TableName } from '$lib/data/schema';
import type { ListedFile } from '$lib/db/load/listed';

export const MANIFEST_DIR = 'data-files';

/** One listed file (the loader's own description of a file in a list). */
export type ManifestEntry = ListedFile;

export interface Manifest {
	files: ManifestEntry[];
}

export class ManifestError extends Error {}

function entry(x: unknown, i: number): ManifestEntry {
	const e = x as Record<string, unknown>;
	if (!e || typeof e.file !== 'string' || e.file.includes('..') || /^[a-z]+:|^\//i.test(e.file))
		throw new ManifestError(`entry ${i + 1}: "file" must be a file name beside the manifest`);
	if (e.table !== undefined && !TABLE_NAMES.includes(e.table as TableName)) throw new ManifestError(`entry ${i + 1}: unknown table "${String(e.table)}"`);
	if (e.source !== undefined && typeof e.source !== 'string') throw new ManifestError(`entry ${i + 1}: "source" must be text`);
	return { file: e.file, table: e.table as TableName | undefined, source: e.source as string | undefined, sheet: typeof e.sheet === 'string' ? e.sheet : undefined, headerRow: typeof e.headerRow === 'number' ? e.headerRow : undefined };
}

export function parseManifest(json: unknown): Manifest {
	const files = (json as { files?: unknown })?.files;
	if (!Array.isArray(files)) throw new ManifestError('the manifest has no "files" list');
	return { files: files.map(entry) };
}

export function manifestUrl(path = 'manifest.json'): string {
	return `${base}/${MANIFEST_DIR}/${path.split('/').map(encodeURIComponent).join('/')}`;
}

/** Fetch the manifest; revalidated every time, so a deployment's new files show on the next visit. */
export async function fetchManifest(): Promise<Manifest> {
	const res = await fetch(manifestUrl(), { cache: 'no-cache' });
	if (!res.ok) throw new ManifestError(`${MANIFEST_DIR}/manifest.json: HTTP ${res.status}`);
	return parseManifest(await res.json());
}

export async function fetchDataFile(e: ManifestEntry): Promise<Blob> {
	const res = await fetch(manifestUrl(e.file), { cache: 'no-cache' });
	if (!res.ok) throw new ManifestError(`${e.file}: HTTP ${res.status}`);
	return res.blob();
}
