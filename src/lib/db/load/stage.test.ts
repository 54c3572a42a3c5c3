/**
 * A Parquet file whose columns already have the contract's types, in its order, becomes the stage in
 * place; any other is staged by one CREATE TABLE … AS SELECT. Both must give the same table and the
 * same problems: the same rows written in another column order take the other path.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duckParquet } from '$lib/testing/fixtures';
import { loadDb, type LoadDb } from '$lib/testing/load-db';
import { TABLES } from '$lib/data/schema';
import type { LoadOutcome } from './loader';

let db: LoadDb;
beforeAll(async () => {
	db = await loadDb();
});
afterAll(() => db.conn.close());

// Spaces and no-break spaces to trim, empty text, a missing source, and (in `bad`) infinity and a repeat.
const ROWS = `SELECT * FROM (VALUES
	('A21.1', 'KHM', 2030::INTEGER, 1.5::DOUBLE, NULL, NULL, 'given'),
	(' A21.1', 'KHM ', 2031::INTEGER, 2::DOUBLE, 'female', '', NULL),
	('A21.1', chr(160) || 'CIV', 2031::INTEGER, 3::DOUBLE, 'male ', 'adult', '  '),
	('P1', 'CIV', 2032::INTEGER, 40::DOUBLE, '', ' child' || chr(8239), 'ع source ')
) t(indicator_id, iso3, year, value, sex, age_group, source)`;
const ORDERED = 'indicator_id, iso3, year, value, sex, age_group, source';
const SHUFFLED = 'source, value, iso3, indicator_id, year, age_group, sex';

const table = () => db.rows(`SELECT * FROM indicator_values ORDER BY year, indicator_id, iso3, sex`);
const problems = (o: LoadOutcome) => (o.status === 'rejected' ? o.problems : o.status);

describe('staging in place', () => {
	it('a file in the contract’s order and types gives the same table (values, trims, sources, column order) as the same rows in another order', async () => {
		const inPlace = await db.load('ordered.parquet', await duckParquet(`SELECT ${ORDERED} FROM (${ROWS})`), { mode: 'replace', loadedAt: '2025-02-01' });
		expect(inPlace.status).toBe('loaded');
		const a = await table();
		const columns = (await db.rows<{ column_name: string }>(`DESCRIBE indicator_values`)).map((c) => c.column_name);
		const copied = await db.load('ordered.parquet', await duckParquet(`SELECT ${SHUFFLED} FROM (${ROWS})`), { mode: 'replace', loadedAt: '2025-02-01' });
		expect(copied.status).toBe('loaded');
		expect(a).toEqual(await table());
		expect(a.map((r) => [r.indicator_id, r.iso3, r.sex, r.age_group, r.source])).toEqual([
			['A21.1', 'KHM', null, null, 'given'],
			['A21.1', 'CIV', 'male', 'adult', 'ordered.parquet, loaded 2025-02-01'],
			['A21.1', 'KHM', 'female', null, 'ordered.parquet, loaded 2025-02-01'],
			['P1', 'CIV', null, 'child', 'ع source']
		]);
		expect(columns).toEqual(TABLES.indicator_values.columns.map((c) => c.name));
	});

	it('a file without its last column (source) is staged in place with the file’s source, the same as another order', async () => {
		const cols = ORDERED.replace(', source', '');
		await db.load('nosource.parquet', await duckParquet(`SELECT ${cols} FROM (${ROWS})`), { mode: 'replace', loadedAt: '2025-02-01' });
		const a = await table();
		await db.load('nosource.parquet', await duckParquet(`SELECT ${cols.split(', ').reverse().join(', ')} FROM (${ROWS})`), { mode: 'replace', loadedAt: '2025-02-01' });
		expect(a).toEqual(await table());
		expect(new Set(a.map((r) => r.source))).toEqual(new Set(['nosource.parquet, loaded 2025-02-01']));
		await db.load('nosource.parquet', await duckParquet(`SELECT ${cols} FROM (${ROWS})`), { mode: 'replace', loadedAt: '2025-02-01' });
		// The file's source filled its rows; the table it became keeps no default of its own.
		expect(await db.rows(`SELECT column_default FROM duckdb_columns() WHERE table_name = 'indicator_values' AND column_name = 'source'`)).toEqual([{ column_default: null }]);
	});

	it('infinity, a missing year and a repeated key are the same problems, with the same rows, on either path', async () => {
		const bad = `SELECT * FROM (${ROWS} UNION ALL SELECT 'P1', 'CIV', NULL, 'inf'::DOUBLE, NULL, NULL, 'x' UNION ALL SELECT 'P1', 'CIV', 2032, 41, '', 'child', 'y')`;
		const before = await db.snapshot();
		const a = problems(await db.load('bad.parquet', await duckParquet(`SELECT ${ORDERED} FROM (${bad}) t(${ORDERED})`), { mode: 'replace' }));
		const b = problems(await db.load('bad.parquet', await duckParquet(`SELECT ${SHUFFLED} FROM (${bad}) t(${ORDERED})`), { mode: 'replace' }));
		expect(a).toEqual(b);
		expect((a as { rule: string }[]).map((p) => p.rule).sort()).toEqual(['duplicate_in_file', 'not_finite', 'required']);
		expect(await db.snapshot()).toEqual(before);
	});
});
