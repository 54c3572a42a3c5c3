// Brotli and gzip copies beside every served text file and the wasm, for hosts that serve them (sirv,
// nginx gzip_static, most CDNs). Maximum compression, as SvelteKit's adapter does, but each result is
// kept in a cache keyed by the file's content hash: the 33 MiB DuckDB wasm is compressed once per DuckDB
// version, not on every build. Brotli quality 11 (the most) only where it is paid once: content-hashed
// files under _app/immutable smaller than 4 MiB. Quality 10 for the pages (new in every build: 462 pages
// in 3.3 s instead of 14 s, 3 % larger) and for the two wasm files (the DuckDB wasm 5.02 MiB instead of
// 4.83 MiB, in 60 s instead of 92 s on a quiet machine and 190 s when the cores are shared: what a build
// from a fresh clone waits for).
// Data files a deployment may replace (data-files/) are never precompressed: a stale .br beside a
// replaced file would be served instead of it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

export const COMPRESSED_EXTENSIONS = ['.html', '.js', '.mjs', '.json', '.css', '.svg', '.xml', '.wasm', '.bin', '.txt'];
const TEXT = new Set(['.html', '.js', '.mjs', '.json', '.css', '.svg', '.xml', '.txt']);
// Bumped when the settings below change, so cached results made with other settings are not reused.
const SETTINGS = 'br-lgwin24/gz9-v2';

/** Brotli's quality for a file: 11 for the content-hashed ones under 4 MiB (compressed once), else 10. */
const qualityFor = (file, bytes) => (file.split(path.sep).join('/').includes('_app/immutable/') && bytes.length <= 4 << 20 ? 11 : 10);

function compress(bytes, format, ext, quality) {
	if (format === 'gz') return gzip(bytes, { level: 9 });
	return brotli(bytes, {
		params: {
			[zlib.constants.BROTLI_PARAM_MODE]: TEXT.has(ext) ? zlib.constants.BROTLI_MODE_TEXT : zlib.constants.BROTLI_MODE_GENERIC,
			[zlib.constants.BROTLI_PARAM_QUALITY]: quality,
			// The largest window browsers accept (16 MiB): 4.83 MiB for the wasm instead of 4.95 MiB at the default.
			[zlib.constants.BROTLI_PARAM_LGWIN]: bytes.length > 1 << 22 ? 24 : 22,
			[zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length
		}
	});
}

export function cacheDir(root) {
	return path.join(root, 'node_modules', '.cache', 'oap-precompress');
}

/** The compressed copy of `bytes` (from the cache when this content was compressed before). */
async function compressed(bytes, format, ext, quality, cache, used) {
	const key = crypto.createHash('sha256').update(SETTINGS).update(format === 'br' ? `q${quality}` : '').update(bytes).digest('hex') + '.' + format;
	used.add(key);
	const cached = path.join(cache, key);
	if (fs.existsSync(cached)) return { data: fs.readFileSync(cached), hit: true };
	const data = await compress(bytes, format, ext, quality);
	fs.mkdirSync(cache, { recursive: true });
	fs.writeFileSync(cached + '.part', data);
	fs.renameSync(cached + '.part', cached);
	return { data, hit: false };
}

/** Fill the cache for `files` (e.g. the DuckDB wasm in node_modules) while other build steps run; how many results were there already. */
export async function warmCache(root, files) {
	const used = new Set();
	const results = await Promise.all(files.flatMap((f) => ['br', 'gz'].map((format) => compressed(fs.readFileSync(f), format, path.extname(f), 10, cacheDir(root), used))));
	return results.filter((r) => r.hit).length;
}

/**
 * Write `<file>.br` and `<file>.gz` beside every compressible file of `dir` but those under `skip`;
 * remove cache entries no build file used. Returns counts for the build log.
 */
export async function precompress(root, dir, { skip = [] } = {}) {
	const cache = cacheDir(root);
	const used = new Set();
	const files = fs
		.readdirSync(dir, { recursive: true })
		.map((rel) => path.join(dir, rel))
		.filter((f) => COMPRESSED_EXTENSIONS.includes(path.extname(f)) && !skip.some((s) => f.startsWith(path.join(dir, s) + path.sep)) && fs.statSync(f).isFile());
	let hits = 0;
	let written = 0;
	// zlib works on libuv's thread pool; a few files at a time keep every core busy without holding every file in memory.
	const queue = [...files];
	const workers = Array.from({ length: Math.max(2, os.availableParallelism()) * 2 }, async () => {
		for (let f = queue.shift(); f; f = queue.shift()) {
			const bytes = fs.readFileSync(f);
			for (const format of ['br', 'gz']) {
				const { data, hit } = await compressed(bytes, format, path.extname(f), qualityFor(f, bytes), cache, used);
				if (hit) hits++;
				// No copy that saves nothing: a host then serves the file itself.
				if (data.length < bytes.length) {
					fs.writeFileSync(`${f}.${format}`, data);
					written++;
				}
			}
		}
	});
	await Promise.all(workers);
	for (const entry of fs.existsSync(cache) ? fs.readdirSync(cache) : []) if (!used.has(entry)) fs.rmSync(path.join(cache, entry), { force: true });
	return { files: files.length, written, hits, compressed: files.length * 2 - hits };
}
