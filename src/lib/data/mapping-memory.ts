/**
 * Column mappings remembered for the next file with the same header (localStorage). Without
 * localStorage (blocked, private mode, full) nothing is remembered and nothing fails.
 */
import { headerSignature, type ColumnMapping } from './recognise';
import { TABLE_NAMES } from './schema';

const KEY = 'oap.column-mappings.v1';
const MAX = 50;

type Saved = Record<string, ColumnMapping & { savedAt: string }>;

function read(): Saved {
	try {
		const raw = globalThis.localStorage?.getItem(KEY);
		return raw ? (JSON.parse(raw) as Saved) : {};
	} catch {
		return {};
	}
}

export function rememberedMapping(header: readonly string[]): ColumnMapping | null {
	const m = read()[headerSignature(header)];
	if (!m || !TABLE_NAMES.includes(m.table) || m.columns.length !== header.length) return null;
	return { table: m.table, columns: m.columns };
}

/** Remember a mapping; false when the browser would not keep it. */
export function rememberMapping(header: readonly string[], mapping: ColumnMapping): boolean {
	try {
		const saved = read();
		saved[headerSignature(header)] = { ...mapping, savedAt: new Date().toISOString() };
		const kept = Object.entries(saved)
			.sort(([, a], [, b]) => b.savedAt.localeCompare(a.savedAt))
			.slice(0, MAX);
		globalThis.localStorage.setItem(KEY, JSON.stringify(Object.fromEntries(kept)));
		return true;
	} catch {
		return false;
	}
}
