// Writes docs/DATA.md and docs/templates/*.csv from the data contract (src/lib/data/schema.ts).
import fs from 'node:fs';
import path from 'node:path';
import { renderDataDoc } from '../src/lib/data/data-doc.ts';
import { TABLE_NAMES, templateCsv } from '../src/lib/data/schema.ts';

const root = path.resolve(import.meta.dirname, '..');
fs.mkdirSync(path.join(root, 'docs/templates'), { recursive: true });
fs.writeFileSync(path.join(root, 'docs/DATA.md'), renderDataDoc());
for (const t of TABLE_NAMES) fs.writeFileSync(path.join(root, 'docs/templates', `${t}.csv`), '\uFEFF' + templateCsv(t));
console.log(`wrote docs/DATA.md and ${TABLE_NAMES.length} templates`);
