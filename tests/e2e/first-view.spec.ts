// Prerendered first views (issue 11): a page paints its figures and charts from the answer the build
// wrote into it while DuckDB is still held back, shows the same figures once the engine answers, and
// the engine's own figures — visibly marked — when the reader's files change them.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { Page, Route } from '@playwright/test';
import { expect, test } from './fixtures';
import { csvFile, waitForCount } from './helpers';

/** Hold back DuckDB's wasm until `release()`: the engine cannot start, whatever else the page loads. */
async function holdEngine(page: Page): Promise<{ release: () => void; held: () => number }> {
	let open!: () => void;
	const gate = new Promise<void>((r) => (open = r));
	let count = 0;
	// On the context: the wasm is fetched by DuckDB's worker, not by the page itself.
	await page.context().route(/duckdb-eh[^/]*\.wasm(\?|$)/, async (route: Route) => {
		count++;
		await gate;
		await route.continue().catch(() => undefined);
	});
	return { release: open, held: () => count };
}

const engineStarted = (page: Page) => page.evaluate(() => performance.getEntriesByName('db-ready').length > 0);
const viewState = (page: Page) => page.locator('[data-testid="view-state"]').getAttribute('data-state');

/** Every word and number of the page's main part, charts' drawings and passing status lines left out (their tables stay). */
const mainText = (page: Page) =>
	page.$eval('main', (m) => {
		const copy = m.cloneNode(true) as HTMLElement;
		copy.querySelectorAll('.plot, [role="status"], [data-testid="starting"]').forEach((e) => e.remove());
		return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
	});

test.describe('prerendered first views', () => {
	test('the overview paints its figures and chart before DuckDB starts, and the same figures after', async ({ page }) => {
		const engine = await holdEngine(page);
		await page.goto('/');
		await waitForCount(page, '[data-action]', 50);
		await page.locator('[data-chart="level-by-section"] svg').first().waitFor();
		await expect(page.locator('[data-testid="demo-banner"]'), 'the demonstration label comes with the figures').toBeVisible();
		assert.equal(await engineStarted(page), false, 'the engine has not started: the figures came with the page');
		// The engine did ask for its wasm (it is held), and the page keeps its figures meanwhile.
		await expect.poll(() => engine.held(), { message: 'the engine asks for its wasm' }).toBeGreaterThan(0);
		assert.equal(await viewState(page), 'prerendered');
		assert.match((await page.locator('[data-testid="fig-parties"]').textContent()) ?? '', /^\s*\d+\s*$/);
		const before = await mainText(page);

		engine.release();
		await expect.poll(() => viewState(page), { message: 'the engine answers' }).toBe('live');
		assert.equal(await engineStarted(page), true);
		assert.equal(await mainText(page), before, 'the engine gives the same figures on the bundled data');
		await expect(page.locator('[data-testid="view-updated"]')).toHaveCount(0);
	});

	for (const [path, ready] of [
		['/actions/21', '[data-testid="action-states"] tbody tr'],
		['/midterm', '[data-chart^="midterm-"] svg'],
		['/countries', '[data-testid="country-table"] tbody tr'],
		['/countries/KHM', '[data-testid="deadline-events-5"]'],
		['/committees/article5', '[data-testid="worklist"] tbody tr']
	] as const)
		test(`${path} shows its figures before DuckDB is ready, the same after`, async ({ page }) => {
			const engine = await holdEngine(page);
			await page.goto(path);
			await page.locator(ready).first().waitFor();
			assert.equal(await engineStarted(page), false, 'drawn before the engine started');
			assert.equal(await viewState(page), 'prerendered');
			const before = await mainText(page);
			engine.release();
			await expect.poll(() => viewState(page), { message: 'the engine answers' }).toBe('live');
			await expect(page.locator('[data-testid="view-updated"]')).toHaveCount(0);
			assert.equal(await mainText(page), before, 'the same figures from the engine');
		});

	test('a year chosen before the engine is ready keeps the page’s figures until the engine answers it', async ({ page }) => {
		const engine = await holdEngine(page);
		await page.goto('/midterm');
		await page.locator('[data-chart^="midterm-"] svg').first().waitFor();
		await page.selectOption('[data-testid="to"]', '2024');
		await page.waitForURL((u) => u.searchParams.get('to') === '2024');
		await expect(page.locator('[data-group]'), 'the sections stay on screen').toHaveCount(8);
		engine.release();
		await expect(page.locator('[data-testid="midterm-summary"]')).toContainText('2024');
		assert.equal(await viewState(page), 'live');
		await expect(page.locator('[data-testid="view-updated"]')).toHaveCount(0);
	});

	test('after the reader loads a file, a new visit shows the bundled figures first, then the live ones, marked as updated', async ({ page }) => {
		await page.goto('/data');
		await page.locator('[data-testid="file-input"]').waitFor();
		// A second indicator for Action 1, reported by Norway for 2024.
		await page.setInputFiles('[data-testid="file-input"]', [
			csvFile('indicators.csv', 'indicator_id,action,label,unit,polarity,applies_to,source\nE2E.FIRST,1,First view check,count,higher_is_better,all,e2e first view\n'),
			csvFile('values.csv', 'indicator_id,iso3,year,value,source\nE2E.FIRST,NOR,2024,7,e2e first view\n')
		]);
		await waitForCount(page, '[data-testid="load-ok"]', 2);

		const engine = await holdEngine(page);
		await page.goto('/');
		const tile = page.locator('[data-action="1"] [data-testid="tile-coverage"]');
		await tile.waitFor();
		assert.equal(await viewState(page), 'prerendered');
		const bundled = (await tile.textContent())!.replace(/\s+/g, ' ');
		const indicators = (s: string) => Number(/(\d+) indicators?/.exec(s)?.[1]);
		assert.ok(indicators(bundled) >= 1, `the bundled tile counts its indicators: ${bundled}`);
		await expect(page.locator('[data-testid="view-pending"]'), 'the page says the reader’s files are still to come').toBeVisible();
		await expect(page.locator('[data-testid="view-updated"]')).toHaveCount(0);

		engine.release();
		await expect(page.locator('[data-testid="view-updated"]'), 'the change is said, not silent').toBeVisible();
		await expect(page.locator('[data-testid="view-pending"]')).toHaveCount(0);
		assert.equal(await viewState(page), 'live');
		await expect.poll(async () => indicators((await tile.textContent())!), { message: 'the tile counts the loaded indicator' }).toBe(indicators(bundled) + 1);
	});
});

