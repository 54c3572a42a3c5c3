// `npm run bench [-- --runs N] [-- --skip-node] [-- --start-only]`: how fast the app starts and how big it is.
//  1. Start-up of / beside the engine's floor (fetch + compile of the same wasm on a blank page), N runs
//     (default 5): cold (first visit) and warm (second visit, from the service worker) first contentful
//     paint, first-chart, db-ready, data-ready, the engine's steps, bytes, JS before the first chart,
//     ratios to the floor and the targets of issue 11 (scripts/bench-start.js).
//  2. Sizes of build/: JS, wasm, CSS and data, raw and precompressed (.br/.gz).
//  3. In Node (DuckDB-WASM's Node build, the app's own src/lib/db code loaded through Vite):
//     the bundled indicator_values: DuckDB's read_csv, and the app's loader from CSV and from Parquet.
//  4. Loading files in Chromium (scripts/bench-load.js): 1M rows CSV and Parquet (ZSTD) through the
//     app's loader against DuckDB-WASM's own read_csv on the same file, the longest main-thread task,
//     p95 of year changes with 1M rows loaded, and 10M rows CSV (memory peak). `--skip-load` leaves it
//     out; `--big N` sets the large file's rows (0 = none); `--load-runs N` (default 3).
// Ends with a plain-text block to paste into notes.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium, launch, serveBuild } from './browser.js';
import { lastBuild } from './build-log.js';
import { checkBuild } from './check-build.js';
import { benchLoad } from './bench-load.js';
import { benchStart, pageSizes } from './bench-start.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(ROOT);

const argv = process.argv.slice(2);
const argValue = (name, fallback) => {
	const i = argv.findIndex((a) => a === name || a.startsWith(name + '='));
	if (i < 0) return fallback;
	return argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1];
};
const RUNS = Math.max(1, Number(argValue('--runs', 5)) || 5);
const NODE_RUNS = Math.max(1, Number(argValue('--node-runs', 5)) || 5);
// --start-only: the start-up and the sizes alone (sections 1 and 2).
const START_ONLY = argv.includes('--start-only');
const SKIP_NODE = START_ONLY || argv.includes('--skip-node');
const SKIP_LOAD = START_ONLY || argv.includes('--skip-load');
const BIG = Number(argValue('--big', 10_000_000));
const LOAD_RUNS = Math.max(1, Number(argValue('--load-runs', 3)) || 3);
const TIMEOUT = 60_000;

const median = (xs) => {
	const s = [...xs].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const stats = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });
const ms = (v) => (v === null || v === undefined || Number.isNaN(v) ? '–' : `${Math.round(v)}`);
const kb = (bytes) => (bytes ? `${(bytes / 1024).toLocaleString('en', { maximumFractionDigits: bytes < 10240 ? 1 : 0 })} KiB` : '–');
const mb = (bytes) => (bytes ? `${(bytes / 1048576).toFixed(2)} MiB` : '–');
const size = (bytes) => (bytes >= 1048576 ? mb(bytes) : kb(bytes));

