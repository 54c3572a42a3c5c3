// End-to-end tests in real Chromium against the static build: `npm run test:e2e [-- files or node --test options]`.
// Runs tests/e2e/*.test.js with node's test runner, one file at a time (each file: one browser, one
// server; each test: a fresh context). Builds first when build/ is missing.
// Env: REQUIRE_BROWSER=1 fails when Chromium is missing (otherwise: loud warning, exit 0);
//      E2E_SUMMARY=path writes {"passed","failed","skipped","ran"} as JSON for scripts/test.js.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from './browser.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(ROOT);

export function skippedWarning() {
	const bar = '!'.repeat(78);
	return [
		'',
		bar,
		'!!  BROWSER TESTS SKIPPED: no Chromium found.',
		`!!  Looked for: $CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome`,
		'!!  The end-to-end tests (tests/e2e) did NOT run; the app in a browser is UNTESTED.',
		'!!  Install it:  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium',
		'!!  Set REQUIRE_BROWSER=1 to make this an error (CI does).',
		bar,
		''
	].join('\n');
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
			console.error(skippedWarning().replaceAll('SKIPPED', 'REQUIRED (REQUIRE_BROWSER=1) BUT MISSING'));
			writeSummary({ passed: 0, failed: 1, skipped: 0, ran: false, error: 'Chromium missing' });
			process.exit(1);
		}
		console.warn(skippedWarning());
		writeSummary({ passed: 0, failed: 0, skipped: tests.length, ran: false });
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

	const tap = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'oap-e2e-')), 'e2e.tap');
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
		{ stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0' } }
	);
	const counts = parseTap(fs.existsSync(tap) ? fs.readFileSync(tap, 'utf8') : '');
	let passed = counts.passed ?? 0;
	let failed = (counts.failed ?? 0) + counts.cancelled;
	// A runner that died without totals, or exited non-zero with none failed, still failed.
	if (run.status !== 0 && failed === 0) failed = 1;
	if (counts.tests === null && run.status === 0) failed = 1;
	writeSummary({ passed, failed, skipped: counts.skipped, ran: true });
	console.log(`\ne2e: ${passed} passed, ${failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`);
	process.exit(failed ? 1 : 0);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
