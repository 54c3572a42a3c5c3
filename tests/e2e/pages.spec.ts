// The pages as a reader sees them: overview, one action, the SQL console, the language switch.
import assert from 'node:assert/strict';
import { expect, test } from './fixtures';
import { waitForCount, waitUntil } from './helpers';

test.describe('overview /', () => {
	test('50 action tiles in 8 sections, each with level and trend in words; demo banner; a chart; nothing fetched from elsewhere', async ({
		page,
		recorder: rec
	}) => {
		await page.goto('/');
		await page.locator('[data-action]').first().waitFor();
		await waitForCount(page, '[data-action]', 50);

		const tiles = await page.$$eval('[data-action]', (els) =>
			els.map((el) => ({
				n: el.getAttribute('data-action'),
				section: el.closest('section')?.id || el.closest('section')?.getAttribute('aria-labelledby') || null,
				statuses: [...el.querySelectorAll('[data-status]')].map((s) => {
					const copy = s.cloneNode(true) as Element;
					copy.querySelectorAll('[aria-hidden="true"]').forEach((x) => x.remove());
					const box = s.getBoundingClientRect();
					return { key: s.getAttribute('data-status'), text: copy.textContent.trim(), visible: box.width > 0 && box.height > 0 };
				})
			}))
		);
		const numbers = tiles.map((t) => Number(t.n)).sort((a, b) => a - b);
		assert.deepEqual(
			numbers,
			Array.from({ length: 50 }, (_, i) => i + 1),
			'actions 1..50, each exactly once'
		);

		assert.ok(
			tiles.every((t) => t.section),
			'every tile sits in a section'
		);
		assert.equal(new Set(tiles.map((t) => t.section)).size, 8, 'tiles grouped in 8 sections');

		for (const t of tiles) {
			assert.ok(t.statuses.length >= 2, `action ${t.n} shows a level and a trend (found ${t.statuses.length} [data-status])`);
			for (const s of t.statuses) {
				assert.ok(s.visible, `action ${t.n}: status ${s.key} is visible`);
				assert.match(s.text, /\p{L}{2,}/u, `action ${t.n}: status ${s.key} is said in words, not colour only (text: “${s.text}”)`);
			}
		}

		await page.locator('[data-testid="demo-banner"]').waitFor({ state: 'visible' });
		await page.locator('[data-chart] svg').first().waitFor();
		assert.ok(await page.locator('[data-chart] svg').first().isVisible(), 'the overview chart is drawn');

		// The offline check sees the worker's requests too: DuckDB's wasm must be among them. The figures come
		// with the page (prerendered), so the engine may still be starting when they show: wait for its request.
		await expect
			.poll(() => rec.requests.some((u) => /\.wasm(\?|$)/.test(u)), {
				message: 'the request log includes the DuckDB wasm (the log is live)',
				timeout: 45_000
			})
			.toBe(true);
	});
});

test.describe('action page /actions/21', () => {
	test('charts with marks; states table sorted by a header button, through the URL', async ({ page }) => {
		await page.goto('/actions/21');
		await page.locator('[data-chart] svg').first().waitFor();
		const marks = await page.locator('[data-chart] svg path, [data-chart] svg circle').count();
		assert.ok(marks > 0, 'a chart has path or circle marks');
		const lineOrDot = await page.locator('[data-chart] svg g[data-mark="line"] path, [data-chart] svg g[data-mark="dot"] circle').count();
		assert.ok(lineOrDot > 0, 'a chart has line or dot marks (not only axes)');

		const rows = page.locator('[data-testid="action-states"] tbody tr');
		await rows.first().waitFor();
		const order = () => page.$$eval('[data-testid="action-states"] tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-iso3') || tr.textContent.trim()));
		const before = await order();
		assert.ok(before.length > 0, 'the states table has rows');
		assert.ok(!new URL(page.url()).searchParams.has('sort'), 'no sort in the URL at first');

		const headerButtons = page.locator('[data-testid="action-states"] thead button');
		assert.ok((await headerButtons.count()) >= 2, 'sortable column headers are buttons');
		// The second sortable column (region): its order differs from the default (by name).
		await headerButtons.nth(1).click();
		await page.waitForURL((u) => u.searchParams.has('sort'));
		const sort1 = new URL(page.url()).searchParams.get('sort');
		await waitUntil(
			page,
			`the rows are reordered after sorting by ${sort1}`,
			(b) => {
				const now = [...document.querySelectorAll('[data-testid="action-states"] tbody tr')].map((tr) => tr.getAttribute('data-iso3') || tr.textContent.trim());
				return now.length === b.length && now.join() !== b.join();
			},
			before
		);
		const after1 = await order();
		assert.notDeepEqual(after1, before, `sorting by ${sort1} changes the order`);
		assert.deepEqual([...after1].sort(), [...before].sort(), 'the same rows, reordered');

		// Again: the other direction, also in the URL.
		await headerButtons.nth(1).click();
		await page.waitForURL((u) => u.searchParams.get('sort') !== sort1);
		const sort2 = new URL(page.url()).searchParams.get('sort');
		assert.ok(sort2 && sort2 !== sort1, `second click changes ?sort= (${sort1} → ${sort2})`);
		await waitUntil(
			page,
			`the rows are reordered again (${sort2})`,
			(b) => {
				const now = [...document.querySelectorAll('[data-testid="action-states"] tbody tr')].map((tr) => tr.getAttribute('data-iso3') || tr.textContent.trim());
				return now.join() !== b.join();
			},
			after1
		);

		// The URL alone reproduces the view.
		await page.goto(page.url());
		await rows.first().waitFor();
		await waitUntil(
			page,
			'all rows are back after opening the ?sort= link',
			(n) => document.querySelectorAll('[data-testid="action-states"] tbody tr').length === n,
			before.length
		);
		assert.notDeepEqual(await order(), before, 'a copied ?sort= link opens sorted');
	});
});

