import { TABLE_NAMES, TABLES, type TableName } from './schema';

/** Column names compared as people write them: case, spaces, underscores, hyphens and dots do not matter. */
export function normaliseName(name: string): string {
	return name
		.normalize('NFKC')
		.replace(/^\uFEFF/, '')
		.trim()
		.toLowerCase()
		.replace(/[\s_\-.]+/g, '');
}

/**
 * Which contract column each file column goes to (by position in the file's header); null = ignored.
 * The same shape is proposed by the app, edited by the user and remembered for the next file.
 */
export interface ColumnMapping {
	table: TableName;
	columns: (string | null)[];
}

/** How well a file's header fits one table. */
export interface TableFit {
	table: TableName;
	/** Contract column for each file column, null when the file column is unknown to the table. */
	columns: (string | null)[];
	/** Required contract columns the file lacks. */
	missing: string[];
	/** File columns the table does not know. */
	unknown: string[];
	/** File columns that name a contract column another file column already names. */
	duplicates: string[];
}

export function fitTable(table: TableName, header: readonly string[]): TableFit {
	const byName = new Map(TABLES[table].columns.map((c) => [normaliseName(c.name), c.name]));
	const taken = new Set<string>();
	const columns: (string | null)[] = [];
	const unknown: string[] = [];
	const duplicates: string[] = [];
	for (const h of header) {
		const c = byName.get(normaliseName(h)) ?? null;
		if (c === null) {
			if (h.trim() !== '') unknown.push(h);
			columns.push(null);
		} else if (taken.has(c)) {
			duplicates.push(h);
			columns.push(null);
		} else {
			taken.add(c);
			columns.push(c);
		}
	}
	const missing = TABLES[table].columns.filter((c) => c.required && !taken.has(c.name)).map((c) => c.name);
	return { table, columns, missing, unknown, duplicates };
}

/** A fit that needs no mapping: every column known, none twice, every required column there. */
export function isExact(fit: TableFit): boolean {
	return fit.missing.length === 0 && fit.unknown.length === 0 && fit.duplicates.length === 0;
}

function matched(fit: TableFit): number {
	return fit.columns.filter((c) => c !== null).length;
}

function nameHint(fileName: string, table: TableName): boolean {
	return normaliseName(fileName.replace(/\.[a-z0-9]+$/i, '')).includes(normaliseName(table));
}

export interface Recognition {
	/** The table the file fits exactly, or null. */
	table: TableName | null;
	/** The best fit: the exact one, else the nearest table, to explain what is missing and unknown. */
	best: TableFit | null;
}

/**
 * Which table a file is for, from its columns (and, to break ties, its name). Exact fits win; among
 * several, the table named in the file name, then the one whose columns the file covers most.
 */
export function recognise(fileName: string, header: readonly string[]): Recognition {
	const fits = TABLE_NAMES.map((t) => fitTable(t, header));
	const coverage = (f: TableFit) => matched(f) / TABLES[f.table].columns.length;
	const rank = (a: TableFit, b: TableFit) =>
		Number(nameHint(fileName, b.table)) - Number(nameHint(fileName, a.table)) ||
		matched(b) - b.missing.length - (matched(a) - a.missing.length) ||
		coverage(b) - coverage(a);
	const exact = fits.filter(isExact).sort(rank);
	if (exact.length) return { table: exact[0].table, best: exact[0] };
	// No exact fit: rank by what a proposal would match (likely names included).
	const proposed = (f: TableFit) => proposeMapping(f.table, header).columns.filter(Boolean).length;
	const near = fits
		.filter((f) => proposed(f) > 0)
		.sort((a, b) => Number(nameHint(fileName, b.table)) - Number(nameHint(fileName, a.table)) || proposed(b) - proposed(a) || a.missing.length - b.missing.length);
	return { table: null, best: near[0] ?? null };
}

/** Names people give the key columns, for proposals only (an exact fit is always by the contract's names). */
const SYNONYMS: Record<string, string[]> = {
	iso3: ['country', 'countrycode', 'state', 'statecode', 'iso', 'isocode', 'iso31661alpha3'],
	indicator_id: ['indicator', 'indicatorcode', 'indicatorid'],
	value: ['amount', 'figure'],
	year: ['reportingyear', 'yearofdata']
};

function guess(table: TableName, name: string, taken: Set<string>): string | null {
	const n = normaliseName(name);
	if (n.length < 3) return null;
	for (const c of TABLES[table].columns) {
		if (taken.has(c.name)) continue;
		const cn = normaliseName(c.name);
		// "Indicator" for indicator_id, "action no" for action: one name starts with the other.
		if ((SYNONYMS[c.name] ?? []).includes(n) || (Math.min(n.length, cn.length) >= 4 && (cn.startsWith(n) || n.startsWith(cn)))) return c.name;
	}
	return null;
}

/** The mapping the app proposes for `table`: same-name columns matched, then likely names, the rest ignored. */
export function proposeMapping(table: TableName, header: readonly string[]): ColumnMapping {
	const columns = [...fitTable(table, header).columns];
	const taken = new Set(columns.filter((c): c is string => c !== null));
	header.forEach((h, i) => {
		if (columns[i] !== null) return;
		const g = guess(table, h, taken);
		if (g) {
			columns[i] = g;
			taken.add(g);
		}
	});
	return { table, columns };
}

/** Problems a mapping still has: required columns not mapped, contract columns mapped twice. */
export function mappingGaps(mapping: ColumnMapping): { missing: string[]; twice: string[] } {
	const seen = new Map<string, number>();
	for (const c of mapping.columns) if (c) seen.set(c, (seen.get(c) ?? 0) + 1);
	return {
		missing: TABLES[mapping.table].columns.filter((c) => c.required && !seen.has(c.name)).map((c) => c.name),
		twice: [...seen].filter(([, n]) => n > 1).map(([c]) => c)
	};
}

/** The key under which a mapping is remembered: the header as compared. */
export function headerSignature(header: readonly string[]): string {
	return header.map(normaliseName).join('\u001f');
}