test.describe('the first view is in the document itself (scripts off)', () => {
	test.use({ javaScriptEnabled: false });

	for (const [path, chart] of [
		['/', 'level-by-section'],
		['/actions/21', ''],
		['/midterm', ''],
		['/countries/KHM', '']
	] as const)
		test(`${path}: its figures and charts are drawn by the build`, async ({ page }) => {
			await page.goto(path);
			const charts = page.locator(`figure[data-chart${chart ? `="${chart}"` : ''}] .plot svg [data-mark]`);
			assert.ok((await charts.count()) > 0, 'a chart with its marks is in the document');
			await expect(page.locator('h1')).toBeVisible();
		});

	test('the overview’s figures are the engine’s, and what speaks for today is left to the browser', async ({ page, newContext }) => {
		await page.goto('/');
		const documentParties = (await page.locator('[data-testid="fig-parties"]').textContent())?.trim();
		assert.match(documentParties ?? '', /^\d+$/);
		await expect(page.locator('.figures dd').last(), 'withdrawals “by today” are counted in the browser').toHaveText('…');
		const live = await (await newContext({ javaScriptEnabled: true })).newPage();
		await live.goto('/');
		await expect.poll(() => viewState(live), { message: 'the engine answers' }).toBe('live');
		assert.equal((await live.locator('[data-testid="fig-parties"]').textContent())?.trim(), documentParties);
		await expect(live.locator('.figures dd').last()).toHaveText(/^\d+$/);
	});
});

/** The file of Observable Plot's chunk in this build (the charts' drawing code, loaded on demand). */
function plotChunk(): string {
	const manifest = JSON.parse(fs.readFileSync('.svelte-kit/output/client/.vite/manifest.json', 'utf8'));
	const file = (Object.values(manifest) as { file: string; name?: string }[]).find((c) => c.name === 'plot-api')?.file;
	assert.ok(file, 'the build has a chunk of its own for Plot');
	return file.split('/').pop();
}

/** The chart's drawing width (Plot's svg `width`) beside its frame's width. */
const drawnWidth = (page: Page, chart: string) =>
	page.$eval(`${chart} .plot`, (host) => ({ svg: Number(host.querySelector('svg[class^="plot-"]')?.getAttribute('width')), frame: host.clientWidth }));

