// Files as people have them, in Chromium: every Parquet codec (written by the native DuckDB), an Excel
// workbook (ExcelJS), a file without source, a file needing a column mapping, 10,000 bad rows with the
// problems file, cancel, refused files; and the truth about saving: no IndexedDB, a failed save, and
// values that must be rejected or loaded exactly (overflow, 1e309, time zones).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { article5States, csvFile, rowCount, waitForRowCount, waitUntil } from './helpers';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oap-e2e-'));
let seq = 0;

/** A Parquet file written by the native DuckDB. */
async function parquet(select: string, codec = 'zstd'): Promise<Buffer> {
	const conn = await (await DuckDBInstance.create(':memory:')).connect();
	const file = path.join(dir, `f${++seq}.parquet`);
	await conn.run(`COPY (${select}) TO '${file}' (FORMAT parquet, COMPRESSION ${codec})`);
	return fs.readFileSync(file);
}

const file = (name: string, buffer: Buffer, mimeType = 'application/octet-stream') => ({ name, mimeType, buffer });

async function openData(page: Page): Promise<number> {
	await page.goto('/data');
	await waitUntil(page, '/data shows the bundled indicator values', () => Number(document.querySelector('[data-testid="rows-indicator_values"]')?.textContent.replace(/\D/g, '')) > 0);
	return rowCount(page, 'indicator_values');
}

async function drop(page: Page, files: Parameters<Page['setInputFiles']>[1]) {
	await page.locator('[data-testid="file-input"]').setInputFiles(files);
	await page.locator('[data-testid="load-outcomes"]').waitFor();
}

async function sqlScalar(page: Page, sql: string): Promise<string> {
	await page.goto('/sql?q=' + encodeURIComponent(sql));
	await page.locator('[data-testid="sql-run"]').click();
	const cell = page.locator('[data-testid="sql-result"] tbody td').first();
	await cell.waitFor();
	return (await cell.textContent()).trim();
}

const [STATE] = article5States(2019, 2024);
const CODECS = ['uncompressed', 'snappy', 'gzip', 'zstd', 'brotli', 'lz4', 'lz4_raw'];

test('every Parquet codec loads and its sum shows in /sql; a truncated Parquet file and a CSV named .parquet are refused', async ({ page }) => {
	// Seven files, each loaded and summed: 40 s on a quiet machine, close to 3 min on two busy cores.
	test.setTimeout(480_000);
	const before = await openData(page);
	// One file per codec, each with its own years, 3 rows summing to 6 × (codec index + 1).
	const files = await Promise.all(
		CODECS.map(async (codec, i) =>
			file(`values-${codec}.parquet`, await parquet(`SELECT 'A21.1' AS indicator_id, '${STATE}' AS iso3, (2040 + ${i} * 3 + k)::INTEGER AS year, ((k + 1) * ${i + 1})::DOUBLE AS value, 'codec ${codec}' AS source FROM range(3) t(k)`, codec))
		)
	);
	await drop(page, files);
	await expect(page.locator('[data-testid="load-ok"]')).toHaveCount(CODECS.length);
	await waitForRowCount(page, 'indicator_values', before + 3 * CODECS.length);

	const good = await parquet(`SELECT 'A21.1' AS indicator_id, '${STATE}' AS iso3, 2090 AS year, 1.0 AS value`);
	await drop(page, [file('cut.parquet', good.subarray(0, good.length - 30)), csvFile('values.parquet', 'indicator_id,iso3,year,value\nA21.1,KHM,2091,1\n')]);
	const errors = page.locator('[data-testid="load-error"]');
	await expect(errors).toHaveCount(2);
	await expect(errors.filter({ hasText: 'cut.parquet' })).toContainText('the Parquet file could not be read (truncated)');
	await expect(errors.filter({ hasText: 'values.parquet' })).toContainText('its name ends in .parquet, but it is not a Parquet file');
	await waitForRowCount(page, 'indicator_values', before + 3 * CODECS.length);

	for (const [i, codec] of CODECS.entries()) assert.equal(await sqlScalar(page, `SELECT sum(value) FROM indicator_values WHERE source = 'codec ${codec}'`), String(6 * (i + 1)), codec);
});

