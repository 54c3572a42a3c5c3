// Per-country progress: the list with its filters and map, a profile, an unknown code, the brief.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { expect, test } from './fixtures';
import { bundledRows, csvFile, waitForCount, waitUntil } from './helpers';

test.describe('countries', () => {
	test('/countries lists 166 States Parties and 33 non-parties (end of 2024), filters by meeting groups, shows the map', async ({ page }) => {
		await page.goto('/countries');
		const states = bundledRows('states');
		await waitForCount(page, '[data-testid="country-table"] tbody tr', states.length);
		// The summary counts by date: 164 parties and 33 non-parties at the end of 2024.
		const summary = await page.locator('[data-testid="country-summary"]').textContent();
		assert.match(summary, /\b164\b.*\b33\b/s);
		await page.locator('[data-chart="map"] svg').first().waitFor();
		assert.ok((await page.locator('[data-chart="map"] svg path').count()) > 150, 'the map draws country shapes');

		await page.selectOption('[data-testid="filter-group"]', 'extension_request');
		await waitUntil(page, 'the URL holds the filter', () => location.search.includes('group=extension_request'));
		const codes = await page.$$eval('[data-testid="country-table"] tbody tr', (rows) => rows.map((r) => r.getAttribute('data-iso3')).sort());
		assert.deepEqual(codes, ['AFG', 'CYP', 'ERI', 'GNB', 'NER', 'OMN', 'PER', 'SRB', 'TCD']);

		await page.selectOption('[data-testid="filter-group"]', 'withdrawing');
		await waitForCount(page, '[data-testid="country-table"] tbody tr', 5);
		await page.selectOption('[data-testid="filter-group"]', '');
		await page.selectOption('[data-testid="filter-status"]', 'not_party');
		// Today (2026) the 31 never-party States plus nobody else: MHL and TON joined in 2025.
		await waitForCount(page, '[data-testid="country-table"] tbody tr', states.filter((s) => !s.entry_into_force).length);
	});

	test('/countries/BIH shows its Article 5 timeline exactly as in data/, its projection and its progress', async ({ page }) => {
		await page.goto('/countries/BIH');
		await page.locator('[data-testid="deadline-events-5"]').waitFor();
		const rows = await page.$$eval('[data-testid="deadline-events-5"] tbody tr', (trs) =>
			trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent.trim()))
		);
		const dl = bundledRows('deadlines').find((r) => r.iso3 === 'BIH' && r.article === '5');
		const exts = bundledRows('extensions').filter((r) => r.iso3 === 'BIH' && r.article === '5' && r.new_deadline);
		const dates = rows.map((r) => r[0]);
		assert.ok(dates.includes(dl.original_deadline), 'original deadline shown');
		for (const e of exts)
			assert.ok(
				rows.some((r) => r[0] === e.new_deadline && r[1].includes(e.granted_at)),
				`extension ${e.granted_at} → ${e.new_deadline}`
			);
		assert.equal(dates.at(-1), dl.current_deadline, 'the last deadline is the current one');
		await page.locator('[data-testid="projection"]').waitFor();
		assert.ok(await page.locator('[data-testid="country-actions"]').first().isVisible());
		await page.locator('[data-chart] svg').first().waitFor();
	});

	test('an unknown code shows “not found”, not a crash', async ({ page }) => {
		await page.goto('/countries/XYZ');
		await page.locator('[data-testid="country-not-found"]').waitFor();
		assert.match(await page.locator('[data-testid="country-not-found"]').textContent(), /XYZ/);
	});

	test('data loaded on /data show on the profile', async ({ page }) => {
		await page.goto('/data');
		await page.locator('[data-testid="file-input"]').waitFor();
		await page.setInputFiles('[data-testid="file-input"]', [
			csvFile(
				'indicators.csv',
				'indicator_id,action,label,unit,polarity,applies_to,source\nE2E.KHM,21,Profile check area,km2,higher_is_better,article5,e2e profile\n'
			),
			csvFile('values.csv', 'indicator_id,iso3,year,value,source\nE2E.KHM,KHM,2019,4.5,e2e profile\nE2E.KHM,KHM,2020,7.25,e2e profile\n')
		]);
		await waitForCount(page, '[data-testid="load-ok"]', 2);
		await page.goto('/countries/KHM');
		await page.locator('[data-chart="c-E2E.KHM"]').waitFor();
		const table = await page.locator('[data-chart="c-E2E.KHM"] table').textContent();
		assert.match(table, /7\.25/);
	});

	test('the printed brief fits two A4 pages', async ({ page }, testInfo) => {
		await page.goto('/countries/KHM/brief');
		await page.locator('[data-testid="brief"] [data-chart] svg').first().waitFor();
		await page.locator('[data-testid="brief-demo"]').waitFor();
		await page.waitForTimeout(500);
		await page.emulateMedia({ media: 'print' });
		const pdf = await page.pdf({ format: 'A4', printBackground: true });
		// Count page objects in the PDF itself, so no external tool is needed.
		const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
		assert.ok(pages >= 1 && pages <= 2, `the brief prints on ${pages} A4 pages`);
		const file = testInfo.outputPath('brief-KHM.pdf');
		fs.writeFileSync(file, pdf);
		try {
			const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
			assert.match(info, /Pages:\s+[12]\n/);
		} catch (e) {
			if (e.code !== 'ENOENT') throw e;
		}
	});
});
