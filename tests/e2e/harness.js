// Shared by the end-to-end tests (tests/e2e/*.test.js, run by scripts/e2e.js): one Chromium and one
// static server per test file, a fresh browser context per test (empty IndexedDB and localStorage),
// and, for every test, a record of requests, console errors and page errors that fails the test
// when the app reaches outside its own origin or reports an error.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { launch, serveBuild } from '../../scripts/browser.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** DuckDB-WASM starts in ~1.5 s on a warm machine; CI machines are slower and share two cores. */
export const TIMEOUT = 45_000;
/** Per test (node:test option). */
export const TEST_TIMEOUT = 180_000;

/** Start the server and the browser before the file's tests, stop them after. */
export function useBrowser() {
	const env = { url: '', browser: null, server: null };
	before(async () => {
		env.server = await serveBuild(process.env.E2E_BUILD_DIR || path.join(ROOT, 'build'));
		env.url = env.server.url;
		env.browser = await launch();
	});
	after(async () => {
		await env.browser?.close();
		await env.server?.close();
	});
	return env;
}

/** What one test's browser context did that a test can assert on. */
export class Recorder {
	constructor(origin) {
		this.origin = origin;
		this.requests = [];
		this.foreign = [];
		this.errors = [];
	}

	attach(context) {
		context.on('request', (r) => {
			const url = r.url();
			this.requests.push(url);
			const u = new URL(url);
			if (u.protocol === 'data:' || u.protocol === 'blob:') return;
			if (u.origin !== this.origin) this.foreign.push(url);
		});
		// Console messages from the DuckDB worker reach the page too (ConsoleMessage.worker()).
		context.on('console', (m) => {
			if (m.type() === 'error') this.errors.push(`console error${m.worker() ? ' (worker)' : ''}: ${m.text()} ${locationOf(m)}`.trim());
		});
		context.on('page', (p) => p.on('pageerror', (e) => this.errors.push(`page error: ${e.stack || e.message}`)));
	}

	problems() {
		return [
			...this.foreign.map((u) => `request outside the served origin ${this.origin}: ${u}`),
			...this.errors
		];
	}
}

function locationOf(m) {
	const l = m.location?.();
	return l?.url ? `(${l.url}:${l.lineNumber})` : '';
}

/**
 * Run `fn(page, rec)` in a fresh context. The test fails if `fn` fails, or if any request left the
 * origin, or if a console error or page error was seen (both listed in the failure message).
 */
export async function withPage(env, fn, { viewport = { width: 1280, height: 900 }, dialogs = 'dismiss' } = {}) {
	const context = await env.browser.newContext({ viewport, locale: 'en-US', timezoneId: 'UTC', serviceWorkers: 'block' });
	context.setDefaultTimeout(TIMEOUT);
	context.setDefaultNavigationTimeout(TIMEOUT);
	const rec = new Recorder(env.url);
	rec.attach(context);
	const page = await context.newPage();
	page.on('dialog', (d) => (dialogs === 'accept' ? d.accept() : d.dismiss()).catch(() => undefined));
	let failure = null;
	try {
		await fn(page, rec);
	} catch (e) {
		failure = e;
	} finally {
		await context.close().catch(() => undefined);
	}
	const problems = rec.problems();
	if (failure) {
		if (problems.length) failure.message += '\n\nAlso seen in the browser:\n  ' + problems.join('\n  ');
		throw failure;
	}
	assert.deepEqual(problems, [], 'the browser reported problems:\n  ' + problems.join('\n  '));
	return rec;
}

/** Digits of a formatted number (“37,440”, “37 440”) as a number. */
export function digits(text) {
	const d = String(text ?? '').replace(/\D/g, '');
	return d === '' ? NaN : Number(d);
}

/** The row count of `table` as the /data page shows it. */
export async function rowCount(page, table) {
	const cell = page.locator(`[data-testid="rows-${table}"]`);
	await cell.waitFor();
	return digits(await cell.textContent());
}

/** Wait until the /data page shows `expected` rows for `table`; fail with the number it does show. */
export async function waitForRowCount(page, table, expected) {
	try {
		await page.waitForFunction(
			([sel, n]) => {
				const el = document.querySelector(sel);
				return el && Number(el.textContent.replace(/\D/g, '')) === n;
			},
			[`[data-testid="rows-${table}"]`, expected],
			{ timeout: TIMEOUT }
		);
	} catch {
		assert.equal(await rowCount(page, table), expected, `rows of ${table} on /data`);
	}
}

/** page.waitForFunction that, on timeout, fails saying what it waited for. */
export async function waitUntil(page, what, fn, arg) {
	try {
		await page.waitForFunction(fn, arg, { timeout: TIMEOUT });
	} catch (e) {
		throw new assert.AssertionError({ message: `timed out (${TIMEOUT} ms) waiting until ${what}${e.name === 'TimeoutError' ? '' : `: ${e.message}`}` });
	}
}

/** Wait until `selector` matches exactly `n` elements. */
export async function waitForCount(page, selector, n) {
	try {
		await page.waitForFunction(([s, k]) => document.querySelectorAll(s).length === k, [selector, n], { timeout: TIMEOUT });
	} catch {
		assert.equal(await page.locator(selector).count(), n, `number of ${selector}`);
	}
}

/** The bundled CSV `name` as rows of objects (simple CSV: the tests only read unquoted columns). */
export function bundledRows(name) {
	const lines = fs.readFileSync(path.join(ROOT, 'data', `${name}.csv`), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean);
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
export function article5States(from = 2019, to = 2024) {
	return bundledRows('state_obligations')
		.filter((r) => r.obligation === 'article5' && Number(r.from_year) <= from && (r.to_year === '' || Number(r.to_year) >= to))
		.map((r) => r.iso3)
		.filter((v, i, a) => a.indexOf(v) === i)
		.sort();
}

export function csvFile(name, text) {
	return { name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') };
}
