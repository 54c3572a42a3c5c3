// Export for panels: every chart as PNG, SVG, CSV and Parquet through real downloads; the panel basket
// kept across reloads and exported as a PowerPoint deck and a ZIP of PNGs; non-Latin titles survive.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { parquetReadObjects } from 'hyparquet';
import pngjs from 'pngjs';
import { expect, test } from './fixtures';
import { article5States, csvFile, waitForCount, waitUntil } from './helpers';

/** Open `chart`'s export menu, choose `format` (data-format), and return the downloaded file. */
async function exportAs(page, chart, format) {
	await chart.locator('[data-testid="export-button"]').click();
	const item = chart.locator(`[role="menuitem"][data-format="${format}"]`);
	await item.waitFor();
	const [download] = await Promise.all([page.waitForEvent('download'), item.click()]);
	return { name: download.suggestedFilename(), bytes: fs.readFileSync(await download.path()) };
}

async function openChart(page, path, selector) {
	await page.goto(path);
	// The engine's answer, not the one the page was prerendered with: exports of loaded data follow it.
	await page.locator('[data-testid="view-state"][data-state="live"]').waitFor({ state: 'attached' });
	const chart = page.locator(selector).first();
	await chart.locator('.plot svg').first().waitFor();
	return chart;
}

/**
 * A PNG that is a picture, not blank: its size, colours used by more than a few pixels, and ink
 * (dark text pixels) in the top band, where the title is: the embedded font did render.
 */
