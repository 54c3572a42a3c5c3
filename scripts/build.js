// `npm run build`: the static site in build/, one line per step with its time.
//   bundled data → client, server and service-worker bundles → prerendered pages, each listed page
//   drawn from its first answer (adapter-static; src/hooks.server.ts) → the answers checked
//   (scripts/check-views.ts) → precompressed copies
//   (cached by content; after the answers, so each page is compressed once) → check: whole, and
//   nothing in it that is not served.
// The brotli of the DuckDB wasm (the slowest part by far) starts at once on another core and is cached.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(ROOT);
process.env.OAP_BUILD_START ??= String(Date.now());
const { logStep, recordBuild, timed } = await import('./build-log.js');
const { precompress, warmCache } = await import('./precompress.js');
const { checkBuild, strayFiles } = await import('./check-build.js');

const require = createRequire(import.meta.url);
const wasm = [require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'), require.resolve('parquet-wasm/esm/parquet_wasm_bg.wasm')];
const warming = warmCache(ROOT, wasm);

try {
	const { tsImport } = await import('tsx/esm/api');
	const { ANSWERED_PAGES_FILE, checkViews } = await tsImport('./check-views.ts', import.meta.url);
	// The list of answered pages is this build's own, or none.
	fs.rmSync(ANSWERED_PAGES_FILE, { force: true });
	logStep('vite build: bundled data, client, server and service worker bundles, prerendering');
	const { build } = await import('vite');
	await build({ logLevel: 'warn' });
	const answered = fs.existsSync(ANSWERED_PAGES_FILE) ? JSON.parse(fs.readFileSync(ANSWERED_PAGES_FILE, 'utf8')) : [];
	const lines = await timed('prerendered answers: every listed page carries its answer, within the budget', async () => checkViews('build', answered));
	for (const line of lines) console.log(line);
	const wasmCached = await timed((hits) => `waited for the wasm's .br/.gz in the compression cache (${hits} of 4 there before)`, () => warming);
	await timed(
		(r) => `precompressed ${r.files} files: ${r.written} .br/.gz written, ${r.hits} from the cache, ${r.compressed} compressed now`,
		() => precompress(ROOT, 'build', { skip: ['data-files'] })
	);
	const problems = await timed('checked build/: every .br/.gz matches its file; no file that nothing requests', async () => [...checkBuild('build'), ...strayFiles('build').map((f) => `${f}: nothing served names it`)]);
	if (problems.length) throw new Error(`build/ is not as served:\n  ${problems.join('\n  ')}`);
	const files = fs.readdirSync('build', { recursive: true }).map((rel) => path.join('build', rel)).filter((f) => fs.statSync(f).isFile());
	const size = files.reduce((s, f) => s + fs.statSync(f).size, 0);
	logStep(`done: build/ is ${(size / 1048576).toFixed(1)} MiB in ${files.length} files`);
	recordBuild({ bytes: size, files: files.length, cache: wasmCached === 4 ? 'warm (the wasm compressed before)' : 'cold (the wasm compressed in this build)' });
} catch (e) {
	logStep(`FAILED: ${e.stack || e.message}`);
	process.exit(1);
}
