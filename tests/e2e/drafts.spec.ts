// No preliminary observation lost: every file of an import is read, two tabs never save over each other
// unseen, a field of the wrong type is refused with its place.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { article5States, waitUntil } from './helpers';

const draftUrl = (iso3: string) => `/committees/article5/draft?meeting=IM2024&state=${iso3}`;
const jsonFile = (name: string, rows: object[]) => ({
	name,
	mimeType: 'application/json',
	buffer: Buffer.from(JSON.stringify({ format: 'oap-preliminary-observations', version: 1, rows }))
});
const general = (iso3: string, text: string) => ({ meeting: 'IM2024', committee: 'article5', iso3, action: null, assessment: null, status: 'draft', text, updated_at: null, author: null });

async function openDraft(page: Page, iso3: string) {
	await page.goto(draftUrl(iso3));
	await page.locator('[data-testid="obs-text"]').waitFor();
}
const saved = (page: Page) =>
	waitUntil(page, 'the draft is saved', () => document.querySelector<HTMLElement>('[data-testid="save-state"]')?.dataset.state === 'saved');
const textOf = (page: Page) => page.inputValue('[data-testid="obs-text"]');

test('a three-file import reads and reports every file and imports all three', async ({ page }) => {
	const [a, b, c] = article5States(2019, 2024);
	await page.goto('/committees/article5?meeting=IM2024');
	await page.locator('[data-testid="worklist"] tbody tr').first().waitFor();
	const csv = `meeting,committee,iso3,action,assessment,status,text,updated_at,author\r\nIM2024,article5,${c},,,draft,From the CSV file.,,\r\n`;
	await page.setInputFiles('[data-testid="import-observations"]', [
		jsonFile('first.json', [general(a, 'From the first file.')]),
		jsonFile('second.json', [general(b, 'From the second file.')]),
		{ name: 'third.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) }
	]);
	await expect(page.locator('[data-testid="import-report"]')).toContainText('3 observations added, 0 already identical, 0 in conflict');
	await expect(page.locator('[data-testid="import-files"] li')).toHaveText(['first.json: 1 observation read', 'second.json: 1 observation read', 'third.csv: 1 observation read']);
	for (const iso3 of [a, b, c]) await expect(page.locator(`tr[data-iso3="${iso3}"] [data-testid="draft-status"]`)).toHaveText('Draft');
	await openDraft(page, c);
	expect(await textOf(page)).toBe('From the CSV file.');
});

test('a JSON text given as an object is refused with its file, row and column; nothing is imported', async ({ page }) => {
	const [a] = article5States(2019, 2024);
	await page.goto('/committees/article5?meeting=IM2024');
	await page.locator('[data-testid="worklist"] tbody tr').first().waitFor();
	await page.setInputFiles('[data-testid="import-observations"]', [jsonFile('object.json', [general(a, 'fine'), { ...general(a, ''), action: 21, assessment: 'concern', text: { en: 'not text' } }])]);
	await expect(page.locator('[data-testid="import-error"]')).toHaveText(/object\.json, row 3, column “text”: expected text, found an object/);
	await expect(page.locator('[data-testid="import-report"]')).toHaveCount(0);
	await expect(page.locator(`tr[data-iso3="${a}"] [data-testid="draft-status"]`)).toHaveCount(0);
});

test.describe('two tabs on one draft', () => {
	test('a tab with nothing unsaved shows the other tab’s newer text', async ({ page, context }) => {
		await openDraft(page, 'KHM');
		const other = await context.newPage();
		await openDraft(other, 'KHM');
		await page.locator('[data-testid="obs-text"]').fill('Written in the first tab.');
		await saved(page);
		await waitUntil(other, 'the second tab shows the newer text', () => document.querySelector<HTMLTextAreaElement>('[data-testid="obs-text"]')?.value === 'Written in the first tab.');
		await expect(other.locator('[data-testid="updated-elsewhere"]')).toBeVisible();
	});

	test('both typed: nothing is overwritten, both versions are shown, the author chooses', async ({ page, context }) => {
		const other = await context.newPage();
		// The second tab hears nothing from the first (as when tabs cannot talk): only the revision check is left.
		await other.addInitScript(() => Object.defineProperty(window, 'BroadcastChannel', { value: undefined }));
		await openDraft(page, 'AFG');
		await openDraft(other, 'AFG');
		await page.locator('[data-testid="obs-text"]').fill('First tab’s text.');
		await saved(page);
		await other.locator('[data-testid="obs-text"]').fill('Second tab’s text.');
		const conflict = other.locator('[data-testid="draft-conflict"]');
		await conflict.waitFor();
		await expect(other.locator('[data-testid="save-state"]')).toHaveAttribute('data-state', 'conflict');
		await expect(conflict.locator('[data-side="mine"] .text')).toHaveText('Second tab’s text.');
		await expect(conflict.locator('[data-side="theirs"] .text')).toHaveText('First tab’s text.');

		// Nothing was overwritten: a fresh look at the stored draft shows the first tab's text.
		const third = await context.newPage();
		await openDraft(third, 'AFG');
		await waitUntil(third, 'the stored text', () => document.querySelector<HTMLTextAreaElement>('[data-testid="obs-text"]')?.value === 'First tab’s text.');
		await third.close();

		// The author keeps the second tab's text: saved over the first, on purpose.
		await conflict.locator('[data-testid="keep-this-tab"]').click();
		await saved(other);
		await expect(conflict).toHaveCount(0);
		// The first tab (which heard nothing) types on: its save meets the newer version and stops too.
		await page.locator('[data-testid="obs-text"]').fill('First tab’s text, more.');
		await expect(page.locator('[data-testid="draft-conflict"] [data-side="theirs"] .text')).toHaveText('Second tab’s text.');
		await expect(page.locator('[data-testid="draft-conflict"] [data-side="mine"] .text')).toHaveText('First tab’s text, more.');
	});

	test('taking the other version puts it in the editor', async ({ page, context }) => {
		const other = await context.newPage();
		await other.addInitScript(() => Object.defineProperty(window, 'BroadcastChannel', { value: undefined }));
		await openDraft(page, 'AGO');
		await openDraft(other, 'AGO');
		await page.locator('[data-testid="obs-text"]').fill('Kept version.');
		await saved(page);
		await other.locator('[data-testid="obs-text"]').fill('Dropped version.');
		await other.locator('[data-testid="take-other-tab"]').click();
		await expect(other.locator('[data-testid="draft-conflict"]')).toHaveCount(0);
		expect(await textOf(other)).toBe('Kept version.');
	});
});
