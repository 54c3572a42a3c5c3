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
