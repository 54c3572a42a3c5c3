// adapter-static precompresses HTML, JS, CSS and wasm but not the bundled CSV files, which are the
// largest download after DuckDB itself. Write .br and .gz beside each, as the adapter does for the rest.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dir = 'build/_app/immutable/assets';
let raw = 0;
let br = 0;
for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.csv'))) {
	const file = path.join(dir, name);
	const bytes = fs.readFileSync(file);
	const b = zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } });
	fs.writeFileSync(file + '.br', b);
	fs.writeFileSync(file + '.gz', zlib.gzipSync(bytes, { level: 9 }));
	raw += bytes.length;
	br += b.length;
}
console.log(`precompressed bundled CSV: ${(raw / 1024).toFixed(0)} KiB → ${(br / 1024).toFixed(0)} KiB (brotli)`);
