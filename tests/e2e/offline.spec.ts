// After one visit, the dashboard needs no network: a second visit is served by the service worker,
// and with the network off every page still opens, draws, loads a file and exports.
import assert from 'node:assert/strict';
import type { Page } from '@playwright/test';
import { test } from './fixtures';
import { article5States, csvFile, waitForCount, waitUntil } from './helpers';

async function firstVisit(page: Page) {
	await page.goto('/');
	await page.locator('[data-action]').first().waitFor();
	// `ready` resolves once the worker is active, i.e. after its install cached the app.
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
	// The first visit has compared the served data files with the bundled ones (its own requests, not the second visit's).
	await waitUntil(page, 'the served files are checked', () => performance.getEntriesByName('data-checked').length > 0);
}

test('a second visit is served from the cache; with the network off every page works, loads a file and exports', async ({ newContext }) => {
	const context = await newContext({ serviceWorkers: 'allow' });
	const page = await context.newPage();
	await firstVisit(page);

	// Second visit, network on: nothing of the app comes from the network.
	const fromNetwork: string[] = [];
	page.on('response', (r) => {
		if (!r.fromServiceWorker() && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) fromNetwork.push(r.url());
	});
	await page.reload();
	await page.locator('[data-action]').first().waitFor();
	await waitUntil(page, 'the data are loaded', () => performance.getEntriesByName('data-ready').length > 0);
	assert.deepEqual(fromNetwork, [], 'every response of the second visit came from the service worker');

	// Network off: pages never visited open too (the fallback shell), with DuckDB from the cache.
	await context.setOffline(true);
	await page.goto('/actions/21');
	await page.locator('[data-chart] svg').first().waitFor();
	await page.goto('/countries/KHM');
	await page.locator('[data-chart] svg').first().waitFor();

	await page.goto('/data');
	const [iso3] = article5States(2019, 2024);
	await page.locator('[data-testid="file-input"]').setInputFiles(csvFile('offline.csv', `indicator_id,iso3,year,value,source\nA21.1,${iso3},2031,1,offline test\n`));
	await waitForCount(page, '[data-testid="load-ok"]', 1);

	await page.goto('/actions/21');
	const chart = page.locator('[data-chart="ind-A21.1"]');
	await chart.locator('.plot svg').first().waitFor();
	await chart.locator('[data-testid="export-button"]').click();
	const [download] = await Promise.all([page.waitForEvent('download'), chart.locator('[role="menuitem"][data-format="csv"]').click()]);
	assert.match(download.suggestedFilename(), /\.csv$/);
});

test('a visit after an update says so once', async ({ page }) => {
	await page.addInitScript(() => {
		if (!sessionStorage.getItem('seeded')) {
			localStorage.setItem('oap.app-version', 'an-older-build');
			sessionStorage.setItem('seeded', '1');
		}
	});
	await page.goto('/');
	const notice = page.locator('[data-testid="update-notice"]');
	await notice.waitFor();
	assert.equal(await notice.getAttribute('data-notice'), 'updated');
	await page.reload();
	await page.locator('[data-action]').first().waitFor();
	assert.equal(await notice.count(), 0, 'said once: the next visit runs the same build');
});
