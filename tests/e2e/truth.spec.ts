// Issue 10, "Done when": no claim about a State without a basis. Cambodia's deadline from the 22MSP,
// no "deadline passed" at the 2025 meetings for States whose decision is not in the data, Action 34 as
// the corrected reference has it, the demonstration label in a chart's CSV and on a printed page, and an
// inserted fact that carries its date, source and demonstration mark.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { expect, test } from './fixtures';
import path from 'node:path';
import { csvFile, ROOT, waitForCount, waitUntil } from './helpers';

test.describe('statements about States have a basis', () => {
	test('/countries/KHM states the 2030-12-31 deadline from the 22MSP with its source, and no "beyond the deadline"', async ({ page }) => {
		await page.goto('/countries/KHM?on=2026-11-30');
		const status = page.locator('[data-testid="deadline-status-5"]');
		await status.waitFor();
		await expect(status).toHaveAttribute('data-deadline', '2030-12-31');
		await expect(status).toHaveAttribute('data-kind', 'in_force');
		const text = await status.textContent();
		assert.match(text, /Deadline 2030-12-31, as last known on 2025-12-05/, 'the deadline, with the date it is known to');
		assert.match(text, /extension granted at the 22MSP \(2025\)/, 'the decision that set it');
		assert.match(text, /Speaks for 2026-11-30/, 'the date the statement speaks for');
		assert.match(await status.locator('[data-testid="source-text"]').textContent(), /Source:\s*Extension granted by the 22MSP \(2025\).*retrieved from\s*https?:\/\//s, 'its source, document first');
		const events = await page.locator('[data-testid="deadline-events-5"] tbody tr').allTextContents();
		assert.ok(events.some((r) => /2030-12-31.*22MSP/.test(r)), 'the timeline lists the 22MSP extension');

		const projection = page.locator('[data-testid="projection"]');
		await projection.waitFor();
		await expect(projection).toHaveAttribute('data-deadline', '2030-12-31');
		assert.notEqual(await projection.getAttribute('data-status'), 'beyond_deadline');
		assert.doesNotMatch(await page.locator('main').textContent(), /beyond the deadline/i);
		assert.doesNotMatch(await page.locator('main').textContent(), /Current deadline: 2025-12-31/);
	});

	test('the Article 5 worklists of the 2025 meetings flag none of Chad, Eritrea, Oman, Serbia as past their deadline', async ({ page }) => {
		for (const meeting of ['IM2025', '22MSP']) {
			await page.goto(`/committees/article5?meeting=${meeting}`);
			await page.locator('[data-testid="worklist"] tbody tr').first().waitFor();
			const flags = Object.fromEntries(await page.$$eval('[data-testid="worklist"] tbody tr', (trs) => trs.map((tr) => [tr.dataset.iso3, tr.dataset.flags])));
			for (const iso3 of ['TCD', 'ERI', 'OMN', 'SRB']) {
				assert.ok(iso3 in flags, `${iso3} is on the ${meeting} worklist`);
				assert.doesNotMatch(flags[iso3], /deadline_passed/, `${iso3} at ${meeting}`);
			}
			// Chad instead: the decision is not in the data, with the last known deadline and the date facts end.
			const chad = page.locator('tr[data-iso3="TCD"] [data-flag="decision_not_in_data"]');
			await chad.waitFor();
			assert.match(await chad.textContent(), /The Article 5 deadline in force for Chad on 2025-\d\d-\d\d, the first day of the meeting, is not in the data: the last deadline known is 2025-01-01 \(facts as of 2024-11-25\)/);
			assert.match(await page.locator('[data-testid="worklist-dates"]').textContent(), /deadlines as on 2025-\d\d-\d\d/);
		}
	});

	test('Action 34 reads as the corrected reference has it, marked as a paraphrase with its source on focus', async ({ page }) => {
		await page.goto('/actions/34');
		const heading = page.locator('h1');
		await expect(heading).toContainText('Address victims');
		assert.match(await heading.textContent(), /national policy and legal frameworks, in line with the CRPD/);
		const kind = heading.locator('[data-testid="title-kind"]');
		await expect(kind).toContainText('short paraphrase');
		const tip = heading.locator('[role="tooltip"]');
		await expect(tip).toBeHidden();
		await kind.focus();
		await expect(tip).toBeVisible();
		assert.match(await tip.textContent(), /not the wording of the Oslo Action Plan.*meeting document 003/s);

		// An action without a title shows its section and committee, not an apology.
		await page.goto('/');
		const tile33 = page.locator('.tile[data-action="33"] .action-title');
		await expect(tile33).toHaveAttribute('data-title-kind', 'none');
		await expect(tile33).toHaveText('Victim assistance · Victim Assistance');
	});

	test('a chart’s CSV export of demonstration values has a source column saying so, and its file name says so', async ({ page }) => {
		await page.goto('/actions/21');
		const chart = page.locator('[data-chart="ind-A21.1"]');
		await chart.locator('.plot svg').first().waitFor();
		await chart.locator('[data-testid="export-button"]').click();
		const item = chart.locator('[role="menuitem"][data-format="csv"]');
		await item.waitFor();
		const [download] = await Promise.all([page.waitForEvent('download'), item.click()]);
		assert.match(download.suggestedFilename(), /-demonstration\.csv$/);
		const lines = fs.readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
		const header = lines[0].split(',');
		const col = header.indexOf('source');
		assert.ok(col >= 0, `a source column in ${lines[0]}`);
		assert.ok(lines.length > 2);
		for (const line of lines.slice(1)) assert.equal(line.split(',')[col], 'demonstration', line);
	});

	test('printing /actions/21 shows the demonstration notice', async ({ page }) => {
		await page.goto('/actions/21');
		await page.locator('[data-chart="ind-A21.1"] .plot svg').first().waitFor();
		const banner = page.locator('[data-testid="demo-banner"]');
		await banner.waitFor();
		await page.emulateMedia({ media: 'print' });
		await expect(banner).toBeVisible();
		assert.match(await banner.textContent(), /Demonstration data/);
		// The header and the navigation are not printed; the notice is.
		await expect(page.locator('header.top')).toBeHidden();
		const pdf = await page.pdf({ format: 'A4', printBackground: true });
		assert.ok(pdf.length > 10_000, 'a PDF was printed');
	});

	test('an inserted fact says its date and source, and marks demonstration values', async ({ page }) => {
		await page.goto('/committees/article5/draft?meeting=IM2025&state=TCD');
		await page.locator('[data-testid="obs-text"]').waitFor();
		await page.locator('[data-testid="insert-deadline"]').click();
		await waitUntil(page, 'the fact is in the text', () => document.querySelector<HTMLTextAreaElement>('[data-testid="obs-text"]')?.value.includes('not in the data'));
		const text = await page.inputValue('[data-testid="obs-text"]');
		assert.match(text, /The Article 5 deadline in force for Chad on 2025-06-17 is not in the data \(last known: 2025-01-01, facts as of 2024-11-25\)/);
		assert.doesNotMatch(text, /passed/);
		const value = page.locator('[data-testid^="insert-A"]').first();
		await value.click();
		await waitUntil(page, 'the value fact is in the text', () => document.querySelector<HTMLTextAreaElement>('[data-testid="obs-text"]')?.value.includes('[demonstration data'));
		assert.match(await page.inputValue('[data-testid="obs-text"]'), /Chad (reported|answered) .* for 2024 on “.+”\. \[demonstration data, not reported by the State\]/);
	});

	test('a user’s actions file with the Plan’s wording replaces the paraphrases, and its source says so', async ({ page }) => {
		// The bundled actions with Action 21 given "official" wording and a source naming the document.
		const lines = fs.readFileSync(path.join(ROOT, 'data', 'actions.csv'), 'utf8').trimEnd().split('\n');
		const i = lines.findIndex((l) => l.startsWith('OAP,21,'));
		lines[i] = 'OAP,21,survey_clearance,Survey and clearance of mined areas,article5,E2E wording of Action 21,high,official,"APLC/CONF/2019/5/Add.1, Action 21 (e2e test file)"';
		await page.goto('/data');
		await page.locator('[data-testid="mode-replace"]').check();
		await page.setInputFiles('[data-testid="file-input"]', [csvFile('actions.csv', lines.join('\n') + '\n')]);
		await waitForCount(page, '[data-testid="load-ok"]', 1);
		await page.goto('/actions/21');
		const heading = page.locator('h1');
		await expect(heading).toContainText('E2E wording of Action 21');
		await expect(heading.locator('.action-title')).toHaveAttribute('data-title-kind', 'official');
		await expect(heading.locator('[data-testid="title-kind"]')).toContainText('wording of the Plan');
		await heading.locator('[data-testid="title-kind"]').focus();
		assert.match(await heading.locator('[role="tooltip"]').textContent(), /APLC\/CONF\/2019\/5\/Add\.1, Action 21 \(e2e test file\)/);
	});
});

