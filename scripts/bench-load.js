// The loading part of `npm run bench`: generated indicator values loaded in Chromium through the
// app's own file loader, against DuckDB-WASM's own read_csv on the same file in the same page.
//  - 1M rows CSV and 1M rows Parquet (ZSTD, written by the native DuckDB): our load vs read_csv, ratio;
//  - the longest main-thread task during each load (PerformanceObserver longtask);
//  - with 1M rows loaded: p95 of year changes on / and /actions/21 (input → last DOM change);
//  - 10M rows CSV in a fresh tab: outcome, time, memory peak of the browser's processes, longest task.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

const DIR = path.join(os.tmpdir(), 'oap-bench-files');
const INDICATORS = 100;

function states() {
	const lines = fs.readFileSync('data/states.csv', 'utf8').split(/\r?\n/).slice(1).filter(Boolean);
	return lines.map((l) => l.slice(0, 3));
}

/** indicator_values with `n` rows: 100 indicators × States × years (× sex and age beyond that), values varied. */
function writeValues(n, file) {
	if (fs.existsSync(file)) return file;
	const iso = states();
	const fd = fs.openSync(file + '.tmp', 'w');
	let buf = ['indicator_id,iso3,year,value,sex,age_group,source'];
	const sexes = ['', 'female', 'male', 'unknown'];
	const ages = ['', 'child', 'adult', 'unknown'];
	const perBlock = INDICATORS * iso.length * 100;
	for (let i = 0; i < n; i++) {
		const b = Math.floor(i / perBlock);
		const r = i % perBlock;
		const combo = b % 16;
		buf.push(`B${r % INDICATORS}.1,${iso[Math.floor(r / INDICATORS) % iso.length]},${1997 + Math.floor(r / (INDICATORS * iso.length))},${((i * 7919) % 100003) / 10},${sexes[combo % 4]},${ages[Math.floor(combo / 4)]},bench generated`);
		if (buf.length >= 20000) {
			fs.writeSync(fd, buf.join('\n') + '\n');
			buf = [];
		}
	}
	fs.writeSync(fd, buf.join('\n') + '\n');
	fs.closeSync(fd);
	fs.renameSync(file + '.tmp', file);
	return file;
}

function writeIndicators(file) {
	const rows = Array.from({ length: INDICATORS }, (_, i) => `B${i}.1,${1 + (i % 50)},Bench indicator ${i},count,higher_is_better,all,,bench generated`);
	fs.writeFileSync(file, 'indicator_id,action,label,unit,polarity,applies_to,target,source\n' + rows.join('\n') + '\n');
	return file;
}

async function writeParquet(csv, file) {
	if (fs.existsSync(file)) return file;
	const conn = await (await DuckDBInstance.create(':memory:')).connect();
	await conn.run(
		`COPY (SELECT * FROM read_csv('${csv}', header = true, columns = {'indicator_id': 'VARCHAR', 'iso3': 'VARCHAR', 'year': 'INTEGER', 'value': 'DOUBLE', 'sex': 'VARCHAR', 'age_group': 'VARCHAR', 'source': 'VARCHAR'})) TO '${file}' (FORMAT parquet, COMPRESSION zstd)`
	);
	return file;
}

const LONGTASKS = () => {
	window.__longtasks = [];
	new PerformanceObserver((list) => window.__longtasks.push(...list.getEntries().map((e) => ({ start: e.startTime, duration: e.duration })))).observe({ type: 'longtask', buffered: true });
	localStorage.setItem('oap.bench', '1');
};

/** Resident memory (MiB) of the browser's processes, from the kernel. */
function rss(pids) {
	let kb = 0;
	for (const pid of pids) {
		try {
			kb += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
		} catch {
			// the process ended
		}
	}
	return kb / 1024;
}

async function openData(page) {
	await page.goto('/data');
	await page.waitForFunction(() => Number(document.querySelector('[data-testid="rows-indicator_values"]')?.textContent.replace(/\D/g, '')) > 0, null, { timeout: 120_000 });
}

/** Wait until the page has been still for a second (no DOM change): what the last load set off is over. */
async function settle(page) {
	await page.evaluate(
		() =>
			new Promise((resolve) => {
				let last = performance.now();
				const obs = new MutationObserver(() => (last = performance.now()));
				obs.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
				const check = () => (performance.now() - last > 1000 ? (obs.disconnect(), resolve()) : setTimeout(check, 100));
				check();
			})
	);
}

