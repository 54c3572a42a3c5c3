// `npm test`: unit tests (vitest), then the build, then the end-to-end tests in Chromium (scripts/e2e.js).
// Ends with one line "N passed, M failed" (unit + e2e) and exits non-zero if anything failed.
//   - unit tests fail → stop there (no build, no browser).
//   - the build runs when build/ is missing or older than its inputs (FORCE_BUILD=1 always builds, CI=true too).
//   - no Chromium → loud warning, browser tests skipped, exit 0; with REQUIRE_BROWSER=1 → exit 1.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium, skippedWarning } from './e2e.js';

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

function step(title) {
	console.log(`\n=== ${title} ===`);
}

// (a) Unit tests, with vitest's own output plus a JSON report to count from.
step('unit tests (vitest)');
const unitJson = path.join(tmp, 'vitest.json');
const unit = spawnSync(npx, ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitJson}`], { stdio: 'inherit' });
let report = null;
try {
	report = JSON.parse(fs.readFileSync(unitJson, 'utf8'));
} catch {
	/* no report: vitest did not get to run the tests */
}
if (report) {
	total.passed += report.numPassedTests ?? 0;
	total.failed += report.numFailedTests ?? 0;
	total.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
	// A file that failed to load has no tests to count, yet is a failure.
	const brokenFiles = (report.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).every((a) => a.status !== 'failed')).length;
	total.failed += brokenFiles;
	if ((report.numTotalTests ?? 0) === 0) {
		total.failed += 1;
		console.error('vitest ran no test');
	}
}
if (unit.status !== 0 || !report) {
	if (total.failed === 0) total.failed = 1;
	finish(1, `\nunit tests failed (vitest exit ${unit.status ?? unit.signal}): stopping before the build and the browser tests.`);
}

// (b) The build, when missing or stale.
function newestMtime(p) {
	if (!fs.existsSync(p)) return 0;
	const st = fs.statSync(p);
	if (!st.isDirectory()) return st.mtimeMs;
	let newest = st.mtimeMs;
	for (const rel of fs.readdirSync(p, { recursive: true })) newest = Math.max(newest, fs.statSync(path.join(p, rel)).mtimeMs);
	return newest;
}
const INPUTS = ['src', 'data', 'static', 'svelte.config.js', 'vite.config.ts', 'package.json', 'package-lock.json'];
const builtAt = fs.existsSync('build/index.html') ? fs.statSync('build/index.html').mtimeMs : 0;
const stale = builtAt === 0 || INPUTS.some((p) => newestMtime(p) > builtAt);
const browser = findChromium();

if (!browser && process.env.REQUIRE_BROWSER === '1') {
	console.error(skippedWarning(true));
	total.failed += 1;
	finish(1);
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

// (c) End-to-end tests in Chromium.
if (!browser) {
	console.warn(skippedWarning());
	finish(0, 'browser tests SKIPPED (no Chromium): unit tests only in the totals below.');
}
step('end-to-end tests (Chromium)');
const e2eJson = path.join(tmp, 'e2e.json');
const e2e = spawnSync(process.execPath, ['scripts/e2e.js'], { stdio: 'inherit', env: { ...process.env, E2E_SUMMARY: e2eJson } });
let e2eSummary = null;
try {
	e2eSummary = JSON.parse(fs.readFileSync(e2eJson, 'utf8'));
} catch {
	/* counted below */
}
total.passed += e2eSummary?.passed ?? 0;
total.failed += e2eSummary?.failed ?? 0;
total.skipped += e2eSummary?.skipped ?? 0;
if (e2e.status !== 0 && !(e2eSummary?.failed > 0)) total.failed += 1;
if (e2eSummary && !e2eSummary.ran && e2eSummary.failed === 0) console.warn(skippedWarning());
finish(e2e.status === 0 && total.failed === 0 ? 0 : 1);
