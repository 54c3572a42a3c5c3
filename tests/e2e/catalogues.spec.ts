// A reader downloads the words of one language: each catalogue is fetched when its language is chosen,
// and the page is drawn in that language from the start (no English first, no catalogue of another).
import assert from 'node:assert/strict';
import type { Page, Response } from '@playwright/test';
import { expect, test } from './fixtures';
import fr from '../../src/lib/i18n/messages/fr';
import es from '../../src/lib/i18n/messages/es';
import ru from '../../src/lib/i18n/messages/ru';
import zh from '../../src/lib/i18n/messages/zh';
import ar from '../../src/lib/i18n/messages/ar';

const CATALOGUES = { fr, es, ru, zh, ar } as const;
type Lang = keyof typeof CATALOGUES;
// The app's name is translated in every catalogue and appears nowhere else in the code.
const marker = (lang: Lang) => CATALOGUES[lang]['app.name'];

/** The JavaScript the page (not the engine's worker) fetched, as text, collected while it loads. */
function collectScripts(page: Page): { texts: Promise<string>[] } {
	const texts: Promise<string>[] = [];
	page.on('response', (r: Response) => {
		if (r.request().resourceType() === 'script' || /\.js(\?|$)/.test(r.url())) texts.push(r.text().catch(() => ''));
	});
	return { texts };
}

const languagesIn = async (texts: Promise<string>[]) => {
	const all = (await Promise.all(texts)).join('\n');
	return (Object.keys(CATALOGUES) as Lang[]).filter((l) => all.includes(marker(l)));
};

test('an English visit fetches no other language’s words; choosing Russian fetches Russian only', async ({ page }) => {
	const scripts = collectScripts(page);
	await page.goto('/');
	await expect(page.locator('[data-action]')).toHaveCount(50);
	await expect(page.locator('h1').first()).toBeVisible();
	assert.deepEqual(await languagesIn(scripts.texts), [], 'no catalogue but English on an English visit');

	await page.locator('[data-testid="lang-select"]').selectOption('ru');
	await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
	await expect(page.locator('body')).toContainText(marker('ru'));
	assert.deepEqual(await languagesIn(scripts.texts), ['ru'], 'the Russian catalogue, and only it, after choosing Russian');
});

test('a link in Arabic draws the page in Arabic from the first frame', async ({ page }) => {
	// The heading of every frame is sampled from the document's start, when it is visible (the prerendered
	// English document is held hidden until the app has drawn the page in Arabic): none may be English.
	await page.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { __seen: string[] }).__seen = seen;
		const tick = () => {
			const h = document.querySelector('h1');
			if (h?.textContent && getComputedStyle(h).visibility === 'visible') seen.push(h.textContent);
			requestAnimationFrame(tick);
		};
		requestAnimationFrame(tick);
	});
	const scripts = collectScripts(page);
	await page.goto('/?lang=ar');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.locator('[data-action]')).toHaveCount(50);
	const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
	assert.ok(seen.length > 0, 'the heading was observed');
	const latin = seen.filter((h) => /[A-Za-z]{3,}/.test(h));
	assert.deepEqual(latin, [], 'no heading in Latin letters was ever drawn');
	assert.deepEqual(await languagesIn(scripts.texts), ['ar'], 'the Arabic catalogue only');
});
