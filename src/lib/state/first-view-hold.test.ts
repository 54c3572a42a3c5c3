import { describe, expect, it } from 'vitest';
import { chooseLocale } from '$lib/i18n/locale.svelte';
import { FIRST_VIEW_HOLD_SCRIPT, HOLD_ATTRIBUTE } from './first-view-hold.js';

/** Run the inline script as the browser would, in a page at `search` with this storage and these languages. */
function holds(search: string, stored: string | null, languages: string[], answer = true, storageThrows = false): boolean {
	const attributes = new Set<string>();
	const env = {
		location: { search },
		localStorage: {
			getItem: (k: string) => {
				if (storageThrows) throw new Error('denied');
				return k === 'oap.locale' ? stored : null;
			}
		},
		navigator: { languages, language: languages[0] },
		document: {
			currentScript: { hasAttribute: (a: string) => answer && a === 'data-answer' },
			documentElement: { setAttribute: (a: string) => attributes.add(a) }
		}
	};
	new Function('location', 'localStorage', 'navigator', 'document', FIRST_VIEW_HOLD_SCRIPT)(env.location, env.localStorage, env.navigator, env.document);
	return attributes.has(HOLD_ATTRIBUTE);
}

describe('holding a prerendered page that is not yet the reader’s', () => {
	const cases: [string, string | null, string[]][] = [
		['', null, ['en-GB']],
		['', null, ['fr-CH', 'en']],
		['', null, ['de-DE', 'zh-CN']],
		['', null, ['de-DE']],
		['', 'ar', ['en-US']],
		['', 'en', ['ru-RU']],
		['', 'xx', ['es']],
		['?lang=en', 'fr', ['fr']],
		['?lang=ru', null, ['en']],
		['?lang=klingon', 'es', ['en']],
		['?lang=', null, ['zh_TW']]
	];
	it.each(cases)('agrees with the app’s language choice: %s, stored %s, browser %j', (search, stored, languages) => {
		expect(holds(search, stored, languages)).toBe(chooseLocale(search, stored, languages) !== 'en');
	});

	it('holds a page with an answer whose address asks for another view', () => {
		expect(holds('?year=2021', null, ['en'])).toBe(true);
		expect(holds('?lang=en&section=3', null, ['en'])).toBe(true);
		// A page without a prerendered answer is the same for every query.
		expect(holds('?q=select%201', null, ['en'], false)).toBe(false);
	});

	it('consults no storage the browser refuses', () => {
		expect(holds('', null, ['en'], true, true)).toBe(false);
		expect(holds('', null, ['ar'], true, true)).toBe(true);
	});
});