test('an Excel workbook with two sheets and the header on row 3 loads after choosing the sheet; its problems carry the sheet’s row numbers', async ({ page }) => {
	const before = await openData(page);
	const wb = new ExcelJS.Workbook();
	wb.addWorksheet('Notes').addRow(['Compiled by the committee secretariat.']);
	const ws = wb.addWorksheet('Values 2024');
	ws.getCell('A1').value = 'Indicator values';
	ws.mergeCells('A1:E1');
	['indicator_id', 'iso3', 'year', 'value', 'source'].forEach((h, i) => (ws.getRow(3).getCell(i + 1).value = h));
	ws.getRow(4).values = ['A21.1', STATE, 2060, 12.5, 'xlsx e2e'];
	ws.getRow(5).values = ['A21.1', STATE, 2061, '7', 'xlsx e2e'];
	const bytes = Buffer.from(await wb.xlsx.writeBuffer());
	await drop(page, file('committee.xlsx', bytes));
	const question = page.locator('[data-testid="sheet-step"]');
	await expect(question).toBeVisible();
	await page.locator('[data-testid="sheet-select"]').selectOption('Values 2024');
	await expect(page.locator('[data-testid="sheet-header-row"]')).toHaveValue('3');
	await page.locator('[data-testid="sheet-load"]').click();
	await expect(page.locator('[data-testid="load-ok"]')).toContainText('committee.xlsx: 2 rows loaded into indicator_values');
	await waitForRowCount(page, 'indicator_values', before + 2);
	assert.equal(await sqlScalar(page, `SELECT sum(value) FROM indicator_values WHERE source = 'xlsx e2e'`), '19.5');
});

test('a file without source shows its file name and load date as the source; a file needing a mapping loads after mapping, and the mapping is remembered', async ({ page }) => {
	const before = await openData(page);
	await drop(page, csvFile('my-values.csv', `indicator_id,iso3,year,value\nA21.1,${STATE},2062,3\n`));
	await expect(page.locator('[data-testid="load-ok"]')).toHaveCount(1);
	// The day in the browser's own time zone, as the app stamps it (en-CA formats dates as YYYY-MM-DD).
	const today = await page.evaluate(() => new Intl.DateTimeFormat('en-CA').format(new Date()));
	await waitForRowCount(page, 'indicator_values', before + 1);
	await page.locator('tr[data-table="indicator_values"] summary').click();
	await expect(page.locator('tr[data-table="indicator_values"] .sources')).toContainText(`my-values.csv, loaded ${today}`);

	const csv = (year: number) => `Country,Indicator,Year,Value,Remarks\n${STATE},A21.1,${year},4,checked\n`;
	await drop(page, csvFile('export-from-tool.csv', csv(2063)));
	await expect(page.locator('[data-testid="mapping-step"]')).toContainText('export-from-tool.csv looks like “indicator_values”.');
	await expect(page.locator('[data-testid="mapping-column"][data-file-column="Country"]')).toHaveValue('iso3');
	await expect(page.locator('[data-testid="mapping-column"][data-file-column="Remarks"]')).toHaveValue(''); // left out
	await page.locator('[data-testid="mapping-load"]').click();
	await expect(page.locator('[data-testid="load-ok"]')).toContainText('Columns left out: Remarks.');
	await waitForRowCount(page, 'indicator_values', before + 2);
	// The next file with the same header needs no question.
	await drop(page, csvFile('export-2.csv', csv(2064)));
	await expect(page.locator('[data-testid="load-ok"]')).toContainText('Columns matched as you chose them');
	await waitForRowCount(page, 'indicator_values', before + 3);
});

test('10,000 bad rows: grouped problems with counts and the problems CSV; nothing loaded', async ({ page }) => {
	const before = await openData(page);
	const rows = Array.from({ length: 10_000 }, (_, i) => `A21.1,${STATE},${1997 + (i % 100)},n/a`);
	await drop(page, csvFile('many-bad.csv', 'indicator_id,iso3,year,value\n' + rows.join('\n') + '\n'));
	const problem = page.locator('[data-testid="problem-list"] li[data-rule="not_number"]');
	await expect(problem).toContainText('not a number — 10,000 rows, e.g. row 2: “n/a” (rows 2, 3, 4, 5, 6, …)');
	const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="problems-csv"]').click()]);
	const text = fs.readFileSync(await download.path(), 'utf8');
	const lines = text.replace(/^\uFEFF/, '').trim().split(/\r\n/);
	assert.equal(lines[0], 'file,row,column,value,problem');
	assert.equal(lines.filter((l) => l.includes(',value,n/a,not a number')).length, 10_000);
	assert.equal(lines[1], 'many-bad.csv,2,value,n/a,not a number');
	await waitForRowCount(page, 'indicator_values', before);
});

test('cancelling a large load leaves the earlier data exactly as they were', async ({ page }) => {
	const before = await openData(page);
	// 1.5 million rows, replacing the table: a cancel that failed would show at once.
	const lines = ['indicator_id,iso3,year,value,sex,age_group,source'];
	for (let i = 0; i < 1_500_000; i++) lines.push(`A21.1,${STATE},${1997 + (i % 100)},${i % 997},${['female', 'male', 'unknown'][i % 3]},child,big ${Math.floor(i / 300)}`);
	const big = path.join(dir, 'big.csv');
	fs.writeFileSync(big, lines.join('\n') + '\n');
	await page.locator('[data-testid="mode-replace"]').check();
	await page.locator('[data-testid="file-input"]').setInputFiles(big);
	await page.locator('[data-testid="load-progress"]').waitFor();
	await page.locator('[data-testid="load-cancel"]').click();
	await expect(page.locator('[data-testid="load-cancelled"]')).toContainText('big.csv: loading cancelled; the tables are as they were.');
	await waitForRowCount(page, 'indicator_values', before);
	assert.equal(await sqlScalar(page, `SELECT count(*) FROM indicator_values WHERE source LIKE 'big %'`), '0');
});

