/**
 * What the browser keeps between visits (IndexedDB), and what the app does when it keeps nothing: some
 * locked-down browsers and private modes have no IndexedDB or refuse it, and a full quota refuses a
 * write. The app then keeps drafts and the panel basket in memory for the tab, and `storage` says so
 * once, in the layout (StorageNotice), so the reader can export before closing the tab.
 */
import { createStore, del, entries, get, set, update, type UseStore } from 'idb-keyval';

/** The few key-value operations the stores need. */
export interface KeyValue {
	get<T>(key: string): Promise<T | undefined>;
	set(key: string, value: unknown): Promise<void>;
	del(key: string): Promise<void>;
	values<T>(): Promise<T[]>;
	/** Read and write `key` in one step (one IndexedDB transaction: no other tab writes in between). */
	update<T>(key: string, fn: (old: T | undefined) => T): Promise<void>;
}

function reasonOf(e: unknown): string {
	const err = e as DOMException | Error | undefined;
	if (err && 'name' in err && err.name === 'QuotaExceededError') return 'quota';
	return err?.message || err?.name || String(e);
}

class BrowserStorage {
	/** 'kept': IndexedDB works so far; 'tab': what is stored lasts only as long as this tab. */
	status = $state<'kept' | 'tab'>('kept');
	/** The browser's reason: 'quota' when the storage is full, 'no_indexeddb', else the browser's message. */
	reason = $state<string | null>(null);
	#probe: Promise<void> | null = null;

	/** Something could not be kept: from now on the app says that stores last only for this tab. */
	refused(e: unknown): void {
		if (this.status === 'tab') return;
		this.status = 'tab';
		this.reason = reasonOf(e);
	}

	/** Ask once, at start, whether IndexedDB opens at all (a full quota shows at the first write). */
	probe(): Promise<void> {
		this.#probe ??= (async () => {
			try {
				if (typeof indexedDB === 'undefined' || indexedDB === null) throw new Error('no_indexeddb');
				await get('probe', createStore('oap-probe', 'probe'));
			} catch (e) {
				this.refused(e);
			}
		})();
		return this.#probe;
	}
}

export const storage = new BrowserStorage();

/** A key-value store in memory: what a tab keeps when the browser keeps nothing (and for tests). */
export function memoryKeyValue(map = new Map<string, unknown>()): KeyValue {
	return {
		get: async <T>(k: string) => map.get(k) as T | undefined,
		set: async (k, v) => void map.set(k, v),
		del: async (k) => void map.delete(k),
		values: async <T>() => [...map.values()] as T[],
		update: async <T>(k: string, fn: (old: T | undefined) => T) => void map.set(k, fn(map.get(k) as T | undefined))
	};
}

/**
 * IndexedDB database `db` (one object store), with this tab's memory in front of it: once the browser
 * refuses a write (or has no IndexedDB), values are kept in memory, read first, and `storage` says so.
 * Nothing written is ever lost within the tab.
 */
export function browserKeyValue(db: string, name: string): KeyValue {
	const memory = new Map<string, unknown>();
	let idb: UseStore | null | undefined;
	const open = (): UseStore | null => {
		if (idb !== undefined) return idb;
		try {
			if (typeof indexedDB === 'undefined' || indexedDB === null) throw new Error('no_indexeddb');
			idb = createStore(db, name);
		} catch (e) {
			idb = null;
			storage.refused(e);
		}
		return idb;
	};
	async function read<T>(fn: (s: UseStore) => Promise<T>, none: T): Promise<T> {
		const s = open();
		if (!s) return none;
		try {
			return await fn(s);
		} catch (e) {
			storage.refused(e);
			idb = null;
			return none;
		}
	}
	return {
		async get<T>(k: string) {
			if (memory.has(k)) return memory.get(k) as T | undefined;
			return read((s) => get<T>(k, s), undefined);
		},
		async set(k, v) {
			const s = storage.status === 'kept' ? open() : null;
			if (s) {
				try {
					await set(k, v, s);
					memory.delete(k);
					return;
				} catch (e) {
					storage.refused(e);
				}
			}
			memory.set(k, v);
		},
		async del(k) {
			memory.delete(k);
			await read((s) => del(k, s), undefined);
		},
		async update<T>(k: string, fn: (old: T | undefined) => T) {
			const s = storage.status === 'kept' && !memory.has(k) ? open() : null;
			if (s) {
				try {
					return await update<T>(k, fn, s);
				} catch (e) {
					storage.refused(e);
				}
			}
			const old = memory.has(k) ? (memory.get(k) as T) : await read((st) => get<T>(k, st), undefined);
			memory.set(k, fn(old));
		},
		async values<T>() {
			const kept = new Map(await read((s) => entries<string, T>(s), [] as [string, T][]));
			for (const [k, v] of memory) kept.set(k, v as T);
			return [...kept.values()];
		}
	};
}