test.describe('Observable Plot is not part of the first view', () => {
	test('in a wide window the document’s chart stands until the engine answers; then Plot is fetched and the chart drawn at its frame’s width', async ({ page }) => {
		const chunk = plotChunk();
		const asked: string[] = [];
		page.on('request', (r) => asked.push(new URL(r.url()).pathname));
		const engine = await holdEngine(page);
		await page.goto('/');
		await page.locator('html[data-app="running"]').waitFor({ state: 'attached' });
		await page.locator('[data-chart="level-by-section"] svg').first().waitFor();
		await page.waitForTimeout(500);
		assert.equal(await engineStarted(page), false);
		assert.equal(asked.filter((p) => p.endsWith(chunk)).length, 0, 'Plot is not fetched while the document’s drawing is true');
		const held = await drawnWidth(page, '[data-chart="level-by-section"]');
		assert.equal(held.svg, 640, 'the drawing the document came with');
		assert.ok(held.frame > 640, `a frame wider than the drawing (${held.frame} px)`);

		engine.release();
		await expect.poll(() => asked.some((p) => p.endsWith(chunk)), { message: 'Plot is fetched once the engine answers' }).toBe(true);
		await expect.poll(async () => { const w = await drawnWidth(page, '[data-chart="level-by-section"]'); return w.svg === w.frame; }, { message: 'drawn again at the frame’s width' }).toBe(true);
	});

	test('in a narrow window, or in another language, the chart is drawn by the app before the engine is ready', async ({ page, newContext }) => {
		await page.setViewportSize({ width: 390, height: 800 });
		const engine = await holdEngine(page);
		await page.goto('/actions/21');
		await expect.poll(async () => { const w = await drawnWidth(page, '[data-chart^="ind-"]'); return w.svg === w.frame && w.frame < 560; }, { message: 'drawn at the narrow frame’s width' }).toBe(true);
		assert.equal(await engineStarted(page), false);
		engine.release();

		const ctx = await newContext({ locale: 'fr-FR' });
		const fr = await ctx.newPage();
		const frEngine = await holdEngine(fr);
		await fr.goto('/');
		await fr.locator('html[data-app="running"]').waitFor({ state: 'attached' });
		await expect(fr.locator('[data-chart="level-by-section"] .plot')).toContainText('En bonne voie');
		await expect(fr.locator('[data-chart="level-by-section"] .plot')).not.toContainText('On track');
		assert.equal(await engineStarted(fr), false);
		frEngine.release();
	});
});

test('a host that sends the engine’s wasm as another content type: the engine compiles it from its bytes and starts', async ({ page }) => {
	// Streaming compilation refuses anything but application/wasm: the page's inline compile fails and the
	// engine's worker fetches the bytes itself (db/engine-worker.js).
	await page.context().route(/duckdb-eh[^/]*\.wasm(\?|$)/, async (route: Route) => {
		const response = await route.fetch();
		await route.fulfill({ response, headers: { ...response.headers(), 'content-type': 'application/octet-stream' } });
	});
	await page.goto('/');
	await expect.poll(() => viewState(page), { message: 'the engine answers' }).toBe('live');
	assert.equal(await engineStarted(page), true);
});

test('a link to another year never shows the document’s year first', async ({ page }) => {
	// The year chosen on every painted frame, from the document's start (the document is for the latest year).
	await page.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { __seen: string[] }).__seen = seen;
		const tick = () => {
			const s = document.querySelector<HTMLSelectElement>('[data-testid="year"]');
			if (s && getComputedStyle(s).visibility === 'visible') seen.push(s.value);
			requestAnimationFrame(tick);
		};
		requestAnimationFrame(tick);
	});
	await page.goto('/?year=2021');
	await expect(page.locator('[data-testid="year"]')).toHaveValue('2021');
	await expect.poll(() => viewState(page), { message: 'the engine answers' }).toBe('live');
	const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
	assert.ok(seen.length > 0, 'the year select was seen');
	assert.deepEqual([...new Set(seen)], ['2021'], 'only the year the link asks for was ever on screen');
});

test.describe('nothing to choose or type before the app runs (scripts off)', () => {
	test.use({ javaScriptEnabled: false });
	// A file chosen or text typed into the prerendered document would be lost when the app takes it over.
	for (const path of ['/data', '/sql', '/committees/article5', '/committees/article5/draft?state=KHM'])
		test(`${path}: no file input and no text box in the document`, async ({ page }) => {
			await page.goto(path);
			await expect(page.locator('input[type="file"], textarea')).toHaveCount(0);
		});
});
