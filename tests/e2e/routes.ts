// Every route a reader can open (one of each kind), and waiting until one is fully drawn: the data
// loaded, the page's answer the engine's own, every chart drawn. Shared by the accessibility gate, the
// phone layout spec and the chart checks.
import type { Page } from '@playwright/test';
import { waitUntil } from './helpers';

export const ROUTES = [
	'/',
	'/actions/21',
	'/midterm',
	'/countries',
	'/countries/KHM',
	'/countries/KHM/brief',
	'/committees',
	'/committees/article5',
	'/committees/article5/draft?state=KHM',
	'/committees/article5/draft',
	'/data',
	'/sql',
	'/basket',
	'/method'
] as const;

/** The routes whose pages draw charts (the timeline, projection, series, mid-term, overview, map). */
export const CHART_ROUTES = ['/', '/actions/21', '/midterm', '/countries', '/countries/KHM', '/countries/KHM/brief'] as const;

/** Open `path` in `locale` and wait until it is drawn as a reader would see it. */
export async function openReady(page: Page, path: string, locale: 'en' | 'fr' | 'ar' = 'en'): Promise<void> {
	await page.addInitScript((l) => localStorage.setItem('oap.locale', l), locale);
	await page.goto(path);
	await waitUntil(page, `the data are loaded (${path})`, () => performance.getEntriesByName('data-ready').length > 0);
	await waitUntil(page, `the page shows the engine's answer (${path})`, () => {
		const views = [...document.querySelectorAll<HTMLElement>('[data-testid="view-state"]')];
		return views.every((v) => v.dataset.state === 'live');
	});
	await waitUntil(page, `every chart is drawn (${path})`, () => [...document.querySelectorAll('figure[data-chart]')].every((f) => f.querySelector('.plot svg')));
	await page.evaluate(() => document.fonts.ready);
}
