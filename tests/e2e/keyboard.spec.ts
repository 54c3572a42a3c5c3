// The main jobs with the keyboard only (issue 13.5): find a State, export a chart, write a preliminary
// observation and export it. Focus moves with Tab (and the keys each control documents); nothing is
// clicked, and every focused control must show that it has the focus.
import fs from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openReady } from './routes';

/** Press Tab until `target` has the focus (at most `max` times); fail saying where the focus went instead. */
async function tabTo(page: Page, target: Locator, what: string, max = 250): Promise<void> {
	const seen: string[] = [];
	for (let i = 0; i < max; i++) {
		await page.keyboard.press('Tab');
		if (await target.evaluate((el) => el === document.activeElement)) {
			// Focus must be visible: an outline (or a box shadow) on the focused control.
			const shown = await target.evaluate((el) => {
				const s = getComputedStyle(el);
				return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
			});
			expect(shown, `${what}: the focus is visible`).toBe(true);
			return;
		}
		seen.push(await page.evaluate(() => `${document.activeElement?.tagName.toLowerCase()} “${(document.activeElement?.textContent ?? '').trim().slice(0, 30)}”`));
	}
	throw new Error(`${what}: not reached with ${max} Tabs; the focus went through ${seen.slice(-8).join(', ')}`);
}

test('find a State: the search field, the name typed, its link, its page', async ({ page }) => {
	await openReady(page, '/countries');
	const search = page.locator('[data-testid="country-search"]');
	await tabTo(page, search, 'the search field');
	await page.keyboard.type('Cambod');
	await expect(page.locator('[data-testid="country-table"] tbody tr')).toHaveCount(1);
	await tabTo(page, page.locator('[data-testid="country-table"] a', { hasText: 'Cambodia' }), 'Cambodia’s link');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/countries\/KHM/);
	await expect(page.locator('h1')).toContainText('Cambodia');
});

test('export a chart: its Export button, the menu with the arrow keys, the SVG file', async ({ page }) => {
	await openReady(page, '/actions/21');
	const chart = page.locator('figure[data-chart]').first();
	const button = chart.locator('[data-testid="export-button"]');
	await tabTo(page, button, 'the first chart’s Export button');
	await page.keyboard.press('Enter');
	const items = chart.locator('[role="menuitem"]');
	await expect(items.first()).toBeFocused();
	// PNG 2×, PNG 3×, panel, SVG: three steps down.
	for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
	await expect(chart.locator('[role="menuitem"][data-format="svg"]')).toBeFocused();
	const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
	expect(download.suggestedFilename()).toMatch(/\.svg$/);
	expect(fs.readFileSync(await download.path(), 'utf8')).toContain('<svg');
	await expect(button, 'the focus is back on the button').toBeFocused();
	await expect(chart.locator('[data-testid="export-status"]')).toHaveAttribute('data-outcome', 'done');
});

test('write a preliminary observation and export it to Word, keyboard only', async ({ page }) => {
	await openReady(page, '/committees/article5');
	const draftLink = page.locator('[data-testid="worklist"] tr[data-iso3="KHM"] [data-testid="draft-KHM"]');
	await tabTo(page, draftLink, 'the Draft link of Cambodia on the worklist');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/draft\?.*state=KHM/);
	const text = page.locator('[data-testid="obs-text"]');
	await text.waitFor();
	await tabTo(page, text, 'the observation’s text');
	const words = 'Cambodia reported steady progress in land release; the committee asks for its updated work plan.';
	await page.keyboard.type(words);
	await expect(page.locator('[data-testid="save-state"]')).toHaveAttribute('data-state', 'saved');
	// Back to the committee with the keyboard.
	await tabTo(page, page.getByRole('link', { name: /^← Article 5 Implementation/ }), 'the link back to the committee');
	await page.keyboard.press('Enter');
	await expect(page.locator('[data-testid="worklist"] tr[data-iso3="KHM"] [data-testid="draft-status"]')).toBeVisible();
	const word = page.locator('[data-testid="export-docx"]');
	await expect(word).toBeEnabled();
	await tabTo(page, word, 'the Word export');
	const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
	expect(download.suggestedFilename()).toMatch(/\.docx$/);
	const doc = strFromU8(unzipSync(fs.readFileSync(await download.path()))['word/document.xml']);
	expect(doc).toContain('steady progress in land release');
});
