// Mid-term review: switching years, the URL round trip, section and committee roll-ups.
import assert from 'node:assert/strict';
import { expect, test } from './fixtures';
import { waitUntil } from './helpers';

async function chartTables(page) {
	return page.$$eval('[data-chart^="midterm-"] table', (ts) => ts.map((t) => t.textContent));
}

test.describe('mid-term review /midterm', () => {
	test('shows baseline → 2022 → latest for all 50 actions; switching the comparison year updates every chart', async ({ page }) => {
		await page.goto('/midterm');
		await page.locator('[data-chart^="midterm-"] svg').first().waitFor();
		const groups = await page.locator('[data-group]').count();
		assert.equal(groups, 8, 'eight OAP sections');
		const rows = await page.$$eval('[data-chart^="midterm-"] tbody tr', (trs) => trs.length);
		assert.equal(rows, 50, 'one row per action across the charts');
		assert.equal(await page.inputValue('[data-testid="from"]'), '2019');
		assert.equal(await page.inputValue('[data-testid="to"]'), '2022');
		const before = await chartTables(page);
		const summary = await page.locator('[data-testid="midterm-summary"]').textContent();
		await page.selectOption('[data-testid="to"]', '2024');
		await waitUntil(page, 'the summary names 2024', () => document.querySelector('[data-testid="midterm-summary"]').textContent.includes('2024'));
		const after = await chartTables(page);
		assert.notEqual(summary, await page.locator('[data-testid="midterm-summary"]').textContent());
		assert.equal(after.length, before.length);
		for (let i = 0; i < after.length; i++) assert.notEqual(after[i], before[i], `chart ${i} changed with the year`);
		// Reporting coverage is beside every comparison.
		// (The last column is the values' source, which every chart table and export carries.)
		const coverage = await page.$$eval('[data-chart^="midterm-"] tbody tr td:nth-last-child(2)', (tds) => tds.map((td) => td.textContent));
		assert.ok(
			coverage.every((c) => /\d+ → \d+ → \d+ \/ \d+/.test(c)),
			'coverage at the three points on every row'
		);
	});

	test('a copied URL opened in a new browser context shows the identical view; Back walks back', async ({ page, newContext }) => {
		await page.goto('/midterm');
		await page.locator('[data-chart^="midterm-"] svg').first().waitFor();
		await page.selectOption('[data-testid="from"]', '2020');
		await page.selectOption('[data-testid="by"]', 'committee');
		await page.selectOption('[data-testid="group"]', 'victim_assistance');
		await waitUntil(page, 'one group shown', () => document.querySelectorAll('[data-group]').length === 1);
		// The engine's answer for these years (the page opened on its prerendered answer for the defaults).
		await page.locator('[data-testid="view-state"][data-state="live"]').waitFor({ state: 'attached' });
		await expect(page.locator('[data-testid="from"]')).toHaveValue('2020');
		const url = page.url();
		const view = await page.locator('main').innerText();
		await page.goBack();
		await waitUntil(page, 'Back undoes the group filter', () => !location.search.includes('group='));
		assert.match(url, /from=2020/);
		assert.match(url, /by=committee/);

		const other = await (await newContext()).newPage();
		await other.goto(url);
		await other.locator('[data-group="victim_assistance"] [data-chart] svg').first().waitFor();
		await other.locator('[data-testid="view-state"][data-state="live"]').waitFor({ state: 'attached' });
		assert.equal(await other.inputValue('[data-testid="from"]'), '2020');
		assert.equal(await other.locator('main').innerText(), view, 'the same view from the same URL');
	});

	test('section and committee roll-ups show the whole mandate', async ({ page }) => {
		await page.goto('/midterm?by=committee&group=article5');
		await page.locator('[data-group="article5"] [data-chart] svg').first().waitFor();
		const actions = await page.$$eval('[data-group="article5"] [data-chart] tbody tr td:first-child', (tds) =>
			tds.map((td) => td.textContent.replace(/\D/g, ''))
		);
		assert.deepEqual(
			actions.map(Number),
			Array.from({ length: 15 }, (_, i) => 18 + i)
		);
		await page.goto('/midterm?group=victim_assistance');
		await page.locator('[data-group="victim_assistance"] [data-chart] svg').first().waitFor();
		assert.equal(await page.locator('[data-group]').count(), 1);
		const va = await page.$$eval('[data-group] [data-chart] tbody tr', (trs) => trs.length);
		assert.equal(va, 9, 'victim assistance section: Actions 33–41');
	});
});
