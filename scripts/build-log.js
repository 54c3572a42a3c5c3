// One line per build step, with the time since `npm run build` started (scripts/build.js sets the
// start; a bare `vite build` counts from when this module loaded).
import fs from 'node:fs';
import path from 'node:path';

const start = Number(process.env.OAP_BUILD_START) || Date.now();

/** Where the last build's figures are kept for `npm run bench` (beside SvelteKit's generated files, never served). */
const LAST = path.join('.svelte-kit', 'oap', 'last-build.json');

/** Remember the build's figures (time, build/ size, whether the precompression cache was warm). */
export function recordBuild(figures) {
	fs.mkdirSync(path.dirname(LAST), { recursive: true });
	fs.writeFileSync(LAST, JSON.stringify({ at: new Date().toISOString(), seconds: (Date.now() - start) / 1000, ...figures }));
}

/** The last build's figures, or null. */
export function lastBuild() {
	try {
		return JSON.parse(fs.readFileSync(LAST, 'utf8'));
	} catch {
		return null;
	}
}

export function logStep(text) {
	console.log(`[build ${((Date.now() - start) / 1000).toFixed(1).padStart(5)} s] ${text}`);
}

/** Run `work`, then log `text(result)` with how long it took. */
export async function timed(text, work) {
	const t0 = Date.now();
	const result = await work();
	logStep(`${typeof text === 'function' ? text(result) : text} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
	return result;
}

/** Vite plugin: a line when each environment's bundle (client, server, service worker) is written. */
export function buildSteps() {
	const started = new Map();
	return {
		name: 'oap-build-steps',
		apply: 'build',
		buildStart() {
			started.set(this.environment?.name ?? 'build', Date.now());
		},
		writeBundle(options, bundle) {
			const env = this.environment?.name ?? 'build';
			const files = Object.keys(bundle).length;
			const what = env === 'ssr' ? 'server bundle (for prerendering)' : /service-worker/.test(Object.keys(bundle).join()) ? 'service worker' : `${env} bundle`;
			logStep(`vite: ${what}, ${files} files (${((Date.now() - (started.get(env) ?? Date.now())) / 1000).toFixed(1)} s)`);
		}
	};
}