/** Load files through the app's loader; returns the app's own measure and the longest task meanwhile. */
async function appLoad(page, files, mode, timeout) {
	await page.locator(`[data-testid="mode-${mode}"]`).check();
	const t0 = await page.evaluate(() => performance.now());
	await page.locator('[data-testid="file-input"]').setInputFiles(files);
	await page.locator('[data-testid="load-outcomes"]').waitFor({ timeout });
	return page.evaluate((start) => {
		const m = performance.getEntriesByName('oap-load').at(-1);
		const tasks = window.__longtasks.filter((t) => t.start >= start);
		const outcome = [...document.querySelectorAll('[data-testid="load-outcomes"] > li')].map((li) => li.textContent.trim().slice(0, 200));
		const steps = performance
			.getEntriesByType('measure')
			.filter((e) => e.name.startsWith('oap-load:') && e.startTime >= start)
			.map((e) => `${e.name.slice(9)} ${Math.round(e.duration)}`)
			.join(', ');
		return { ms: m?.duration ?? null, longest: Math.max(0, ...tasks.map((t) => t.duration)), outcome, steps, ok: document.querySelectorAll('[data-testid="load-ok"]').length === outcome.length };
	}, t0);
}

/** DuckDB-WASM's own read_csv (types sniffed) on the same file, registered the same way (in place). */
async function readCsvBaseline(page, file) {
	await page.evaluate(() => {
		const input = Object.assign(document.createElement('input'), { type: 'file', id: 'bench-file' });
		document.body.append(input);
	});
	await page.locator('#bench-file').setInputFiles(file);
	return page.evaluate(async () => {
		const f = document.querySelector('#bench-file').files[0];
		const conn = await window.__oapBench.connector();
		await conn.registerFile('bench-baseline.csv', f);
		const t = performance.now();
		await conn.exec(`CREATE TABLE bench_baseline AS SELECT * FROM read_csv('bench-baseline.csv')`);
		const took = performance.now() - t;
		await conn.exec('DROP TABLE bench_baseline');
		await conn.dropFile('bench-baseline.csv');
		document.querySelector('#bench-file').remove();
		return took;
	});
}

/** Change a <select> `n` times; each time, from the change to the last DOM change (quiet for 400 ms). */
async function interactions(page, selector, n) {
	const times = [];
	const options = await page.locator(`${selector} option`).evaluateAll((os) => os.map((o) => o.value));
	for (let i = 0; i < n; i++) {
		const value = options[(options.length - 1 - (i % options.length) + options.length) % options.length];
		const took = await page.evaluate(
			async ([sel, v]) => {
				const el = document.querySelector(sel);
				if (el.value === v) return null;
				let last = performance.now();
				const obs = new MutationObserver(() => (last = performance.now()));
				obs.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
				const t0 = performance.now();
				el.value = v;
				el.dispatchEvent(new Event('change', { bubbles: true }));
				await new Promise((resolve) => {
					const check = () => (performance.now() - last > 400 ? resolve() : setTimeout(check, 50));
					setTimeout(check, 50);
				});
				obs.disconnect();
				return last - t0;
			},
			[selector, value]
		);
		if (took !== null) times.push(took);
		await page.locator(selector).waitFor();
	}
	return times;
}

const p95 = (xs) => {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)];
};