test.describe('without IndexedDB', () => {
	test.beforeEach(async ({ context }) => {
		await context.addInitScript(() => {
			Object.defineProperty(window, 'indexedDB', { get: () => undefined, configurable: true });
		});
	});

	test('the app starts, loads a file and says it will not outlive the tab', async ({ page }) => {
		const before = await openData(page);
		await expect(page.getByText('The dashboard could not start')).toHaveCount(0);
		await drop(page, csvFile('no-storage.csv', `indicator_id,iso3,year,value\nA21.1,${STATE},2065,1\n`));
		await expect(page.locator('[data-testid="load-ok"]')).toContainText('no-storage.csv: 1 row loaded into indicator_values');
		await expect(page.locator('[data-testid="load-not-saved"]')).toContainText('Loaded, but not kept in this browser (this browser offers no IndexedDB)');
		await expect(page.locator('[data-testid="storage-off"]')).toBeVisible();
		await waitForRowCount(page, 'indicator_values', before + 1);
	});
});

test.describe('a failed save', () => {
	test.beforeEach(async ({ context }) => {
		// The store of loaded files refuses every write, as a full quota does.
		await context.addInitScript(() => {
			const put = IDBObjectStore.prototype.put;
			IDBObjectStore.prototype.put = function (...args: Parameters<typeof put>) {
				if (this.name === 'files') throw new DOMException('Storage quota exceeded (test)', 'QuotaExceededError');
				return put.apply(this, args);
			};
		});
	});

	test('is reported as such, the tables hold the file, a retry does not say "already loaded", and a reload shows it was not kept', async ({ page }) => {
		const before = await openData(page);
		// A file on disk: choosing it again is the same file (same name, size and date).
		const csv = path.join(dir, 'quota.csv');
		fs.writeFileSync(csv, `indicator_id,iso3,year,value\nA21.1,${STATE},2066,1\nA21.1,${STATE},2067,2\n`);
		await drop(page, csv);
		await expect(page.locator('[data-testid="load-not-saved"]')).toContainText("Loaded, but not kept in this browser (the browser's storage is full");
		await waitForRowCount(page, 'indicator_values', before + 2);
		await drop(page, csv);
		await expect(page.locator('[data-testid="load-ok"]')).toContainText('quota.csv is already in the tables, but still could not be kept in this browser');
		await expect(page.locator('[data-testid="load-error"]')).toHaveCount(0);
		await waitForRowCount(page, 'indicator_values', before + 2);
		await page.reload();
		await waitForRowCount(page, 'indicator_values', before);
	});
});

test('overflow, 1e309 and time zones: rejected with row and column, or loaded exactly', async ({ page }) => {
	const before = await openData(page);
	const meetingsBefore = await rowCount(page, 'meetings');
	await drop(page, [
		csvFile('overflow.csv', `indicator_id,iso3,year,value\nA21.1,${STATE},5000000000,1\n`),
		csvFile('infinite.csv', `indicator_id,iso3,year,value\nA21.1,${STATE},2068,1\nA21.1,${STATE},2069,1e309\n`),
		file('moment.parquet', await parquet(`SELECT 'TZ1' AS code, 'intersessional' AS type, TIMESTAMPTZ '2024-06-02 00:30:00+02' AS start_date`))
	]);
	const errors = page.locator('[data-testid="load-error"]');
	await expect(errors).toHaveCount(3);
	await expect(errors.filter({ hasText: 'overflow.csv' }).locator('li[data-rule="too_large"][data-column="year"]')).toContainText('row 2: “5000000000”');
	await expect(errors.filter({ hasText: 'infinite.csv' }).locator('li[data-rule="not_finite"][data-column="value"]')).toContainText('row 3: “1e309”');
	await expect(errors.filter({ hasText: 'moment.parquet' }).locator('li[data-rule="time_of_day"][data-column="start_date"]')).toContainText('“2024-06-01 22:30:00+00”');
	await waitForRowCount(page, 'indicator_values', before);

	await drop(page, [
		file('int64.parquet', await parquet(`SELECT 'A21.1' AS indicator_id, '${STATE}' AS iso3, 2070 AS year, 5000000000::BIGINT AS value, 'int64 e2e' AS source`)),
		file('midnight.parquet', await parquet(`SELECT 'TZ2' AS code, 'intersessional' AS type, TIMESTAMPTZ '2024-06-02 00:00:00+00' AS start_date, 'tz e2e' AS source`))
	]);
	await expect(page.locator('[data-testid="load-ok"]')).toHaveCount(2);
	await waitForRowCount(page, 'meetings', meetingsBefore + 1);
	assert.equal(await sqlScalar(page, `SELECT CAST(value AS BIGINT) FROM indicator_values WHERE source = 'int64 e2e'`), '5000000000');
	assert.equal(await sqlScalar(page, `SELECT CAST(start_date AS VARCHAR) FROM meetings WHERE code = 'TZ2'`), '2024-06-02');
});

