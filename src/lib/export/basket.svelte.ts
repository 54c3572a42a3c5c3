import { browserKeyValue } from '$lib/state/storage.svelte';
import { BasketStore, type BasketItem } from './basket-store';

/**
 * The panel basket as the pages see it, kept in IndexedDB across reloads (a store of its own, so it
 * never collides with the loaded files or the drafts), or in this tab's memory when the browser keeps
 * nothing. Read lazily: the header's count loads it the first time it is shown, once.
 */
class Basket {
	#items = $state.raw<BasketItem[]>([]);
	#store: BasketStore | null = null;
	#loaded: Promise<void> | null = null;

	#db(): BasketStore {
		this.#store ??= new BasketStore(browserKeyValue('oap-basket', 'items'));
		return this.#store;
	}

	load(): Promise<void> {
		if (typeof window === 'undefined') return Promise.resolve();
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
