/**
 * Hostile and odd files: each case asserts the exact outcome — rejected with file, row and column and
 * every table unchanged, or accepted with exactly the values written. Parquet files are written by
 * the native DuckDB (a different engine and writer from the one that reads them here).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ProblemGroup } from '$lib/data/problems';
import { duckParquet } from '$lib/testing/fixtures';
import { loadDb, type LoadDb } from '$lib/testing/load-db';
import type { LoadOutcome } from './loader';

let db: LoadDb;
let before: Record<string, string>;

beforeAll(async () => {
	db = await loadDb();
});
afterAll(() => db.conn.close());
beforeEach(async () => {
	before = await db.snapshot();
});

type Expect = Pick<ProblemGroup, 'rule'> & Partial<Pick<ProblemGroup, 'column' | 'rows' | 'count' | 'example'>>;

/** The file was rejected with exactly these problem groups (in any order), and no table changed. */
async function rejected(outcome: LoadOutcome, file: string, ...expected: Expect[]) {
	expect(outcome.status, JSON.stringify(outcome)).toBe('rejected');
	if (outcome.status !== 'rejected') return;
	expect(outcome.problems.map((p) => p.file)).toEqual(outcome.problems.map(() => file));
	expect(outcome.problems).toHaveLength(expected.length);
	for (const e of expected) expect(outcome.problems, JSON.stringify(outcome.problems)).toContainEqual(expect.objectContaining(e));
	expect(await db.snapshot()).toEqual(before);
}

const valuesOf = (source: string) => db.rows<{ indicator_id: string; iso3: string; year: number; value: number }>(`SELECT indicator_id, iso3, year, value FROM indicator_values WHERE source = '${source}' ORDER BY year, indicator_id`);
const enc = (s: string) => new TextEncoder().encode(s);

describe('whole-file problems', () => {
	it('an empty file', async () => {
		await rejected(await db.load('e.csv', ''), 'e.csv', { rule: 'empty_file', column: null, rows: [] });
	});
	it('a header and no rows', async () => {
		await rejected(await db.load('h.csv', 'indicator_id,iso3,year,value\n'), 'h.csv', { rule: 'no_rows' });
	});
	it('a header and only empty rows (",,," as spreadsheets export them)', async () => {
		await rejected(await db.load('h.csv', 'indicator_id,iso3,year,value\n,,,\n,,,\n'), 'h.csv', { rule: 'no_rows' });
	});
	it('binary bytes with NULs', async () => {
		const bytes = Uint8Array.from({ length: 2048 }, (_, i) => (i % 5 === 0 ? 0 : (i * 37) & 0xff));
		await rejected(await db.load('values.csv', bytes), 'values.csv', { rule: 'not_text' });
	});
	it('a CSV named .parquet', async () => {
		await rejected(await db.load('values.parquet', 'indicator_id,iso3,year,value\nA21.1,KHM,2030,1\n'), 'values.parquet', { rule: 'not_parquet' });
	});
	it('a truncated Parquet file', async () => {
		const full = await duckParquet(`SELECT 'A21.1' AS indicator_id, 'KHM' AS iso3, 2030 AS year, 1.5 AS value`);
		await rejected(await db.load('cut.parquet', full.slice(0, full.length - 40)), 'cut.parquet', { rule: 'parquet_unreadable' });
	});
	it('a Parquet file with its pages overwritten (magic intact)', async () => {
		const bytes = await duckParquet(`SELECT 'A' || i AS indicator_id, 'KHM' AS iso3, 2030 AS year, i * 1.5 AS value FROM range(500) t(i)`, { codec: 'zstd' });
		const broken = bytes.slice();
		for (let i = 8; i < Math.min(broken.length - 200, 600); i++) broken[i] = 0xab;
		await rejected(await db.load('broken.parquet', broken), 'broken.parquet', { rule: 'parquet_unreadable' });
	});
});

