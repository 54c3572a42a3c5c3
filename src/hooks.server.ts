import type { Handle } from '@sveltejs/kit';
import { base } from '$app/paths';
import wasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import duckdbWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import engineWorker from '$lib/db/engine-worker.js?url';
import { ENGINE_INLINE_SCRIPT } from '$lib/db/engine-inline.js';

// Every prerendered page (and the fallback page) starts the engine first thing: an inline script at
// the top of <head> (after the policy) fetches and compiles the wasm and starts the engine's worker
// while the browser reads the page and loads the app's scripts (src/lib/db/engine-inline.js). (Only
// the URLs of the engine's files are imported here; nothing of DuckDB runs while prerendering.)
const START = /href="([^"]*)_app\/immutable\/entry\/start\./;

export const handle: Handle = ({ event, resolve }) =>
	resolve(event, {
		transformPageChunk: ({ html }) => {
			// The prefix SvelteKit gave its own links: relative in pages, from the base in the fallback page.
			const prefix = START.exec(html)?.[1];
			if (prefix === undefined) return html;
			const href = (url: string) => prefix + url.slice(base.length + 1);
			const script = `<script data-worker="${href(engineWorker)}" data-duckdb="${href(duckdbWorker)}" data-wasm="${href(wasm)}">${ENGINE_INLINE_SCRIPT}</script>`;
			// Right after the page's Content-Security-Policy, which allows it by its hash (svelte.config.js).
			const csp = /<meta http-equiv="content-security-policy"[^>]*>/.exec(html);
			return csp ? html.replace(csp[0], csp[0] + script) : html.replace('<meta charset="utf-8" />', (m) => m + script);
		}
	});
