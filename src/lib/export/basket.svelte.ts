import { createStore, del, get, set } from 'idb-keyval';
import { BasketStore, type BasketItem, type KeyValue } from './basket-store';

function idbKeyValue(): KeyValue {
	// A store of its own: the basket never collides with the loaded files or the observation drafts.
	const store = createStore('oap-basket', 'items');
	return {
		get: (k) => get(k, store),
		set: (k, v) => set(k, v, store),
		del: (k) => del(k, store)
	};
}

/**
 * The panel basket as the pages see it, kept in IndexedDB across reloads. Read lazily: the header's
 * count loads it the first time it is shown, once.
 */
class Basket {
	#items = $state.raw<BasketItem[]>([]);
	#store: BasketStore | null = null;
	#loaded: Promise<void> | null = null;

	#db(): BasketStore {
		this.#store ??= new BasketStore(idbKeyValue());
		return this.#store;
	}

	load(): Promise<void> {
		if (typeof indexedDB === 'undefined') return Promise.resolve();
		this.#loaded ??= this.#db()
			.list()
			.then((items) => void (this.#items = items))
			.catch(() => void (this.#loaded = null));
		return this.#loaded;
	}

	get items(): BasketItem[] {
		void this.load();
		return this.#items;
	}

	get count(): number {
		return this.items.length;
	}

	async add(item: Omit<BasketItem, 'key'>): Promise<number> {
		await this.load();
		this.#items = await this.#db().add(item);
		return this.#items.length;
	}

	async remove(key: string): Promise<void> {
		this.#items = await this.#db().remove(key);
	}

	async move(key: string, delta: number): Promise<void> {
		this.#items = await this.#db().move(key, delta);
	}

	async clear(): Promise<void> {
		this.#items = await this.#db().clear();
	}
}

export const basket = new Basket();
