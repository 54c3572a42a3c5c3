import type { KeyValue as StoreKeyValue } from '$lib/state/storage.svelte';
import type { Dir, ExportColumn, PlainRow } from './types';

/** One chart in the panel basket: everything a slide or a PNG needs, without querying the data again. */
export interface BasketItem {
	key: string;
	chartId: string;
	title: string;
	subtitle: string;
	sources: string[];
	/** Sources, data date, dashboard name, demonstration note: one line for the slide footer and notes. */
	footer: string;
	dir: Dir;
	lang: string;
	columns: ExportColumn[];
	rows: PlainRow[];
	/** The whole panel image (title, plot, footer) as a standalone 1920×1080 SVG. */
	panelSvg: string;
	/** Legend and plot only, laid out for the slide's picture box; and its pixel size. */
	slideSvg: string;
	slideSize: { width: number; height: number };
	addedAt: string;
}

/** The few key-value operations the basket needs (state/storage in the browser, a Map in tests). */
export type KeyValue = Pick<StoreKeyValue, 'get' | 'set' | 'del'>;

const ORDER = 'order';
const itemKey = (key: string) => `item:${key}`;

/**
 * The basket kept in a key-value store: each snapshot under its own key (a snapshot is large: a
 * reorder rewrites only the list of keys). Operations run one after another, so two quick clicks
 * never lose an item.
 */
export class BasketStore {
	#queue: Promise<unknown> = Promise.resolve();

	constructor(private readonly kv: KeyValue) {}

	#run<T>(op: () => Promise<T>): Promise<T> {
		const next = this.#queue.then(op, op);
		this.#queue = next.catch(() => undefined);
		return next;
	}

	async #order(): Promise<string[]> {
		return (await this.kv.get<string[]>(ORDER)) ?? [];
	}

	async #items(order: string[]): Promise<BasketItem[]> {
		const items = await Promise.all(order.map((k) => this.kv.get<BasketItem>(itemKey(k))));
		return items.filter((i): i is BasketItem => !!i);
	}

	list(): Promise<BasketItem[]> {
		return this.#run(async () => this.#items(await this.#order()));
	}

	add(item: Omit<BasketItem, 'key'>, key = newKey()): Promise<BasketItem[]> {
		return this.#run(async () => {
			await this.kv.set(itemKey(key), { ...item, key });
			const order = [...(await this.#order()), key];
			await this.kv.set(ORDER, order);
			return this.#items(order);
		});
	}

	remove(key: string): Promise<BasketItem[]> {
		return this.#run(async () => {
			const order = (await this.#order()).filter((k) => k !== key);
			await this.kv.set(ORDER, order);
			await this.kv.del(itemKey(key));
			return this.#items(order);
		});
	}

	/** Move an item `delta` places (−1: up, +1: down); nothing happens at either end. */
	move(key: string, delta: number): Promise<BasketItem[]> {
		return this.#run(async () => {
			const order = await this.#order();
			const from = order.indexOf(key);
			const to = from + delta;
			if (from >= 0 && to >= 0 && to < order.length) {
				order.splice(to, 0, ...order.splice(from, 1));
				await this.kv.set(ORDER, order);
			}
			return this.#items(order);
		});
	}

	clear(): Promise<BasketItem[]> {
		return this.#run(async () => {
			for (const k of await this.#order()) await this.kv.del(itemKey(k));
			await this.kv.set(ORDER, []);
			return [];
		});
	}
}

function newKey(): string {
	return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}