function readPng(bytes) {
	const png = pngjs.PNG.sync.read(bytes);
	const counts = new Map();
	let inkTop = 0;
	for (let i = 0; i < png.data.length; i += 4) {
		const [r, g, b] = [png.data[i], png.data[i + 1], png.data[i + 2]];
		const k = ((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4);
		counts.set(k, (counts.get(k) ?? 0) + 1);
		if (i / 4 < png.width * Math.round(png.height * 0.12) && r < 80 && g < 80 && b < 80) inkTop++;
	}
	const colours = [...counts.values()].filter((n) => n >= 30).length;
	const white = counts.get(0xfff) ?? 0;
	return { width: png.width, height: png.height, colours, inkTop, whiteShare: white / (png.width * png.height) };
}

function assertPicture(p, what) {
	assert.ok(p.colours >= 5, `${what}: at least 5 distinct colours (found ${p.colours})`);
	assert.ok(p.whiteShare > 0.3 && p.whiteShare < 0.995, `${what}: a white background with a drawing on it (white ${p.whiteShare.toFixed(3)})`);
	assert.ok(p.inkTop > 50, `${what}: the title is drawn (dark pixels in the top band: ${p.inkTop})`);
}

/** CSV checks shared by every chart: BOM, CRLF, and the same number of rows as the chart's data table. */
async function assertCsv(chart, bytes) {
	assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte order mark');
	const text = bytes.toString('utf8').slice(1);
	assert.ok(text.endsWith('\r\n') && !/[^\r]\n/.test(text), 'every line ends with CRLF');
	const lines = text.split('\r\n').slice(0, -1);
	const tableRows = await chart.locator('details tbody tr').count();
	assert.equal(lines.length - 1, tableRows, 'the CSV has the rows of the chart’s data table');
	const headers = await chart.locator('details thead th').allTextContents();
	assert.equal(lines[0], headers.map((h) => (/[",]/.test(h) ? `"${h.replace(/"/g, '""')}"` : h)).join(','), 'header: the table’s column labels');
	return lines;
}

async function svgOf(page, bytes) {
	const svg = bytes.toString('utf8');
	const ok = await page.evaluate((s) => {
		const doc = new DOMParser().parseFromString(s, 'image/svg+xml');
		return !doc.querySelector('parsererror') && doc.documentElement.localName === 'svg';
	}, svg);
	assert.ok(ok, 'the SVG is well-formed XML with an <svg> root');
	return svg;
}

test.describe('exporting one chart', () => {
	test('overview /: PNG 2× of the displayed size, SVG with title, legend and source, CSV of the table', async ({ page }) => {
		const chart = await openChart(page, '/', '[data-chart="level-by-section"]');
		const title = (await chart.locator('.title').textContent()).trim();
		const legend = (await chart.locator('.plot figure span').allTextContents()).map((s) => s.trim()).filter(Boolean);
		assert.ok(legend.length >= 2, `the chart has a legend (${legend})`);

		const png = await exportAs(page, chart, 'png2');
		assert.match(png.name, /-2x\.png$/);
		const frame = await chart.evaluate((el) => el.offsetWidth);
		const plotHeight = await chart
			.locator('.plot svg:not([class$="-ramp"])')
			.last()
			.evaluate((el) => el.getBoundingClientRect().height);
		const p = readPng(png.bytes);
		assert.equal(p.width, 2 * frame, `PNG width is 2 × the displayed chart width (${frame})`);
		assert.ok(p.height > 2 * plotHeight, `PNG height (${p.height}) holds the plot at 2× (${plotHeight}) plus title and footer`);
		assertPicture(p, 'overview PNG');

		const svg = await svgOf(page, (await exportAs(page, chart, 'svg')).bytes);
		assert.ok(svg.includes(title), `the SVG holds the title “${title}”`);
		for (const l of legend) assert.ok(svg.includes(l), `the SVG holds the legend label “${l}”`);
		assert.ok(svg.includes('Source: demonstration'), 'the SVG names the source');
		assert.ok(svg.includes('Oslo Action Plan progress'), 'the SVG names the dashboard');
		assert.ok(svg.includes('Demonstration data'), 'the SVG says the data are demonstration data');
		assert.ok(/@font-face\{font-family:'OAP Export Sans'[^}]*data:font\/woff2;base64,/.test(svg), 'the SVG embeds its font');
		assert.ok(svg.includes('fill="#ffffff"'), 'explicit white background');

		const csv = await exportAs(page, chart, 'csv');
		assert.match(csv.name, /\.csv$/);
		await assertCsv(chart, csv.bytes);
	});

	test('action page /actions/21: PNG at 1920×1080 re-laid out, SVG, CSV and Parquet of the same rows', async ({ page }) => {
		const chart = await openChart(page, '/actions/21', '[data-chart="ind-A21.1"]');
		const title = (await chart.locator('.title').textContent()).trim();

		const panel = await exportAs(page, chart, 'panel');
		assert.match(panel.name, /1920x1080\.png$/);
		const p = readPng(panel.bytes);
		assert.deepEqual([p.width, p.height], [1920, 1080], 'panel size');
		assertPicture(p, 'panel PNG');

		const svg = await svgOf(page, (await exportAs(page, chart, 'svg')).bytes);
		assert.ok(svg.includes(title.replace(/&/g, '&amp;')), 'the SVG holds the title');
		assert.ok(svg.includes('Data up to 2024'), 'the SVG states the data date');

		const lines = await assertCsv(chart, (await exportAs(page, chart, 'csv')).bytes);
		const parquet = await exportAs(page, chart, 'parquet');
		assert.match(parquet.name, /\.parquet$/);
		const bytes = parquet.bytes;
		const rows = await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) });
		assert.equal(rows.length, lines.length - 1, 'Parquet: the same rows as the CSV');
		assert.deepEqual(Object.keys(rows[0]), ['year', 'value', 'reporting', 'applicable', 'source'], 'Parquet columns named by key, the values’ source last');
		assert.equal(rows[0].source, 'demonstration', 'Parquet: the demonstration label travels with the values');
		assert.match(parquet.name, /-demonstration\.parquet$/, 'the file name says demonstration');
		assert.equal(typeof rows[0].value, 'number');
	});

	test('country page /countries/KHM: PNG 3×, SVG and CSV', async ({ page }) => {
		const chart = await openChart(page, '/countries/KHM', '[data-chart^="c-"]');
		const title = (await chart.locator('.title').textContent()).trim();
		const frame = await chart.evaluate((el) => el.offsetWidth);
		const p = readPng((await exportAs(page, chart, 'png3')).bytes);
		assert.equal(p.width, 3 * frame, 'PNG width is 3 × the displayed chart width');
		assertPicture(p, 'country PNG');
		const svg = await svgOf(page, (await exportAs(page, chart, 'svg')).bytes);
		assert.ok(svg.includes(title.replace(/&/g, '&amp;')), 'the SVG holds the title');
		await assertCsv(chart, (await exportAs(page, chart, 'csv')).bytes);
	});

	test.describe(() => {
		test.use({ dialogs: 'accept' });
		test('loaded data: a cell starting with “=” is neutralised in the CSV; a Russian title survives in SVG and PNG', async ({ page }) => {
			await page.goto('/data');
			await waitUntil(page, 'the bundled data are in', () => Number(document.querySelector('[data-testid="rows-states"]')?.textContent.replace(/\D/g, '')) > 0);
			const label = 'Площадь, очищенная за год (тест)';
			const states = article5States(2019, 2024).slice(0, 2);
			await page
				.locator('[data-testid="file-input"]')
				.setInputFiles([
					csvFile('e2e-states.csv', 'iso3,name,region,source\nZZZ,=1+2 Testland,Europe,e2e test\n'),
					csvFile(
						'e2e-indicators.csv',
						// A currency may be negative (a net change); an area may not (the loader rejects it).
						`indicator_id,action,label,unit,polarity,applies_to,target,disaggregated,source\nE2E.RU,21,"${label}",usd,higher_is_better,article5,,false,e2e test\n`
					),
					csvFile('e2e-values.csv', `indicator_id,iso3,year,value,source\nE2E.RU,${states[0]},2023,5,e2e test\nE2E.RU,${states[1]},2024,-3,e2e test\n`)
				]);
			await page.locator('[data-testid="load-outcomes"]').waitFor();
			await waitUntil(page, 'three files have an outcome', () => document.querySelectorAll('[data-testid="load-ok"], [data-testid="load-error"]').length >= 3);
			assert.equal(await page.locator('[data-testid="load-ok"]').count(), 3, await page.locator('[data-testid="load-outcomes"]').textContent());

			const map = await openChart(page, '/countries', '[data-chart="map"]');
			const csv = (await exportAs(page, map, 'csv')).bytes.toString('utf8');
			assert.ok(csv.includes("\r\n'=1+2 Testland,"), 'the State named “=1+2 Testland” is written as text (leading apostrophe)');
			assert.ok(!/(^|\n)=1\+2/.test(csv), 'no cell starts with “=”');
			await assertCsv(map, Buffer.from(csv, 'utf8'));

			const chart = await openChart(page, '/actions/21', '[data-chart="ind-E2E.RU"]');
			const svg = await svgOf(page, (await exportAs(page, chart, 'svg')).bytes);
			assert.ok(svg.includes(label), 'the Cyrillic title survives in the SVG');
			assert.ok(/unicode-range:U\+0301,U\+0400-045F/.test(svg), 'the SVG embeds the Cyrillic subset of its font');
			const valuesCsv = (await exportAs(page, chart, 'csv')).bytes.toString('utf8');
			assert.match(valuesCsv, /\r\n2024,-3,1,/, 'a negative number stays a number (not neutralised)');
			assertPicture(readPng((await exportAs(page, chart, 'panel')).bytes), 'Russian panel PNG');
		});
	});
});

test.describe('export menu by keyboard', () => {
	test('Enter and Space open it, arrows move, Escape closes and gives focus back', async ({ page }) => {
		const chart = await openChart(page, '/actions/21', '[data-chart="ind-A21.1"]');
		const button = chart.locator('[data-testid="export-button"]');
		assert.equal((await button.textContent()).replace(/[▾\s]+$/, '').trim(), 'Export');
		const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-format') ?? document.activeElement?.getAttribute('data-testid'));
		await button.focus();
		await page.keyboard.press('Enter');
		assert.equal(await button.getAttribute('aria-expanded'), 'true');
		assert.equal(await focused(), 'png2', 'Enter opens on the first item');
		const labels = await chart.locator('[role="menuitem"]').allTextContents();
		assert.deepEqual(
			labels.map((l) => l.trim()),
			['PNG (2×)', 'PNG (3×)', 'PNG 1920×1080 (panel)', 'SVG', 'CSV', 'Parquet', 'Add to panel basket']
		);
		await page.keyboard.press('ArrowDown');
		assert.equal(await focused(), 'png3');
		await page.keyboard.press('ArrowUp');
		await page.keyboard.press('ArrowUp');
		assert.equal(await focused(), 'basket', 'ArrowUp wraps to the last item');
		await page.keyboard.press('Home');
		assert.equal(await focused(), 'png2');
		await page.keyboard.press('Escape');
		assert.equal(await chart.locator('[role="menu"]').count(), 0, 'Escape closes the menu');
		assert.equal(await focused(), 'export-button', 'focus is back on the Export button');
		await page.keyboard.press(' ');
		assert.equal(await focused(), 'png2', 'Space opens it too');
		await page.keyboard.press('Escape');
	});
});

test.describe('panel basket', () => {
	test('three charts in Arabic: kept across reloads, reordered, exported as a 3-slide .pptx (Arabic title in the slide XML) and a ZIP of PNGs', async ({
		page
	}) => {
		await page.addInitScript(() => localStorage.setItem('oap.locale', 'ar'));
		const basketLink = page.locator('header nav a[href$="basket"]');
		const add = async (path, selector) => {
			const chart = await openChart(page, path, selector);
			await chart.locator('[data-testid="export-button"]').click();
			await chart.locator('[data-format="basket"]').click();
			const status = chart.locator('[data-testid="export-status"]');
			await waitUntil(
				page,
				`the chart ${selector} is added to the basket`,
				(sel) => /done|failed/.test(document.querySelector(sel)?.querySelector('[data-testid="export-status"]')?.dataset.outcome ?? ''),
				selector
			);
			assert.equal(await status.getAttribute('data-outcome'), 'done', await status.textContent());
			return (await chart.locator('.title').textContent()).trim();
		};
		const arabicTitle = await add('/', '[data-chart="level-by-section"]');
		assert.match(arabicTitle, /[\u0600-\u06ff]/, `the overview chart title is Arabic: ${arabicTitle}`);
		await add('/actions/21', '[data-chart="ind-A21.1"]');
		await add('/countries/KHM', '[data-chart^="c-"]');
		await waitUntil(page, 'the header shows 3 in the basket', () => /\(3\)/.test(document.querySelector('header nav a[href$="basket"]')?.textContent ?? ''));

		await basketLink.click();
		await waitForCount(page, '[data-basket-item]', 3);
		const order = () => page.locator('[data-basket-item]').evaluateAll((els) => els.map((e) => e.getAttribute('data-basket-item')));
		const first = await order();
		assert.equal(first[0], 'level-by-section');
		await page.locator('[data-basket-item]').nth(2).locator('[data-testid="basket-up"]').click();
		await waitUntil(
			page,
			'the third chart moved up',
			(f) => document.querySelectorAll('[data-basket-item]')[1]?.getAttribute('data-basket-item') === f[2],
			first
		);
		const moved = await order();
		await page.reload();
		await waitForCount(page, '[data-basket-item]', 3);
		assert.deepEqual(await order(), moved, 'the order is kept across a reload');

		const [pptx] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="basket-pptx"]').click()]);
		assert.match(pptx.suggestedFilename(), /\.pptx$/);
		const deck = unzipSync(new Uint8Array(fs.readFileSync(await pptx.path())));
		const slides = Object.keys(deck)
			.filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))
			.sort();
		assert.equal(slides.length, 3, `three slides (${slides})`);
		const xml = slides.map((f) => strFromU8(deck[f]));
		assert.ok(xml[0].includes(arabicTitle), 'the first slide holds the Arabic title as text');
		const notes = Object.keys(deck).filter((f) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(f));
		assert.equal(notes.length, 3, 'every slide has notes');
		assert.ok(
			notes.every((f) => strFromU8(deck[f]).includes('demonstration')),
			'the notes name the source'
		);
		const media = Object.keys(deck).filter((f) => /^ppt\/media\/.*\.png$/.test(f));
		assert.equal(media.length, 3, 'one picture per slide');
		for (const f of media) {
			const p = readPng(Buffer.from(deck[f]));
			assert.equal(p.width, 1920, `${f} is a high-resolution picture`);
			assert.ok(p.colours >= 4, `${f} is not blank`);
		}

		const [zip] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="basket-zip"]').click()]);
		const files = unzipSync(new Uint8Array(fs.readFileSync(await zip.path())));
		const pngs = Object.keys(files).sort();
		assert.equal(pngs.length, 3);
		assert.match(pngs[0], /^01-.+\.png$/);
		assert.ok(pngs[0].includes('الإجراءات'), `the file name keeps the Arabic title: ${pngs[0]}`);
		for (const f of pngs) {
			const p = readPng(Buffer.from(files[f]));
			assert.deepEqual([p.width, p.height], [1920, 1080], `${f}: 1920×1080`);
			assertPicture(p, f);
		}

		await page.locator('[data-basket-item]').first().locator('[data-testid="basket-remove"]').click();
		await waitForCount(page, '[data-basket-item]', 2);
		await waitUntil(page, 'the header shows 2', () => /\(2\)/.test(document.querySelector('header nav a[href$="basket"]')?.textContent ?? ''));
	});
});
