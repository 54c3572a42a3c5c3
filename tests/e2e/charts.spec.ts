// Charts as drawn in the browser (issue 13.1), at 390 and 1440 px: every plot at the size it was
// computed for (never scaled down), no text under 11 px, no label on another label or outside the
// plot; and the exported SVG keeps its text at 11 px or more.
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { CHART_ROUTES, openReady } from './routes';

/** Problems of every chart on the page, measured on the drawn SVG. */
async function chartProblems(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const problems: string[] = [];
		for (const fig of document.querySelectorAll('figure[data-chart]')) {
			const id = fig.getAttribute('data-chart');
			const svgs = [...fig.querySelectorAll<SVGSVGElement>('.plot svg')].filter((s) => !s.closest('[class$="-swatches"], [class*="-swatches "]'));
			const svg = svgs.filter((s) => ![...s.classList].some((c) => c.endsWith('-ramp'))).at(-1);
			if (!svg) {
				problems.push(`${id}: no plot`);
				continue;
			}
			const frame = svg.getBoundingClientRect();
			const drawnAt = Number(svg.getAttribute('width'));
			if (Math.abs(frame.width - drawnAt) > 1) problems.push(`${id}: drawn for ${drawnAt} px, shown at ${Math.round(frame.width)} px`);
			const boxes: { text: string; r: DOMRect; owner: Element }[] = [];
			for (const t of svg.querySelectorAll('text')) {
				if (t.closest('[data-mark="tip"], g[class$="-tip"]')) continue;
				const size = parseFloat(getComputedStyle(t).fontSize) * (frame.width / (drawnAt || frame.width));
				const text = t.textContent?.trim() ?? '';
				if (!text) continue;
				if (size < 10.95) problems.push(`${id}: “${text}” at ${size.toFixed(1)} px`);
				const lines = t.querySelectorAll('tspan');
				for (const el of lines.length ? [...lines] : [t]) {
					const r = el.getBoundingClientRect();
					if (r.width === 0) continue;
					boxes.push({ text: el.textContent?.trim() ?? '', r, owner: t });
					if (r.left < frame.left - 1 || r.right > frame.right + 1 || r.top < frame.top - 1 || r.bottom > frame.bottom + 1) problems.push(`${id}: “${el.textContent}” outside the plot`);
				}
			}
			// Plot's swatch legend is class="plot-…-swatches plot-…-swatches-wrap" (or without the second class).
			for (const item of fig.querySelectorAll('.plot [class$="-swatches"] > span, .plot [class*="-swatches "] > span')) {
				const size = parseFloat(getComputedStyle(item).fontSize);
				if (size < 10.95) problems.push(`${id}: legend “${item.textContent?.trim()}” at ${size} px`);
			}
			// Glyph boxes include the line's leading: count an overlap only past 2 px each way.
			for (let i = 0; i < boxes.length; i++)
				for (let j = i + 1; j < boxes.length; j++) {
					const [a, b] = [boxes[i], boxes[j]];
					if (a.owner === b.owner) continue;
					const dx = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
					const dy = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
					if (dx > 2 && dy > 2) problems.push(`${id}: “${a.text}” overlaps “${b.text}”`);
				}
		}
		return problems;
	});
}

for (const width of [390, 1440]) {
	test.describe(`charts at ${width} px`, () => {
		test.use({ viewport: { width, height: 900 } });
		for (const path of CHART_ROUTES)
			test(`${path}: unscaled, text ≥ 11 px, no label on another or outside the plot`, async ({ page }) => {
				await openReady(page, path);
				expect(await page.locator('figure[data-chart]').count()).toBeGreaterThan(0);
				expect(await chartProblems(page)).toEqual([]);
			});
	});
}

test.describe('charts in Arabic and French at 390 px', () => {
	test.use({ viewport: { width: 390, height: 900 } });
	for (const [locale, path] of [
		['ar', '/midterm'],
		['ar', '/countries/KHM'],
		['fr', '/countries/KHM']
	] as const)
		test(`${locale} ${path}`, async ({ page }) => {
			await openReady(page, path, locale);
			expect(await chartProblems(page)).toEqual([]);
		});
});

test('the checks see a problem when there is one: a plot scaled down, labels piled up', async ({ page }) => {
	await openReady(page, '/actions/21');
	await page.evaluate(() => {
		const [first, second] = [...document.querySelectorAll('figure[data-chart] .plot svg')].slice(-2);
		// The first chart's plot shown smaller than drawn; in the second, one tick label moved onto another.
		(first as SVGSVGElement).style.width = `${Number(first.getAttribute('width')) * 0.7}px`;
		const ticks = [...second.querySelectorAll('text')].filter((t) => /^\d/.test(t.textContent ?? ''));
		for (const a of ['transform', 'x', 'y']) ticks[1]?.setAttribute(a, ticks[0]?.getAttribute(a) ?? '0');
	});
	const found = await chartProblems(page);
	expect(found.some((p) => /shown at/.test(p))).toBe(true);
	expect(found.some((p) => /overlaps/.test(p))).toBe(true);
});

test('an exported SVG keeps every text at 11 px or more (as displayed at its own size)', async ({ page, browser }) => {
	await page.setViewportSize({ width: 390, height: 900 });
	await openReady(page, '/actions/21');
	const chart = page.locator('figure[data-chart]').first();
	await chart.locator('[data-testid="export-button"]').click();
	const [download] = await Promise.all([page.waitForEvent('download'), chart.locator('[role="menuitem"][data-format="svg"]').click()]);
	const svg = fs.readFileSync(await download.path(), 'utf8');
	const viewer = await browser.newPage();
	await viewer.setContent(`<!doctype html><body style="margin:0">${svg}</body>`);
	const texts = await viewer.locator('text').count();
	const small = await viewer.evaluate(() =>
		[...document.querySelectorAll('text')]
			.filter((t) => t.textContent?.trim())
			.map((t) => ({ text: t.textContent!.trim(), px: parseFloat(getComputedStyle(t).fontSize) * (t.getScreenCTM()?.a ?? 1) }))
			.filter((t) => t.px < 10.95)
	);
	await viewer.close();
	expect(texts, 'the file holds the chart’s texts').toBeGreaterThan(10);
	expect(small).toEqual([]);
});
