// After `vite build`: every page listed in src/lib/model/views/pages.ts gets its first answer. The same
// model code the browser runs answers each page's question on the bundled data (the files
// build/data-files/manifest.json lists, through the one loader) in Node's DuckDB, and the answer goes
// into the page's HTML as <script type="application/json" id="oap-view"> (not run: the CSP is
// untouched). The .br and .gz beside each page are written again. Prints each answer's size and fails
// when one is over the budget (30 KB gzip, issue 11).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import { createTables } from '$lib/db/ingest';
import { loadBytes, nodeLoader } from '$lib/db/node-loader';
import { createNodeConnector } from '$lib/db/node';
import { localDay } from '$lib/data/day';
import type { TableName } from '$lib/data/schema';
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

function writeWithCompressed(file: string, text: string): void {
	const bytes = Buffer.from(text, 'utf8');
	fs.writeFileSync(file, bytes);
	if (fs.existsSync(`${file}.br`)) fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY } }));
	if (fs.existsSync(`${file}.gz`)) fs.writeFileSync(`${file}.gz`, zlib.gzipSync(bytes, { level: zlib.constants.Z_BEST_COMPRESSION }));
}

async function main(dir = process.argv[2] ?? 'build'): Promise<void> {
	const started = performance.now();
	const dataDir = path.join(dir, 'data-files');
	console.log(`prerendered answers: loading the bundled data (${dataDir}/manifest.json) in Node…`);
	const conn = await createNodeConnector();
	try {
		await createTables(conn);
		const loader = await nodeLoader(conn);
		// The list the build wrote (state/deployment.ts reads the same in the browser).
		const manifest = JSON.parse(fs.readFileSync(path.join(dataDir, 'manifest.json'), 'utf8')) as { files: { file: string; table?: TableName; source?: string; sheet?: string; headerRow?: number }[] };
		// As the browser loads them (state/app.svelte.ts): each file in the manifest's order, added.
		for (const e of manifest.files) {
			const outcome = await loadBytes(loader, e.file, new Uint8Array(fs.readFileSync(path.join(dataDir, e.file))), { table: e.table, sheet: e.sheet, headerRow: e.headerRow, provenance: e.source, loadedAt: localDay() });
			if (outcome.status !== 'loaded') throw new Error(`${e.file} did not load: ${JSON.stringify(outcome).slice(0, 1000)}`);
		}
		const src = sourceOf(conn);
		const demo = await demonstrationRows(conn);
		const pages = await prerenderedPages(src);
		const sizes: { path: string; gzip: number }[] = [];
		for (const p of pages) {
			const file = htmlFile(dir, p.path);
			if (!fs.existsSync(file)) throw new Error(`${file}: the page was not prerendered`);
			const script = viewScript({ name: p.name, params: p.params, view: await p.answer(), demo });
			writeWithCompressed(file, withView(fs.readFileSync(file, 'utf8'), script));
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
		for (const [kind, list] of byKind) console.log(`  ${kind.padEnd(16)} ${String(list.length).padStart(4)} page(s), answer ${kb(Math.min(...list))}–${kb(Math.max(...list))} gzip`);
		console.log(`  largest: ${sorted.slice(0, 3).map((s) => `${s.path} ${kb(s.gzip)}`).join(', ')} (budget ${kb(BUDGET_GZIP)})`);
		const over = sorted.filter((s) => s.gzip > BUDGET_GZIP);
		if (over.length) throw new Error(`answers over the budget of ${kb(BUDGET_GZIP)} gzip: ${over.map((s) => `${s.path} ${kb(s.gzip)}`).join(', ')}`);
		console.log(`prerendered answers: ${pages.length} pages in ${((performance.now() - started) / 1000).toFixed(1)} s`);
	} finally {
		await conn.close();
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
	main().catch((e) => {
		console.error(`prerendered answers failed: ${(e as Error).message}`);
		process.exit(1);
	});
}
