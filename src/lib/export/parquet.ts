import { parquetWriteBuffer } from 'hyparquet-writer';
import type { ExportColumn, PlainRow, PlainValue } from './types';

type ParquetType = 'BOOLEAN' | 'INT32' | 'DOUBLE' | 'STRING';

/** The narrowest Parquet type that holds every non-empty value of a column. */
export function parquetType(values: readonly PlainValue[]): ParquetType {
	const present = values.filter((v) => v !== null);
	if (present.length === 0) return 'STRING';
	if (present.every((v) => typeof v === 'boolean')) return 'BOOLEAN';
	if (present.every((v) => typeof v === 'number')) {
		const ints = (present as number[]).every((v) => Number.isInteger(v) && Math.abs(v) < 2 ** 31);
		return ints ? 'INT32' : 'DOUBLE';
	}
	return 'STRING';
}

function convert(v: PlainValue, type: ParquetType): PlainValue {
	if (v === null) return null;
	return type === 'STRING' ? String(v) : v;
}

/**
 * The rows as a Parquet file: columns named by their keys (stable, untranslated names for analysis
 * tools); the translated headings, the chart's title and sources go in the file's key-value metadata.
 * Text is not neutralised: Parquet is read by data tools, not by spreadsheets as formulas.
 */
export function toParquet(rows: readonly PlainRow[], columns: readonly ExportColumn[], meta: { title: string; sources: string[] }): ArrayBuffer {
	const columnData = columns.map((c) => {
		const values = rows.map((r) => r[c.key] ?? null);
		const type = parquetType(values);
		return { name: c.key, type, nullable: true, data: values.map((v) => convert(v, type)) };
	});
	return parquetWriteBuffer({
		columnData,
		kvMetadata: [
			{ key: 'title', value: meta.title },
			{ key: 'sources', value: JSON.stringify(meta.sources) },
			{ key: 'labels', value: JSON.stringify(Object.fromEntries(columns.map((c) => [c.key, c.label]))) }
		]
	});
}
