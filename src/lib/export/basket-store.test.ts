import { describe, expect, it } from 'vitest';
import { BasketStore, type BasketItem, type KeyValue } from './basket-store';

function memory(): KeyValue & { data: Map<string, unknown> } {
	const data = new Map<string, unknown>();
	return {
		data,
		get: async <T>(k: string) => structuredClone(data.get(k)) as T | undefined,
		set: async (k, v) => void data.set(k, structuredClone(v)),
		del: async (k) => void data.delete(k)
	};
}

const item = (title: string): Omit<BasketItem, 'key'> => ({
	chartId: title,
	title,
	subtitle: '',
	sources: ['demonstration'],
	footer: 'Source: demonstration',
	dir: 'ltr',
	lang: 'en',
	columns: [{ key: 'year', label: 'Year' }],
	rows: [{ year: 2024 }],
	panelSvg: '<svg/>',
	slideSvg: '<svg/>',
	slideSize: { width: 1920, height: 810 },
	addedAt: '2025-03-01T00:00:00.000Z'
});

const titles = (items: BasketItem[]) => items.map((i) => i.title);

describe('BasketStore', () => {
	it('adds, lists in order, and keeps snapshots across instances (a reload)', async () => {
		const kv = memory();
		const store = new BasketStore(kv);
		await store.add(item('a'), 'k1');
		await store.add(item('b'), 'k2');
		expect(titles(await new BasketStore(kv).list())).toEqual(['a', 'b']);
	});

	it('keeps every item when adds race (two quick clicks)', async () => {
		const store = new BasketStore(memory());
		await Promise.all([store.add(item('a')), store.add(item('b')), store.add(item('c'))]);
		expect(titles(await store.list())).toEqual(['a', 'b', 'c']);
	});

	it('moves up and down, and not past either end', async () => {
		const store = new BasketStore(memory());
		for (const t of ['a', 'b', 'c']) await store.add(item(t), t);
		expect(titles(await store.move('c', -1))).toEqual(['a', 'c', 'b']);
		expect(titles(await store.move('a', -1))).toEqual(['a', 'c', 'b']);
		expect(titles(await store.move('a', 1))).toEqual(['c', 'a', 'b']);
		expect(titles(await store.move('b', 1))).toEqual(['c', 'a', 'b']);
	});

	it('removes one item, or all, with their snapshots', async () => {
		const kv = memory();
		const store = new BasketStore(kv);
		for (const t of ['a', 'b']) await store.add(item(t), t);
		expect(titles(await store.remove('a'))).toEqual(['b']);
		expect(kv.data.has('item:a')).toBe(false);
		expect(await store.clear()).toEqual([]);
		expect([...kv.data.keys()]).toEqual(['order']);
	});
});
