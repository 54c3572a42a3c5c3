// The start-up part of `npm run bench`, in one run, beside the engine's own floor:
//  - floor: a blank page on the same server doing fetch + WebAssembly.compileStreaming of the same
//    duckdb-eh wasm, in a fresh context (nothing cached);
//  - cold: the app's / in a fresh context (a first visit: nothing cached; the service worker installs
//    once the data are in);
//  - warm, offline: a second visit in a new tab of that profile, the network off (the service worker
//    serves everything): the target's "no network needed";
//  - warm, online: a third visit with the network on (the service worker still asks the network first
//    for the deployment's data files, so a replaced file is seen at once).
// Also the engine alone: a blank page starting DuckDB-WASM as its documentation does, first and second
// visit: what any page using this engine waits for before its first query.
// Each: first contentful paint, first-chart, db-ready, data-ready, the engine's steps (page and worker
// marks), bytes and requests that reached the network, JS fetched (gzip, as served).
// first-chart is the frame in which a chart's drawing is first in the page, whoever put it there: the
// prerendered document or the app's drawing (its 'first-chart' mark): a requestAnimationFrame loop from
// the document's start marks 'chart-in-page' just before that frame is painted; as nothing is seen
// before the first contentful paint, first-chart is the later of the two.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const TIMEOUT = 60_000;
const MARKS = ['first-chart', 'db-ready', 'data-ready'];

/** Runs before any script of the page: marks the first frame that has a chart's drawing in it. */
function markChartInPage() {
	const tick = () => {
		if (document.querySelector('figure[data-chart] .plot svg')) performance.mark('chart-in-page');
		else requestAnimationFrame(tick);
	};
	requestAnimationFrame(tick);
}

/** The blank page of the floor: the same wasm, fetched and compiled, nothing else. */
function floorPage(wasmUrl) {
	return `<!doctype html><title>floor</title><script>
WebAssembly.compileStreaming(fetch(${JSON.stringify(wasmUrl)})).then(() => performance.mark('floor'), (e) => { document.title = 'failed: ' + e; });
</script>`;
}

/**
 * The engine alone: a blank page starting DuckDB-WASM as its documentation does (its worker,
 * `AsyncDuckDB.instantiate`, `open`) with the build's own worker script and wasm: what any page using
 * this engine waits for before its first query. Bundled here with esbuild (Vite's own).
 */
