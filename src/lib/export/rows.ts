import { isDemonstrationSource } from '$lib/model/sources';
import type { ExportColumn, PlainRow, PlainValue } from './types';

/** One cell as a plain value: what CSV, Parquet and the basket store (no proxies, no Dates, no objects). */
export function plainValue(v: unknown): PlainValue {
	if (v === null || v === undefined) return null;
	if (typeof v === 'number') return Number.isFinite(v) ? v : null;
	if (typeof v === 'bigint') return Number(v);
	if (typeof v === 'string' || typeof v === 'boolean') return v;
	if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString();
	return String(v);
}

/** The rows behind a chart, reduced to exactly the table's columns, in the table's order. */
export function tableRows(rows: readonly object[], columns: readonly ExportColumn[]): PlainRow[] {
	return rows.map((r) => {
		const out: PlainRow = {};
		for (const c of columns) out[c.key] = plainValue((r as Record<string, unknown>)[c.key]);
		return out;
	});
}

/** The key of the column every export carries: where each row's values come from. */
export const SOURCE_KEY = 'source';

/** The table's columns plus a `source` column at the end, unless the table already shows one. */
export function withSourceColumn(columns: readonly ExportColumn[], label: string): ExportColumn[] {
	const out = columns.map((c) => ({ ...c }));
	return out.some((c) => c.key === SOURCE_KEY) ? out : [...out, { key: SOURCE_KEY, label }];
}

/** Every row with a source: its own when it names one, else the chart's sources joined. */
export function withRowSources(rows: readonly PlainRow[], chartSources: readonly string[]): PlainRow[] {
	const fallback = [...new Set(chartSources.map((s) => s.trim()).filter(Boolean))].join('; ') || null;
	return rows.map((r) => {
		const own = r[SOURCE_KEY];
		return { ...r, [SOURCE_KEY]: typeof own === 'string' && own.trim() ? own : fallback };
	});
}

/** True when any exported value comes from demonstration data: by the chart's sources or any row's own. */
export function hasDemonstrationValues(rows: readonly PlainRow[], chartSources: readonly string[]): boolean {
	const demo = (s: unknown) => typeof s === 'string' && s.split(/;\s*/).some(isDemonstrationSource);
	return chartSources.some(demo) || rows.some((r) => demo(r[SOURCE_KEY]));
}
