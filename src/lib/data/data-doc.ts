import { TABLE_NAMES, TABLES, templateCsv } from './schema.ts';

/** docs/DATA.md, rendered from the contract so the documentation cannot drift from the code. */
export function renderDataDoc(): string {
	const out = [
		'# Data contract',
		'',
		'<!-- Generated from src/lib/data/schema.ts by `npm run docs:data`. Do not edit by hand. -->',
		'',
		'Every table the dashboard reads. Load your own files on the **Data** page (CSV or Parquet):',
		'',
		'- **CSV**: UTF-8 (with or without a byte-order mark), comma, semicolon or tab separated, a header row with',
		'  the column names below (any order; optional columns may be left out). Empty cells are empty, never zero.',
		'  Dates are written `YYYY-MM-DD`. Decimal commas (`12,5`) are accepted.',
		'- **Parquet**: the same column names; strings, integers, doubles, booleans and dates.',
		'- A file’s table is recognised from its columns (and its name when two tables fit); choose it by hand to override.',
		'- **Add** appends rows (a key that is already loaded is an error); **Replace** swaps the whole table.',
		'- A file that breaks any rule below is rejected whole, with its file name, row (header = row 1) and column;',
		'  what was loaded before stays as it was. Loaded files are kept in the browser until “Restore the bundled data”.',
		'',
		'Templates (header rows) are in [`docs/templates/`](templates/) and on the Data page.',
		'Where the bundled rows come from: [`data/SOURCES.md`](../data/SOURCES.md).',
		''
	];
	for (const name of TABLE_NAMES) {
		const def = TABLES[name];
		out.push(`## \`${name}\``, '', def.description, '', `Key (unique): ${def.key.map((k) => `\`${k}\``).join(' + ')}`, '');
		out.push('| column | type | required | rule | meaning |', '| --- | --- | --- | --- | --- |');
		for (const c of def.columns) {
			const rule = [
				c.values ? `one of ${c.values.map((v) => `\`${v}\``).join(', ')}` : '',
				c.references ? `must exist in \`${c.references}\`` : '',
				c.min !== undefined || c.max !== undefined ? `${c.min ?? '−∞'} to ${c.max ?? '∞'}` : ''
			]
				.filter(Boolean)
				.join('; ');
			out.push(`| \`${c.name}\` | ${c.type} | ${c.required ? 'yes' : ''} | ${rule} | ${c.description.replaceAll('|', '\\|')} |`);
		}
		out.push('', '```csv', templateCsv(name).trim(), '```', '');
	}
	return out.join('\n');
}
