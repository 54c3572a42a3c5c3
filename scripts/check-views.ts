// A step of `npm run build` (scripts/build.js), after `vite build` and before precompression: every page
// listed in src/lib/model/views/pages.ts gets its first answer. The same model code the browser runs
// answers each page's question in Node's DuckDB on the bundled tables — the very file the browser
// inserts (db/bundled.ts: the bundled files, checked through the one loader at build time) — and the
// answer goes into the page's HTML as <script type="application/json" id="oap-view"> (not run: the CSP
// is untouched). Returns each answer's size; fails when one is over the budget (30 KB gzip, issue 11).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { insertBundled, unpackBundled } from '$lib/db/bundled';
import { createTables } from '$lib/db/ingest';
import { createNodeConnector } from '$lib/db/node';
import { demonstrationRows } from '$lib/model/tables';
import { prerenderedPages } from '$lib/model/views/pages';
import { sourceOf } from '$lib/model/views/source';
import { PRERENDERED_ID, type Prerendered } from '$lib/state/prerendered';

export const BUDGET_GZIP = 30 * 1024;

/** The answer as a JSON data block: `<` escaped so no text in the data can close the element. */
export function viewScript(answer: Prerendered): string {
	const json = JSON.stringify(answer).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
	return `<script type="application/json" id="${PRERENDERED_ID}">${json}</script>`;
}

/** The page's HTML with the answer in its head (replacing an answer written before). */
export function withView(html: string, script: string): string {
	const old = new RegExp(`<script type="application/json" id="${PRERENDERED_ID}">[\\s\\S]*?</script>`);
	if (old.test(html)) return html.replace(old, () => script);
	if (!html.includes('</head>')) throw new Error('no </head> in the page');
	return html.replace('</head>', () => `${script}</head>`);
}

/** The prerendered file of a page path: '/' → index.html, '/actions/21' → actions/21.html. */
export function htmlFile(dir: string, pagePath: string): string {
	return path.join(dir, pagePath === '/' ? 'index.html' : `${pagePath.slice(1)}.html`);
}

/** The bundled tables as the build serves them (the file `virtual:oap-bundled-data` names). */
export function servedBundledTables(dir: string): string {
	const assets = path.join(dir, '_app', 'immutable', 'assets');
	const name = fs.existsSync(assets) ? fs.readdirSync(assets).find((f) => /^bundled-tables\.[^.]+\.bin$/.test(f)) : undefined;
	if (!name) throw new Error(`no bundled-tables.*.bin in ${assets}`);
	return path.join(assets, name);
}

/** Write every listed page's answer into its HTML in `dir`; lines for the build log. */
export async function prerenderViews(dir: string): Promise<string[]> {
	const conn = await createNodeConnector();
	try {
		await createTables(conn);
		await insertBundled(conn, unpackBundled(new Uint8Array(fs.readFileSync(servedBundledTables(dir)))));
		const src = sourceOf(conn);
		const demo = await demonstrationRows(conn);
		const pages = await prerenderedPages(src);
		const sizes: { path: string; gzip: number }[] = [];
		for (const p of pages) {
			const file = htmlFile(dir, p.path);
			if (!fs.existsSync(file)) throw new Error(`${file}: the page was not prerendered`);
			const script = viewScript({ name: p.name, params: p.params, view: await p.answer(), demo });
			fs.writeFileSync(file, withView(fs.readFileSync(file, 'utf8'), script));
			sizes.push({ path: p.path, gzip: zlib.gzipSync(script).length });
		}
		const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
		const sorted = [...sizes].sort((a, b) => b.gzip - a.gzip);
		const byKind = new Map<string, number[]>();
		for (const s of sizes) {
			const parts = s.path.split('/').filter(Boolean);
			const kind = parts.length > 1 ? `/${parts[0]}/…` : s.path;
			byKind.set(kind, [...(byKind.get(kind) ?? []), s.gzip]);
		}
		const over = sorted.filter((s) => s.gzip > BUDGET_GZIP);
		if (over.length) throw new Error(`answers over the budget of ${kb(BUDGET_GZIP)} gzip: ${over.map((s) => `${s.path} ${kb(s.gzip)}`).join(', ')}`);
		return [
			...[...byKind].map(([kind, list]) => `  ${kind.padEnd(16)} ${String(list.length).padStart(4)} page(s), answer ${kb(Math.min(...list))}–${kb(Math.max(...list))} gzip`),
			`  largest: ${sorted.slice(0, 3).map((s) => `${s.path} ${kb(s.gzip)}`).join(', ')} (budget ${kb(BUDGET_GZIP)})`
		];
	} finally {
		await conn.close();
	}
}
