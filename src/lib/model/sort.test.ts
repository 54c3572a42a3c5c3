import { describe, expect, it } from 'vitest';
import { nextSort, parseSort, sortRows } from './sort';

const KEYS = ['name', 'region', 'n'] as const;
const rows = [
	{ name: 'Chad', region: 'Africa', n: 3 },
	{ name: 'Angola', region: 'Africa', n: 10 },
	{ name: 'Cambodia', region: 'Asia', n: 3 }
];
const valueOf = { name: (r: (typeof rows)[number]) => r.name, region: (r: (typeof rows)[number]) => r.region, n: (r: (typeof rows)[number]) => r.n };
const names = (o: ReturnType<typeof parseSort<(typeof KEYS)[number]>>) => sortRows(rows, o, valueOf, (r) => r.name).map((r) => r.name);

describe('sorting a table through the address', () => {
	it('reads ?sort=key and ?sort=-key; anything else is the default column, ascending', () => {
		expect(parseSort('region', KEYS, 'name')).toEqual({ key: 'region', descending: false });
		expect(parseSort('-n', KEYS, 'name')).toEqual({ key: 'n', descending: true });
		expect(parseSort(null, KEYS, 'name')).toEqual({ key: 'name', descending: false });
		expect(parseSort('-nonsense', KEYS, 'name')).toEqual({ key: 'name', descending: false });
	});

	it('orders numbers as numbers and text alphabetically, ties by name; descending reverses', () => {
		expect(names({ key: 'n', descending: false })).toEqual(['Cambodia', 'Chad', 'Angola']);
		expect(names({ key: 'n', descending: true })).toEqual(['Angola', 'Chad', 'Cambodia']);
		expect(names({ key: 'region', descending: false })).toEqual(['Angola', 'Chad', 'Cambodia']);
		expect(names({ key: 'name', descending: false })).toEqual(['Angola', 'Cambodia', 'Chad']);
	});

	it('toggles a column: ascending, then descending, and no parameter for the default column', () => {
		expect(nextSort({ key: 'name', descending: false }, 'region', 'name')).toBe('region');
		expect(nextSort({ key: 'region', descending: false }, 'region', 'name')).toBe('-region');
		expect(nextSort({ key: 'region', descending: true }, 'region', 'name')).toBe('region');
		expect(nextSort({ key: 'name', descending: false }, 'name', 'name')).toBe('-name');
		expect(nextSort({ key: 'name', descending: true }, 'name', 'name')).toBeNull();
	});
});
