/**
 * The counting passes of the checks (rules per distinct combination of a file's dimension columns,
 * the key's repeats by a bitmap of years per combination): a breach is found, counted and numbered
 * exactly as the row-by-row rule would, whichever column tells the rows apart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDb, type LoadDb } from '$lib/testing/load-db';
import type { LoadOutcome } from './loader';

let db: LoadDb;
beforeAll(async () => {
	db = await loadDb();
});
afterAll(() => db.conn.close());

const head = 'indicator_id,iso3,year,value,sex,age_group\n';
const problems = (o: LoadOutcome) =>
	o.status === 'rejected' ? o.problems.map((p) => ({ column: p.column, rule: p.rule, count: p.count, rows: p.rows, example: p.example })) : o.status;

describe('repeated keys', () => {
	it('rows that differ only in their year are not repeats; the same year again is, in the file’s order', async () => {
		const rows = Array.from({ length: 40 }, (_, i) => `A21.1,KHM,${2001 + i},${i},,`);
		expect((await db.load('years.csv', head + rows.join('\n') + '\n', { mode: 'replace' })).status).toBe('loaded');
		const again = [
			...rows.slice(0, 10),
			'A21.1,KHM,2005,9,,',
			...rows.slice(10, 20).map((r) => r.replace('KHM', 'CIV')),
			'A21.1,CIV,2011,1,,',
			'A21.1,CIV,2011,2,,'
		];
		expect(problems(await db.load('years2.csv', head + again.join('\n') + '\n', { mode: 'replace' }))).toEqual([
			{ column: 'indicator_id+iso3+year+sex+age_group', rule: 'duplicate_in_file', count: 3, rows: [12, 23, 24], example: 'A21.1 / KHM / 2005' }
		]);
	});

	it('rows that differ only in sex or age group are not repeats; the same sex and age group again are', async () => {
		const ok = ['A21.1,AFG,2030,1,female,child', 'A21.1,AFG,2030,1,male,child', 'A21.1,AFG,2030,1,female,adult', 'A21.1,AFG,2030,1,,'];
		expect((await db.load('sex.csv', head + ok.join('\n') + '\n', { mode: 'replace' })).status).toBe('loaded');
		expect(problems(await db.load('sex2.csv', head + [...ok, 'A21.1,AFG,2030,2,male,child'].join('\n') + '\n', { mode: 'replace' }))).toEqual([
			{ column: 'indicator_id+iso3+year+sex+age_group', rule: 'duplicate_in_file', count: 1, rows: [6], example: 'A21.1 / AFG / 2030 / male / child' }
		]);
	});

	it('two rows without a year are the same key (as the row-by-row rule counts them); one is not a repeat', async () => {
		const o = await db.load('noyear.csv', head + 'A21.1,KHM,,1,,\nA21.1,KHM,2040,1,,\nA21.1,KHM,,2,,\nA21.1,CIV,,2,,\n', { mode: 'replace' });
		expect(problems(o)).toEqual([
			{ column: 'year', rule: 'required', count: 3, rows: [2, 4, 5], example: null },
			{ column: 'indicator_id+iso3+year+sex+age_group', rule: 'duplicate_in_file', count: 1, rows: [4], example: 'A21.1 / KHM' }
		]);
	});

	it('years too far apart for a bitmap (a typo such as 20019) still find the repeat', async () => {
		const o = await db.load('wide.csv', head + 'A21.1,KHM,2019,1,,\nA21.1,KHM,20019,1,,\nA21.1,KHM,2019,2,,\nA21.1,KHM,1500,3,,\n', { mode: 'replace' });
		expect(problems(o)).toEqual([
			{ column: 'year', rule: 'out_of_range', count: 2, rows: [3, 5], example: '20019' },
			{ column: 'indicator_id+iso3+year+sex+age_group', rule: 'duplicate_in_file', count: 1, rows: [4], example: 'A21.1 / KHM / 2019' }
		]);
	});
});

describe('rules on distinct values, counted for every row', () => {
	it('a wrong sex, an unknown State and a bad code among valid ones: each row counted, the first five numbered', async () => {
		const rows: string[] = [];
		for (let i = 0; i < 300; i++)
			rows.push(
				`A21.1,${['KHM', 'CIV', 'AFG', 'XXX', 'k h'][i % 5]},${2001 + (i % 50)},${i},${['female', 'male', 'woman'][i % 3]},${i % 7 === 0 ? 'adult' : ''}`
			);
		const o = await db.load('dims.csv', head + rows.join('\n') + '\n', { mode: 'replace' });
		const bad = (pick: (i: number) => boolean) => rows.flatMap((_, i) => (pick(i) ? [i + 2] : []));
		const sex = bad((i) => i % 3 === 2);
		const unknown = bad((i) => i % 5 >= 3);
		const pattern = bad((i) => i % 5 === 4);
		expect(problems(o)).toEqual(
			expect.arrayContaining([
				{ column: 'sex', rule: 'not_allowed', count: sex.length, rows: sex.slice(0, 5), example: 'woman' },
				{ column: 'iso3', rule: 'unknown_reference', count: unknown.length, rows: unknown.slice(0, 5), example: 'XXX' },
				{ column: 'iso3', rule: 'not_iso3', count: pattern.length, rows: pattern.slice(0, 5), example: 'k h' }
			])
		);
		expect((o as { problems: unknown[] }).problems).toHaveLength(4); // and the repeats the cycles make
	});

	it('a value outside its unit is counted only on the rows of indicators in that unit', async () => {
		const rows: string[] = [];
		for (let i = 0; i < 120; i++) rows.push(`${['P1', 'A21.1', 'S1', 'Y1'][i % 4]},KHM,${1997 + Math.floor(i / 4)},${i % 8 < 4 ? 250 : -3},,`);
		const o = await db.load('units.csv', head + rows.join('\n') + '\n', { mode: 'replace' });
		const bad = (pick: (i: number) => boolean) => rows.flatMap((_, i) => (pick(i) ? [i + 2] : []));
		expect(problems(o)).toEqual(
			expect.arrayContaining([
				{ column: 'value', rule: 'percent_range', count: 30, rows: bad((i) => i % 4 === 0).slice(0, 5), example: '250.0' },
				{ column: 'value', rule: 'yes_no', count: 30, rows: bad((i) => i % 4 === 3).slice(0, 5), example: '250.0' },
				{ column: 'value', rule: 'negative', count: 15, rows: bad((i) => i % 4 === 1 && i % 8 >= 4).slice(0, 5), example: '-3.0' }
			])
		);
		expect((o as { problems: unknown[] }).problems).toHaveLength(3);
	});
});
