// The start-up part of `npm run bench`, in one run, beside the engine's own floor:
//  - floor: a blank page on the same server doing fetch + WebAssembly.compileStreaming of the same
//    duckdb-eh wasm, in a fresh context (nothing cached);
//  - cold: the app's / in a fresh context (a first visit: nothing cached, the service worker installs);
//  - warm: a second visit in a context whose service worker took over after a first visit (new tab);
// each run: first contentful paint, first-chart, db-ready, data-ready, bytes transferred, requests that
// reached the network, JS fetched before the first chart (gzip, as served), and the engine's steps.
import fs from 'node:fs';
import path from 'node:path';

const TIMEOUT = 60_000;
const MARKS = ['first-chart', 'db-ready', 'data-ready'];

/** The blank page of the floor: the same wasm, fetched and compiled, nothing else. */
function floorPage(wasmUrl) {
	return `<!doctype html><title>floor</title><script>
WebAssembly.compileStreaming(fetch(${JSON.stringify(wasmUrl)})).then(() => performance.mark('floor'), (e) => { document.title = 'failed: ' + e; });
</script>`;
}

/** The engine's wasm as the build serves it. */
export function engineWasm(dir = 'build') {
	const assets = path.join(dir, '_app/immutable/assets');
	const name = fs.readdirSync(assets).find((f) => /^duckdb-eh\..*\.wasm$/.test(f));
	if (!name) throw new Error('no duckdb-eh wasm in build/');
	return `/_app/immutable/assets/${name}`;
}

/** Size of a served file as sent to a browser that takes gzip (the .gz beside it when there is one). */
function gzipSize(dir, pathname) {
	const file = path.join(dir, decodeURIComponent(pathname));
	if (fs.existsSync(file + '.gz')) return fs.statSync(file + '.gz').size;
	return fs.existsSync(file) ? fs.statSync(file).size : 0;
}

/** Is this JS the engine's own (DuckDB's worker, our worker shim, DuckDB's API chunk)? */
function engineScripts(dir) {
	const manifest = JSON.parse(fs.readFileSync('.svelte-kit/output/client/.vite/manifest.json', 'utf8'));
	const api = manifest['src/lib/db/browser.ts']?.file;
	return (pathname) => /duckdb-browser-eh\.worker|engine-worker/.test(pathname) || (api && pathname.endsWith(api));
}

/** Record what a context requests; `stop()` freezes the list (what came before the marks). */
function recordRequests(context) {
	const list = [];
	let open = true;
	context.on('requestfinished', (r) => {
		if (!open) return;
		list.push(
			(async () => {
				const s = await r.sizes().catch(() => null);
				const resp = await r.response().catch(() => null);
				return { url: r.url(), bytes: (s?.responseBodySize ?? 0) + (s?.responseHeadersSize ?? 0), fromSW: resp?.fromServiceWorker() ?? false, bySW: !!r.serviceWorker() };
			})()
		);
	});
	return {
		async stop() {
			open = false;
			return Promise.all(list);
		}
	};
}

/** The engine worker's own steps (marks in its timeline), as ms from the page's navigation. */
async function workerSteps(page, pageOrigin) {
	const worker = page.workers().find((w) => /engine-worker/.test(w.url()));
	if (!worker) return {};
	const { origin, marks } = await worker.evaluate(() => ({ origin: performance.timeOrigin, marks: performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]) }));
	return Object.fromEntries(marks.map(([name, t]) => [name.replace('oap-engine:', 'w:'), origin + t - pageOrigin]));
}

async function appVisit(page, url) {
	await page.goto(url);
	await page.waitForFunction((names) => names.every((n) => performance.getEntriesByName(n).length), MARKS, { timeout: TIMEOUT });
	const m = await page.evaluate(() => {
		const at = (n) => performance.getEntriesByName(n)[0]?.startTime ?? null;
		const measure = (n) => performance.getEntriesByName(n, 'measure')[0] ?? null;
		return {
			origin: performance.timeOrigin,
			fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
			chart: at('first-chart'),
			db: at('db-ready'),
			data: at('data-ready'),
			start: at('oap-engine:start'),
			compiled: at('oap-engine:compiled'),
			asked: measure('oap-engine:instantiate')?.startTime ?? null,
			open: measure('oap-engine:open')?.duration ?? null,
			insert: measure('oap-engine:insert')?.duration ?? null,
			firstQuery: measure('oap-engine:first-query')?.duration ?? null
		};
	});
	const w = await workerSteps(page, m.origin);
	return { ...m, script: w['w:duckdb-script'] ?? null, module: w['w:wasm-module'] ?? null, instantiated: w['w:wasm-instantiated'] ?? null, duckdb: w['w:duckdb-instantiated'] ?? null, opened: w['w:opened'] ?? null };
}

