// A browser that keeps nothing (no IndexedDB, IndexedDB that throws, a full quota): the app starts,
// loads files, keeps drafts and the basket for the tab, and says once that they will not outlive it.
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { csvFile, waitUntil } from './helpers';

const WITHOUT = {
	'no IndexedDB': () => {
		Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
	},
	'IndexedDB that throws': () => {
		IDBFactory.prototype.open = () => {
			throw new DOMException('The user denied permission to access the database.', 'SecurityError');
		};
	}
};

async function startsAndSays(page: Page, text: RegExp) {
	await page.goto('/');
	await page.locator('[data-action]').first().waitFor();
	await expect(page.locator('[data-testid="storage-notice"]')).toHaveCount(1);
	await expect(page.locator('[data-testid="storage-notice"]')).toContainText(text);
	await expect(page.getByText('could not start')).toHaveCount(0);
}

/** Type in a draft, leave it by a link of the app, come back by another: the text is still there. */
async function draftKeptInTab(page: Page, text: string) {
	await page.locator('header nav a[href$="committees"]').click();
	await page.locator('a[href$="/committees/article5"]').first().click();
	await page.locator('[data-testid="draft-KHM"]').click();
	const box = page.locator('[data-testid="obs-text"]');
	await box.waitFor();
	await box.fill(text);
	await expect(page.locator('[data-testid="save-state"]')).toContainText('Kept in this tab only');
	await page.locator('main p a[href*="/committees/article5"]').first().click(); // ← back to the committee
	await page.locator('[data-testid="draft-KHM"]').click();
	await waitUntil(page, 'the draft is back', (t) => document.querySelector<HTMLTextAreaElement>('[data-testid="obs-text"]')?.value === t, text);
}

for (const [what, init] of Object.entries(WITHOUT)) {
	test.describe(what, () => {
		test.beforeEach(async ({ page }) => page.addInitScript(init));

		test('the app starts and says so once; a file loads; drafts and the basket live in the tab; drafts export', async ({ page }) => {
			await startsAndSays(page, /does not keep anything.*drafts of preliminary observations, the panel basket and loaded files will not outlive this tab/);
			await draftKeptInTab(page, 'Cambodia: kept without storage.');
			await expect(page.locator('[data-testid="storage-notice"]'), 'said once').toHaveCount(1);

			const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="storage-export-drafts"]').click()]);
			const json = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
			expect(json.rows).toContainEqual(expect.objectContaining({ iso3: 'KHM', action: null, text: 'Cambodia: kept without storage.' }));

			// The basket.
			await page.locator('header nav a[href$="/"]').first().click();
			const chart = page.locator('[data-chart="level-by-section"]');
			await chart.locator('.plot svg').first().waitFor();
			await chart.locator('[data-testid="export-button"]').click();
			await chart.locator('[data-format="basket"]').click();
			await expect(chart.locator('[data-testid="export-status"]')).toHaveAttribute('data-outcome', 'done');
			await expect(page.locator('header nav a[href$="basket"]')).toContainText('(1)');

			// A file.
			await page.locator('header nav a[href$="data"]').click();
			await page.locator('[data-testid="file-input"]').setInputFiles([csvFile('no-storage-states.csv', 'iso3,name,region,source\nZZY,Storage Testland,Europe,e2e test\n')]);
			await page.locator('[data-testid="load-ok"]').waitFor();
			await expect(page.locator('[data-testid="load-error"]')).toHaveCount(0);
		});
	});
}

test.describe('a full quota', () => {
	test.beforeEach(async ({ page }) =>
		page.addInitScript(() => {
			const full = () => {
				throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			};
			IDBObjectStore.prototype.put = full;
			IDBObjectStore.prototype.add = full;
		})
	);

	test('the first refused save says so once; the draft stays in the tab', async ({ page }) => {
		await page.goto('/');
		await page.locator('[data-action]').first().waitFor();
		await expect(page.locator('[data-testid="storage-notice"]'), 'nothing refused yet').toHaveCount(0);
		await draftKeptInTab(page, 'Typed into a full browser.');
		await expect(page.locator('[data-testid="storage-notice"]')).toHaveCount(1);
		await expect(page.locator('[data-testid="storage-notice"]')).toContainText('storage is full');
		await expect(page.locator('[data-testid="storage-notice"]')).toHaveAttribute('data-reason', 'quota');
	});
});
