import { describe, expect, it } from 'vitest';
import { rememberedMapping, rememberMapping } from './mapping-memory';
import { probeStorage, storedFiles, storeFile, StorageError } from './persist';

describe('without IndexedDB (locked-down browsers, some private modes)', () => {
	it('every storage call fails with a reason the page can show, and the probe says so', async () => {
		expect(typeof indexedDB).toBe('undefined');
		await expect(storedFiles()).rejects.toBeInstanceOf(StorageError);
		await expect(storeFile({ name: 'a.csv', table: 'states', mode: 'add', data: new Blob(['x']), loadedAt: '2025-01-01' })).rejects.toThrow('no_indexeddb');
		expect(await probeStorage()).toEqual({ ok: false, reason: 'no_indexeddb' });
	});
});

describe('column mappings remembered for the next file with the same header', () => {
	const header = ['Country', 'Indicator', 'Year', 'Value'];
	const mapping = { table: 'indicator_values' as const, columns: ['iso3', 'indicator_id', 'year', 'value'] };

	it('without localStorage nothing is remembered and nothing fails', () => {
		expect(rememberMapping(header, mapping)).toBe(false);
		expect(rememberedMapping(header)).toBeNull();
	});

	it('with localStorage the mapping comes back for the same header, however its names are spelt', () => {
		const store = new Map<string, string>();
		globalThis.localStorage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) } as Storage;
		try {
			expect(rememberMapping(header, mapping)).toBe(true);
			expect(rememberedMapping(['country', 'INDICATOR', 'year', 'value'])).toEqual(mapping);
			expect(rememberedMapping(['Country', 'Year'])).toBeNull();
		} finally {
			delete (globalThis as { localStorage?: Storage }).localStorage;
		}
	});
});