export async function benchLoad({ browser, baseURL, say, table, ms, size, runs = 3, big = 10_000_000 }) {
	fs.mkdirSync(DIR, { recursive: true });
	say('\n[browser] loading files (generated indicator_values; files in ' + DIR + ')');
	const ind = writeIndicators(path.join(DIR, 'bench-indicators.csv'));
	const csv1m = writeValues(1_000_000, path.join(DIR, 'values-1m.csv'));
	const pq1m = await writeParquet(csv1m, path.join(DIR, 'values-1m.zstd.parquet'));

	const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
	await context.addInitScript(LONGTASKS);
	const page = await context.newPage();
	page.setDefaultTimeout(300_000);
	await openData(page);
	const first = await appLoad(page, ind, 'add', 60_000);
	if (!first.ok) throw new Error(`bench indicators did not load: ${first.outcome.join(' | ')}`);

	const rows = [];
	const stepsOf = [];
	for (const [label, file] of [
		['1M rows CSV', csv1m],
		['1M rows Parquet ZSTD', pq1m]
	]) {
		const base = [];
		const ours = [];
		let longest = 0;
		let steps = '';
		for (let i = 0; i < runs; i++) {
			// Each measured step alone: the page's own refresh after the previous load (its counts and lists
			// on 1M rows) runs in the same engine worker and would be queued in front of the next step.
			await settle(page);
			base.push(await readCsvBaseline(page, csv1m));
			await settle(page);
			const r = await appLoad(page, file, 'replace', 300_000);
			if (!r.ok) throw new Error(`${label} did not load: ${r.outcome.join(' | ')}`);
			ours.push(r.ms);
			longest = Math.max(longest, r.longest);
			steps = r.steps;
		}
		stepsOf.push(`${label}: ${steps}`);
		const med = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
		rows.push([label, size(fs.statSync(file).size), ms(med(base)), ms(med(ours)), (med(ours) / med(base)).toFixed(2) + '×', ms(longest)]);
	}
	say(table(['file', 'size', 'read_csv ms (CSV)', 'our load ms', 'ratio', 'longest task ms'], rows));
	say(`steps of the last run (ms): ${stepsOf.join('; ')}`);
	say(`(median of ${runs}; read_csv = CREATE TABLE AS SELECT * FROM read_csv(file) with sniffed types, on the 1M-row CSV, same page, same engine; our load = choose file → report: read, typed, every rule checked, replaced in one transaction)`);

	// With 1M rows loaded: year changes on / and /actions/21.
	const inter = [];
	for (const [route, selector] of [
		['/', '[data-testid="year"]'],
		['/actions/21', '[data-testid="year"]']
	]) {
		await page.goto(route);
		await page.locator(selector).first().waitFor({ timeout: 300_000 });
		// The selector comes with the prerendered page: wait until the engine has the kept 1M rows
		// back and answers the page (else the first change would time the replay, not the change).
		await page.waitForFunction(() => document.querySelector('[data-testid="view-state"]')?.getAttribute('data-state') === 'live', null, { timeout: 300_000 });
		await page.waitForTimeout(1000);
		const times = await interactions(page, selector, 20);
		inter.push([route, String(times.length), ms(median(times)), ms(p95(times)), ms(Math.max(...times))]);
	}
	say(`\n[browser] interactions with 1M indicator values loaded (change → last DOM change)`);
	say(table(['page', 'changes', 'median ms', 'p95 ms', 'max ms'], inter));
	await context.close();

	if (!big) return;
	const csvBig = writeValues(big, path.join(DIR, `values-${big / 1e6}m.csv`));
	const ctx = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
	await ctx.addInitScript(LONGTASKS);
	const p = await ctx.newPage();
	p.setDefaultTimeout(1_800_000);
	let crashed = false;
	p.on('crash', () => (crashed = true));
	await openData(p);
	await appLoad(p, ind, 'add', 60_000);
	const cdp = await browser.newBrowserCDPSession();
	const pids = async () => (await cdp.send('SystemInfo.getProcessInfo')).processInfo.map((x) => x.id);
	let peak = 0;
	let list = await pids();
	const sampler = setInterval(async () => {
		list = await pids().catch(() => list);
		peak = Math.max(peak, rss(list));
	}, 250);
	const t = Date.now();
	let r;
	try {
		r = await appLoad(p, csvBig, 'replace', 1_800_000);
	} catch (e) {
		r = { ok: false, ms: null, longest: NaN, outcome: [String(e.message).slice(0, 200)] };
	} finally {
		clearInterval(sampler);
	}
	say(`\n[browser] ${big / 1e6}M rows CSV (${size(fs.statSync(csvBig).size)}), replace, fresh tab`);
	say(`steps (ms): ${r.steps ?? '–'}`);
	say(
		table(
			['outcome', 'our load ms', 'wall ms', 'browser memory peak (RSS, all its processes)', 'longest task ms'],
			[[crashed ? 'tab crashed' : r.ok ? 'loaded' : 'not loaded: ' + r.outcome.join(' | ').slice(0, 80), ms(r.ms), ms(Date.now() - t), `${Math.round(peak)} MiB`, ms(r.longest)]]
		)
	);
	await ctx.close();
}

function median(xs) {
	const s = [...xs].sort((a, b) => a - b);
	return s.length ? s[s.length >> 1] : NaN;
}