export async function benchStart({ browser, dir = 'build', serve, runs, say, table, ms, size }) {
	const wasmUrl = engineWasm(dir);
	const server = await serve({ '/__floor': floorPage(wasmUrl) });
	const isEngine = engineScripts(dir);
	const rows = { floor: [], cold: [], warm: [] };
	const context = (options = {}) => browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
	try {
		for (let i = 0; i < runs; i++) {
			// The floor.
			{
				const ctx = await context({ serviceWorkers: 'block' });
				const page = await ctx.newPage();
				await page.goto(server.url + '/__floor');
				await page.waitForFunction(() => performance.getEntriesByName('floor').length || document.title.startsWith('failed'), null, { timeout: TIMEOUT });
				const floor = await page.evaluate(() => performance.getEntriesByName('floor')[0]?.startTime ?? null);
				if (floor === null) throw new Error(`the floor page failed: ${await page.title()}`);
				rows.floor.push({ floor });
				await ctx.close();
			}
			// Cold: a first visit (the service worker registers and installs, as for a new user).
			const ctx = await context({ serviceWorkers: 'allow' });
			{
				const rec = recordRequests(ctx);
				const page = await ctx.newPage();
				const m = await appVisit(page, server.url + '/');
				const reqs = await rec.stop();
				const page_ = reqs.filter((r) => !r.bySW);
				const js = [...new Set(page_.map((r) => new URL(r.url).pathname).filter((p) => p.endsWith('.js')))];
				rows.cold.push({
					...m,
					bytes: page_.reduce((s, r) => s + r.bytes, 0),
					network: page_.length,
					appJs: js.filter((p) => !isEngine(p)).reduce((s, p) => s + gzipSize(dir, p), 0),
					engineJs: js.filter(isEngine).reduce((s, p) => s + gzipSize(dir, p), 0)
				});
				// The service worker has installed (its cache holds the app) before the second visit.
				await page.evaluate(async () => {
					await navigator.serviceWorker.ready;
				});
				await page.close();
			}
			// Warm: the second visit, in a new tab of the same browser profile.
			{
				const rec = recordRequests(ctx);
				const page = await ctx.newPage();
				const m = await appVisit(page, server.url + '/');
				const reqs = await rec.stop();
				const net = reqs.filter((r) => !r.fromSW && !r.bySW);
				rows.warm.push({ ...m, bytes: net.reduce((s, r) => s + r.bytes, 0), network: net.length, controlled: await page.evaluate(() => !!navigator.serviceWorker.controller) });
			}
			await ctx.close();
		}
	} finally {
		await server.close();
	}

	const median = (xs) => {
		const s = xs.filter((x) => x !== null && x !== undefined && !Number.isNaN(x)).sort((a, b) => a - b);
		if (!s.length) return null;
		const m = s.length >> 1;
		return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
	};
	const med = (kind, key) => median(rows[kind].map((r) => r[key]));
	const floor = med('floor', 'floor');
	const ratio = (v) => (v === null || !floor ? '–' : `${(v / floor).toFixed(2)}×`);
	const spread = (kind, key) => {
		const xs = rows[kind].map((r) => r[key]).filter((x) => x !== null);
		return xs.length ? `${ms(Math.min(...xs))}–${ms(Math.max(...xs))}` : '–';
	};
	const line = (label, key, cold, warm) => [label, ms(med('cold', key)), ratio(med('cold', key)), spread('cold', key), cold, ms(med('warm', key)), ratio(med('warm', key)), spread('warm', key), warm];

	say(`\n[browser] start-up of /, beside the engine's floor; ${runs} runs, medians (min–max); ${browser.version()}, loopback server (sirv: precompressed files, _app/immutable cached for good)`);
	say(`floor: a blank page fetching and compiling the same wasm (${wasmUrl.split('/').pop()}) in a fresh context: ${ms(floor)} ms (${spread('floor', 'floor')})`);
	say(
		table(
			['ms from navigation', 'cold', '× floor', 'range', 'target', 'warm', '× floor', 'range', 'target'],
			[
				line('first contentful paint', 'fcp', '', ''),
				line('first-chart', 'chart', '≤ 0.5×', '≤ 0.3×'),
				line('db-ready', 'db', '≤ 1.5×', '≤ 1.0×'),
				line('data-ready', 'data', '', ''),
				line('  wasm requested (inline script)', 'start', '', ''),
				line('  wasm compiled (page)', 'compiled', '', ''),
				line("  DuckDB's worker script run (worker)", 'script', '', ''),
				line('  module received (worker)', 'module', '', ''),
				line('  wasm instantiated (worker)', 'instantiated', '', ''),
				line('  DuckDB instantiated (worker)', 'duckdb', '', ''),
				line('  database opened (worker)', 'opened', '', ''),
				line("  the page's DuckDB API asks", 'asked', '', ''),
				line('  connect + settings, after open (duration)', 'open', '', ''),
				line('  bundled tables inserted (duration)', 'insert', '', ''),
				line('  first page query (duration)', 'firstQuery', '', '')
			]
		)
	);
	const warmNet = median(rows.warm.map((r) => r.network));
	say(
		`transferred: cold ${size(med('cold', 'bytes'))} in ${med('cold', 'network')} requests of the page (the service worker's install fetches more, not counted); warm ${size(med('warm', 'bytes'))} from the network in ${warmNet} requests (page controlled by the service worker: ${rows.warm.every((r) => r.controlled) ? 'yes' : 'NO'})`
	);
	say(`JS fetched before the first chart and data-ready (gzip as served): app ${size(med('cold', 'appJs'))} (target ≤ 150 KiB), engine (DuckDB's worker script and JS API, our worker shim) ${size(med('cold', 'engineJs'))}`);
	return { floor, rows };
}

/** The prerendered pages' size as served (gzip): what a page carries before any script runs. */
export function pageSizes(dir = 'build') {
	const pages = fs
		.readdirSync(dir, { recursive: true })
		.filter((rel) => rel.endsWith('.html') && rel !== '200.html')
		.map((rel) => ({ rel, gz: gzipSize(dir, '/' + rel.split(path.sep).join('/')) }))
		.sort((a, b) => a.gz - b.gz);
	return { count: pages.length, median: pages[pages.length >> 1]?.gz ?? 0, max: pages[pages.length - 1] ?? null };
}
