// The accessibility gate (issue 13.5): axe-core on every route, in English and in Arabic (right to
// left): no critical and no serious violation. The same gate runs at 390 px in phone.spec.ts.
import { expect, test } from './fixtures';
import { seriousViolations } from './axe';
import { openReady, ROUTES } from './routes';

for (const locale of ['en', 'ar'] as const) {
	test.describe(`axe, ${locale}`, () => {
		for (const path of ROUTES) {
			test(`${path}: no critical or serious violation`, async ({ page }) => {
				await openReady(page, path, locale);
				expect(await page.locator('html').getAttribute('dir')).toBe(locale === 'ar' ? 'rtl' : 'ltr');
				expect(await seriousViolations(page)).toEqual([]);
			});
		}
	});
}

test('the gate sees a violation when there is one (a status pill at 3.3:1, a chart image without a name)', async ({ page }) => {
	await openReady(page, '/');
	await page.evaluate(() => {
		// The tiles' pills in the old amber (≈ 3:1 on their background).
		for (const pill of document.querySelectorAll<HTMLElement>('.tile .status')) pill.style.color = '#b8892a';
		document.querySelector('.plot[role="img"]')?.removeAttribute('aria-label');
	});
	const found = await seriousViolations(page);
	expect(found.some((v) => v.includes('color-contrast'))).toBe(true);
	expect(found.some((v) => v.includes('role-img-alt'))).toBe(true);
});
