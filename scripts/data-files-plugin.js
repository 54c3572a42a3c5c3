// Serves data/*.csv under /data-files/ in development and writes them, with the manifest that lists
// them, into build/data-files/ — the folder a deployment may edit without rebuilding (README, Deploy).
import fs from 'node:fs';
import path from 'node:path';

const DIR = 'data-files';

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

export function dataFiles({ dataDir, tableNames }) {
	return {
		name: 'oap-data-files',
		configureServer(server) {
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
