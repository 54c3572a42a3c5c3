// Committees' preliminary observations: the worklist with flags, drafting that survives a reload and a
// killed browser, Word/CSV/JSON export, re-import and conflicts, and the assessment charts.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { unzipSync, strFromU8 } from 'fflate';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/browser.js';
import type { Page } from '@playwright/test';
import { Recorder, expect, test } from './fixtures';
import { TIMEOUT, article5States, bundledRows, waitUntil } from './helpers';

const draftUrl = (iso3: string, base = '') => `${base}/committees/article5/draft?meeting=IM2024&state=${iso3}`;

async function typeDraft(page: Page, iso3: string, text: string, base = '') {
	await page.goto(draftUrl(iso3, base));
	const box = page.locator('[data-testid="obs-text"]');
	await box.waitFor();
	await box.click();
	await page.keyboard.type(text, { delay: 5 });
	await waitUntil(
		page,
		'the draft is saved',
		() =>
			document.querySelector<HTMLElement>('[data-testid="save-state"]')?.dataset.state === 'saved' &&
			/\d\d:\d\d:\d\d/.test(document.querySelector('[data-testid="save-state"]').textContent)
	);
}

test.describe('committees', () => {
	test('/committees/article5 at IM2024 lists the States with Article 5 obligations with their flags', async ({ page }) => {
		await page.goto('/committees/article5?meeting=IM2024');
		await page.locator('[data-testid="worklist"] tbody tr').first().waitFor();
		const rows = await page.$$eval('[data-testid="worklist"] tbody tr', (trs) => trs.map((tr) => ({ iso3: tr.dataset.iso3, flags: tr.dataset.flags })));
		const expected = new Set(
			bundledRows('state_obligations')
				.filter((o) => o.obligation === 'article5' && Number(o.from_year) <= 2023 && (!o.to_year || Number(o.to_year) >= 2023))
				.map((o) => o.iso3)
		);
		assert.deepEqual(new Set(rows.map((r) => r.iso3)), expected);
		assert.ok(rows.find((r) => r.iso3 === 'AFG').flags.includes('extension_request'), 'Afghanistan: extension request pending');
		assert.ok(
			rows.some((r) => r.flags.includes('deadline_at_risk')),
			'some deadline at risk'
		);
		// A flag links to the rows behind it.
		// The flag is a sentence naming the State, the meeting and the source.
		assert.match(await page.locator('tr[data-iso3="AFG"] [data-flag="extension_request"] [data-testid="flag-sentence"]').textContent(), /^Afghanistan has an Article 5 extension request pending, to be decided by the 5RC\..*\(source: .+\)$/);
		const link = page.locator('tr[data-iso3="AFG"] [data-flag="extension_request"] a');
		await link.click();
		await page.locator('[data-testid="sql-linked"]').waitFor();
		await page.locator('[data-testid="sql-run"]').click();
		await page.locator('[data-testid="sql-result"]').waitFor();
		assert.match(await page.locator('[data-testid="sql-result"]').textContent(), /AFG/);
	});

	test('typed text survives a reload; the matrix reflects the assessments; export → re-import is identical; a conflict shows both', async ({ page }) => {
		await typeDraft(page, 'KHM', 'Cambodia reported progress. ');
		await page.selectOption('[data-testid="assess-21"]', 'concern');
		await page.locator('[data-testid="insert-deadline"]').click();
		await waitUntil(page, 'saved', () => document.querySelector<HTMLElement>('[data-testid="save-state"]')?.dataset.state === 'saved');
		await page.reload();
		await page.locator('[data-testid="obs-text"]').waitFor();
		await waitUntil(page, 'the text is back', () => document.querySelector<HTMLTextAreaElement>('[data-testid="obs-text"]').value.startsWith('Cambodia reported progress.'));
		const text = await page.inputValue('[data-testid="obs-text"]');
		// The inserted fact says the date it speaks for (the meeting's first day) and cites its decision.
		assert.match(text, /On 2024-06-18, the Article 5 deadline in force for Cambodia was 2025-12-31\. \(source: Extension granted by the 4RC \(2019\)\)/);
		assert.equal(await page.inputValue('[data-testid="assess-21"]'), 'concern');

		await page.goto('/committees/article5?meeting=IM2024');
		await page.locator('[data-chart="assessment-matrix"] svg').first().waitFor();
		assert.match(await page.locator('[data-chart="assessment-matrix"] table').textContent(), /Cambodia.*21.*Concern/s);

		const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-csv"]')]);
		const csvPath = await csv.path();
		const [json] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-json"]')]);
		const jsonPath = await json.path();
		const [docx] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-docx"]')]);
		const xml = strFromU8(unzipSync(fs.readFileSync(await docx.path()))['word/document.xml']);
		assert.match(xml, /Cambodia/);
		assert.match(xml, /Cambodia reported progress\./);
		assert.match(xml, /2025-12-31/, 'the inserted figure');

		// Re-importing our own export changes nothing.
		await page.setInputFiles('[data-testid="import-observations"]', [{ name: 'mine.csv', mimeType: 'text/csv', buffer: fs.readFileSync(csvPath) }]);
		await page.locator('[data-testid="import-report"]').waitFor();
		assert.match(await page.locator('[data-testid="import-report"]').textContent(), /0 .*added.*1 .*identical.*0 .*conflict/);

		// A colleague's version with a different text: both shown, nothing overwritten.
		const theirs = JSON.parse(fs.readFileSync(jsonPath, 'utf8'));
		theirs.rows = theirs.rows.map((r) => (r.action === null ? { ...r, text: 'Colleague text.' } : r));
		await page.setInputFiles('[data-testid="import-observations"]', [
			{ name: 'theirs.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(theirs)) }
		]);
		const conflict = page.locator('[data-testid="conflict"]');
		await conflict.waitFor();
		assert.match(await conflict.locator('[data-side="mine"]').textContent(), /Cambodia reported progress/);
		assert.match(await conflict.locator('[data-side="theirs"]').textContent(), /Colleague text\./);
		await conflict.locator('[data-testid="keep-theirs"]').click();
		await page.goto(draftUrl('KHM'));
		await waitUntil(page, 'the chosen version is kept', () => document.querySelector<HTMLTextAreaElement>('[data-testid="obs-text"]')?.value === 'Colleague text.');
	});

	test('text typed survives a killed browser process', async ({ baseURL }) => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oap-kill-'));
		const start = async () => {
			const proc = spawn(findChromium()!, [...CHROMIUM_ARGS, `--user-data-dir=${dir}`, '--remote-debugging-port=0', 'about:blank'], { stdio: 'ignore' });
			const portFile = path.join(dir, 'DevToolsActivePort');
			for (let i = 0; i < 200 && !fs.existsSync(portFile); i++) await sleep(100);
			const port = fs.readFileSync(portFile, 'utf8').split('\n')[0];
			const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
			const context = browser.contexts()[0];
			context.setDefaultTimeout(TIMEOUT);
			const rec = new Recorder(new URL(baseURL!).origin).attach(context);
			return { proc, browser, context, rec, portFile };
		};
		let run = await start();
		try {
			const page = await run.context.newPage();
			await typeDraft(page, 'AFG', 'Text typed before the crash.', baseURL);
			// Keep typing: the last keystrokes are within the save interval when the process dies.
			await page.keyboard.type(' More', { delay: 5 });
			await sleep(1000);
			run.proc.kill('SIGKILL');
			await new Promise((r) => run.proc.once('exit', r));
			fs.rmSync(run.portFile, { force: true });
			assert.deepEqual(run.rec.problems(), []);

			run = await start();
			const again = await run.context.newPage();
			await again.goto(draftUrl('AFG', baseURL));
			await again.locator('[data-testid="obs-text"]').waitFor();
			await waitUntil(
				again,
				'the text typed before the kill is back',
				() => document.querySelector<HTMLTextAreaElement>('[data-testid="obs-text"]')?.value === 'Text typed before the crash. More'
			);
			assert.deepEqual(run.rec.problems(), []);
		} finally {
			await run.browser.close().catch(() => undefined);
			if (run.proc.exitCode === null) {
				run.proc.kill('SIGKILL');
				await new Promise((r) => run.proc.once('exit', r));
			}
			// Chromium's helper processes may still be writing the profile: removing it is best effort.
			await fs.promises.rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 300 }).catch(() => undefined);
		}
	});
});