describe('numbers are never changed silently', () => {
	it('INT64 5,000,000,000 in a whole-number column (year) is rejected, not wrapped to 705,032,704', async () => {
		const bytes = await duckParquet(`SELECT 'A21.1' AS indicator_id, 'KHM' AS iso3, 5000000000::BIGINT AS year, 1.0 AS value`);
		await rejected(await db.load('big.parquet', bytes), 'big.parquet', { rule: 'too_large', column: 'year', rows: [2], example: '5000000000' });
	});
	it('INT64 5,000,000,000 and 99,999,999,999 into a DOUBLE column are exact', async () => {
		const bytes = await duckParquet(`SELECT * FROM (VALUES ('A21.1', 'KHM', 2031, 5000000000::BIGINT, 'int64'), ('A21.1', 'KHM', 2032, 99999999999::BIGINT, 'int64')) t(indicator_id, iso3, year, value, source)`);
		expect((await db.load('big.parquet', bytes)).status).toBe('loaded');
		expect(await valuesOf('int64')).toEqual([
			{ indicator_id: 'A21.1', iso3: 'KHM', year: 2031, value: 5_000_000_000 },
			{ indicator_id: 'A21.1', iso3: 'KHM', year: 2032, value: 99_999_999_999 }
		]);
	});
	it('INT64 beyond 2^53 into a DOUBLE column is rejected (it cannot be held exactly)', async () => {
		const bytes = await duckParquet(`SELECT 'A21.1' AS indicator_id, 'KHM' AS iso3, 2033 AS year, 9007199254740993::BIGINT AS value`);
		await rejected(await db.load('huge.parquet', bytes), 'huge.parquet', { rule: 'not_exact', column: 'value', rows: [2], example: '9007199254740993' });
	});
	it('99999999999 written as text in a whole-number column is rejected', async () => {
		await rejected(await db.load('v.csv', 'indicator_id,iso3,year,value\nA21.1,KHM,99999999999,1\n'), 'v.csv', { rule: 'too_large', column: 'year', rows: [2], example: '99999999999' });
	});
	it('"1e309", "Infinity", "NaN" and "-inf" are rejected as not finite, one group with their rows', async () => {
		const csv = 'indicator_id,iso3,year,value\nA21.1,KHM,2040,1e309\nA21.1,KHM,2041,Infinity\nA21.1,KHM,2042,NaN\nA21.1,KHM,2043,-inf\nA21.1,KHM,2044,2\n';
		await rejected(await db.load('inf.csv', csv), 'inf.csv', { rule: 'not_finite', column: 'value', rows: [2, 3, 4, 5], count: 4, example: '1e309' });
	});
	it('Parquet DOUBLE infinity and NaN are rejected', async () => {
		const bytes = await duckParquet(`SELECT * FROM (VALUES ('A21.1', 'KHM', 2045, 'inf'::DOUBLE), ('A21.1', 'KHM', 2046, 'nan'::DOUBLE)) t(indicator_id, iso3, year, value)`);
		await rejected(await db.load('nan.parquet', bytes), 'nan.parquet', { rule: 'not_finite', column: 'value', rows: [2, 3], count: 2 });
	});
	it('"1_000" and "0x10" are not numbers a spreadsheet writes', async () => {
		await rejected(await db.load('odd.csv', 'indicator_id,iso3,year,value\nA21.1,KHM,2047,1_000\nA21.1,KHM,2048,0x10\n'), 'odd.csv', { rule: 'not_number', column: 'value', rows: [2, 3], count: 2, example: '1_000' });
	});
	it('"2020.5" as a year is not a whole number; "2049.0" is 2049 exactly', async () => {
		await rejected(await db.load('y.csv', 'indicator_id,iso3,year,value\nA21.1,KHM,2020.5,1\n'), 'y.csv', { rule: 'not_whole_number', column: 'year', rows: [2], example: '2020.5' });
		expect((await db.load('y.csv', 'indicator_id,iso3,year,value,source\nA21.1,KHM,2049.0,1,y2049\n')).status).toBe('loaded');
		expect(await valuesOf('y2049')).toEqual([{ indicator_id: 'A21.1', iso3: 'KHM', year: 2049, value: 1 }]);
	});
	it('Parquet FLOAT 0.1 is 0.1 (the decimal it prints as), DECIMAL(10,2) 12.34 is 12.34', async () => {
		const bytes = await duckParquet(`SELECT * FROM (VALUES ('A21.1', 'KHM', 2050, 0.1::FLOAT, 'float'), ('P1', 'KHM', 2050, 12.34::DECIMAL(10,2)::FLOAT, 'float')) t(indicator_id, iso3, year, value, source)`);
		expect((await db.load('f.parquet', bytes)).status).toBe('loaded');
		expect((await valuesOf('float')).map((r) => r.value)).toEqual([0.1, 12.34]);
		const dec = await duckParquet(`SELECT 'A21.1' AS indicator_id, 'KHM' AS iso3, 2051 AS year, 12.34::DECIMAL(10,2) AS value, 'dec' AS source`);
		expect((await db.load('d.parquet', dec)).status).toBe('loaded');
		expect((await valuesOf('dec')).map((r) => r.value)).toEqual([12.34]);
	});
	it('a DECIMAL(38,0) beyond what a DOUBLE holds exactly is rejected', async () => {
		const bytes = await duckParquet(`SELECT 'A21.1' AS indicator_id, 'KHM' AS iso3, 2052 AS year, 12345678901234567890123::DECIMAL(38,0) AS value`);
		await rejected(await db.load('dec.parquet', bytes), 'dec.parquet', { rule: 'not_exact', column: 'value', rows: [2] });
	});
	it('"1,234" in a comma-separated file (quoted, as English spreadsheets write it) is 1234, and the report says so', async () => {
		const o = await db.load('en.csv', 'indicator_id,iso3,year,value,source\nA21.1,KHM,2053,"1,234",en\nA21.1,KHM,2054,"12,345,678.5",en\n');
		expect(o).toMatchObject({ status: 'loaded', numberFormat: { decimal: '.', thousands: true, row: 3, text: '12,345,678.5' } });
		expect((await valuesOf('en')).map((r) => r.value)).toEqual([1234, 12345678.5]);
	});
	it('"1,234" alone in a semicolon file (1234 or 1.234?) is rejected as ambiguous', async () => {
		await rejected(await db.load('amb.csv', 'indicator_id;iso3;year;value\nA21.1;KHM;2055;1,234\nA21.1;KHM;2056;7\n'), 'amb.csv', { rule: 'ambiguous_separator', column: 'value', rows: [2], example: '1,234' });
	});
	it('decimal commas ("12,5", "1.234,5", "1 234,5") are read once the file shows them, and said', async () => {
		const o = await db.load('eu.csv', 'indicator_id;iso3;year;value;source\nA21.1;KHM;2057;12,5;eu\nA21.1;KHM;2058;1.234,5;eu\nA21.1;KHM;2059;1\u00a0234,5;eu\nA21.1;KHM;2060;1,234;eu\n');
		expect(o).toMatchObject({ status: 'loaded', numberFormat: { decimal: ',', row: 2, text: '12,5' } });
		expect((await valuesOf('eu')).map((r) => r.value)).toEqual([12.5, 1234.5, 1234.5, 1.234]);
	});
	it('a file mixing decimal commas and comma thousands is rejected', async () => {
		await rejected(await db.load('mix.csv', 'indicator_id,iso3,year,value\nA21.1,KHM,2061,"12,5"\nA21.1,KHM,2062,"1,234.5"\n'), 'mix.csv', { rule: 'mixed_separators', column: 'value', rows: [2, 3] });
	});
	it('a dot number in a decimal-comma file does not fit its format', async () => {
		await rejected(await db.load('eu2.csv', 'indicator_id;iso3;year;value\nA21.1;KHM;2063;12,5\nA21.1;KHM;2064;3.25\n'), 'eu2.csv', { rule: 'number_format', column: 'value', rows: [3], example: '3.25' });
	});
});

