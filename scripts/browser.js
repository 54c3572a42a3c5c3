// Shared by the end-to-end tests, the benchmark and the screenshot script: serve the static build
// on loopback and drive Debian's Chromium through playwright-core.
import http from 'node:http';
import fs from 'node:fs';
import sirv from 'sirv';
import { chromium } from 'playwright-core';

export const CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/**
 * As root in a container, without the sandbox; without the background-networking flags Chromium
 * tries to reach Google's hosts, which a closed network refuses.
 */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

/** Chromium's path, or null when none is there (a CHROMIUM_PATH that does not exist counts as none). */
export function findChromium() {
	const p = process.env.CHROMIUM_PATH || CHROMIUM_PATHS.find((c) => fs.existsSync(c)) || null;
	return p && fs.existsSync(p) ? p : null;
}

/**
 * Serve build/ (precompressed files included) with the SPA fallback, as a well-set static host would:
 * SvelteKit's hashed files under _app/immutable/ may be cached for good. `pages` adds pages of
 * the caller's own at given paths (the benchmark's blank page).
 */
export async function serveBuild(dir = 'build', port = 0, pages = {}) {
	if (!fs.existsSync(`${dir}/index.html`)) throw new Error(`${dir}/index.html is missing: run "npm run build" first`);
	const setHeaders = (res, pathname) => {
		if (pathname.includes('/_app/immutable/')) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
	};
	const files = sirv(dir, { single: '200.html', gzip: true, brotli: true, etag: true, extensions: ['html'], setHeaders });
	const server = http.createServer((req, res) => {
		const page = pages[(req.url ?? '').split('?')[0]];
		if (!page) return files(req, res);
		res.setHeader('content-type', 'text/html; charset=utf-8');
		res.end(page);
	});
	await new Promise((r) => server.listen(port, '127.0.0.1', r));
	const address = server.address();
	return { url: `http://127.0.0.1:${address.port}`, close: () => new Promise((r) => server.close(r)) };
}

export async function launch() {
	const executablePath = findChromium();
	if (!executablePath) throw new Error('Chromium not found (apt-get install -y chromium)');
	return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}