test.describe('SQL console /sql', () => {
	test('?q=SELECT 42 AS answer shows the query, runs it only on Run, then shows 42', async ({ page }) => {
		await page.goto('/sql?q=' + encodeURIComponent('SELECT 42 AS answer'));
		await page.locator('[data-testid="sql-linked"]').waitFor();
		await waitUntil(page, 'the data-ready mark', () => performance.getEntriesByName('data-ready').length > 0);
		await page.waitForTimeout(300);
		await expect(page.locator('[data-testid="sql-result"]'), 'a linked query does not run by itself').toHaveCount(0);
		await page.locator('[data-testid="sql-run"]').click();
		const result = page.locator('[data-testid="sql-result"]');
		await result.waitFor();
		await expect(page.locator('[data-testid="sql-linked"]')).toHaveCount(0);
		assert.equal((await result.locator('thead th').first().textContent()).trim(), 'answer');
		assert.equal((await result.locator('tbody td').first().textContent()).trim(), '42');
		assert.equal(await page.locator('[data-testid="sql-text"]').inputValue(), 'SELECT 42 AS answer', 'the query from the URL is in the textarea');
	});

	test('typed text survives the engine starting and running the query', async ({ page }) => {
		await page.goto('/sql');
		const box = page.locator('[data-testid="sql-text"]');
		await box.waitFor();
		const typed = "SELECT 6 * 7 AS product, 'typed' AS note";
		await box.fill(typed);
		// Let DuckDB finish starting (the example query or nothing runs), then check the text is still ours.
		await waitUntil(page, 'the data-ready mark', () => performance.getEntriesByName('data-ready').length > 0);
		await page.waitForTimeout(300);
		assert.equal(await box.inputValue(), typed, 'typed text kept while the app starts');

		await page.locator('[data-testid="sql-run"]').click();
		await page.waitForURL((u) => u.searchParams.get('q') === typed);
		const result = page.locator('[data-testid="sql-result"]');
		await waitUntil(page, 'the result of the typed query is shown', () =>
			[...document.querySelectorAll('[data-testid="sql-result"] thead th')].some((th) => th.textContent.trim() === 'product')
		);
		assert.equal((await result.locator('tbody td').first().textContent()).trim(), '42');
		assert.equal(await box.inputValue(), typed, 'typed text kept after running');

		// Keep typing after the run: the text is not replaced by the URL's query.
		await box.fill(typed + ' -- more');
		await page.waitForTimeout(300);
		assert.equal(await box.inputValue(), typed + ' -- more', 'text typed after a run is kept');
	});

	test('a failing query shows the error, not a crash', async ({ page }) => {
		await page.goto('/sql?q=' + encodeURIComponent('SELECT * FROM no_such_table'));
		await page.locator('[data-testid="sql-run"]').click();
		const err = page.locator('[data-testid="sql-error"]');
		await err.waitFor();
		assert.match(await err.textContent(), /no_such_table/);
	});
});

test.describe('language', () => {
	test('choosing fr sets <html lang="fr">; ar sets dir="rtl"', async ({ page }) => {
		await page.goto('/');
		await page.locator('[data-action]').first().waitFor();
		const select = page.locator('header select');
		await select.waitFor();
		const codes = await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
		assert.ok(codes.includes('fr'), `a French option (options: ${codes.join(', ')})`);
		const title = await page.locator('h1').first().textContent();

		await select.selectOption('fr');
		await waitUntil(page, '<html lang> is fr', () => document.documentElement.lang === 'fr');
		assert.equal(await page.evaluate(() => document.documentElement.dir || 'ltr'), 'ltr');
		await waitUntil(page, 'the page title is translated', (t) => document.querySelector('h1')?.textContent !== t, title);

		// The choice is kept across a reload.
		await page.reload();
		await page.locator('[data-action]').first().waitFor();
		await waitUntil(page, '<html lang> is still fr after a reload', () => document.documentElement.lang === 'fr');
		assert.equal(await select.inputValue(), 'fr');

		// Arabic is one of the languages the dashboard must offer: it reads right to left.
		assert.ok(codes.includes('ar'), `an Arabic option (options: ${codes.join(', ')})`);
		await select.selectOption('ar');
		await waitUntil(page, '<html lang="ar" dir="rtl">', () => document.documentElement.lang === 'ar' && document.documentElement.dir === 'rtl');
		await waitUntil(page, 'the page title is in Arabic', () => /[\u0600-\u06ff]/.test(document.querySelector('h1')?.textContent ?? ''));

		await select.selectOption('en');
		await waitUntil(page, '<html lang="en"> and ltr again', () => document.documentElement.lang === 'en' && (document.documentElement.dir || 'ltr') === 'ltr');
	});
});
