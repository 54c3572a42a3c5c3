import { del, get, set } from 'idb-keyval';
import type { TableName } from './schema';

/** A file the user loaded, kept in IndexedDB so it is loaded again after a reload. */
export interface StoredFile {
	name: string;
	table: TableName;
	mode: 'add' | 'replace';
	bytes: Uint8Array;
	loadedAt: string;
}

const KEY = 'oap.user-files.v1';

export async function storedFiles(): Promise<StoredFile[]> {
	return (await get<StoredFile[]>(KEY)) ?? [];
}

export async function storeFile(file: StoredFile): Promise<void> {
	const files = await storedFiles();
	// A replace makes earlier files of that table irrelevant.
	const kept = file.mode === 'replace' ? files.filter((f) => f.table !== file.table) : files;
	await set(KEY, [...kept, file]);
}

export async function clearStoredFiles(): Promise<void> {
	await del(KEY);
}
