import type { Handle } from '@sveltejs/kit';
import fs from 'node:fs';
import path from 'node:path';
import { building } from '$app/environment';
import { base } from '$app/paths';
import wasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import duckdbWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import engineWorker from '$lib/db/engine-worker.js?url';
import { parseHTML } from 'linkedom';
import * as Plot from '@observablehq/plot';
import { ENGINE_INLINE_SCRIPT } from '$lib/db/engine-inline.js';
import { FIRST_VIEW_HOLD_SCRIPT } from '$lib/state/first-view-hold.js';
import { useServerDocument } from '$lib/charts/server-document';
import { pageAnswers, viewScript } from '$lib/state/answers.server';
import { ANSWERED_PAGES_FILE, renderingWith, type Prerendered } from '$lib/state/prerendered';

// Every prerendered page (and the fallback page) starts the engine first thing: an inline script at
// the top of <head> (after the policy) fetches and compiles the wasm and starts the engine's worker
// while the browser reads the page and loads the app's scripts (src/lib/db/engine-inline.js). (Only
// the URLs of the engine's files are imported here; nothing of DuckDB-WASM's browser build runs here.)
const START = /href="([^"]*)_app\/immutable\/entry\/start\./;

/** The bundled tables the data plugin packed for this build (scripts/data-files-plugin.js). */
const TABLES = path.join('.svelte-kit', 'oap', 'bundled-tables.bin');
let answers: Promise<Map<string, Prerendered>> | undefined;
// Charts are drawn while prerendering too (a DOM for Observable Plot to draw into).
if (building) useServerDocument(parseHTML('<!doctype html><html><head></head><body></body></html>').document as unknown as Document, Plot);

/** Every listed page's answer, computed once; their paths are written down for the build's own check. */
function allAnswers(): Promise<Map<string, Prerendered>> {
	return (answers ??= pageAnswers(TABLES).then((all) => {
		fs.writeFileSync(ANSWERED_PAGES_FILE, JSON.stringify([...all.keys()]));
		return all;
	}));
}

export const handle: Handle = async ({ event, resolve }) => {
	// While the build prerenders, each listed page is rendered from its answer on the bundled data.
	const answer = building ? ((await allAnswers()).get(event.url.pathname.slice(base.length) || '/') ?? null) : null;
	renderingWith(answer);
	return resolve(event, {
		transformPageChunk: ({ html }) => {
			// The prefix SvelteKit gave its own links: relative in pages, from the base in the fallback page.
			const prefix = START.exec(html)?.[1];
			if (prefix === undefined) return html;
			const href = (url: string) => prefix + url.slice(base.length + 1);
			const script =
				`<script data-worker="${href(engineWorker)}" data-duckdb="${href(duckdbWorker)}" data-wasm="${href(wasm)}">${ENGINE_INLINE_SCRIPT}</script>` +
				`<script${answer ? ' data-answer' : ''}>${FIRST_VIEW_HOLD_SCRIPT}</script>`;
			// Right after the page's Content-Security-Policy, which allows them by their hashes (svelte.config.js).
			const csp = /<meta http-equiv="content-security-policy"[^>]*>/.exec(html);
			const withEngine = csp ? html.replace(csp[0], csp[0] + script) : html.replace('<meta charset="utf-8" />', (m) => m + script);
			return answer ? withEngine.replace('</head>', () => `${viewScript(answer)}</head>`) : withEngine;
		}
	});
};
