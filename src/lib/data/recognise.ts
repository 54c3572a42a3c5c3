import { TABLE_NAMES, TABLES, type TableName } from './schema';

function normalise(name: string): string {
	return name.trim().toLowerCase();
}

/**
 * Which table a file is for, from its columns (and, to break ties, its name).
 * A table fits when the file has all its required columns and no column it does not know.
 */
export function recogniseTable(fileName: string, columns: string[]): TableName | null {
	const cols = new Set(columns.map(normalise));
	const fits = TABLE_NAMES.filter((t) => {
		const def = TABLES[t];
		const known = new Set(def.columns.map((c) => c.name));
		return def.columns.every((c) => !c.required || cols.has(c.name)) && [...cols].every((c) => known.has(c));
	});
	if (fits.length <= 1) return fits[0] ?? null;
	const base = normalise(fileName).replace(/\.(csv|parquet|txt)$/, '');
	const byName = fits.find((t) => base.includes(t));
	if (byName) return byName;
	// Prefer the table the file covers most completely.
	const score = (t: TableName) => TABLES[t].columns.filter((c) => cols.has(c.name)).length / TABLES[t].columns.length;
	return [...fits].sort((a, b) => score(b) - score(a))[0];
}
