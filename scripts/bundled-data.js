// The bundled data/ files, listed as the app's manifest lists them, and loaded through the one loader
// at build time (src/lib/db/bundled-node.ts, run through Vite's SSR loader so its TypeScript and $lib
// imports run as they are): the checked tables in one file the browser inserts as they are.
import fs from 'node:fs';
import path from 'node:path';

/** The bundled files in the contract's table order (referenced tables first); header-only files are left out. */
export function bundledManifest(dataDir, tableNames) {
	const files = [];
	for (const table of tableNames) {
		const file = path.join(dataDir, `${table}.csv`);
		if (!fs.existsSync(file)) continue;
		const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
		if (lines.length > 1) files.push({ file: `${table}.csv`, table });
	}
	return { files };
}

/**
 * Write the checked tables to `out`. `load(id)` loads an app module (a dev server's ssrLoadModule);
 * without it a Vite server is started for the purpose. Throws (with file, row and column) when a
 * bundled file breaks a rule.
 */
export async function makeBundledData({ root, dataDir, tableNames, out, load }) {
	let server = null;
	if (!load) {
		const { createServer } = await import('vite');
		server = await createServer({
			configFile: false,
			root,
			logLevel: 'error',
			appType: 'custom',
			server: { middlewareMode: true, hmr: false, watch: null, ws: false },
			resolve: { alias: { $lib: path.join(root, 'src/lib') } },
			optimizeDeps: { noDiscovery: true, include: [] }
		});
		load = (id) => server.ssrLoadModule(id);
	}
	try {
		const { buildBundled } = await load('/src/lib/db/bundled-node.ts');
		const { files } = bundledManifest(dataDir, tableNames);
		const bytes = await buildBundled(dataDir, files);
		fs.mkdirSync(path.dirname(out), { recursive: true });
		fs.writeFileSync(out, bytes);
		return { files: files.length, bytes: bytes.byteLength };
	} finally {
		await server?.close();
	}
}