function table(header, rows) {
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
	const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
	return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const notes = [];
const say = (text = '') => {
	console.log(text);
	notes.push(text);
};

// ---------------------------------------------------------------------------------------------
if (!fs.existsSync('build/index.html')) {
	console.log('build/ is missing: npm run build');
	const b = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
	if (b.status !== 0) process.exit(1);
}

const unwhole = checkBuild('build');
if (unwhole.length) console.warn(`WARNING: build/ is not whole (another build writing it?); figures may be wrong:\n  ${unwhole.slice(0, 5).join('\n  ')}`);

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model?.trim() ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
say(`OAP dashboard benchmark — ${new Date().toISOString().slice(0, 16)}Z — ${machine}`);

// 1. Start-up beside the floor, cold and warm (scripts/bench-start.js) -------------------------------
async function startUp() {
	if (!findChromium()) {
		say('\n[browser] SKIPPED: no Chromium found (apt-get install -y chromium)');
		return;
	}
	const browser = await launch();
	try {
		await benchStart({ browser, serve: (pages) => serveBuild('build', 0, pages), runs: RUNS, say, table, ms, size });
	} finally {
		await browser.close();
	}
}

// 1b. The SQL console: its own DuckDB and a copy of the loaded tables, made on the first Run ----------
async function consoleRuns() {
	if (!findChromium()) return;
	const server = await serveBuild();
	const browser = await launch();
	const first = [];
	const later = [];
	const warm = [];
	const time = async (page, sql) => {
		await page.fill('[data-testid="sql-text"]', sql);
		const t0 = await page.evaluate(() => performance.now());
		await page.click('[data-testid="sql-run"]');
		await page.waitForFunction((q) => document.querySelector('[data-testid="sql-count"]') && new URL(location.href).searchParams.get('q') === q && !document.querySelector('[data-testid="sql-running"]'), sql, { timeout: TIMEOUT });
		return (await page.evaluate(() => performance.now())) - t0;
	};
	try {
		for (let i = 0; i < RUNS; i++) {
			const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
			const page = await context.newPage();
			await page.goto(server.url + '/sql');
			await page.waitForFunction(() => performance.getEntriesByName('data-ready').length, null, { timeout: TIMEOUT });
			first.push(await time(page, 'SELECT 1 AS one'));
			warm.push(await time(page, 'SELECT count(*) AS n FROM indicator_values'));
			await context.close();
			// A reader who reads the query for a few seconds first: the engine was prepared meanwhile.
			const reader = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
			const page2 = await reader.newPage();
			await page2.goto(server.url + '/sql');
			await page2.waitForFunction(() => performance.getEntriesByName('data-ready').length, null, { timeout: TIMEOUT });
			await page2.waitForTimeout(4000);
			later.push(await time(page2, 'SELECT 1 AS one'));
			await reader.close();
		}
	} finally {
		await browser.close();
		await server.close();
	}
	say(`\n[browser] SQL console (second DuckDB in its own worker, started and fed a copy of the loaded tables once they are in), ${RUNS} runs`);
	say(
		table(
			['ms', 'median', 'min', 'max'],
			[
				['first Run as soon as the data are in', first],
				['first Run 4 s after the data are in', later],
				['next Run: query only', warm]
			].map(([label, xs]) => {
				const s = stats(xs);
				return [label, ms(s.median), ms(s.min), ms(s.max)];
			})
		)
	);
}

// 2. Sizes ---------------------------------------------------------------------------------------
function sizes() {
	const files = ['build/_app', 'build/data-files']
		.filter((d) => fs.existsSync(d))
		.flatMap((d) => fs.readdirSync(d, { recursive: true }).map((rel) => path.join(d, rel)))
		.filter((f) => fs.statSync(f).isFile());
	const bytes = (f) => (fs.existsSync(f) ? fs.statSync(f).size : 0);
	const groups = [
		['JS (.js under build/_app)', /\.js$/],
		['CSS', /\.css$/],
		['wasm (all bundles)', /\.wasm$/],
		['bundled tables, checked at build time (.bin)', /\.bin$/],
		['data files a deployment may replace (.csv/.parquet)', /\.(csv|parquet)$/]
	];
	const rows = groups.map(([label, re]) => {
		const list = files.filter((f) => re.test(f));
		const raw = list.reduce((s, f) => s + bytes(f), 0);
		const br = list.reduce((s, f) => s + bytes(f + '.br'), 0);
		const gz = list.reduce((s, f) => s + bytes(f + '.gz'), 0);
		const missing = list.filter((f) => !fs.existsSync(f + '.br')).length;
		const note = missing && /csv/.test(label) ? 'not precompressed (replaceable)' : missing ? `${missing} not precompressed` : '';
		return [label, String(list.length), size(raw), br ? size(br) : '–', gz ? size(gz) : '–', note];
	});
	const wasmRows = files
		.filter((f) => f.endsWith('.wasm'))
		.map((f) => [`  ${path.basename(f)}`, '1', size(bytes(f)), size(bytes(f + '.br')), size(bytes(f + '.gz')), '']);
	const dataRows = files
		.filter((f) => /\.(csv|parquet)$/.test(f))
		.sort((a, b) => bytes(b) - bytes(a))
		.slice(0, 3)
		.map((f) => [`  ${path.basename(f)}`, '1', size(bytes(f)), size(bytes(f + '.br')), size(bytes(f + '.gz')), '']);
	say('\n[build] sizes');
	say(table(['', 'files', 'raw', '.br', '.gz', 'note'], [...rows.slice(0, 2), rows[2], ...wasmRows, rows[3], rows[4], ...dataRows]));
	const repoData = fs.readdirSync('data').filter((f) => /\.(csv|parquet)$/.test(f));
	const sum = (ext) => repoData.filter((f) => f.endsWith(ext)).reduce((s, f) => s + bytes(path.join('data', f)), 0);
	const { page, answer } = pageSizes('build');
	say(`prerendered pages as served (gzip): ${page.count} pages, median ${size(page.median)}, largest ${size(page.max?.gz ?? 0)} (${page.max?.rel ?? '–'})`);
	say(`their prerendered answers alone (gzip): ${answer.count} pages, median ${size(answer.median)}, largest ${size(answer.max?.answer ?? 0)} (${answer.max?.rel ?? '–'}); target ≤ 30 KB each: ${(answer.max?.answer ?? 0) <= 30 * 1024 ? 'met' : 'NOT met'}`);
	const last = lastBuild();
	if (last) say(`last \`npm run build\`: ${last.seconds.toFixed(0)} s (target ≤ 150 s, half of the 5 min the issue measured: ${last.seconds <= 150 ? 'met' : 'NOT met'}), precompression cache ${last.cache}; build/ ${size(last.bytes)} in ${last.files} files, nothing unserved`);
	say(`data/ in the repo: ${size(sum('.csv'))} as CSV, ${size(sum('.parquet'))} as Parquet (indicator_values: ${size(bytes('data/indicator_values.csv'))} CSV vs ${size(bytes('data/indicator_values.parquet'))} Parquet)`);
}

// 3. CSV vs Parquet in Node ------------------------------------------------------------------------
async function csvVsParquet() {
	if (SKIP_NODE) return;
	if (!fs.existsSync('data/indicator_values.parquet')) {
		say('\n[node] SKIPPED: data/indicator_values.parquet is missing');
		return;
	}
	const { createServer } = await import('vite');
	// The app's modules as they are (TypeScript, $lib imports), through Vite's SSR loader.
	const vite = await createServer({
		configFile: false,
		root: ROOT,
		logLevel: 'error',
		appType: 'custom',
		server: { middlewareMode: true, hmr: false, watch: null, ws: false },
		resolve: { alias: { $lib: path.join(ROOT, 'src/lib') } },
		optimizeDeps: { noDiscovery: true, include: [] }
	});
	try {
		const ingest = { ...(await vite.ssrLoadModule('/src/lib/db/ingest.ts')), ...(await vite.ssrLoadModule('/src/lib/db/node-loader.ts')) };
		const { createNodeConnector } = await vite.ssrLoadModule('/src/lib/db/node.ts');
		const t0 = performance.now();
		const conn = await createNodeConnector();
		const instantiate = performance.now() - t0;
		const read = (f) => new Uint8Array(fs.readFileSync(path.join('data', f)));
		await ingest.createTables(conn);
		const loader = await ingest.nodeLoader(conn);
		for (const t of ['states', 'state_obligations', 'actions', 'indicators']) await ingest.loadBytes(loader, `${t}.csv`, read(`${t}.csv`));

		const csv = read('indicator_values.csv');
		const parquet = read('indicator_values.parquet');
		const count = async () => (await conn.query('SELECT count(*)::INTEGER AS n FROM indicator_values'))[0].n;
		const time = async (fn) => {
			await conn.exec('DELETE FROM indicator_values');
			const s = performance.now();
			const out = await fn();
			if (out && out.status && out.status !== 'loaded') throw new Error(JSON.stringify(out).slice(0, 500));
			const took = performance.now() - s;
			return { took, rows: await count() };
		};
		await conn.registerFile('bench_values.csv', csv);
		const ways = [
			['CSV → DuckDB read_csv, types sniffed (reference)', () => conn.exec(`INSERT INTO indicator_values SELECT * FROM read_csv('bench_values.csv')`), csv.length],
			['CSV → the loader (read, type, check every rule, replace)', () => ingest.loadBytes(loader, 'indicator_values.csv', csv, { mode: 'replace' }), csv.length],
			['Parquet → parquet-wasm → the loader', () => ingest.loadBytes(loader, 'indicator_values.parquet', parquet, { mode: 'replace' }), parquet.length]
		];
		const rows = [];
		for (const [label, fn, bytes] of ways) {
			await time(fn); // warm-up
			const runs = [];
			let loaded = 0;
			for (let i = 0; i < NODE_RUNS; i++) {
				const r = await time(fn);
				runs.push(r.took);
				loaded = r.rows;
			}
			const s = stats(runs);
			rows.push([label, size(bytes), String(loaded), ms(s.median), ms(s.min), ms(s.max)]);
		}
		await conn.close();
		say(`\n[node] bundled indicator_values into DuckDB-WASM (Node build, blocking), ${NODE_RUNS} runs after a warm-up; engine instantiate ${ms(instantiate)} ms`);
		say(table(['way', 'file', 'rows', 'median ms', 'min', 'max'], rows));
	} finally {
		await vite.close();
	}
}

async function loading() {
	if (SKIP_LOAD || !findChromium()) return;
	const server = await serveBuild();
	const browser = await launch();
	try {
		await benchLoad({ browser, baseURL: server.url, say, table, ms, size, runs: LOAD_RUNS, big: BIG });
	} finally {
		await browser.close();
		await server.close();
	}
}

try {
	await startUp();
	if (!START_ONLY) await consoleRuns();
	sizes();
	await csvVsParquet();
	await loading();
} catch (e) {
	console.error(`\nbench failed: ${e.stack || e.message}`);
	process.exitCode = 1;
}

console.log('\n----- paste into notes -----');
console.log(notes.join('\n'));
console.log('----- end -----');
