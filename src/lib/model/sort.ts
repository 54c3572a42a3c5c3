/**
 * Sorting a table through the address: `?sort=region` ascending, `?sort=-region` descending, nothing for
 * the default column. One rule for every sortable table: ties, and then every row, fall back to the name.
 */

export interface SortOrder<K extends string> {
	key: K;
	descending: boolean;
}

/** The order `param` asks for; an unknown column falls back to `fallback`, ascending. */
export function parseSort<K extends string>(param: string | null, keys: readonly K[], fallback: K): SortOrder<K> {
	const key = (param ?? '').replace(/^-/, '') as K;
	return keys.includes(key) ? { key, descending: (param ?? '').startsWith('-') } : { key: fallback, descending: false };
}

/**
 * The `sort` parameter after a click on column `key`: ascending first, descending on a second click,
 * and no parameter at all for the default column ascending (links stay short).
 */
export function nextSort<K extends string>(current: SortOrder<K>, key: K, fallback: K): string | null {
	if (current.key === key && !current.descending) return `-${key}`;
	return key === fallback ? null : key;
}

export type SortValue = string | number;

/** The rows in that order: numbers by value, text alphabetically, ties by name; descending reverses the whole order. */
export function sortRows<T, K extends string>(rows: readonly T[], order: SortOrder<K>, valueOf: Record<K, (r: T) => SortValue>, name: (r: T) => string): T[] {
	const value = valueOf[order.key];
	const sorted = [...rows].sort((a, b) => {
		const x = value(a);
		const y = value(b);
		return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))) || name(a).localeCompare(name(b));
	});
	return order.descending ? sorted.reverse() : sorted;
}