describe('dates and moments', () => {
	const meeting = (start: string, end: string) => `code,type,start_date,end_date\nX1,intersessional,${start},${end}\n`;
	it('a TIMESTAMPTZ of 2024-06-02 00:30+02 is a moment, not a date: rejected (not shifted to 2024-06-01)', async () => {
		const bytes = await duckParquet(`SELECT 'X2' AS code, 'intersessional' AS type, TIMESTAMPTZ '2024-06-02 00:30:00+02' AS start_date`);
		await rejected(await db.load('tz.parquet', bytes), 'tz.parquet', { rule: 'time_of_day', column: 'start_date', rows: [2], example: '2024-06-01 22:30:00+00' });
	});
	it('a midnight UTC TIMESTAMPTZ and a naive midnight TIMESTAMP are their dates; a DATE is itself', async () => {
		const bytes = await duckParquet(`SELECT 'X3' AS code, 'intersessional' AS type, TIMESTAMPTZ '2024-06-02 00:00:00+00' AS start_date, TIMESTAMP '2024-06-03 00:00:00' AS end_date, 'ts' AS source`);
		expect((await db.load('ts.parquet', bytes)).status).toBe('loaded');
		const d = await duckParquet(`SELECT 'X4' AS code, 'intersessional' AS type, DATE '2024-06-04' AS start_date, 'ts' AS source`);
		expect((await db.load('d.parquet', d)).status).toBe('loaded');
		expect(await db.rows(`SELECT code, start_date, end_date FROM meetings WHERE source = 'ts' ORDER BY code`)).toEqual([
			{ code: 'X3', start_date: '2024-06-02', end_date: '2024-06-03' },
			{ code: 'X4', start_date: '2024-06-04', end_date: null }
		]);
	});
	it('text "2024-06-02T00:30:00+02:00" in a date column is rejected; "2024-06-05T00:00:00+02:00" is 2024-06-05 as written', async () => {
		await rejected(await db.load('m.csv', meeting('2024-06-02T00:30:00+02:00', '')), 'm.csv', { rule: 'time_of_day', column: 'start_date', rows: [2] });
		expect((await db.load('m.csv', 'code,type,start_date,source\nX5,intersessional,2024-06-05T00:00:00+02:00,tz\n')).status).toBe('loaded');
		expect(await db.rows(`SELECT start_date FROM meetings WHERE code = 'X5'`)).toEqual([{ start_date: '2024-06-05' }]);
	});
	it('dates written 02/06/2024 or 2024-02-30 are not dates', async () => {
		await rejected(await db.load('m.csv', 'code,type,start_date\nX6,intersessional,02/06/2024\nX7,intersessional,2024-02-30\n'), 'm.csv', { rule: 'not_date', column: 'start_date', rows: [2, 3], count: 2 });
	});
	it('an end date before its start date is rejected', async () => {
		await rejected(await db.load('m.csv', meeting('2024-06-20', '2024-06-18')), 'm.csv', { rule: 'before', column: 'end_date', rows: [2] });
	});
	it('a withdrawal taking effect before it was notified is rejected', async () => {
		await rejected(await db.load('s.csv', 'iso3,name,region,withdrawal_notified,withdrawal_effective\nLTU,Lithuania,Europe,2025-06-27,2025-01-01\n'), 's.csv', { rule: 'before', column: 'withdrawal_effective', rows: [2] });
	});
});

