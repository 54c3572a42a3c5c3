// Loading the user's own files on /data: CSV and Parquet, persistence across reloads, restore, bad input.
import assert from 'node:assert/strict';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { expect, test } from './fixtures';
import { article5States, bundledRows, csvFile, engineScalar, rowCount, waitForCount, waitForRowCount, waitUntil, withEngineHook } from './helpers';

const VALUES = 'SELECT count(*) FROM indicator_values';

async function openData(page) {
	await withEngineHook(page);
	await page.goto('/data');
	await page.locator('[data-testid="rows-indicator_values"]').waitFor();
	// Wait until the bundled data are in (the count is not zero).
	await waitUntil(
		page,
		'/data shows bundled indicator_values rows',
		() => Number(document.querySelector('[data-testid="rows-indicator_values"]')?.textContent.replace(/\D/g, '')) > 0
	);
	return rowCount(page, 'indicator_values');
}

async function sqlScalar(page, sql) {
	await page.goto('/sql?q=' + encodeURIComponent(sql));
	// A linked query is shown, not run: the reader presses Run.
	await page.locator('[data-testid="sql-run"]').click();
	const cell = page.locator('[data-testid="sql-result"] tbody td').first();
	await cell.waitFor();
	return (await cell.textContent()).trim();
}

test.describe('loading files on /data', () => {
	test.describe(() => {
		test.use({ dialogs: 'accept' });
		test('CSV of a new indicator and its values: loads in order, shows up everywhere, persists, restores', async ({ page }) => {
			const original = await openData(page);
			const indicatorsBefore = await rowCount(page, 'indicators');
			assert.equal(original, bundledRows('indicator_values').length, 'the bundled values are all loaded');

			const states = article5States(2019, 2024).slice(0, 3);
			assert.equal(states.length, 3, 'three States with Article 5 obligations 2019–2024 in data/state_obligations.csv');
			const values = [
				[states[0], 2019, 120.5],
				[states[0], 2022, 80],
				[states[0], 2024, 40.25],
				[states[1], 2020, 10],
				[states[1], 2024, 3],
				[states[2], 2021, 55]
			];
			const indicatorsCsv =
				'indicator_id,action,label,unit,polarity,applies_to,target,disaggregated,source\n' +
				'E2E.1,21,Area released in the end-to-end test (km²),km2,higher_is_better,article5,,false,e2e test\n';
			const valuesCsv = 'indicator_id,iso3,year,value,sex,age_group,source\n' + values.map(([s, y, v]) => `E2E.1,${s},${y},${v},,,e2e test`).join('\n') + '\n';

			// Values first: the app must load the indicator before the values that reference it.
			await page.locator('[data-testid="file-input"]').setInputFiles([csvFile('e2e-values.csv', valuesCsv), csvFile('e2e-indicators.csv', indicatorsCsv)]);
			await page.locator('[data-testid="load-outcomes"]').waitFor();
			await waitForCount(page, '[data-testid="load-ok"]', 2);
			assert.equal(await page.locator('[data-testid="load-error"]').count(), 0, 'no file rejected');
			const oks = await page.locator('[data-testid="load-ok"]').allTextContents();
			assert.ok(
				oks.some((t) => t.includes('e2e-values.csv') && t.includes(String(values.length))),
				`values outcome names the file and ${values.length} rows: ${oks}`
			);
			await waitForRowCount(page, 'indicator_values', original + values.length);
			await waitForRowCount(page, 'indicators', indicatorsBefore + 1);

			// A fresh page load (the app restarts and replays the stored files): SQL sees the rows.
			assert.equal(
				await sqlScalar(page, "SELECT count(*) AS n FROM indicator_values WHERE source = 'e2e test'"),
				String(values.length),
				'/sql counts the loaded rows after a fresh page load (stored files replayed)'
			);

			// The action page draws the new indicator.
			await page.goto('/actions/21');
			const chart = page.locator('[data-chart="ind-E2E.1"]');
			await chart.waitFor();
			assert.match(await chart.locator('.title').first().textContent(), /E2E\.1/, 'chart titled with the indicator id');
			await chart.locator('svg').first().waitFor();
			assert.ok((await chart.locator('svg g[data-mark="line"] path, svg g[data-mark="dot"] circle').count()) > 0, 'the E2E.1 chart has marks');
			assert.ok((await page.locator('[data-testid="action-states"] thead th', { hasText: 'E2E.1' }).count()) > 0, 'states table has an E2E.1 column');

			// Reload: the rows are still there.
			await openData(page);
			await page.reload();
			await page.locator('[data-testid="rows-indicator_values"]').waitFor();
			await waitForRowCount(page, 'indicator_values', original + values.length);

			// Restore the bundled data (confirm accepted): back to the original count, and it stays so after a reload.
			await page.locator('[data-testid="restore"]').click();
			await waitForRowCount(page, 'indicator_values', original);
			await waitForRowCount(page, 'indicators', indicatorsBefore);
			await page.reload();
			await waitUntil(page, 'the data-ready mark after the reload', () => performance.getEntriesByName('data-ready').length > 0);
			await waitForRowCount(page, 'indicator_values', original);
		});
	});

	test('restore asks first: dismissing the confirm keeps the loaded rows', async ({ page }) => {
		const original = await openData(page);
		const [iso3] = article5States(2019, 2024);
		const csv = `indicator_id,iso3,year,value,source\nA21.1,${iso3},2031,1,e2e test\n`;
		await page.locator('[data-testid="file-input"]').setInputFiles(csvFile('one-value.csv', csv));
		await waitForCount(page, '[data-testid="load-ok"]', 1);
		await waitForRowCount(page, 'indicator_values', original + 1);
		const asked = page.waitForEvent('dialog');
		await page.locator('[data-testid="restore"]').click(); // dialogs are dismissed in this test
		assert.match((await asked).message(), /\S/, 'the restore asked first');
		// A restore that started would disable its button at once, for the whole reload of the data.
		await expect(page.locator('[data-testid="restore"]')).toBeEnabled();
		assert.equal(await engineScalar(page, VALUES), original + 1, 'the engine still holds the loaded row');
		assert.equal(await rowCount(page, 'indicator_values'), original + 1);
		// …and the file is still kept: a reload loads it again.
		await page.reload();
		await waitForRowCount(page, 'indicator_values', original + 1);
	});

	test('Parquet file of indicator values (hyparquet-writer) adds its rows', async ({ page }) => {
		const original = await openData(page);
		const indicator = bundledRows('indicators').find((r) => r.action === '21' && r.applies_to === 'article5')?.indicator_id;
		assert.ok(indicator, 'an Article 5 indicator of action 21 in the bundled data');
		const years = bundledRows('indicator_values').map((r) => Number(r.year));
		const next = Math.max(...years) + 5; // beyond every bundled year: no key collides
		const states = article5States(2019, 2024).slice(0, 2);
		const rows = [
			[states[0], next, 1.5],
			[states[0], next + 1, 2.5],
			[states[1], next, 7]
		];
		const buffer = parquetWriteBuffer({
			columnData: [
				{ name: 'indicator_id', data: rows.map(() => indicator), type: 'STRING' },
				{ name: 'iso3', data: rows.map((r) => r[0]), type: 'STRING' },
				{ name: 'year', data: rows.map((r) => r[1]), type: 'INT32' },
				{ name: 'value', data: rows.map((r) => r[2]), type: 'DOUBLE' },
				{ name: 'sex', data: rows.map(() => null), type: 'STRING' },
				{ name: 'age_group', data: rows.map(() => null), type: 'STRING' },
				{ name: 'source', data: rows.map(() => 'e2e parquet'), type: 'STRING' }
			]
		});
		await page
			.locator('[data-testid="file-input"]')
			.setInputFiles({ name: 'values.parquet', mimeType: 'application/octet-stream', buffer: Buffer.from(buffer) });
		await waitForCount(page, '[data-testid="load-ok"]', 1);
		assert.equal(await page.locator('[data-testid="load-error"]').count(), 0);
		assert.match(await page.locator('[data-testid="load-ok"]').textContent(), /values\.parquet/);
		await waitForRowCount(page, 'indicator_values', original + rows.length);
		assert.equal(
			await sqlScalar(page, `SELECT sum(value) AS s FROM indicator_values WHERE source = 'e2e parquet' AND year >= ${next}`),
			'11',
			'/sql sums the Parquet values after a fresh page load'
		);
	});

	test('bad CSV: non-numeric value in row 3 and unknown iso3 → error naming file, row and column; nothing loaded', async ({ page }) => {
		const original = await openData(page);
		const [a, b] = article5States(2019, 2024);
		const csv = [
			'indicator_id,iso3,year,value,sex,age_group,source',
			`A21.1,${a},2030,1,,,e2e bad`, // row 2
			`A21.1,${b},2030,lots,,,e2e bad`, // row 3: not a number
			'A21.1,XXX,2030,4,,,e2e bad' // row 4: no such State
		].join('\n');
		await page.locator('[data-testid="file-input"]').setInputFiles(csvFile('bad-values.csv', csv));
		const err = page.locator('[data-testid="load-error"]');
		await err.waitFor();
		const text = await err.textContent();
		assert.match(text, /bad-values\.csv/, `names the file: ${text}`);
		const issues = await err.locator('li').allTextContents();
		assert.ok(
			issues.some((i) => /\brow 3\b/.test(i) && /\bvalue\b/.test(i) && /lots/.test(i)),
			`one issue names row 3, the column “value” and the bad cell: ${issues.join(' | ')}`
		);
		assert.equal(await page.locator('[data-testid="load-ok"]').count(), 0);
		// The outcome is shown once the load is over: the engine's tables are what they were.
		assert.equal(await engineScalar(page, VALUES), original, 'the count is unchanged');
		assert.equal(await engineScalar(page, "SELECT count(*) FROM indicator_values WHERE source = 'e2e bad'"), 0, 'not even the good row');
	});

	test('unknown iso3 alone → error naming XXX and the iso3 column; nothing loaded', async ({ page }) => {
		const original = await openData(page);
		const [a] = article5States(2019, 2024);
		const csv = `indicator_id,iso3,year,value,source\nA21.1,${a},2030,1,e2e bad\nA21.1,XXX,2030,4,e2e bad\n`;
		await page.locator('[data-testid="file-input"]').setInputFiles(csvFile('unknown-state.csv', csv));
		const err = page.locator('[data-testid="load-error"]');
		await err.waitFor();
		const text = await err.textContent();
		assert.match(text, /unknown-state\.csv/, text);
		const issues = await err.locator('li').allTextContents();
		assert.ok(
			issues.some((i) => /XXX/.test(i) && /\brow 3\b/.test(i) && /iso3/.test(i)),
			`one issue names XXX, row 3 and iso3: ${issues.join(' | ')}`
		);
		assert.equal(await engineScalar(page, VALUES), original, 'all or nothing: the good row is not loaded either');
	});

	test('a file that is not CSV at all (binary with NUL bytes) → error; nothing loaded', async ({ page }) => {
		const original = await openData(page);
		// Deterministic "random" bytes with NULs, not starting with the Parquet magic.
		let x = 12345;
		const bytes = Buffer.alloc(4096, 0).map((_, i) => (i % 7 === 0 ? 0 : ((x = (x * 1103515245 + 12345) >>> 0) >>> 16) & 0xff));
		await page.locator('[data-testid="file-input"]').setInputFiles({ name: 'indicator_values.csv', mimeType: 'text/csv', buffer: Buffer.from(bytes) });
		const err = page.locator('[data-testid="load-error"]');
		await err.waitFor();
		assert.match(await err.textContent(), /indicator_values\.csv/);
		assert.equal(await page.locator('[data-testid="load-ok"]').count(), 0);
		assert.equal(await engineScalar(page, VALUES), original);
	});
});
