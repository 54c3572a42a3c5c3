// End-to-end tests in Debian's Chromium against the static build, served as a static host would
// (precompressed files, SPA fallback). `npm test` builds first; `npx playwright test` expects build/.
import { defineConfig } from '@playwright/test';
import { createHash } from 'node:crypto';
import { CHROMIUM_ARGS, findChromium } from './scripts/browser.js';

// One port per work tree, so two checkouts testing at once never test each other's build.
const port = Number(process.env.E2E_PORT) || 4300 + (createHash('sha1').update(process.cwd()).digest()[0] % 200);

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.spec.ts',
	// DuckDB-WASM starts in ~1.5 s on a warm machine; CI machines are slower and share two cores.
	timeout: 180_000,
	expect: { timeout: 45_000 },
	fullyParallel: false,
	workers: Number(process.env.E2E_WORKERS) || 2,
	retries: 0,
	forbidOnly: !!process.env.CI,
	reporter: [['list'], ['json', { outputFile: process.env.E2E_JSON ?? 'test-results/e2e.json' }]],
	outputDir: 'test-results/artifacts',
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		locale: 'en-US',
		timezoneId: 'UTC',
		viewport: { width: 1280, height: 900 },
		serviceWorkers: 'block',
		actionTimeout: 45_000,
		navigationTimeout: 45_000,
		trace: 'retain-on-failure',
		launchOptions: { executablePath: findChromium() ?? undefined, args: CHROMIUM_ARGS }
	},
	webServer: {
		command: `node scripts/serve.js build ${port}`,
		url: `http://127.0.0.1:${port}/`,
		reuseExistingServer: false,
		timeout: 30_000
	}
});
