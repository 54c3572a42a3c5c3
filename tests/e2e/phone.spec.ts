// Every route on a 390 px phone (issue 13.3), in English, Arabic and French: the page never scrolls sideways
// (wide tables scroll inside their own box), touch targets are 24 px or spaced as if they were
// (axe's target-size, WCAG 2.2), and the accessibility gate holds at this width too.
import { expect, test } from './fixtures';
import { seriousViolations } from './axe';
import { openReady, ROUTES } from './routes';

test.use({ viewport: { width: 390, height: 844 } });

// French too, on the pages with the most text: its words are the longest of the three.
const FRENCH = ['/actions/21', '/midterm', '/countries', '/countries/KHM', '/committees/article5', '/data'];

for (const locale of ['en', 'ar', 'fr'] as const) {
	test.describe(`390 px, ${locale}`, () => {
		for (const path of locale === 'fr' ? ROUTES.filter((r) => FRENCH.includes(r)) : ROUTES) {
			test(`${path}: no sideways scrolling, targets big enough, no serious axe violation`, async ({ page }) => {
				await openReady(page, path, locale);
				const wide = await page.evaluate(() => {
					const doc = document.documentElement;
					// What sticks out of the viewport, outside any box that scrolls by itself.
					const scrolls = (e: Element | null): boolean => !!e && (getComputedStyle(e).overflowX === 'auto' || getComputedStyle(e).overflowX === 'scroll' || scrolls(e.parentElement));
					// Only the side a page scrolls to counts (the right in English, the left in Arabic): the skip
					// link waits off-screen on the other side.
					const rtl = getComputedStyle(doc).direction === 'rtl';
					const out = [...document.body.querySelectorAll('*')]
						.filter((e) => {
							const r = e.getBoundingClientRect();
							return r.width > 0 && (rtl ? r.left < -1 : r.right > doc.clientWidth + 1) && !scrolls(e.parentElement);
						})
						.slice(0, 5)
						.map((e) => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}.${[...e.classList].join('.')} (${Math.round(e.getBoundingClientRect().left)}–${Math.round(e.getBoundingClientRect().right)} px)`);
					return { overflow: doc.scrollWidth - doc.clientWidth, out };
				});
				expect(wide, 'the page is as wide as the phone').toEqual({ overflow: 0, out: [] });
				expect(await seriousViolations(page)).toEqual([]);
			});
		}
	});
}
