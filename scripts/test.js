// `npm test`: Vitest (unit tests), the layer rules (dependency-cruiser), the build when it is older
// than its inputs, then Playwright (end-to-end tests in Chromium). Ends with "N passed, M failed".
//   - unit tests or layer rules fail → stop there (no build, no browser).
//   - the build runs when build/ is missing or stale (FORCE_BUILD=1 always builds, CI=true too).
//   - no Chromium → loud warning, browser tests skipped, exit 0; with REQUIRE_BROWSER=1 → exit 1.
// Arguments after `--` go to Playwright (e.g. `npm test -- tests/e2e/load.spec.ts`).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from './browser.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(ROOT);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'oap-test-'));
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const total = { passed: 0, failed: 0, skipped: 0 };

function finish(code, note = '') {
	fs.rmSync(tmp, { recursive: true, force: true });
	if (note) console.log(note);
	if (total.skipped) console.log(`(${total.skipped} skipped)`);
	console.log(`${total.passed} passed, ${total.failed} failed`);
	process.exit(code || (total.failed ? 1 : 0));
}

const step = (title) => console.log(`\n=== ${title} ===`);
const readJson = (file) => {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch {
		return null;
	}
};

// (a) Unit tests, with Vitest's own output plus a JSON report to count from.
step('unit tests (vitest)');
const unitJson = path.join(tmp, 'vitest.json');
const unit = spawnSync(npx, ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitJson}`], { stdio: 'inherit' });
const report = readJson(unitJson);
if (report) {
	total.passed += report.numPassedTests ?? 0;
	total.failed += report.numFailedTests ?? 0;
	total.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
	// A file that failed to load has no tests to count, yet is a failure.
	total.failed += (report.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).every((a) => a.status !== 'failed')).length;
	if ((report.numTotalTests ?? 0) === 0) total.failed += 1;
}
if (unit.status !== 0 || !report) {
	if (total.failed === 0) total.failed = 1;
	finish(1, `\nunit tests failed (vitest exit ${unit.status ?? unit.signal}): stopping before the build and the browser tests.`);
}

// (b) The layers (docs/ARCHITECTURE.md): imports point down, no cycles.
step('layer rules (dependency-cruiser)');
const layers = spawnSync(npx, ['depcruise', 'src', '--config', '.dependency-cruiser.cjs'], { stdio: 'inherit' });
if (layers.status === 0) total.passed += 1;
else {
	total.failed += 1;
	finish(1, '\nthe layer rules are broken: stopping before the build and the browser tests.');
}

// (c) The build, when missing or stale.
function newestMtime(p) {
	if (!fs.existsSync(p)) return 0;
	const st = fs.statSync(p);
	if (!st.isDirectory()) return st.mtimeMs;
	let newest = st.mtimeMs;
	for (const rel of fs.readdirSync(p, { recursive: true })) newest = Math.max(newest, fs.statSync(path.join(p, rel)).mtimeMs);
	return newest;
}
const INPUTS = ['src', 'data', 'static', 'scripts', 'svelte.config.js', 'vite.config.ts', 'package.json', 'package-lock.json'];
const builtAt = fs.existsSync('build/index.html') ? fs.statSync('build/index.html').mtimeMs : 0;
const stale = builtAt === 0 || INPUTS.some((p) => newestMtime(p) > builtAt);
const browser = findChromium();

function skippedWarning(required) {
	const bar = '!'.repeat(78);
	return [
		'',
		bar,
		required ? '!!  BROWSER TESTS REQUIRED (REQUIRE_BROWSER=1) BUT NO CHROMIUM FOUND: FAILING.' : '!!  BROWSER TESTS SKIPPED: no Chromium found.',
		'!!  Looked for: $CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome',
		'!!  The end-to-end tests (tests/e2e) did NOT run; the app in a browser is UNTESTED.',
		'!!  Install it:  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium',
		required ? null : '!!  Set REQUIRE_BROWSER=1 to make this an error (CI does).',
		bar,
		''
	]
		.filter((l) => l !== null)
		.join('\n');
}

if (!browser && process.env.REQUIRE_BROWSER === '1') {
	console.error(skippedWarning(true));
	total.failed += 1;
	finish(1);
}
if (!browser) {
	console.warn(skippedWarning(false));
	finish(0, 'browser tests SKIPPED (no Chromium): unit tests only in the totals below.');
}

if (stale || process.env.FORCE_BUILD === '1' || process.env.CI === 'true') {
	step(builtAt ? 'build (npm run build: build/ is older than its inputs)' : 'build (npm run build: build/ is missing)');
	const build = spawnSync(npm, ['run', 'build'], { stdio: 'inherit' });
	if (build.status !== 0) {
		total.failed += 1;
		finish(1, '\nthe build failed: no browser tests.');
	}
} else {
	step('build: build/ is up to date (FORCE_BUILD=1 to rebuild)');
}

// (d) End-to-end tests in Chromium (Playwright Test; traces of failures in test-results/).
step('end-to-end tests (Playwright, Chromium)');
const e2eJson = path.join(tmp, 'e2e.json');
const extra = process.argv.slice(2);
const e2e = spawnSync(npx, ['playwright', 'test', ...extra], { stdio: 'inherit', env: { ...process.env, E2E_JSON: e2eJson } });
const stats = readJson(e2eJson)?.stats;
total.passed += (stats?.expected ?? 0) + (stats?.flaky ?? 0);
total.failed += stats?.unexpected ?? 0;
total.skipped += stats?.skipped ?? 0;
if (e2e.status !== 0 && !(stats?.unexpected > 0)) total.failed += 1;
if ((stats?.flaky ?? 0) > 0) console.warn(`${stats.flaky} flaky test(s): passed on a retry`);
finish(e2e.status === 0 && total.failed === 0 ? 0 : 1);
