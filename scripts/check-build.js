// Every precompressed file (.br, .gz) of a build must decompress to its original: a half-written or
// stale build fails here (the end-to-end suite and the benchmark check it first). And build/ holds
// only what is served: every file under _app/ is named by some other served file.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export function checkBuild(dir) {
	const problems = [];
	if (!fs.existsSync(path.join(dir, 'index.html'))) problems.push('index.html is missing');
	for (const rel of fs.readdirSync(dir, { recursive: true })) {
		const file = path.join(dir, rel);
		const ext = path.extname(file);
		if (ext !== '.br' && ext !== '.gz') continue;
		const original = file.slice(0, -ext.length);
		if (!fs.existsSync(original)) {
			problems.push(`${rel}: no ${path.basename(original)} beside it`);
			continue;
		}
		try {
			const packed = fs.readFileSync(file);
			const bytes = ext === '.br' ? zlib.brotliDecompressSync(packed) : zlib.gunzipSync(packed);
			if (!bytes.equals(fs.readFileSync(original))) problems.push(`${rel}: does not decompress to ${path.basename(original)}`);
		} catch (e) {
			problems.push(`${rel}: ${e.code || e.message}`);
		}
	}
	return problems;
}

/** Files of `dir` no page, script or style sheet names: emitted by a plugin but never requested. */
export function strayFiles(dir) {
	const all = fs.readdirSync(dir, { recursive: true }).filter((rel) => !/\.(br|gz)$/.test(rel) && fs.statSync(path.join(dir, rel)).isFile());
	const texts = all.filter((rel) => /\.(html|js|css|json)$/.test(rel)).map((rel) => [rel, fs.readFileSync(path.join(dir, rel), 'utf8')]);
	return all.filter((rel) => rel.startsWith('_app' + path.sep + 'immutable')).filter((rel) => {
		const name = path.basename(rel);
		return !texts.some(([other, text]) => other !== rel && text.includes(name));
	});
}
