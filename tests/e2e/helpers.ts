// Small helpers the end-to-end tests share: waiting with a message that says what was awaited, the
// /data page's row counts, and the bundled CSV files as rows.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Longest wait for one thing in the browser (DuckDB on a slow, shared CI machine). */
export const TIMEOUT = 45_000;

/** Digits of a formatted number (“37,440”, “37 440”) as a number. */
export function digits(text: string | null | undefined): number {
	const d = String(text ?? '').replace(/\D/g, '');
	return d === '' ? NaN : Number(d);
}

/** The row count of `table` as the /data page shows it. */
export async function rowCount(page: Page, table: string): Promise<number> {
	const cell = page.locator(`[data-testid="rows-${table}"]`);
	await cell.waitFor();
	return digits(await cell.textContent());
}

/** Wait until the /data page shows `expected` rows for `table`; fail with the number it does show. */
export async function waitForRowCount(page: Page, table: string, expected: number): Promise<void> {
	await expect.poll(() => rowCount(page, table), { message: `rows of ${table} on /data`, timeout: TIMEOUT }).toBe(expected);
}

/** page.waitForFunction that, on timeout, fails saying what it waited for. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function waitUntil(page: Page, what: string, fn: (arg: any) => unknown, arg?: unknown): Promise<void> {
	try {
		await page.waitForFunction(fn, arg, { timeout: TIMEOUT });
	} catch (e) {
		const err = e as Error;
		throw new Error(`timed out (${TIMEOUT} ms) waiting until ${what}${err.name === 'TimeoutError' ? '' : `: ${err.message}`}`);
	}
}

/** Wait until `selector` matches exactly `n` elements. */
export async function waitForCount(page: Page, selector: string, n: number): Promise<void> {
	await expect(page.locator(selector), `number of ${selector}`).toHaveCount(n, { timeout: TIMEOUT });
}

/** The bundled CSV `name` as rows of objects (simple CSV: the tests only read unquoted columns). */
export function bundledRows(name: string): Record<string, string>[] {
	const lines = fs
		.readFileSync(path.join(ROOT, 'data', `${name}.csv`), 'utf8')
		.replace(/^\uFEFF/, '')
		.split(/\r?\n/)
		.filter(Boolean);
	const header = lines[0].split(',');
	return lines.slice(1).map((l) => {
		const cells = l.split(',');
		return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
	});
}

/**
 * States with an Article 5 obligation for every year of `from`–`to` in the bundled data, so values for
 * an `applies_to = article5` indicator count for them.
 */
export function article5States(from = 2019, to = 2024): string[] {
	return bundledRows('state_obligations')
		.filter((r) => r.obligation === 'article5' && Number(r.from_year) <= from && (r.to_year === '' || Number(r.to_year) >= to))
		.map((r) => r.iso3)
		.filter((v, i, a) => a.indexOf(v) === i)
		.sort();
}

export function csvFile(name: string, text: string) {
	return { name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') };
}

/**
 * Open the app with the hook app.svelte.ts offers the bench (`oap.bench` in localStorage): `engineScalar`
 * then asks the pages' own engine directly, so a test sees the tables as they are, not as a page last
 * showed them. Call before the first `goto`.
 */
export async function withEngineHook(page: Page): Promise<void> {
	await page.addInitScript(() => localStorage.setItem('oap.bench', '1'));
}

/** The first value of `sql`'s first row, asked of the pages' engine at this moment (see withEngineHook). */
export async function engineScalar(page: Page, sql: string): Promise<number> {
	return page.evaluate(async (q) => {
		const hook = (window as unknown as { __oapBench?: { connector(): Promise<{ query(sql: string): Promise<Record<string, unknown>[]> }> } }).__oapBench;
		if (!hook) throw new Error('no engine hook: call withEngineHook(page) before opening the page');
		const [row] = await (await hook.connector()).query(q);
		return Number(Object.values(row ?? {})[0]);
	}, sql);
}
