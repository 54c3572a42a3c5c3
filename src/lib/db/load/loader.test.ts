import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duckParquet } from '$lib/testing/fixtures';
import { loadDb, type LoadDb } from '$lib/testing/load-db';
import type { LoadProgress } from './loader';

let db: LoadDb;
beforeAll(async () => {
	db = await loadDb();
});
afterAll(() => db.conn.close());

describe('the mapping step', () => {
	const header = 'Country,Indicator,Year,Value,Comment\nKHM,A21.1,2060,5,first\n';

	it('a file that fits no table asks, naming the nearest table, with a prefilled proposal', async () => {
		const o = await db.load('mine.csv', header);
		expect(o).toMatchObject({ status: 'needs-mapping', header: ['Country', 'Indicator', 'Year', 'Value', 'Comment'], proposal: { table: 'indicator_values', columns: ['iso3', 'indicator_id', 'year', 'value', null] }, best: { table: 'indicator_values', missing: ['indicator_id', 'iso3'], unknown: ['Country', 'Indicator', 'Comment'] } });
	});

	it('loads with the mapping chosen, leaving out the ignored column, and reports it', async () => {
		const mapping = { table: 'indicator_values' as const, columns: ['iso3', 'indicator_id', 'year', 'value', null] };
		const o = await db.load('mine.csv', header, { mapping });
		expect(o).toMatchObject({ status: 'loaded', rows: 1, ignored: ['Comment'], remembered: false });
		expect(await db.rows(`SELECT iso3, value FROM indicator_values WHERE year = 2060`)).toEqual([{ iso3: 'KHM', value: 5 }]);
	});

	it('uses a mapping remembered for the same header, and says so', async () => {
		const mapping = { table: 'indicator_values' as const, columns: ['iso3', 'indicator_id', 'year', 'value', null] };
		const o = await db.load('next.csv', 'country,indicator,year,value,comment\nKHM,A21.1,2061,6,x\n', { remembered: () => mapping });
		expect(o).toMatchObject({ status: 'loaded', remembered: true });
	});

	it('a mapping that leaves a required column out asks again', async () => {
		const o = await db.load('mine.csv', header, { mapping: { table: 'indicator_values', columns: [null, 'indicator_id', 'year', 'value', null] } });
		expect(o.status).toBe('needs-mapping');
	});
});

describe('progress and cancel', () => {
	it('reports progress per Parquet row group, then checking and saving', async () => {
		const bytes = await duckParquet(`SELECT 'metric ' || i AS metric, 2000 AS year, i::DOUBLE AS value, 'progress' AS source FROM range(7000) t(i)`, { rowGroupSize: 2048 });
		const seen: LoadProgress[] = [];
		const o = await db.load('p.parquet', bytes, { onProgress: (p) => seen.push(p) });
		expect(o.status).toBe('loaded');
		const reading = seen.filter((p) => p.phase === 'reading' && p.fraction !== null).map((p) => p.fraction);
		expect(reading.at(-1)).toBe(1);
		expect(reading.length).toBeGreaterThan(2);
		expect(seen.map((p) => p.phase)).toEqual(expect.arrayContaining(['checking', 'saving']));
	});

	it('a cancelled load changes nothing', async () => {
		const before = await db.snapshot();
		const controller = new AbortController();
		const bytes = await duckParquet(`SELECT 'A21.1' AS indicator_id, 'AFG' AS iso3, (1997 + i)::INTEGER AS year, i::DOUBLE AS value FROM range(100) t(i)`, { rowGroupSize: 30 });
		const o = await db.load('p.parquet', bytes, { signal: controller.signal, onProgress: (p) => p.phase === 'reading' && (p.fraction ?? 0) > 0.3 && controller.abort() });
		expect(o).toEqual({ status: 'cancelled', file: 'p.parquet' });
		expect(await db.snapshot()).toEqual(before);
		expect(await db.rows(`SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name LIKE '\\_\\_%' ESCAPE '\\'`)).toEqual([{ n: 0 }]);
	});
});
