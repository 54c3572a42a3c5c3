import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { createHash } from 'node:crypto';
import { logStep } from './scripts/build-log.js';
import { ENGINE_INLINE_SCRIPT } from './src/lib/db/engine-inline.js';
import { FIRST_VIEW_HOLD_SCRIPT } from './src/lib/state/first-view-hold.js';

const sha256 = (text) => `sha256-${createHash('sha256').update(text).digest('base64')}`;

/** The adapter, saying when prerendering is done and the site is written (`npm run build` prints steps). */
function logged(inner) {
	return {
		...inner,
		async adapt(builder) {
			logStep(`prerendered ${builder.prerendered.paths.length} pages`);
			await inner.adapt(builder);
			logStep('adapter-static wrote build/');
		}
	};
}

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// A static folder that runs from any web server or intranet share: every page is
		// prerendered as a shell, and 200.html answers any other path (SPA fallback).
		// Precompression is a later step of `npm run build` (scripts/precompress.js: cached, data files left out).
		adapter: logged(adapter({ pages: 'build', assets: 'build', fallback: '200.html', precompress: false, strict: true })),
		paths: { base: process.env.BASE_PATH ?? '', relative: true },
		// The page's styles (a few KB) come inside the page: no stylesheet request before the first paint.
		inlineStyleThreshold: 16384,
		// One page at a time (Kit's default, made explicit): the page being rendered takes its answer from
		// a module-level slot that hooks.server.ts fills per request (state/prerendered.ts `renderingWith`).
		prerender: { handleHttpError: 'fail', handleUnseenRoutes: 'ignore', concurrency: 1 },
		// The app registers its service worker once the first page's data are in (src/lib/state/offline.ts),
		// so the worker's install (the whole app, the engine, the data) does not compete with that start.
		serviceWorker: { register: false },
		// A strict Content-Security-Policy on every page (a <meta> in each prerendered page and in 200.html,
		// as a static host sends no headers of ours); SvelteKit adds the hashes of its own inline scripts.
		// - scripts: this origin only; 'wasm-unsafe-eval' lets DuckDB compile its WebAssembly; no 'unsafe-eval';
		//   two inline scripts of ours by their hashes (one starts the engine's worker, src/lib/db/engine-inline.js;
		//   one holds a prerendered page that is not yet the reader's, src/lib/state/first-view-hold.js).
		// - connect: this origin only (the bundled data, a deployment's files); workers: the DuckDB and
		//   decoding workers of this origin, and blob: workers.
		// - img: blob: for the PNG export (the SVG is drawn from a blob: URL), data: for images inside it.
		// - font: the bundled fonts, and data: for the fonts embedded in exported SVGs.
		// - style: 'unsafe-inline' because Observable Plot writes a <style> element into every chart and
		//   Svelte templates carry style attributes; these can run no script, and with every other fetch
		//   limited to this origin a style cannot send anything elsewhere.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', 'wasm-unsafe-eval', sha256(ENGINE_INLINE_SCRIPT), sha256(FIRST_VIEW_HOLD_SCRIPT)],
				'worker-src': ['self', 'blob:'],
				'connect-src': ['self'],
				'img-src': ['self', 'blob:', 'data:'],
				'font-src': ['self', 'data:'],
				'style-src': ['self', 'unsafe-inline'],
				'object-src': ['none'],
				'base-uri': ['none'],
				'form-action': ['none']
			}
		}
	}
};

export default config;
