// Serves data/*.csv under /data-files/ in development and writes them, with the manifest that lists
// them, into build/data-files/ — the folder a deployment may edit without rebuilding (README, Deploy).
// Also provides `virtual:oap-bundled-data`: the URL of the same files loaded through the loader at
// build time (scripts/bundled-data.js), which the app inserts when the served manifest is the build's.
import fs from 'node:fs';
import path from 'node:path';
import { bundledManifest, makeBundledData } from './bundled-data.js';
import { logStep } from './build-log.js';

export { bundledManifest };

const DIR = 'data-files';
const VIRTUAL = 'virtual:oap-bundled-data';

export function dataFiles({ dataDir, tableNames }) {
	let root = process.cwd();
	let out = '';
	let made = null;
	let madeFor = 0;
	let dev = null;

	/**
	 * Once per build, shared by the server and client bundles (SvelteKit loads this config, hence this
	 * module, once for each: the promise lives on globalThis); in development, again when data/ changed.
	 */
	function ensure() {
		if (dev) {
			const newest = Math.max(...fs.readdirSync(dataDir).map((f) => fs.statSync(path.join(dataDir, f)).mtimeMs));
			if (made && madeFor === newest) return made;
			madeFor = newest;
			made = makeBundledData({ root, dataDir, tableNames, out, load: (id) => dev.ssrLoadModule(id) });
			return made;
		}
		const shared = Symbol.for(`oap.bundled-data:${out}`);
		globalThis[shared] ??= (async () => {
			const t0 = Date.now();
			const r = await makeBundledData({ root, dataDir, tableNames, out });
			logStep(`bundled data: ${r.files} files checked through the loader, tables packed (${(r.bytes / 1048576).toFixed(2)} MiB) (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
			return r;
		})();
		return globalThis[shared];
	}

	return {
		name: 'oap-data-files',
		configResolved(config) {
			root = config.root;
			// Beside SvelteKit's generated files: rebuilt by every build, never committed.
			out = path.join(root, '.svelte-kit', 'oap', 'bundled-tables.bin');
		},
		resolveId(id) {
			return id === VIRTUAL ? '\0' + VIRTUAL : null;
		},
		async load(id) {
			if (id !== '\0' + VIRTUAL) return null;
			await ensure();
			return `export { default } from ${JSON.stringify(out + '?url')};`;
		},
		configureServer(server) {
			dev = server;
			server.middlewares.use(`/${DIR}/`, (req, res, next) => {
				const name = decodeURIComponent((req.url ?? '').split('?')[0].replace(/^\//, ''));
				if (name === 'manifest.json') {
					res.setHeader('content-type', 'application/json');
					res.end(JSON.stringify(bundledManifest(dataDir, tableNames), null, '\t'));
					return;
				}
				const file = path.join(dataDir, path.basename(name));
				if (!/\.(csv|parquet|xlsx)$/.test(file) || !fs.existsSync(file)) return next();
				res.setHeader('content-type', 'text/csv; charset=utf-8');
				fs.createReadStream(file).pipe(res);
			});
		},
		generateBundle() {
			// Client build only: the server build's output is not served.
			if (this.environment && this.environment.name !== 'client') return;
			const manifest = bundledManifest(dataDir, tableNames);
			for (const { file } of manifest.files) this.emitFile({ type: 'asset', fileName: `${DIR}/${file}`, source: fs.readFileSync(path.join(dataDir, file)) });
			this.emitFile({ type: 'asset', fileName: `${DIR}/manifest.json`, source: JSON.stringify(manifest, null, '\t') + '\n' });
		}
	};
}
