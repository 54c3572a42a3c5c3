/**
 * The one Parquet writer (hyparquet-writer): chart exports (`toParquet`) and the bundled data files
 * (scripts/lib-io.ts) both write through `writeParquet`, so every Parquet file the app or its scripts
 * make has OPTIONAL columns of the same physical and logical types.
 */
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { ExportColumn, PlainRow, PlainValue } from './types';

export type ParquetType = 'BOOLEAN' | 'INT32' | 'DOUBLE' | 'STRING' | 'DATE';

export interface ParquetColumn {
	name: string;
	type: ParquetType;
	/** null = empty; DATE values as 'YYYY-MM-DD' (or Date at midnight UTC). */
	values: readonly unknown[];
}

/** Physical and logical type of each column type; every column may be empty (OPTIONAL). */
function schemaElement(name: string, type: ParquetType) {
	const base = { name, repetition_type: 'OPTIONAL' as const };
	switch (type) {
		case 'STRING':
			return { ...base, type: 'BYTE_ARRAY' as const, converted_type: 'UTF8' as const, logical_type: { type: 'STRING' as const } };
		case 'DATE':
			return { ...base, type: 'INT32' as const, converted_type: 'DATE' as const, logical_type: { type: 'DATE' as const } };
		default:
			return { ...base, type };
	}
}

const toDate = (v: unknown) => (v === null || v === undefined || v instanceof Date ? (v ?? null) : new Date(`${String(v)}T00:00:00Z`));

/** Columns (and key-value metadata) as one Parquet file, in one row group unless `rowGroupSize` says otherwise. */
export function writeParquet(columns: readonly ParquetColumn[], options: { metadata?: { key: string; value: string }[]; rowGroupSize?: number } = {}): ArrayBuffer {
	const schema = [{ name: 'root', num_children: columns.length }, ...columns.map((c) => schemaElement(c.name, c.type))];
	const columnData = columns.map((c) => ({ name: c.name, data: c.type === 'DATE' ? c.values.map(toDate) : [...c.values] }));
	const rows = columns[0]?.values.length ?? 0;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- hyparquet-writer's types want its own SchemaElement and DecodedArray
	return parquetWriteBuffer({ columnData: columnData as any, schema: schema as any, kvMetadata: options.metadata, rowGroupSize: options.rowGroupSize ?? Math.max(rows, 1) });
}

/** The narrowest Parquet type that holds every non-empty value of a column. */
export function parquetType(values: readonly PlainValue[]): Exclude<ParquetType, 'DATE'> {
	const present = values.filter((v) => v !== null);
	if (present.length === 0) return 'STRING';
	if (present.every((v) => typeof v === 'boolean')) return 'BOOLEAN';
	if (present.every((v) => typeof v === 'number')) {
		const ints = (present as number[]).every((v) => Number.isInteger(v) && Math.abs(v) < 2 ** 31);
		return ints ? 'INT32' : 'DOUBLE';
	}
	return 'STRING';
}

/**
 * A chart's rows as a Parquet file: columns named by their keys (stable, untranslated names for analysis
 * tools); the translated headings, the chart's title and sources go in the file's key-value metadata.
 * Text is not neutralised: Parquet is read by data tools, not by spreadsheets as formulas.
 */
export function toParquet(rows: readonly PlainRow[], columns: readonly ExportColumn[], meta: { title: string; sources: string[] }): ArrayBuffer {
	return writeParquet(
		columns.map((c) => {
			const values = rows.map((r) => r[c.key] ?? null);
			const type = parquetType(values);
			return { name: c.key, type, values: values.map((v) => (v === null ? null : type === 'STRING' ? String(v) : v)) };
		}),
		{
			metadata: [
				{ key: 'title', value: meta.title },
				{ key: 'sources', value: JSON.stringify(meta.sources) },
				{ key: 'labels', value: JSON.stringify(Object.fromEntries(columns.map((c) => [c.key, c.label]))) }
			]
		}
	);
}