describe('codes, references and ranges', () => {
	it('iso3 "123", "khm" and a planted link are not ISO codes; none reaches the table', async () => {
		const csv = 'iso3,name,region\n123,Digits,Asia\nkhm,Lower,Asia\n../../sql?q=DROP TABLE states,Link,Asia\n';
		await rejected(await db.load('s.csv', csv), 's.csv', { rule: 'not_iso3', column: 'iso3', rows: [2, 3, 4], count: 3, example: '123' });
	});
	it('region "true" is not a UN M49 region; a BOOLEAN region column in Parquet is the wrong type', async () => {
		await rejected(await db.load('s.csv', 'iso3,name,region\nZZA,Test,true\n'), 's.csv', { rule: 'not_allowed', column: 'region', rows: [2], example: 'true' });
		const bytes = await duckParquet(`SELECT 'ZZB' AS iso3, 'Test' AS name, true AS region`);
		await rejected(await db.load('s.parquet', bytes), 's.parquet', { rule: 'wrong_type', column: 'region', rows: [2], example: 'true' });
	});
	it('percent 250, yes/no 7 and negative km² and persons are outside their unit', async () => {
		const csv = 'indicator_id,iso3,year,value\nP1,KHM,2070,250\nY1,KHM,2070,7\nA21.1,KHM,2070,-3\nC1,KHM,2070,-1\nP1,KHM,2071,100\n';
		await rejected(
			await db.load('u.csv', csv),
			'u.csv',
			{ rule: 'percent_range', column: 'value', rows: [2] },
			{ rule: 'yes_no', column: 'value', rows: [3] },
			{ rule: 'negative', column: 'value', rows: [4, 5], count: 2 }
		);
	});
	it('open units: "sessions" and "EUR" take any finite number, "%" is a percentage', async () => {
		expect((await db.load('u.csv', 'indicator_id,iso3,year,value,source\nS1,KHM,2072,-2,open\nE1,KHM,2072,-1500.5,open\n')).status).toBe('loaded');
		expect((await valuesOf('open')).map((r) => r.value)).toEqual([-1500.5, -2]);
		expect((await db.load('i.csv', 'indicator_id,action,label,unit,polarity,applies_to,target\nPCT,2,Share,%,higher_is_better,all,120\n')).status).toBe('rejected');
	});
	it('an unknown State and an unknown indicator are named with their rows', async () => {
		await rejected(
			await db.load('r.csv', 'indicator_id,iso3,year,value\nA21.1,XXX,2073,1\nZ9,KHM,2073,1\n'),
			'r.csv',
			{ rule: 'unknown_reference', column: 'iso3', rows: [2], example: 'XXX' },
			{ rule: 'unknown_reference', column: 'indicator_id', rows: [3], example: 'Z9' }
		);
	});
	it('a repeated key inside the file and a key already loaded', async () => {
		await rejected(await db.load('d.csv', 'indicator_id,iso3,year,value\nA21.1,KHM,2074,1\nA21.1,KHM,2074,2\n'), 'd.csv', { rule: 'duplicate_in_file', rows: [3], example: 'A21.1 / KHM / 2074' });
		await rejected(await db.load('d.csv', 'indicator_id,iso3,year,value\nA21.1,KHM,2019,5\n'), 'd.csv', { rule: 'already_loaded', rows: [2], example: 'A21.1 / KHM / 2019' });
	});
	it('a required value of spaces only is missing', async () => {
		await rejected(await db.load('q.csv', 'indicator_id,iso3,year,value\nA21.1,KHM,2075,   \n'), 'q.csv', { rule: 'required', column: 'value', rows: [2] });
	});
	it('10,000 bad rows are one group with their count and the first five rows', async () => {
		const lines = Array.from({ length: 10_000 }, (_, i) => `A21.1,KHM,${1997 + (i % 100)},x${i}`);
		const o = await db.load('many.csv', 'indicator_id,iso3,year,value\n' + lines.join('\n') + '\n');
		expect(o.status).toBe('rejected');
		if (o.status !== 'rejected') return;
		expect(o.problems).toContainEqual(expect.objectContaining({ rule: 'not_number', column: 'value', count: 10_000, rows: [2, 3, 4, 5, 6], example: 'x0' }));
		const all = await o.allProblems!();
		expect(all.filter((r) => r.rule === 'not_number')).toHaveLength(10_000);
		expect(all[0]).toEqual({ row: 2, column: 'value', value: 'x0', rule: 'not_number' });
		expect(await db.snapshot()).toEqual(before);
	});
});

