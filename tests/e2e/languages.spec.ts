// The six languages of the Convention on every page: no English word of the interface on a page in
// another language (data values from the files excepted), Arabic right to left with its chart labels in
// reading order, plural forms, the language carried by a link, and exports that draw every script.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import pngjs from 'pngjs';
import isoCountries from 'i18n-iso-countries';
import { expect, test } from './fixtures';
import { ROOT, waitUntil } from './helpers';
import { ROUTES as ALL_ROUTES } from './routes';
import en from '../../src/lib/i18n/messages/en';
import fr from '../../src/lib/i18n/messages/fr';
import es from '../../src/lib/i18n/messages/es';
import ru from '../../src/lib/i18n/messages/ru';
import zh from '../../src/lib/i18n/messages/zh';
import ar from '../../src/lib/i18n/messages/ar';

const CATALOGUES = { fr, es, ru, zh, ar } as const;
type Lang = keyof typeof CATALOGUES;
const LANGS = Object.keys(CATALOGUES) as Lang[];

/**
 * Every route (routes.ts), less the method, which is the English document shown as it is (the page says so
 * in the reader's language), and the draft without a State, which is the same page as the draft with one.
 */
const ROUTES = ALL_ROUTES.filter((r) => r !== '/method' && r !== '/committees/article5/draft');

