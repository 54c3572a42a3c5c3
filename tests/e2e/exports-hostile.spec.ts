// Exports stay well-formed when the data hold characters XML forbids (U+0001, U+000B, U+FFFE): the
// chart's SVG parses, its PNG is made, the basket's PowerPoint and ZIP are made, a Word file parses.
import fs from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import pngjs from 'pngjs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { article5States, csvFile, waitUntil } from './helpers';

async function exportAs(page: Page, chart: Locator, format: string) {
	await chart.locator('[data-testid="export-button"]').click();
	const item = chart.locator(`[role="menuitem"][data-format="${format}"]`);
	await item.waitFor();
	const [download] = await Promise.all([page.waitForEvent('download'), item.click()]);
	return fs.readFileSync(await download.path());
}

/** The number of XML parse errors the browser finds in `xml` (0: well-formed). */
const parseErrors = (page: Page, xml: string) =>
	page.evaluate((text) => new DOMParser().parseFromString(text, 'application/xml').getElementsByTagName('parsererror').length, xml);

const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

test.use({ dialogs: 'accept' });

test('U+0001, U+000B and U+FFFE in a State name and an indicator label: SVG, PNG, PPTX, ZIP and Word are well-formed', async ({ page }) => {
	const label = 'Area\u0001 released\u000B (control\uFFFE test)';
	const [a, b] = article5States(2019, 2024);
	await page.goto('/data');
	await waitUntil(page, 'the bundled data are in', () => Number(document.querySelector('[data-testid="rows-states"]')?.textContent?.replace(/\D/g, '')) > 0);
	await page.locator('[data-testid="file-input"]').setInputFiles([
		csvFile('ctl-states.csv', 'iso3,name,region,source\nZZX,Cam\u0001bo\u000Bland\uFFFE,Europe,e2e control\n'),
		csvFile('ctl-indicators.csv', `indicator_id,action,label,unit,polarity,applies_to,target,disaggregated,source\nE2E.CTL,21,"${label}",km2,higher_is_better,article5,,false,e2e control\n`),
		csvFile('ctl-values.csv', `indicator_id,iso3,year,value,source\nE2E.CTL,${a},2023,5,e2e control\nE2E.CTL,${b},2024,7,e2e control\n`)
	]);
	await waitUntil(page, 'three files have an outcome', () => document.querySelectorAll('[data-testid="load-ok"], [data-testid="load-error"]').length >= 3);
	await expect(page.locator('[data-testid="load-ok"]')).toHaveCount(3);

	// The chart titled with the label: SVG parses, holds the title without the controls, PNG is a PNG.
	await page.locator('header nav a[href$="/"]').first().click();
	await page.locator('[data-action="21"] a').first().click();
	const chart = page.locator('[data-chart="ind-E2E.CTL"]');
	await chart.locator('.plot svg').first().waitFor();
	const svg = (await exportAs(page, chart, 'svg')).toString('utf8');
	expect(FORBIDDEN.test(svg), 'no character XML forbids').toBe(false);
	expect(await parseErrors(page, svg)).toBe(0);
	expect(svg.includes('<title>E2E.CTL · Area released (control test)</title>'), 'the title, without the controls').toBe(true);
	const png = pngjs.PNG.sync.read(await exportAs(page, chart, 'png2'));
	expect(png.width).toBeGreaterThan(500);

	// The map (every State's name in its data) as SVG.
	await page.locator('header nav a[href$="countries"]').click();
	const map = page.locator('[data-chart="map"]');
	await map.locator('.plot svg').first().waitFor();
	const mapSvg = (await exportAs(page, map, 'svg')).toString('utf8');
	expect(await parseErrors(page, mapSvg)).toBe(0);
	const mapCsv = (await exportAs(page, map, 'csv')).toString('utf8');
	expect(mapCsv.includes('Cam\u0001bo\u000Bland\uFFFE'), 'CSV is not XML: the name is kept as loaded').toBe(true);

	// Into the basket; PowerPoint and ZIP of PNGs are made and every XML part of the deck parses.
	await page.locator('header nav a[href$="/"]').first().click();
	await page.locator('[data-action="21"] a').first().click();
	await chart.locator('.plot svg').first().waitFor();
	await chart.locator('[data-testid="export-button"]').click();
	await chart.locator('[data-format="basket"]').click();
	await expect(chart.locator('[data-testid="export-status"]')).toHaveAttribute('data-outcome', 'done');
	await page.locator('header nav a[href$="basket"]').click();
	await page.locator('[data-basket-item]').first().waitFor();
	const [pptx] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="basket-pptx"]').click()]);
	const deck = unzipSync(new Uint8Array(fs.readFileSync(await pptx.path())));
	const parts = Object.keys(deck).filter((f) => f.endsWith('.xml'));
	expect(parts.length).toBeGreaterThan(10);
	for (const f of parts) expect(await parseErrors(page, strFromU8(deck[f])), f).toBe(0);
	expect(strFromU8(deck['ppt/slides/slide1.xml']).includes('Area released (control test)'), 'the slide title, without the controls').toBe(true);
	const [zip] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="basket-zip"]').click()]);
	const pngs = unzipSync(new Uint8Array(fs.readFileSync(await zip.path())));
	expect(Object.keys(pngs)).toHaveLength(1);
	expect(pngjs.PNG.sync.read(Buffer.from(Object.values(pngs)[0])).width).toBe(1920);

	// A draft whose text holds the controls: the Word file's XML parses and keeps the text.
	await page.goto('/committees/article5/draft?meeting=IM2024&state=KHM');
	await page.locator('[data-testid="obs-text"]').fill('Cam\u0001bodia\u000B reported\uFFFE progress.');
	await waitUntil(page, 'saved', () => document.querySelector<HTMLElement>('[data-testid="save-state"]')?.dataset.state === 'saved');
	await page.goto('/committees/article5?meeting=IM2024');
	await page.locator('[data-testid="worklist"] tbody tr').first().waitFor();
	const [docx] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-docx"]')]);
	const word = unzipSync(new Uint8Array(fs.readFileSync(await docx.path())));
	for (const f of Object.keys(word).filter((n) => n.endsWith('.xml'))) expect(await parseErrors(page, strFromU8(word[f])), f).toBe(0);
	expect(strFromU8(word['word/document.xml']).includes('Cambodia reported progress.'), 'the text, without the controls').toBe(true);
});