async function enginePage(dir) {
	const { build } = await import('esbuild');
	const assets = path.join(dir, '_app/immutable/assets');
	const worker = `/_app/immutable/assets/${fs.readdirSync(assets).find((f) => /^duckdb-browser-eh\.worker\..*\.js$/.test(f))}`;
	const source = `import { AsyncDuckDB, VoidLogger } from '@duckdb/duckdb-wasm';
const db = new AsyncDuckDB(new VoidLogger(), new Worker(${JSON.stringify(worker)}));
db.instantiate(${JSON.stringify(engineWasm(dir))}).then(() => db.open({ query: { castBigIntToDouble: true } })).then(() => performance.mark('engine'), (e) => { document.title = 'failed: ' + e; });`;
	const out = await build({ stdin: { contents: source, resolveDir: process.cwd(), loader: 'js' }, bundle: true, format: 'esm', platform: 'browser', write: false, minify: true, logLevel: 'silent' });
	return `<!doctype html><title>engine</title><script type="module">${out.outputFiles[0].text.replaceAll('</script', '<\\/script')}</script>`;
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
				return { url: r.url(), start: r.timing().startTime, bytes: (s?.responseBodySize ?? 0) + (s?.responseHeadersSize ?? 0), fromSW: resp?.fromServiceWorker() ?? false, bySW: !!r.serviceWorker() };
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

/** The distinct JS files among requests the page made (not the service worker's own). */
const scriptsOf = (reqs) => [...new Set(reqs.filter((r) => !r.bySW).map((r) => new URL(r.url).pathname).filter((p) => p.endsWith('.js')))];

/**
 * Visit `url` in a new tab of `ctx`; the marks, the engine's steps and what reached the network (with
 * `worker`, also the service worker's own requests).
 */
async function visit(ctx, url, { worker = true } = {}) {
	const rec = recordRequests(ctx);
	const page = await ctx.newPage();
	await page.addInitScript(markChartInPage);
	await page.goto(url);
	await page.waitForFunction((names) => names.every((n) => performance.getEntriesByName(n).length), MARKS, { timeout: TIMEOUT });
	const m = await page.evaluate(() => {
		const at = (n) => performance.getEntriesByName(n)[0]?.startTime ?? null;
		const measure = (n) => performance.getEntriesByName(n, 'measure')[0] ?? null;
		return {
			origin: performance.timeOrigin,
			fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
			chart: Math.max(at('chart-in-page') ?? Infinity, performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0),
			drawn: at('first-chart'),
			db: at('db-ready'),
			data: at('data-ready'),
			start: at('oap-engine:start'),
			compiled: at('oap-engine:compiled'),
			asked: measure('oap-engine:instantiate')?.startTime ?? null,
			open: measure('oap-engine:open')?.duration ?? null,
			insert: measure('oap-engine:insert')?.duration ?? null,
			controlled: !!navigator.serviceWorker?.controller
		};
	});
	const w = await workerSteps(page, m.origin);
	const reqs = await rec.stop();
	// What reached the network: the page's own requests not answered by the service worker, and the worker's own.
	const net = reqs.filter((r) => !r.fromSW && (worker || !r.bySW));
	return {
		page,
		...m,
		script: w['w:duckdb-script'] ?? null,
		module: w['w:wasm-module'] ?? null,
		instantiated: w['w:wasm-instantiated'] ?? null,
		duckdb: w['w:duckdb-instantiated'] ?? null,
		opened: w['w:opened'] ?? null,
		bytes: net.reduce((s, r) => s + r.bytes, 0),
		network: net.length,
		// JS asked for until data-ready (the first load), and what came after it until the app's own drawing.
		js: scriptsOf(reqs.filter((r) => r.start <= m.origin + m.data)),
		laterJs: scriptsOf(reqs.filter((r) => r.start > m.origin + m.data))
	};
}

export async function benchStart({ browser, dir = 'build', serve, runs, say, table, ms, size }) {
	const wasmUrl = engineWasm(dir);
	const server = await serve({ '/__floor': floorPage(wasmUrl), '/__engine': await enginePage(dir) });
	const isEngine = engineScripts(dir);
	const rows = { floor: [], engine: [], cold: [], offline: [], online: [] };
	const context = (options = {}) => browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
	try {
		for (let i = 0; i < runs; i++) {
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
			{
				// First visit, then a second in the same profile (the wasm from the HTTP cache).
				const ctx = await context({ serviceWorkers: 'block' });
				const started = [];
				for (let visit = 0; visit < 2; visit++) {
					const page = await ctx.newPage();
					await page.goto(server.url + '/__engine');
					await page.waitForFunction(() => performance.getEntriesByName('engine').length || document.title.startsWith('failed'), null, { timeout: TIMEOUT });
					const at = await page.evaluate(() => performance.getEntriesByName('engine')[0]?.startTime ?? null);
					if (at === null) throw new Error(`the engine page failed: ${await page.title()}`);
					started.push(at);
					await page.close();
				}
				rows.engine.push({ engine: started[0], engineWarm: started[1] });
				await ctx.close();
			}
			const ctx = await context({ serviceWorkers: 'allow' });
			const cold = await visit(ctx, server.url + '/', { worker: false });
			rows.cold.push({
				...cold,
				appJs: cold.js.filter((p) => !isEngine(p)).reduce((s, p) => s + gzipSize(dir, p), 0),
				engineJs: cold.js.filter(isEngine).reduce((s, p) => s + gzipSize(dir, p), 0),
				laterJs: cold.laterJs.reduce((s, p) => s + gzipSize(dir, p), 0)
			});
			// The service worker is active (its install cached the app) and the first visit's own check of the data files is over.
			await cold.page.evaluate(async () => {
				await navigator.serviceWorker.ready;
			});
			await cold.page.waitForFunction(() => performance.getEntriesByName('data-checked').length, null, { timeout: TIMEOUT });
			await cold.page.close();
			await ctx.setOffline(true);
			const offline = await visit(ctx, server.url + '/');
			rows.offline.push(offline);
			await offline.page.close();
			await ctx.setOffline(false);
			const online = await visit(ctx, server.url + '/');
			rows.online.push(online);
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
	const cell = (kind, key) => {
		const xs = rows[kind].map((r) => r[key]).filter((x) => x !== null && x !== undefined);
		return xs.length ? `${ms(med(kind, key))} (${ms(Math.min(...xs))}–${ms(Math.max(...xs))})` : '–';
	};
	/** A target `≤ k × floor`, met or not in this run's medians. */
	const target = (kind, key, k) => {
		const v = med(kind, key);
		return v === null || !floor ? '' : `≤ ${k}×: ${v <= k * floor ? 'met' : 'NOT met'}`;
	};
	const line = (label, key, targets = {}) => [
		label,
		cell('cold', key),
		ratio(med('cold', key)),
		targets.cold ? target('cold', key, targets.cold) : '',
		cell('offline', key),
		ratio(med('offline', key)),
		targets.warm ? target('offline', key, targets.warm) : '',
		cell('online', key),
		ratio(med('online', key))
	];

	say(`\n[browser] start-up of /, beside the engine's floor; ${runs} runs, medians (min–max); ${browser.version()}, loopback server (sirv: precompressed files, _app/immutable cached for good)`);
	say(`floor: a blank page fetching and compiling the same wasm (${wasmUrl.split('/').pop()}, brotli) in a fresh context: ${cell('floor', 'floor')} ms`);
	const alone = med('engine', 'engine');
	const aloneWarm = med('engine', 'engineWarm');
	say(`the engine alone: a blank page starting DuckDB-WASM as its documentation does (AsyncDuckDB instantiate + open, the same files): first visit ${cell('engine', 'engine')} ms = ${ratio(alone)} the floor, second visit (wasm from the HTTP cache) ${cell('engine', 'engineWarm')} ms = ${ratio(aloneWarm)}; the app's db-ready is ${alone ? (med('cold', 'db') / alone).toFixed(2) : '–'}× the first, warm ${aloneWarm ? (med('offline', 'db') / aloneWarm).toFixed(2) : '–'}× the second`);
	say(
		table(
			['ms from navigation', 'cold', '× floor', 'target', 'warm, offline', '× floor', 'target', 'warm, online', '× floor'],
			[
				line('first contentful paint', 'fcp'),
				line('first-chart', 'chart', { cold: 0.5, warm: 0.3 }),
				line("  the app's own first drawing", 'drawn'),
				line('db-ready', 'db', { cold: 1.5, warm: 1.0 }),
				line('data-ready', 'data'),
				line('  wasm requested (inline script)', 'start'),
				line('  wasm compiled (page)', 'compiled'),
				line("  DuckDB's worker script run (worker)", 'script'),
				line('  module received (worker)', 'module'),
				line('  wasm instantiated (worker)', 'instantiated'),
				line('  DuckDB instantiated (worker)', 'duckdb'),
				line('  database opened (worker)', 'opened'),
				line("  the page's DuckDB API asks", 'asked'),
				line('  connect + settings, after open (ms)', 'open'),
				line('  bundled tables inserted (ms)', 'insert')
			]
		)
	);
	const net = (kind) => `${size(med(kind, 'bytes'))} in ${med(kind, 'network')} requests`;
	say(`transferred from the network until data-ready: cold ${net('cold')} (the service worker's install comes after); warm offline ${net('offline')}; warm online ${net('online')} (the service worker's revalidation of the data files)`);
	say(`pages controlled by the service worker on the second and third visits: ${[...rows.offline, ...rows.online].every((r) => r.controlled) ? 'all' : 'NOT all'}`);
	const app = med('cold', 'appJs');
	const engine = med('cold', 'engineJs');
	say(`JS on the first load, until data-ready (gzip as served): ${size(app + engine)} = app ${size(app)} (target ≤ 150 KiB: ${app <= 150 * 1024 ? 'met' : 'NOT met'}) + engine ${size(engine)} (DuckDB's worker script and JS API with apache-arrow, our worker shim)`);
	say(`JS asked for after data-ready, until the app's own first drawing (Observable Plot, to draw the charts at the window's width): ${size(med('cold', 'laterJs'))}`);
	return { floor, rows };
}

/** The prerendered pages, whole and their answer alone (the JSON block), gzip: what a page carries before any script runs. */
export function pageSizes(dir = 'build') {
	const pages = fs
		.readdirSync(dir, { recursive: true })
		.filter((rel) => rel.endsWith('.html') && rel !== '200.html')
		.map((rel) => {
			const answer = /<script type="application\/json" id="oap-view">[\s\S]*?<\/script>/.exec(fs.readFileSync(path.join(dir, rel), 'utf8'))?.[0];
			return { rel, gz: gzipSize(dir, '/' + rel.split(path.sep).join('/')), answer: answer ? zlib.gzipSync(answer).length : 0 };
		});
	const stats = (key) => {
		const sorted = [...pages].filter((p) => p[key] > 0).sort((a, b) => a[key] - b[key]);
		return { count: sorted.length, median: sorted[sorted.length >> 1]?.[key] ?? 0, max: sorted[sorted.length - 1] ?? null };
	};
	return { page: stats('gz'), answer: stats('answer') };
}
