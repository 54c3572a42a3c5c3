// End-to-end tests in real Chromium against the static build: `npm run test:e2e [-- files or node --test options]`.
// Runs tests/e2e/*.test.js with node's test runner, one file at a time (each file: one browser, one
// server; each test: a fresh context). Builds first when build/ is missing.
// The tests serve a private copy of build/ (checked whole), so a build started meanwhile in the same
// work tree cannot change the files under a running test.
// Env: REQUIRE_BROWSER=1 fails when Chromium is missing (otherwise: loud warning, exit 0);
//      E2E_BUILD_DIR=dir serves that folder as it is (no copy);
//      E2E_SUMMARY=path writes {"passed","failed","skipped","ran"} as JSON for scripts/test.js.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import zlib from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium as findAny } from './browser.js';

/** Chromium's path, or null when none is there (a CHROMIUM_PATH that does not exist counts as none). */
export function findChromium() {
	const p = findAny();
	return p && fs.existsSync(p) ? p : null;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(ROOT);

export function skippedWarning(required = false) {
	const bar = '!'.repeat(78);
	return [
		'',
		bar,
		required ? '!!  BROWSER TESTS REQUIRED (REQUIRE_BROWSER=1) BUT NO CHROMIUM FOUND: FAILING.' : '!!  BROWSER TESTS SKIPPED: no Chromium found.',
		`!!  Looked for: $CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome`,
		'!!  The end-to-end tests (tests/e2e) did NOT run; the app in a browser is UNTESTED.',
		'!!  Install it:  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium',
		required ? null : '!!  Set REQUIRE_BROWSER=1 to make this an error (CI does).',
		bar,
		''
	]
		.filter((l) => l !== null)
		.join('\n');
}

function writeSummary(summary) {
	if (process.env.E2E_SUMMARY) fs.writeFileSync(process.env.E2E_SUMMARY, JSON.stringify(summary));
}

/** Totals from node's TAP reporter ("# pass N", "# fail N", ...). */
export function parseTap(text) {
	const get = (k) => {
		const m = text.match(new RegExp(`^# ${k} (\\d+)$`, 'm'));
		return m ? Number(m[1]) : null;
	};
	return { tests: get('tests'), passed: get('pass'), failed: get('fail'), skipped: (get('skipped') ?? 0) + (get('todo') ?? 0), cancelled: get('cancelled') ?? 0 };
}

/** Every precompressed file (.br, .gz) must decompress to its original: a half-written build fails here. */
export function checkBuild(dir) {
	const problems = [];
	if (!fs.existsSync(path.join(dir, 'index.html'))) problems.push('index.html is missing');
	for (const rel of fs.readdirSync(dir, { recursive: true })) {
		const file = path.join(dir, rel);
		const ext = path.extname(file);
		if (ext !== '.br' && ext !== '.gz') continue;
		const original = file.slice(0, -ext.length);
		if (!fs.existsSync(original)) {
			problems.push(`${rel}: no ${path.basename(original)} beside it`);
			continue;
		}
		try {
			const packed = fs.readFileSync(file);
			const bytes = ext === '.br' ? zlib.brotliDecompressSync(packed) : zlib.gunzipSync(packed);
			if (!bytes.equals(fs.readFileSync(original))) problems.push(`${rel}: does not decompress to ${path.basename(original)}`);
		} catch (e) {
			problems.push(`${rel}: ${e.code || e.message}`);
		}
	}
	return problems;
}

/**
 * A private copy of build/, checked; null (with the problems printed) when the build is not whole.
 * A build running meanwhile in the same work tree leaves it half-written for a while: wait and retry.
 */
function snapshotBuild(tries = Number(process.env.E2E_BUILD_TRIES ?? 8)) {
	for (let i = 1; ; i++) {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oap-build-'));
		let problems;
		try {
			fs.cpSync('build', dir, { recursive: true });
			problems = checkBuild(dir);
		} catch (e) {
			problems = [`copying build/: ${e.message}`];
		}
		if (problems.length === 0) return dir;
		fs.rmSync(dir, { recursive: true, force: true });
		console.error(`build/ is not whole (is another build writing it?):\n  ${problems.slice(0, 10).join('\n  ')}`);
		if (i >= tries) return null;
		console.error(`waiting 20 s and looking again (${i}/${tries - 1})`);
		Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20_000);
	}
}

function main() {
	const args = process.argv.slice(2);
	const files = args.filter((a) => !a.startsWith('-'));
	const options = args.filter((a) => a.startsWith('-'));
	const tests = files.length
		? files
		: fs
				.readdirSync('tests/e2e')
				.filter((f) => f.endsWith('.test.js'))
				.sort()
				.map((f) => path.join('tests/e2e', f));

	if (!findChromium()) {
		if (process.env.REQUIRE_BROWSER === '1') {
			console.error(skippedWarning(true));
			writeSummary({ passed: 0, failed: 1, skipped: 0, ran: false, error: 'Chromium missing' });
			process.exit(1);
		}
		console.warn(skippedWarning());
		writeSummary({ passed: 0, failed: 0, skipped: 0, ran: false });
		process.exit(0);
	}

	if (!fs.existsSync('build/index.html')) {
		console.log('build/ is missing: npm run build');
		const b = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
		if (b.status !== 0) {
			writeSummary({ passed: 0, failed: 1, skipped: 0, ran: false, error: 'build failed' });
			process.exit(1);
		}
	}

	let served = process.env.E2E_BUILD_DIR || null;
	let copy = null;
	if (!served) {
		copy = snapshotBuild();
		if (!copy) {
			writeSummary({ passed: 0, failed: 1, skipped: 0, ran: false, error: 'build/ not whole' });
			process.exit(1);
		}
		served = copy;
	}

	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'oap-e2e-'));
	const tap = path.join(tmp, 'e2e.tap');
	const run = spawnSync(
		process.execPath,
		[
			'--test',
			'--test-concurrency=1',
			'--test-reporter=spec',
			'--test-reporter-destination=stdout',
			'--test-reporter=tap',
			`--test-reporter-destination=${tap}`,
			...options,
			...tests
		],
		{ stdio: 'inherit', env: { ...process.env, E2E_BUILD_DIR: served, FORCE_COLOR: process.env.FORCE_COLOR ?? '0' } }
	);
	const counts = parseTap(fs.existsSync(tap) ? fs.readFileSync(tap, 'utf8') : '');
	fs.rmSync(tmp, { recursive: true, force: true });
	if (copy) fs.rmSync(copy, { recursive: true, force: true });
	const passed = counts.passed ?? 0;
	let failed = (counts.failed ?? 0) + counts.cancelled;
	// A runner that died without totals, exited non-zero with none failed, or ran no test, still failed.
	if (run.status !== 0 && failed === 0) failed = 1;
	if (!counts.tests && failed === 0) {
		console.error('e2e: no test ran');
		failed = 1;
	}
	writeSummary({ passed, failed, skipped: counts.skipped, ran: true });
	console.log(`\ne2e: ${passed} passed, ${failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`);
	process.exit(failed ? 1 : 0);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
