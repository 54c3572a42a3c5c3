// Every precompressed file (.br, .gz) of a build must decompress to its original: a half-written or
// stale build fails here (the end-to-end suite and the benchmark check it first).
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