describe('CSV structure', () => {
	it('a row with more fields than the header is named', async () => {
		await rejected(await db.load('x.csv', 'indicator_id,iso3,year,value\nA21.1,KHM,2076,1\nA21.1,KHM,2077,1,5\n'), 'x.csv', { rule: 'extra_fields', column: null, rows: [3] });
	});
	it('an unterminated quote is named with its row; later rows keep their numbers', async () => {
		const o = await db.load('q.csv', 'indicator_id,iso3,year,value\nA21.1,KHM,2078,1\nA21.1,"KHM,2079,1\nA21.1,KHM,2080,zz\n');
		expect(o.status).toBe('rejected');
		if (o.status === 'rejected') expect(o.problems[0]).toMatchObject({ rule: 'csv_structure', rows: [3] });
		expect(await db.snapshot()).toEqual(before);
	});
	it('a quoted line break stays in its row, and rows are counted as a spreadsheet counts them', async () => {
		const o = await db.load('n.csv', 'indicator_id,action,label,unit,polarity,applies_to\nNL1,5,"two\r\nlines",count,higher_is_better,all\nNL2,5,ok,count,higher_is_better,bogus\n');
		await rejected(o, 'n.csv', { rule: 'not_allowed', column: 'applies_to', rows: [3], example: 'bogus' });
	});
	it('semicolons, a byte-order mark, CRLF, quotes and Arabic/Cyrillic text load exactly', async () => {
		const csv = '\uFEFFiso3;name;name_ar;name_ru;region;source\r\nZZC;"Côte; d\'Ivoire ""CI""";كوت ديفوار;Кот-д’Ивуар;Africa;bom\r\n';
		expect((await db.load('s.csv', csv)).status).toBe('loaded');
		expect(await db.rows(`SELECT iso3, name, name_ar, name_ru FROM states WHERE source = 'bom'`)).toEqual([{ iso3: 'ZZC', name: 'Côte; d\'Ivoire "CI"', name_ar: 'كوت ديفوار', name_ru: 'Кот-д’Ивуар' }]);
	});
	it('a Windows-1252 file (Excel "CSV" in Western Europe) is read as such, and said', async () => {
		// "Côte d’Ivoire – Sud" in Windows-1252: ô = F4, ’ = 92, – = 96.
		const head = enc('iso3,name,region,source\nZZD,C');
		const tail = enc('te d');
		const bytes = new Uint8Array([...head, 0xf4, ...tail, 0x92, ...enc('Ivoire '), 0x96, ...enc(' Sud,Africa,cp1252\n')]);
		const o = await db.load('s.csv', bytes);
		expect(o).toMatchObject({ status: 'loaded', encoding: 'windows-1252' });
		expect(await db.rows(`SELECT name FROM states WHERE source = 'cp1252'`)).toEqual([{ name: 'Côte d’Ivoire – Sud' }]);
	});
	it('a UTF-16 tab-separated file (Excel "Unicode text") loads exactly', async () => {
		const text = '\uFEFFiso3\tname\tregion\tsource\r\nZZE\tÅland – Ελλάδα\tEurope\tutf16\r\n';
		const bytes = new Uint8Array(text.length * 2);
		for (let i = 0; i < text.length; i++) [bytes[2 * i], bytes[2 * i + 1]] = [text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8];
		expect((await db.load('s.txt', bytes)).status).toBe('loaded');
		expect(await db.rows(`SELECT iso3, name FROM states WHERE source = 'utf16'`)).toEqual([{ iso3: 'ZZE', name: 'Åland – Ελλάδα' }]);
	});
	it('text that looks like a formula or holds control characters is kept exactly as text', async () => {
		const csv = 'indicator_id,action,label,unit,polarity,applies_to,source\nF1,5,=1+2,count,higher_is_better,all,ctl\nF2,5,"a\u0001b\u000bc",count,higher_is_better,all,ctl\n';
		expect((await db.load('f.csv', csv)).status).toBe('loaded');
		expect(await db.rows(`SELECT label FROM indicators WHERE source = 'ctl' ORDER BY indicator_id`)).toEqual([{ label: '=1+2' }, { label: 'a\u0001b\u000bc' }]);
	});
});

