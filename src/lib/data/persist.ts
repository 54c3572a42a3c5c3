/**
 * Files the user loaded, kept in IndexedDB so they are loaded again after a reload. Each file is its
 * own record holding the File itself (browsers store it as a file, not as one huge value). Storage
 * may be missing, refused or full: every function says so by throwing a StorageError with the
 * browser's reason, and the app keeps working without it.
 */
import { clear, createStore, del, entries, get, keys, set, type UseStore } from 'idb-keyval';
import type { ColumnMapping } from './recognise';
import type { TableName } from './schema';

export interface StoredFile {
	name: string;
	table: TableName;
	mode: 'add' | 'replace';
	data: Blob;
	/** Day it was loaded (YYYY-MM-DD): the source of rows without one keeps that date. */
	loadedAt: string;
	mapping?: ColumnMapping;
	sheet?: string | null;
	headerRow?: number | null;
	confirmOrphans?: boolean;
}

/**
 * Why files are not kept: `no_indexeddb`, `quota` (the interface words these codes), or the browser's
 * own message, shown as the browser wrote it.
 */
export class StorageError extends Error {
	constructor(reason: string) {
		super(reason);
		this.name = 'StorageError';
	}
}

/** The previous version kept every file's bytes under one key of idb-keyval's default store. */
const LEGACY_KEY = 'oap.user-files.v1';

let store: UseStore | null = null;

function files(): UseStore {
	if (typeof indexedDB === 'undefined' || indexedDB === null) throw new StorageError('no_indexeddb');
	store ??= createStore('oap-files', 'files');
	return store;
}

function reason(e: unknown): StorageError {
	if (e instanceof StorageError) return e;
	const err = e as DOMException;
	const text = err?.message || err?.name || String(e);
	return new StorageError(err?.name === 'QuotaExceededError' ? 'quota' : text);
}

async function guard<T>(fn: () => Promise<T>): Promise<T> {
	try {
		return await fn();
	} catch (e) {
		throw reason(e);
	}
}

/** Stored files in the order they were loaded. */
export async function storedFiles(): Promise<StoredFile[]> {
	return guard(async () => {
		const rows = (await entries<string, StoredFile>(files())).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, f]) => f);
		const legacy = await get<{ name: string; table: TableName; mode: 'add' | 'replace'; bytes: Uint8Array; loadedAt: string }[]>(LEGACY_KEY).catch(() => undefined);
		const old = (legacy ?? []).map((f) => ({ name: f.name, table: f.table, mode: f.mode, data: new Blob([f.bytes as BlobPart]), loadedAt: f.loadedAt.slice(0, 10) }));
		return [...old, ...rows];
	});
}

/** How many files are kept, without reading them (a page says so while they are still to be loaded). */
export async function storedFileCount(): Promise<number> {
	return guard(async () => {
		const legacy = await keys<string>().catch((): string[] => []);
		return (await keys(files())).length + (legacy.includes(LEGACY_KEY) ? 1 : 0);
	});
}

let sequence = 0;

/** Keep a file; a Replace makes the table's earlier files irrelevant, so they are dropped. */
export async function storeFile(file: StoredFile): Promise<void> {
	await guard(async () => {
		const s = files();
		if (file.mode === 'replace') {
			for (const [k, f] of await entries<string, StoredFile>(s)) if (f.table === file.table) await del(k, s);
		}
		const key = `${new Date().toISOString()}#${String(++sequence).padStart(6, '0')}`;
		await set(key, file, s);
	});
}

export async function clearStoredFiles(): Promise<void> {
	await guard(async () => {
		await clear(files());
		await del(LEGACY_KEY).catch(() => undefined);
	});
}

/** Whether files can be kept here, and if not, why. */
export async function probeStorage(): Promise<{ ok: true } | { ok: false; reason: string }> {
	try {
		await guard(() => get('probe', files()));
		return { ok: true };
	} catch (e) {
		return { ok: false, reason: (e as Error).message };
	}
}
