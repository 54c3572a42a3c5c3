/**
 * Files as other tools write them: Parquet from the native DuckDB with every codec and page version,
 * Parquet from parquet-mr, Spark, Impala, pyarrow and Rust arrow (apache/parquet-testing), Parquet with
 * Arrow large strings and dictionaries (written by arrow-rs), Excel workbooks written by ExcelJS, and
 * CSV written by DuckDB. Each goes through the app's loader; values are compared exactly.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { Dictionary, Int32, LargeUtf8, Table, Utf8, vectorFromArray, tableToIPC } from 'apache-arrow';
import { parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDecoders } from '$lib/data/decode/decoders';
import { duckParquet, nativeDuckDb, tmpFile, type Codec } from '$lib/testing/fixtures';
import { loadDb, type LoadDb } from '$lib/testing/load-db';
import { openSource } from './source';

let db: LoadDb;
beforeAll(async () => {
	db = await loadDb();
});
afterAll(() => db.conn.close());

const CODECS: Codec[] = ['uncompressed', 'snappy', 'gzip', 'zstd', 'brotli', 'lz4', 'lz4_raw'];

describe('Parquet written by DuckDB: every codec, page v1 and v2, several row groups, dictionaries, nulls', () => {
	// 2,500 rows in row groups of 1,000 (the writer rounds up to its vector size); sex null on most rows;
	// indicator_id and source repeat, so the writer stores them as dictionaries.
	const select = (tag: string) =>
		`SELECT CASE WHEN i % 2 = 0 THEN 'A21.1' ELSE 'C1' END AS indicator_id, CASE WHEN i < 200 THEN 'KHM' ELSE 'AFG' END AS iso3,
		(1997 + CASE WHEN i < 200 THEN i // 2 ELSE i // 100 END)::INTEGER AS year, (i * 0.25)::DOUBLE AS value,
		CASE WHEN i % 5 = 0 THEN 'female' END AS sex, CASE WHEN i % 5 = 0 THEN 'adult' END AS age_group, '${tag}' AS source FROM range(2500) t(i) WHERE i < 200 OR i % 100 < 2`;

	for (const codec of CODECS)
		for (const version of [1, 2] as const)
			it(`${codec}, data page v${version}`, async () => {
				const tag = `pq-${codec}-v${version}`;
				const bytes = await duckParquet(select(tag), { codec, version, rowGroupSize: 1000 });
				const conn = await nativeDuckDb();
				const expected = (await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n, sum(value)::DOUBLE AS s, count(sex)::INTEGER AS f FROM (${select(tag)})`)).getRowObjectsJson()[0];
				const o = await db.load(`${tag}.parquet`, bytes, { mode: 'replace' });
				expect(o.status, JSON.stringify(o)).toBe('loaded');
				expect(await db.rows(`SELECT count(*)::INTEGER AS n, sum(value)::DOUBLE AS s, count(sex)::INTEGER AS f FROM indicator_values WHERE source = '${tag}'`)).toEqual([expected]);
			});
});

describe('Parquet types mapped to the contract', () => {
	it('INT32, INT64, DOUBLE, FLOAT, DECIMAL, BOOLEAN, DATE, TIMESTAMP and STRING', async () => {
		const ind = await duckParquet(
			`SELECT 'T1' AS indicator_id, 30::BIGINT AS action, 'Typed' AS label, 'count' AS unit, 'higher_is_better' AS polarity, 'all' AS applies_to, 2.5::FLOAT AS target, true AS disaggregated, 'types' AS source`
		);
		expect((await db.load('ind.parquet', ind)).status).toBe('loaded');
		expect(await db.rows(`SELECT action, target, disaggregated FROM indicators WHERE indicator_id = 'T1'`)).toEqual([{ action: 30, target: 2.5, disaggregated: true }]);
		const values = await duckParquet(`SELECT 'T1' AS indicator_id, 'KHM' AS iso3, 2030::SMALLINT AS year, 12.75::DECIMAL(9,2) AS value, 'types' AS source`);
		expect((await db.load('v.parquet', values)).status).toBe('loaded');
		expect(await db.rows(`SELECT year, value FROM indicator_values WHERE indicator_id = 'T1'`)).toEqual([{ year: 2030, value: 12.75 }]);
		const meeting = await duckParquet(`SELECT 'TM' AS code, 'intersessional' AS type, DATE '2025-06-16' AS start_date, TIMESTAMP '2025-06-18 00:00:00' AS end_date, 'types' AS source`);
		expect((await db.load('m.parquet', meeting)).status).toBe('loaded');
		expect(await db.rows(`SELECT start_date, end_date FROM meetings WHERE code = 'TM'`)).toEqual([{ start_date: '2025-06-16', end_date: '2025-06-18' }]);
	});

	it('Arrow LargeUtf8 and dictionary (categorical) columns, written by arrow-rs (parquet-wasm)', async () => {
		const pw = await import('parquet-wasm');
		const table = new Table({
			indicator_id: vectorFromArray(['A21.1', 'A21.1', 'A21.1'], new Dictionary(new Utf8(), new Int32())),
			iso3: vectorFromArray(['CIV', 'CIV', 'CIV'], new LargeUtf8()),
			year: vectorFromArray([2081, 2082, 2083], new Int32()),
			value: vectorFromArray([1.5, 2.5, 3.5]),
			source: vectorFromArray(['arrow-rs', 'arrow-rs', 'arrow-rs'], new Dictionary(new Utf8(), new Int32()))
		});
		const bytes = pw.writeParquet(pw.Table.fromIPCStream(tableToIPC(table, 'stream')));
		const o = await db.load('arrow.parquet', bytes);
		expect(o.status, JSON.stringify(o)).toBe('loaded');
		expect(await db.rows(`SELECT iso3, year, value FROM indicator_values WHERE source = 'arrow-rs' ORDER BY year`)).toEqual([
			{ iso3: 'CIV', year: 2081, value: 1.5 },
			{ iso3: 'CIV', year: 2082, value: 2.5 },
			{ iso3: 'CIV', year: 2083, value: 3.5 }
		]);
	});
});

// apache/parquet-testing files live beside the repository in ../shared/parquet-testing (data files
// fetched from another project are not committed here). Where that folder is absent (CI's copy of
// shared/ does not carry it) these two groups are reported as skipped; the DuckDB-written files above
// still cover every codec and page version.
const PARQUET_TESTING = '../shared/parquet-testing';
const haveParquetTesting = fs.existsSync(PARQUET_TESTING);

describe.runIf(haveParquetTesting)('Parquet from other writers (apache/parquet-testing)', () => {
	const dir = PARQUET_TESTING;
	// The native DuckDB reads neither Hadoop-framed LZ4 nor INT96 beyond 2262: those are tested below.
	const special = ['hadoop_lz4_compressed.parquet', 'non_hadoop_lz4_compressed.parquet', 'int96_from_spark.parquet'];
	const files = (haveParquetTesting ? fs.readdirSync(dir) : []).filter((f) => f.endsWith('.parquet') && !special.includes(f));
	const decoders = localDecoders(() => import('parquet-wasm'));

	it.each(files)('%s decodes to the rows the native DuckDB reads', async (file) => {
		const bytes = new Uint8Array(fs.readFileSync(path.join(dir, file)));
		const work = await db.conn.fork();
		const opened = await openSource(work, decoders, file, new Blob([bytes]), { id: 90_000 + files.indexOf(file) });
		expect(opened.kind, JSON.stringify(opened)).toBe('opened');
		if (opened.kind !== 'opened') return;
		try {
			// Compared as text, column by column, in file order (timestamps to the microsecond).
			const ours = await work.query<Record<string, string>>(
				`SELECT ${opened.opened.source.columns.map((c) => `CAST(${c.type.startsWith('TIMESTAMP') ? `epoch_us(${JSON.stringify(c.name)})` : JSON.stringify(c.name)} AS VARCHAR) AS ${JSON.stringify(c.name)}`).join(', ')} FROM ${opened.opened.source.relation}`
			);
			const native = await nativeDuckDb();
			fs.writeFileSync(tmpFile(file), bytes);
			const types = (await native.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${tmpFile(file)}')`)).getRowObjectsJson() as { column_name: string; column_type: string }[];
			const theirs = (
				await native.runAndReadAll(
					`SELECT ${types.map((c) => `CAST(${c.column_type.startsWith('TIMESTAMP') ? `epoch_us(${JSON.stringify(c.column_name)})` : JSON.stringify(c.column_name)} AS VARCHAR) AS ${JSON.stringify(c.column_name)}`).join(', ')} FROM read_parquet('${tmpFile(file)}')`
				)
			).getRowObjectsJson();
			expect(ours.length).toBeGreaterThan(0);
			expect(ours).toEqual(theirs);
		} finally {
			await opened.opened.release();
		}
	});
});

describe.runIf(haveParquetTesting)('Parquet the native DuckDB cannot read: checked against hyparquet, or refused', () => {
	const dir = PARQUET_TESTING;
	const decoders = localDecoders(() => import('parquet-wasm'));

	it.each(['hadoop_lz4_compressed.parquet', 'non_hadoop_lz4_compressed.parquet'])('%s (LZ4 with Hadoop framing) gives the rows hyparquet reads', async (file) => {
		const bytes = new Uint8Array(fs.readFileSync(path.join(dir, file)));
		const expected = (await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, compressors })).map((r) => [Number(r.c0), typeof r.c1 === 'string' ? r.c1 : new TextDecoder().decode(r.c1 as Uint8Array), r.v11]);
		const work = await db.conn.fork();
		const opened = await openSource(work, decoders, file, new Blob([bytes]), { id: 95_000 + file.length });
		expect(opened.kind).toBe('opened');
		if (opened.kind !== 'opened') return;
		const ours = await work.query<{ c0: number; c1: string; v11: number }>(`SELECT c0, decode(c1) AS c1, v11 FROM ${opened.opened.source.relation}`);
		await opened.opened.release();
		expect(ours.map((r) => [r.c0, r.c1, r.v11])).toEqual(expected);
		expect(ours.length).toBeGreaterThan(0);
	});

	it('INT96 timestamps beyond what the decoder holds (year 9999 from Spark) are refused, not wrapped', async () => {
		const bytes = new Uint8Array(fs.readFileSync(path.join(dir, 'int96_from_spark.parquet')));
		const o = await db.load('int96_from_spark.parquet', bytes, { table: 'meetings' });
		expect(o.status).toBe('rejected');
		if (o.status === 'rejected') expect(o.problems).toEqual([expect.objectContaining({ rule: 'parquet_unreadable', params: { reason: expect.stringMatching(/INT96/) } })]);
	});
});

describe('Excel workbooks written by ExcelJS', () => {
	async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
		const wb = new ExcelJS.Workbook();
		build(wb);
		return new Uint8Array(await wb.xlsx.writeBuffer());
	}

	/** Two sheets; the data sheet has a merged title, merged group headings, the column names on row 3. */
	const twoSheets = () =>
		workbook((wb) => {
			wb.addWorksheet('Read me').addRow(['Indicator values for the committee, compiled by hand.']);
			const ws = wb.addWorksheet('Values');
			ws.getCell('A1').value = 'Indicator values (test workbook)';
			ws.mergeCells('A1:F1');
			ws.getCell('A2').value = 'Where and when';
			ws.mergeCells('A2:C2');
			ws.getCell('D2').value = 'What';
			ws.mergeCells('D2:E2');
			ws.getCell('F2').value = 'source';
			ws.mergeCells('F2:F3'); // a heading merged over rows 2–3: its name is in F2
			// Cell by cell: assigning a whole row's values would undo the merge over F2:F3.
			['indicator_id', 'iso3', 'year', 'value', 'sex'].forEach((h, i) => (ws.getRow(3).getCell(i + 1).value = h));
			ws.addRow(['A21.1', 'CIV', 2090, 12.5, 'female', 'xlsx']);
			ws.addRow(['A21.1', 'CIV', 2091, '7', null, 'xlsx']); // a number stored as text
			ws.addRow(['A21.1', 'CIV', 2092, 0.1 + 0.2, null, 'xlsx']); // Excel shows 15 significant digits: 0.3
			for (let r = 7; r <= 9; r++) ws.getCell(`A${r}`).style = { font: { bold: true } }; // empty, formatted trailing rows
		});

	it('asks which sheet and header row, guessing row 3, then loads exactly', async () => {
		const bytes = await twoSheets();
		const ask = await db.load('values.xlsx', bytes);
		expect(ask.status, JSON.stringify(ask)).toBe('needs-sheet');
		if (ask.status !== 'needs-sheet') return;
		expect(ask.sheets.map((s) => s.name)).toEqual(['Read me', 'Values']);
		expect(ask.sheets[1].headerRow).toBe(3);
		const o = await db.load('values.xlsx', bytes, { sheet: 'Values', headerRow: 3 });
		expect(o, JSON.stringify(o)).toMatchObject({ status: 'loaded', rows: 3, sheet: 'Values', headerRow: 3 });
		expect(await db.rows(`SELECT year, value, sex FROM indicator_values WHERE source = 'xlsx' ORDER BY year`)).toEqual([
			{ year: 2090, value: 12.5, sex: 'female' },
			{ year: 2091, value: 7, sex: null },
			{ year: 2092, value: 0.3, sex: null }
		]);
	});

	it('names problems by the sheet’s own row numbers', async () => {
		const bytes = await workbook((wb) => {
			const ws = wb.addWorksheet('Values');
			ws.getCell('A1').value = 'Title';
			ws.getRow(3).values = ['indicator_id', 'iso3', 'year', 'value'];
			ws.getRow(4).values = ['A21.1', 'CIV', 2093, 1];
			ws.getRow(6).values = ['A21.1', 'CIV', 2094, 'twelve']; // row 5 left empty
		});
		const before = await db.snapshot();
		const o = await db.load('rows.xlsx', bytes, { sheet: 'Values', headerRow: 3 });
		expect(o.status).toBe('rejected');
		if (o.status === 'rejected') expect(o.problems).toEqual([expect.objectContaining({ rule: 'not_number', column: 'value', rows: [6], example: 'twelve' })]);
		expect(await db.snapshot()).toEqual(before);
	});

	it('reads Excel dates as dates and a one-sheet workbook with an exact header without asking', async () => {
		const bytes = await workbook((wb) => {
			const ws = wb.addWorksheet('meetings');
			ws.addRow(['code', 'type', 'start_date', 'end_date', 'source']);
			ws.addRow(['XL1', 'intersessional', new Date(Date.UTC(2025, 5, 16)), '2025-06-18', 'xl-dates']);
			ws.getCell('C2').numFmt = 'dd/mm/yyyy';
		});
		const o = await db.load('meetings.xlsx', bytes);
		expect(o).toMatchObject({ status: 'loaded', table: 'meetings', sheet: 'meetings', headerRow: 1 });
		expect(await db.rows(`SELECT start_date, end_date FROM meetings WHERE code = 'XL1'`)).toEqual([{ start_date: '2025-06-16', end_date: '2025-06-18' }]);
	});
});

describe('CSV written by DuckDB', () => {
	it('COPY … TO (FORMAT csv) with quotes, commas and line breaks inside values', async () => {
		const conn = await nativeDuckDb();
		const file = tmpFile('states-duckdb.csv');
		await conn.run(`COPY (SELECT * FROM (VALUES ('ZZF', 'Name, with "quotes"
and a line break', 'Oceania', DATE '1999-03-01', 'duckdb-csv')) t(iso3, name, region, entry_into_force, source)) TO '${file}' (FORMAT csv, HEADER)`);
		const o = await db.load('states-duckdb.csv', new Uint8Array(fs.readFileSync(file)));
		expect(o.status, JSON.stringify(o)).toBe('loaded');
		expect(await db.rows(`SELECT name, entry_into_force FROM states WHERE iso3 = 'ZZF'`)).toEqual([{ name: 'Name, with "quotes"\nand a line break', entry_into_force: '1999-03-01' }]);
	});
});
