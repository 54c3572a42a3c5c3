// The end-to-end tests' `test`: Playwright's, plus a recorder on every browser context that fails the
// test when the app reaches outside its own origin or reports an error (console, page, worker).
import { test as base, expect, type Browser, type BrowserContext, type BrowserContextOptions, type ConsoleMessage } from '@playwright/test';

export { expect };

/** What one browser context did that a test can assert on. */
export class Recorder {
	readonly requests: string[] = [];
	readonly foreign: string[] = [];
	readonly errors: string[] = [];

	constructor(readonly origin: string) {}

	attach(context: BrowserContext): this {
		context.on('request', (r) => {
			const url = r.url();
			this.requests.push(url);
			const u = new URL(url);
			if (u.protocol === 'data:' || u.protocol === 'blob:') return;
			if (u.origin !== this.origin) this.foreign.push(url);
		});
		// Console messages from the DuckDB worker reach the context too (ConsoleMessage.worker()).
		context.on('console', (m) => {
			if (m.type() === 'error') this.errors.push(`console error${m.worker() ? ' (worker)' : ''}: ${m.text()} ${locationOf(m)}`.trim());
		});
		context.on('weberror', (e) => this.errors.push(`page error: ${e.error().stack || e.error().message}`));
		return this;
	}

	problems(): string[] {
		return [...this.foreign.map((u) => `request outside the served origin ${this.origin}: ${u}`), ...this.errors];
	}
}

function locationOf(m: ConsoleMessage): string {
	const l = m.location();
	return l?.url ? `(${l.url}:${l.lineNumber})` : '';
}

interface Fixtures {
	/** How dialogs (confirm) are answered in this test: `test.use({ dialogs: 'accept' })`. */
	dialogs: 'accept' | 'dismiss';
	/** The default context's recorder; checked after the test. */
	recorder: Recorder;
	/** A further recorded context (a second tab in another profile, a reader opening a link). */
	newContext: (options?: BrowserContextOptions) => Promise<BrowserContext>;
}

export const test = base.extend<Fixtures>({
	dialogs: ['dismiss', { option: true }],
	recorder: [
		async ({ context, baseURL, dialogs }, use) => {
			const rec = new Recorder(new URL(baseURL!).origin).attach(context);
			context.on('dialog', (d) => void (dialogs === 'accept' ? d.accept() : d.dismiss()).catch(() => undefined));
			await use(rec);
			expect(rec.problems(), 'the browser reported problems').toEqual([]);
		},
		{ auto: true }
	],
	newContext: async ({ browser, baseURL, contextOptions }, use) => {
		const made: { context: BrowserContext; rec: Recorder }[] = [];
		await use(async (options) => {
			const context = await newRecordedContext(browser, { ...contextOptions, baseURL, ...options });
			made.push({ context, rec: recorderOf(context) });
			return context;
		});
		for (const m of made) await m.context.close().catch(() => undefined);
		expect(
			made.flatMap((m) => m.rec.problems()),
			'the browser reported problems (further contexts)'
		).toEqual([]);
	}
});

const recorders = new WeakMap<BrowserContext, Recorder>();
const recorderOf = (c: BrowserContext) => recorders.get(c)!;

async function newRecordedContext(browser: Browser, options: BrowserContextOptions): Promise<BrowserContext> {
	const context = await browser.newContext({ locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1280, height: 900 }, serviceWorkers: 'block', ...options });
	context.setDefaultTimeout(45_000);
	recorders.set(context, new Recorder(new URL(options.baseURL!).origin).attach(context));
	return context;
}