/** A copy of the build, as a team would host it, changed by `edit`, served while `run` runs. */
async function hostedCopy(edit: (dataFiles: string) => void | Promise<void>, run: (baseURL: string) => Promise<void>): Promise<void> {
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'oap-deploy-'));
	fs.cpSync('build', root, { recursive: true });
	await edit(path.join(root, 'data-files'));
	const { serveBuild } = await import('../../scripts/browser.js');
	const server = await serveBuild(root);
	try {
		await run(server.url);
	} finally {
		await server.close();
		fs.rmSync(root, { recursive: true, force: true });
	}
}

test('a deployment replaces the data files and the manifest without rebuilding: the app opens on them, validated, without the demonstration banner', async ({ newContext }) => {
	// Its own files listed in data-files/manifest.json.
	const edit = async (files: string) => {
		for (const f of fs.readdirSync(files)) if (!['states.csv', 'actions.csv'].includes(f)) fs.rmSync(path.join(files, f));
		fs.writeFileSync(path.join(files, 'indicators.csv'), 'indicator_id,action,label,unit,polarity,applies_to,target\nD.1,21,Area released (deployment test),m2,higher_is_better,all,\n');
		fs.writeFileSync(path.join(files, 'values-2024.parquet'), await parquet(`SELECT 'D.1' AS indicator_id, 'KHM' AS iso3, 2024 AS year, 1250.5 AS value`));
		fs.writeFileSync(path.join(files, 'broken.csv'), 'indicator_id,iso3,year,value\nD.1,khm,2023,1\n');
		fs.writeFileSync(
			path.join(files, 'manifest.json'),
			JSON.stringify({
				files: [
					{ file: 'states.csv', table: 'states' },
					{ file: 'actions.csv' },
					{ file: 'indicators.csv', source: 'Support unit compilation 2025' },
					{ file: 'values-2024.parquet', table: 'indicator_values', source: 'Article 7 reports 2025' },
					{ file: 'broken.csv' }
				]
			})
		);
	};
	await hostedCopy(edit, async (baseURL) => {
		const page = await (await newContext({ baseURL })).newPage();
		await page.goto('/data');
		await waitForRowCount(page, 'indicator_values', 1);
		await waitForRowCount(page, 'indicators', 1);
		await waitForRowCount(page, 'state_obligations', 0);
		await expect(page.locator('[data-testid="deployment-problems"] li[data-rule="not_iso3"]')).toContainText('broken.csv');
		await expect(page.locator('[data-testid="demo-banner"]')).toHaveCount(0);
		await page.locator('tr[data-table="indicator_values"] summary').click();
		await expect(page.locator('tr[data-table="indicator_values"] .sources')).toContainText('Article 7 reports 2025');
	});
});

test('a deployment replaces a bundled file in place, manifest untouched: the app loads the served file instead of the tables the build checked', async ({ newContext }) => {
	// The same file name, ten rows fewer.
	let rows = 0;
	const edit = (files: string) => {
		const lines = fs.readFileSync(path.join(files, 'indicator_values.csv'), 'utf8').trimEnd().split('\n');
		fs.writeFileSync(path.join(files, 'indicator_values.csv'), lines.slice(0, -10).join('\n') + '\n');
		rows = lines.length - 1 - 10;
	};
	await hostedCopy(edit, async (baseURL) => {
		const page = await (await newContext({ baseURL })).newPage();
		await page.goto('/data');
		await waitForRowCount(page, 'indicator_values', rows);
		await waitUntil(page, 'the served files are checked', () => performance.getEntriesByName('data-checked').length > 0);
	});
});

test('the Parquet decoder gets ready while the reader is on the page where files are chosen', async ({ page }) => {
	// The first Parquet file then waits neither for the decoder's 4.7 MB wasm nor for its compilation.
	const decoder = page.waitForRequest(/parquet_wasm_bg[^/]*\.wasm(\?|$)/, { timeout: 45_000 });
	await page.goto('/data');
	await page.locator('[data-testid="file-input"]').waitFor();
	await decoder;
});