const words = (text: string) => text.match(/\p{L}[\p{L}’'-]*/gu) ?? [];
/** A message's words, without its ICU syntax (argument names, plural keywords). */
const messageWords = (text: string) => words(text.replace(/\{\s*\w+\s*(,\s*(plural|select|selectordinal)\s*,)?/g, ' ').replace(/\b(zero|one|two|few|many|other)\s*\{/g, ' '));

/**
 * The interface's English words a page in `lang` must not show: words of four letters or more in the
 * English catalogue that the language's own catalogue never uses (French writes "Action", "Article",
 * "Parquet" too, and every language writes "DuckDB", "Excel", "PowerPoint").
 */
function englishWords(lang: Lang): Set<string> {
	const own = new Set(Object.values(CATALOGUES[lang] as Record<string, string>).flatMap(messageWords).map((w) => w.toLowerCase()));
	return new Set(
		Object.values(en as Record<string, string>)
			.flatMap(messageWords)
			.map((w) => w.toLowerCase())
			.filter((w) => w.length >= 4 && /^[a-z’'-]+$/.test(w) && !own.has(w))
	);
}

/** Text the data files hold as written (titles, labels, notes, sources, places): excepted, longest first. */
const DATA_TEXT: string[] = (() => {
	const free = /^(title|label|note|notes|source|city|president|basis|text|developments_2025|qualifier|metric|author)$/;
	const out = new Set<string>();
	for (const f of fs.readdirSync(path.join(ROOT, 'data')).filter((f) => f.endsWith('.csv'))) {
		const { data } = Papa.parse<Record<string, string>>(fs.readFileSync(path.join(ROOT, 'data', f), 'utf8'), { header: true, skipEmptyLines: true });
		// A source is shown whole or cited by its first part ("Extension granted by the 4RC (2019)").
		for (const row of data) for (const [k, v] of Object.entries(row)) if (free.test(k) && v && /\p{L}/u.test(v)) for (const part of [v, ...v.split(/;\s*/)]) if (part.trim()) out.add(part.trim());
	}
	return [...out].sort((a, b) => b.length - a.length);
})();

/** English names of the States that a language names otherwise (CLDR): none may show on its pages. */
function englishNames(lang: Lang): string[] {
	const { data } = Papa.parse<Record<string, string>>(fs.readFileSync(path.join(ROOT, 'data', 'states.csv'), 'utf8'), { header: true, skipEmptyLines: true });
	const local = new Intl.DisplayNames([lang === 'zh' ? 'zh-Hans' : lang], { type: 'region', fallback: 'none' });
	return data
		.filter((r) => r.name && r.name.length >= 6)
		.filter((r) => {
			const code = isoCountries.alpha3ToAlpha2(r.iso3);
			const name = code ? local.of(code) : undefined;
			return name !== undefined && name !== r.name && !name.includes(r.name);
		})
		.map((r) => r.name);
}

/** What a reader meets on the page: visible text, chart texts, titles and labels of controls. */
async function pageText(page): Promise<string> {
	return page.evaluate(() => {
		// Not words of the interface: identifiers (code, translate="no"), the reader's own text, sources from the data.
		// The language menu names each language in itself ("English", "Français"): not interface words.
		const skip = 'code, [translate="no"], textarea, pre, [data-testid="source-text"], [data-testid="lang-select"], script, style';
		const parts: string[] = [document.title];
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let n = walker.nextNode(); n; n = walker.nextNode()) {
			const el = n.parentElement;
			if (!el || el.closest(skip)) continue;
			if (el.closest('svg') === null && el.closest('details:not([open]) > :not(summary)') === null) {
				const style = getComputedStyle(el);
				if (style.display === 'none' || style.visibility === 'hidden') continue;
			}
			parts.push(n.nodeValue ?? '');
		}
		// Inside a chart (role="img", named by its title) Plot's names of its marks ("line", "rule") are not read out.
		for (const el of document.querySelectorAll('[title], [aria-label], [placeholder]'))
			if (!el.closest(skip) && !el.parentElement?.closest('[role="img"]')) parts.push(...['title', 'aria-label', 'placeholder'].map((a) => el.getAttribute(a) ?? ''));
		for (const o of document.querySelectorAll('option')) if (!o.closest(skip)) parts.push(o.textContent ?? '');
		return parts.join('\n').replace(/[\u2066-\u2069]/g, '');
	});
}

/** Wait until the page has drawn its answer (the engine's, where the page has one). */
async function settled(page) {
	await page.locator('main h1').first().waitFor();
	await waitUntil(page, 'the engine has started and the page shows its answer', () => {
		if (document.querySelector('[data-testid="starting"]')) return false;
		const state = document.querySelector('[data-testid="view-state"]');
		return !state || state.getAttribute('data-state') === 'live';
	});
	await page.waitForTimeout(300);
}

async function choose(page, lang: string) {
	await page.locator('[data-testid="lang-select"]').selectOption(lang);
	await waitUntil(page, `<html lang> is ${lang}`, (l) => document.documentElement.lang.startsWith(l), lang);
	await page.waitForTimeout(200);
}

test.describe('every page in every language', () => {
	for (const route of ROUTES) {
		test(`${route}: no English interface word in French, Spanish, Russian, Chinese or Arabic; Arabic right to left`, async ({ page }) => {
			test.setTimeout(240_000);
			await page.goto(route);
			await settled(page);
			const found: string[] = [];
			for (const lang of LANGS) {
				await choose(page, lang);
				await settled(page);
				assert.equal(await page.evaluate(() => document.documentElement.dir || 'ltr'), lang === 'ar' ? 'rtl' : 'ltr', `${route} in ${lang}: direction`);
				let text = await pageText(page);
				for (const d of DATA_TEXT) text = text.split(d).join(' ');
				const english = englishWords(lang);
				const leaks = [...new Set(words(text).filter((w) => english.has(w.toLowerCase())))];
				if (leaks.length) found.push(`${lang}: ${leaks.join(', ')}`);
				const names = englishNames(lang).filter((n) => text.includes(n));
				if (names.length) found.push(`${lang} (English State names): ${names.join(', ')}`);
			}
			assert.deepEqual(found, [], `English words on ${route}`);
		});
	}
});

test.describe('right to left', () => {
	test('an Arabic chart label that mixes Arabic, a number and "5RC" keeps its reading order in the SVG', async ({ page }) => {
		await page.goto('/countries/AFG?lang=ar');
		await settled(page);
		const plot = page.locator('section.deadline[data-article="5"] figure .plot').first();
		await plot.locator('svg').first().waitFor();
		const lines = await plot.evaluate((svg) => {
			// The timeline's label for the extension the 5RC granted: "تمديد المهلة رقم 3، الممنوح في 5RC", one tspan per line.
			const text = [...svg.querySelectorAll('text')].find((t) => /5RC/.test(t.textContent ?? '') && /[\u0600-\u06ff]/.test(t.textContent ?? ''));
			if (!text) return null;
			const parts = text.querySelectorAll('tspan').length ? [...text.querySelectorAll('tspan')] : [text];
			return parts.map((el) => {
				const c = el as SVGTextContentElement;
				const s = el.textContent ?? '';
				return { text: s, chars: [...s].map((ch, i) => ({ ch, ...(/[\u2066-\u2069]/.test(ch) ? { x: 0, w: 0 } : { x: c.getExtentOfChar(i).x, w: c.getExtentOfChar(i).width }) })) };
			});
		});
		assert.ok(lines, 'the Arabic timeline names the extension granted by the 5RC');
		const all = lines.map((l) => l.text).join(' ');
		assert.match(all, /5RC/);
		for (const l of lines) assert.match(l.text, /^\u2068.*\u2069$/, `each line of the label is an isolate: ${JSON.stringify(l.text)}`);
		// The code reads left to right.
		const code = lines.find((l) => l.text.includes('5RC'))!;
		const at = (l, ch) => l.chars.find((c) => c.ch === ch);
		assert.ok(at(code, '5').x < at(code, 'R').x && at(code, 'R').x < at(code, 'C').x, `"5RC" is drawn 5, R, C from left to right`);
		// Each line reads right to left: an Arabic letter written before a digit or a Latin letter is drawn to its
		// right, one written after it to its left (wherever the chart wraps the label).
		const mixed = lines.filter((l) => /[\dA-Z]/.test(l.text) && /[\u0600-\u06ff]/.test(l.text));
		assert.ok(mixed.length > 0, `a line mixes Arabic with a number or a code: ${JSON.stringify(lines.map((l) => l.text))}`);
		for (const l of mixed) {
			const chars = l.chars.map((c, i) => ({ ...c, i }));
			const arabic = chars.filter((c) => /[\u0600-\u06ff]/.test(c.ch));
			const other = chars.filter((c) => /[\dA-Z]/.test(c.ch));
			for (const a of arabic)
				for (const o of other) {
					const ok = a.i < o.i ? a.x >= o.x + o.w - 0.5 : a.x + a.w <= o.x + 0.5;
					assert.ok(ok, `in "${l.text}", "${a.ch}" (${a.i < o.i ? 'before' : 'after'} "${o.ch}") is drawn at x=${a.x.toFixed(1)}, "${o.ch}" at x=${o.x.toFixed(1)}: not right to left`);
				}
		}
	});
});

test('the file picker speaks the reader’s language, not the browser’s ("Choose Files")', async ({ page }) => {
	await page.goto('/data?lang=fr');
	const input = page.locator('[data-testid="file-input"]');
	await input.waitFor({ state: 'attached' });
	const picker = page.locator('label', { has: input });
	await expect(picker).toHaveText(fr['data.load.pick']);
	// The browser's own button (worded in the browser's language) is not drawn; the input stays focusable.
	const box = await input.boundingBox();
	assert.ok(box && box.width <= 1 && box.height <= 1, `the native file button is not shown (box ${JSON.stringify(box)})`);
	await input.focus();
	assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'file-input', 'the input takes the keyboard focus');
});

test.describe('plural forms', () => {
	test('"1 chart" and "2 charts", in Russian and Arabic forms too', async ({ page }) => {
		const add = async (route: string, selector: string) => {
			await page.goto(route);
			await settled(page);
			const chart = page.locator(selector).first();
			await chart.locator('.plot svg').first().waitFor();
			await chart.locator('[data-testid="export-button"]').click();
			await chart.locator('[data-format="basket"]').click();
			await expect(chart.locator('[data-testid="export-status"]')).toHaveAttribute('data-outcome', 'done');
		};
		const count = () => page.locator('[data-testid="basket-count"]').textContent();
		const forms: Record<string, [string, string]> = { en: ['1 chart', '2 charts'], ru: ['1 диаграмма', '2 диаграммы'], ar: ['رسم بياني واحد', 'رسمان بيانيان'], fr: ['1 graphique', '2 graphiques'] };

		await add('/?lang=en', '[data-chart="level-by-section"]');
		await page.goto('/basket');
		for (const [lang, [one]] of Object.entries(forms)) {
			await choose(page, lang);
			await expect(page.locator('[data-testid="basket-count"]')).toHaveText(one);
		}
		await add('/countries/KHM?lang=en', '[data-chart^="c-"]');
		await page.goto('/basket');
		for (const [lang, [, two]] of Object.entries(forms)) {
			await choose(page, lang);
			await expect(page.locator('[data-testid="basket-count"]')).toHaveText(two);
		}
		assert.ok((await count())?.length);
	});
});

test.describe('the language in the link', () => {
	test('?lang=ru opens in Russian over the stored choice; without it the stored choice, then the browser language', async ({ page, newContext }) => {
		await page.addInitScript(() => localStorage.setItem('oap.locale', 'fr'));
		await page.goto('/countries?lang=ru');
		await settled(page);
		assert.equal(await page.evaluate(() => document.documentElement.lang), 'ru');
		await expect(page.locator('h1')).toHaveText(ru['countries.title']);
		// Links followed from there stay in Russian.
		await page.locator('nav a[href$="committees"]').click();
		await expect(page.locator('h1')).toHaveText(ru['committees.title']);
		// A page opened without ?lang follows the stored choice.
		await page.goto('/committees');
		await expect(page.locator('h1')).toHaveText(fr['committees.title']);

		// Nothing stored: the browser's language.
		const zhContext = await newContext({ locale: 'zh-CN' });
		const zhPage = await zhContext.newPage();
		await zhPage.goto('/committees');
		await expect(zhPage.locator('h1')).toHaveText(zh['committees.title']);
		assert.equal(await zhPage.evaluate(() => document.documentElement.lang), 'zh-Hans');
		// Choosing a language puts it in the address, so a copied link carries it.
		await zhPage.locator('[data-testid="lang-select"]').selectOption('es');
		await expect(zhPage.locator('h1')).toHaveText(es['committees.title']);
		await waitUntil(zhPage, 'the address carries ?lang=es', () => new URL(location.href).searchParams.get('lang') === 'es');
		await zhContext.close();
	});
});

/** Dark pixels in the PNG's top band (the title) and how many distinct glyph-like columns they make. */
function inkOf(bytes: Buffer) {
	const png = pngjs.PNG.sync.read(bytes);
	const band = Math.round(png.height * 0.12);
	let ink = 0;
	for (let y = 0; y < band; y++)
		for (let x = 0; x < png.width; x++) {
			const i = (y * png.width + x) * 4;
			if (png.data[i] < 90 && png.data[i + 1] < 90 && png.data[i + 2] < 90) ink++;
		}
	return { ink, width: png.width, height: png.height };
}

test.describe('exports draw every script', () => {
	for (const lang of ['zh', 'ru'] as const) {
		test(`a PNG of a chart in ${lang === 'zh' ? 'Chinese' : 'Russian'} has its title's glyphs, from the bundled font`, async ({ page }) => {
			await page.goto(`/?lang=${lang}`);
			await settled(page);
			const chart = page.locator('[data-chart="level-by-section"]');
			await chart.locator('.plot svg').first().waitFor();
			const title = (await chart.locator('h3').textContent()) ?? '';
			assert.match(title, lang === 'zh' ? /\p{Script=Han}/u : /\p{Script=Cyrillic}/u, `the title is in ${lang}: ${title}`);

			await chart.locator('[data-testid="export-button"]').click();
			const [svgDownload] = await Promise.all([page.waitForEvent('download'), chart.locator('[role="menuitem"][data-format="svg"]').click()]);
			const svg = fs.readFileSync(await svgDownload.path(), 'utf8');
			// The font the title needs is inside the file: for Chinese a Noto Sans SC slice, for Russian Noto Sans Cyrillic.
			const faces = [...svg.matchAll(/unicode-range:([^}]+)\}/g)].map((m) => m[1]);
			const covered = (ch: string) => faces.some((r) => r.split(',').some((p) => {
				const [lo, hi] = p.trim().replace(/^U\+/i, '').split('-');
				const cp = ch.codePointAt(0)!;
				return cp >= parseInt(lo, 16) && cp <= parseInt(hi ?? lo, 16);
			}));
			const letters = [...title].filter((ch) => (lang === 'zh' ? /\p{Script=Han}/u : /\p{Script=Cyrillic}/u).test(ch));
			assert.deepEqual(letters.filter((ch) => !covered(ch)), [], 'every letter of the title has an embedded face');

			await chart.locator('[data-testid="export-button"]').click();
			const [pngDownload] = await Promise.all([page.waitForEvent('download'), chart.locator('[role="menuitem"][data-format="png2"]').click()]);
			const { ink } = inkOf(fs.readFileSync(await pngDownload.path()));
			// The same title drawn without any font for the script (what a machine without one would show).
			const fallback = await page.evaluate(
				async ({ text }) => {
					const canvas = document.createElement('canvas');
					canvas.width = 2000;
					canvas.height = 60;
					const ctx = canvas.getContext('2d')!;
					const draw = (family: string) => {
						ctx.fillStyle = '#fff';
						ctx.fillRect(0, 0, 2000, 60);
						ctx.fillStyle = '#1b1f24';
						ctx.font = `700 36px ${family}`;
						ctx.fillText(text, 0, 45);
						const d = ctx.getImageData(0, 0, 2000, 60).data;
						let n = 0;
						for (let i = 0; i < d.length; i += 4) if (d[i] < 90) n++;
						return n;
					};
					await document.fonts.load('700 36px "OAP Export Sans"', text);
					return { bundled: draw('"OAP Export Sans"'), none: draw('"No Such Font"') };
				},
				{ text: title }
			);
			assert.ok(ink > 200, `the PNG's title band has ink (${ink} dark pixels)`);
			if (lang === 'zh') assert.notEqual(fallback.bundled, fallback.none, 'the bundled face draws Chinese glyphs, not the placeholder boxes of a machine without a Chinese font');
		});
	}
});