describe('provenance and replace', () => {
	it('no source column, or an empty source cell: "<file>, loaded <date>"; a source given is kept', async () => {
		expect((await db.load('mine.csv', 'indicator_id,iso3,year,value,source\nA21.1,AFG,2019,1,\nA21.1,AFG,2020,2,Art. 7 report 2021\n', { loadedAt: '2026-11-30' })).status).toBe('loaded');
		expect((await db.load('other.csv', 'indicator_id,iso3,year,value\nA21.1,AFG,2021,3\n', { loadedAt: '2026-11-30' })).status).toBe('loaded');
		expect(await db.rows(`SELECT year, source FROM indicator_values WHERE iso3 = 'AFG' ORDER BY year`)).toEqual([
			{ year: 2019, source: 'mine.csv, loaded 2026-11-30' },
			{ year: 2020, source: 'Art. 7 report 2021' },
			{ year: 2021, source: 'other.csv, loaded 2026-11-30' }
		]);
	});
	it('a Replace that would orphan rows says how many and asks; declining changes nothing, agreeing replaces', async () => {
		const one = 'iso3,name,region\nKHM,Cambodia,Asia\n';
		const o = await db.load('states.csv', one, { mode: 'replace' });
		expect(o.status).toBe('needs-confirmation');
		if (o.status === 'needs-confirmation') expect(o.orphans).toContainEqual({ table: 'indicator_values', column: 'iso3', rows: Number((await db.rows<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM indicator_values WHERE iso3 <> 'KHM'`))[0].n) });
		expect(await db.snapshot()).toEqual(before);
		const yes = await db.load('states.csv', one, { mode: 'replace', confirmOrphans: true });
		expect(yes.status).toBe('loaded');
		expect(await db.rows(`SELECT iso3 FROM states`)).toEqual([{ iso3: 'KHM' }]);
	});
});

describe('generated CSV fields (fast-check)', () => {
	const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;
	// The spaces a value is trimmed of: Unicode space separators (space, no-break spaces, …), not tabs or line breaks.
	const AROUND = /^\p{Zs}+|\p{Zs}+$/gu;

	it('any label text comes back exactly (trimmed of the spaces around it), or the row is named as missing it', async () => {
		let n = 0;
		await fc.assert(
			fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 40 }).filter((s) => !s.includes('\u0000')), async (label) => {
				const id = `G${++n}`;
				const o = await db.load('gen.csv', `indicator_id,action,label,unit,polarity,applies_to,source\n${id},7,${quote(label)},count,higher_is_better,all,gen\n`);
				const expected = label.replace(AROUND, '');
				if (expected === '') {
					expect(o.status).toBe('rejected');
					if (o.status === 'rejected') expect(o.problems).toEqual([expect.objectContaining({ rule: 'required', column: 'label', rows: [2] })]);
				} else {
					expect(o.status, JSON.stringify(o)).toBe('loaded');
					expect(await db.rows(`SELECT label FROM indicators WHERE indicator_id = '${id}'`)).toEqual([{ label: expected }]);
				}
			}),
			{ numRuns: 60 }
		);
	});

	it('any finite double written by JavaScript comes back as the same double', async () => {
		let year = 1997;
		await fc.assert(
			fc.asyncProperty(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 }), async (v) => {
				const y = year++;
				const o = await db.load('gen.csv', `indicator_id,iso3,year,value,source\nS1,KHM,${y},${String(v)},gen-num\n`);
				expect(o.status, JSON.stringify(o)).toBe('loaded');
				const [r] = await db.rows<{ value: number }>(`SELECT value FROM indicator_values WHERE indicator_id = 'S1' AND iso3 = 'KHM' AND year = ${y}`);
				expect(Object.is(r.value, v === 0 ? 0 : v) || r.value === v).toBe(true);
			}),
			{ numRuns: 60 }
		);
	});

	it('a field that is not a number in the value column is rejected with its row and column, and nothing changes', async () => {
		await fc.assert(
			fc.asyncProperty(fc.string({ minLength: 1, maxLength: 12 }).filter((s) => /[a-zA-Z]/.test(s) && !/^\s*[+-]?(inf|infinity|nan)\s*$/i.test(s) && !s.includes('\u0000') && !/e\d/i.test(s)), async (text) => {
				const snap = await db.snapshot();
				const o = await db.load('bad.csv', `indicator_id,iso3,year,value\nS1,KHM,2099,${quote(text)}\n`);
				expect(o.status).toBe('rejected');
				if (o.status === 'rejected') expect(o.problems).toEqual([expect.objectContaining({ column: 'value', rows: [2] })]);
				expect(await db.snapshot()).toEqual(snap);
			}),
			{ numRuns: 40 }
		);
	});
});

describe('empty rows', () => {
	it('rows with no value at all are left out, with or without a source column, and keep the numbering', async () => {
		const o = await db.load('gaps.csv', 'indicator_id,iso3,year,value,source\nA21.1,KHM,2100,1,gaps\n,,,,\nA21.1,KHM,2099,x,gaps\n,,,,\n');
		expect(o.status).toBe('rejected');
		if (o.status === 'rejected') expect(o.problems).toEqual([expect.objectContaining({ rule: 'not_number', rows: [4] })]);
		expect(await db.snapshot()).toEqual(before);
	});
});
