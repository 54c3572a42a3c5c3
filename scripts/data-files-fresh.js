// After the build: the adapter precompressed build/data-files/manifest.json like any JSON. A team that
// edits the manifest (or a data file) would then be served the stale .br/.gz copy: remove them.
import fs from 'node:fs';
import path from 'node:path';

const dir = 'build/data-files';
for (const f of fs.existsSync(dir) ? fs.readdirSync(dir) : []) if (/\.(br|gz)$/.test(f)) fs.rmSync(path.join(dir, f));
