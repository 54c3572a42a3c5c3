import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoadError } from '../data/raw';
import type { Connector } from './connector';
import { createTables, loadFile } from './ingest';
import { createNodeConnector } from './node';

const enc = (s: string) => new TextEncoder().encode(s);
let conn: Connector;

async function count(table: string): Promise<number> {
	return (await conn.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${table}`))[0].n;
}

async function rejection(name: string, text: string | Uint8Array, mode: 'add' | 'replace' = 'add'): Promise<LoadError> {
	const bytes = typeof text === 'string' ? enc(text) : text;
	const err = await loadFile(conn, { name, bytes }, { mode }).then(
		() => null,
		(e) => e
	);
	expect(err).toBeInstanceOf(LoadError);
	return err as LoadError;
}

beforeAll(async () => {
	conn = await createNodeConnector();
	await createTables(conn);
	// Semicolon, BOM, CRLF, quoted field, Arabic and Cyrillic text: as Excel writes CSV in many locales.
	const states =
		'\uFEFFiso3;name;name_ar;name_ru;region;entry_into_force;source\r\n' +
		'KHM;Cambodia;كمبوديا;Камбоджа;Asia;2000-01-01;test\r\n' +
		'CIV;"Côte d\'Ivoire; Republic of";;;Africa;2000-12-01;test\r\n';
	await loadFile(conn, { name: 'states.csv', bytes: enc(states) }, { mode: 'add' });
	await loadFile(
		conn,
		{ name: 'ind.csv', bytes: enc('indicator_id,action,label,unit,polarity,applies_to,target,source\nA21.1,21,Area,km2,lower_is_better,article5,,demo\n') },
		{ mode: 'add' }
	);
});
afterAll(() => conn.close());

describe('loading files that fit the contract', () => {
	it('reads semicolon CSV with BOM, CRLF, quotes and non-Latin text', async () => {
		const rows = await conn.query<{ iso3: string; name: string; name_ar: string; entry_into_force: string }>(
			'SELECT iso3, name, name_ar, entry_into_force FROM states ORDER BY iso3'
		);
		expect(rows.map((r) => r.iso3)).toEqual(['CIV', 'KHM']);
		expect(rows[0].name).toBe("Côte d'Ivoire; Republic of");
		expect(rows[1].name_ar).toBe('كمبوديا');
		expect(rows[1].entry_into_force).toBe('2000-01-01');
	});

	it('adds indicator values with decimal commas and recognises the table from the columns', async () => {
		const report = await loadFile(
			conn,
			{ name: 'whatever.csv', bytes: enc('indicator_id;iso3;year;value;source\nA21.1;KHM;2020;12,5;demo\nA21.1;KHM;2021;10;demo\n') },
			{ mode: 'add' }
		);
		expect(report).toMatchObject({ table: 'indicator_values', rows: 2 });
		expect(await conn.query('SELECT value FROM indicator_values ORDER BY year')).toEqual([{ value: 12.5 }, { value: 10 }]);
	});
});

describe('Parquet goes through the same path into the same tables', () => {
	it('loads indicator values from Parquet, decoded without DuckDB extensions', async () => {
		const bytes = new Uint8Array(
			parquetWriteBuffer({
				columnData: [
					{ name: 'indicator_id', data: ['A21.1', 'A21.1'], type: 'STRING' },
					{ name: 'iso3', data: ['CIV', 'CIV'], type: 'STRING' },
					{ name: 'year', data: [2019, 2020], type: 'INT32' },
					{ name: 'value', data: [7.25, null], type: 'DOUBLE' },
					{ name: 'source', data: ['pq', 'pq'], type: 'STRING' }
				]
			})
		);
		// A null value is a missing required value: rejected with its row, nothing loaded.
		const e = await rejection('values.parquet', bytes);
		expect(e.issues[0]).toMatchObject({ file: 'values.parquet', row: 3, column: 'value' });
		const good = new Uint8Array(
			parquetWriteBuffer({
				columnData: [
					{ name: 'indicator_id', data: ['A21.1'], type: 'STRING' },
					{ name: 'iso3', data: ['CIV'], type: 'STRING' },
					{ name: 'year', data: [2019], type: 'INT32' },
					{ name: 'value', data: [7.25], type: 'DOUBLE' },
					{ name: 'source', data: ['pq'], type: 'STRING' }
				]
			})
		);
		const report = await loadFile(conn, { name: 'values.parquet', bytes: good }, { mode: 'add' });
		expect(report).toMatchObject({ table: 'indicator_values', rows: 1 });
		expect(await conn.query(`SELECT value FROM indicator_values WHERE source = 'pq'`)).toEqual([{ value: 7.25 }]);
		await conn.exec(`DELETE FROM indicator_values WHERE source = 'pq'`);
	});
});

describe('bad input is rejected with file, row and column, and leaves the data as it was', () => {
	it('names an unknown column', async () => {
		const e = await rejection('v.csv', 'indicator_id,iso3,year,value,source,colour\nA21.1,KHM,2022,1,x,red\n');
		expect(e.issues.length).toBeGreaterThan(0);
		// An unknown column makes the file fit no table.
		expect(e.message).toMatch(/v\.csv/);
	});

	it('names the row and column of a wrong type', async () => {
		const before = await count('indicator_values');
		const e = await rejection('values.csv', 'indicator_id,iso3,year,value,source\nA21.1,KHM,2022,1,x\nA21.1,KHM,2023,lots,x\n');
		expect(e.issues[0]).toMatchObject({ file: 'values.csv', row: 3, column: 'value' });
		expect(await count('indicator_values')).toBe(before);
	});

	it('names an unknown iso3 and an unknown indicator', async () => {
		const e = await rejection('values.csv', 'indicator_id,iso3,year,value,source\nA21.1,XXX,2022,1,x\nZ9,KHM,2022,1,x\n');
		expect(e.issues).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ row: 2, column: 'iso3' }),
				expect.objectContaining({ row: 3, column: 'indicator_id' })
			])
		);
	});

	it('names duplicate keys inside the file and against what is loaded', async () => {
		const inFile = await rejection('values.csv', 'indicator_id,iso3,year,value,source\nA21.1,KHM,2019,1,x\nA21.1,KHM,2019,2,x\n');
		expect(inFile.issues[0]).toMatchObject({ row: 3, column: 'indicator_id+iso3+year+sex+age_group' });
		const loaded = await rejection('values.csv', 'indicator_id,iso3,year,value,source\nA21.1,KHM,2020,1,x\n');
		expect(loaded.issues[0].message).toMatch(/already loaded/);
	});

	it('rejects an empty file, a header-only file and a binary file', async () => {
		expect((await rejection('empty.csv', '')).message).toMatch(/empty/);
		expect((await rejection('header.csv', 'indicator_id,iso3,year,value,source\n')).message).toMatch(/no data rows/);
		expect((await rejection('x.parquet', new Uint8Array([1, 2, 3, 0, 5]))).message).toMatch(/not a Parquet/);
		expect((await rejection('x.csv', new Uint8Array([0xff, 0xfe, 0, 1, 2]))).message).toMatch(/UTF-8|not a text/);
	});

	it('replace mode swaps the table only when the file is valid', async () => {
		await rejection('values.csv', 'indicator_id,iso3,year,value,source\nA21.1,KHM,2022,,x\n', 'replace');
		expect(await count('indicator_values')).toBe(2);
		await loadFile(conn, { name: 'values.csv', bytes: enc('indicator_id,iso3,year,value,source\nA21.1,CIV,2024,3,x\n') }, { mode: 'replace' });
		expect(await conn.query('SELECT iso3, year FROM indicator_values')).toEqual([{ iso3: 'CIV', year: 2024 }]);
	});
});
