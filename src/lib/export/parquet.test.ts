import { describe, expect, it } from 'vitest';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { parquetType, toParquet, writeParquet } from './parquet';

describe('toParquet', () => {
	const columns = [
		{ key: 'name', label: 'État' },
		{ key: 'year', label: 'Année', numeric: true },
		{ key: 'value', label: 'Valeur', numeric: true },
		{ key: 'met', label: 'Cible' }
	];
	const rows = [
		{ name: 'Камбоджа', year: 2023, value: 12.5, met: true },
		{ name: '=1+1', year: 2024, value: -3, met: false },
		{ name: 'العراق', year: 2024, value: null, met: null }
	];

	it('round-trips through hyparquet: same rows, text not neutralised, numbers as numbers', async () => {
		const file = toParquet(rows, columns, { title: 'Titre', sources: ['demonstration'] });
		const back = await parquetReadObjects({ file });
		expect(back).toEqual(rows);
	});

	it('names columns by key and keeps labels, title and sources in the metadata', () => {
		const meta = parquetMetadata(toParquet(rows, columns, { title: 'Площадь', sources: ['a', 'b'] }));
		expect(meta.schema.slice(1).map((s) => s.name)).toEqual(['name', 'year', 'value', 'met']);
		const kv = Object.fromEntries((meta.key_value_metadata ?? []).map((e) => [e.key, e.value]));
		expect(kv.title).toBe('Площадь');
		expect(JSON.parse(kv.sources!)).toEqual(['a', 'b']);
		expect(JSON.parse(kv.labels!)).toMatchObject({ name: 'État', value: 'Valeur' });
	});

	it('writes an empty table with its columns', async () => {
		const back = await parquetReadObjects({ file: toParquet([], columns, { title: '', sources: [] }) });
		expect(back).toEqual([]);
	});
});

describe('parquetType', () => {
	it('chooses the narrowest type holding every value', () => {
		expect(parquetType([1, 2, null])).toBe('INT32');
		expect(parquetType([1, 2.5])).toBe('DOUBLE');
		expect(parquetType([2 ** 40])).toBe('DOUBLE');
		expect(parquetType([true, null])).toBe('BOOLEAN');
		expect(parquetType([1, 'a'])).toBe('STRING');
		expect(parquetType([null])).toBe('STRING');
	});
});

describe('writeParquet, the one writer (chart exports and the bundled data files)', () => {
	it('writes every column type, empty cells as null, dates as DATE', async () => {
		const file = writeParquet([
			{ name: 'iso3', type: 'STRING', values: ['KHM', null] },
			{ name: 'year', type: 'INT32', values: [2024, null] },
			{ name: 'value', type: 'DOUBLE', values: [1.5, null] },
			{ name: 'ok', type: 'BOOLEAN', values: [true, null] },
			{ name: 'day', type: 'DATE', values: ['2030-12-31', null] }
		]);
		const meta = parquetMetadata(file);
		expect(meta.schema.slice(1).map((s) => [s.name, s.type, s.repetition_type])).toEqual([
			['iso3', 'BYTE_ARRAY', 'OPTIONAL'],
			['year', 'INT32', 'OPTIONAL'],
			['value', 'DOUBLE', 'OPTIONAL'],
			['ok', 'BOOLEAN', 'OPTIONAL'],
			['day', 'INT32', 'OPTIONAL']
		]);
		expect(meta.schema[5].converted_type).toBe('DATE');
		const back = await parquetReadObjects({ file });
		expect(back[0]).toMatchObject({ iso3: 'KHM', year: 2024, value: 1.5, ok: true });
		expect((back[0].day as Date).toISOString().slice(0, 10)).toBe('2030-12-31');
		expect(back[1]).toEqual({ iso3: null, year: null, value: null, ok: null, day: null });
	});
});
