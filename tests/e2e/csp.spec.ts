// The Content-Security-Policy: on every page (prerendered or the 200.html fallback), strict, and
// nothing the app does on any route breaks it (no securitypolicyviolation event, no console report).
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ROOT } from './helpers';

const ROUTES: [string, string][] = [
	['/', '[data-action]'],
	['/midterm', '[data-chart] .plot svg'],
	['/countries', '[data-testid="country-table"] tbody tr'],
	['/countries/KHM', '[data-testid="country-actions"]'],
	['/countries/KHM/brief', 'main h1'],
	['/countries/ZZZ', '[data-testid="country-not-found"]'], // not prerendered: the 200.html fallback
	['/actions/21', '[data-chart] .plot svg'],
	['/committees', 'main h2 a'],
	['/committees/article5?meeting=IM2024', '[data-testid="worklist"] tbody tr'],
	['/committees/article5/draft?meeting=IM2024&state=KHM', '[data-testid="obs-text"]'],
	['/data', '[data-testid="rows-states"]'],
	['/sql', '[data-testid="sql-text"]'],
	['/basket', 'main h1']
];

const policyOf = (html: string) => /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1] ?? null;

test('every built page carries the strict policy', () => {
	const pages = fs.readdirSync(path.join(ROOT, 'build'), { recursive: true }).map(String).filter((f) => f.endsWith('.html'));
	expect(pages.length).toBeGreaterThan(20);
	for (const f of pages) {
		const policy = policyOf(fs.readFileSync(path.join(ROOT, 'build', f), 'utf8'));
		expect(policy, f).not.toBeNull();
		const d = Object.fromEntries(policy!.split(';').map((x) => x.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
		expect(d['default-src'], f).toEqual(["'self'"]);
		expect(d['script-src'].filter((s: string) => !s.startsWith("'sha256-")), f).toEqual(["'self'", "'wasm-unsafe-eval'"]);
		expect(d['worker-src'], f).toEqual(["'self'", 'blob:']);
		expect(d['connect-src'], f).toEqual(["'self'"]);
		expect(d['object-src'], f).toEqual(["'none'"]);
		expect(d['base-uri'], f).toEqual(["'none'"]);
		expect(d['form-action'], f).toEqual(["'none'"]);
		expect(policy!.split(/[\s;]+/), f).not.toContain("'unsafe-eval'");
	}
});

test.describe('no route breaks the policy', () => {
	test.beforeEach(async ({ page }) =>
		page.addInitScript(() => {
			(window as unknown as { violations: string[] }).violations = [];
			document.addEventListener('securitypolicyviolation', (e) =>
				(window as unknown as { violations: string[] }).violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`)
			);
		})
	);
	const violations = (page: Page) => page.evaluate(() => (window as unknown as { violations: string[] }).violations);

	for (const [route, ready] of ROUTES)
		test(route, async ({ page }) => {
			await page.goto(route);
			await page.locator(ready).first().waitFor();
			await page.waitForFunction(() => performance.getEntriesByName('data-ready').length > 0);
			expect(await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content')).toContain("default-src 'self'");
			expect(await violations(page)).toEqual([]);
		});

	test('the console’s own engine (a second worker) and a PNG drawn through a blob: image', async ({ page }) => {
		await page.goto('/sql');
		await page.locator('[data-testid="sql-run"]').click();
		await page.locator('[data-testid="sql-result"]').waitFor();
		await page.locator('header nav a[href$="/"]').first().click();
		await page.locator('[data-action="21"] a').first().click();
		const chart = page.locator('[data-chart="ind-A21.1"]');
		await chart.locator('.plot svg').first().waitFor();
		await chart.locator('[data-testid="export-button"]').click();
		const [download] = await Promise.all([page.waitForEvent('download'), chart.locator('[data-format="png2"]').click()]);
		expect(download.suggestedFilename()).toMatch(/\.png$/);
		expect(await violations(page)).toEqual([]);
	});
});
