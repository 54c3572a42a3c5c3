import { PATTERNS, TABLE_NAMES, TABLES, templateCsv, type Column } from './schema.ts';
import { knownUnits, unitRange } from './units.ts';

const RULES = `## Loading files: the rules

Load files on the **Data** page. Every file goes through the same loader — the bundled files, a
deployment's files (README, *Deploy*), files you drop, and files replayed from the browser — and CSV,
Parquet and Excel differ only in how they are read.

### Formats

- **CSV** (also \`.txt\`, \`.tsv\`): comma, semicolon, tab or \`|\` separated (found from the first lines),
  fields quoted with \`"\` (a quote inside is doubled), line breaks inside quoted fields allowed.
  Encoding: UTF-8 with or without a byte-order mark; UTF-16 with its byte-order mark (Excel's
  "Unicode text"); a file that is not valid UTF-8 is read as Windows-1252 (Excel's "CSV" in Western
  Europe) and the report says so.
- **Parquet**: any codec (uncompressed, Snappy, GZIP, ZSTD, Brotli, LZ4, LZ4_RAW), data pages v1 and
  v2, plain and dictionary encodings, any number of row groups, nullable columns. Column types are
  mapped in the table below; a column of another kind is rejected ("the wrong kind of value").
- **Excel** (\`.xlsx\`, also \`.xls\` and \`.ods\`): you choose the sheet and the row that holds the column
  names (both guessed from the contract's names). A heading cell covered by a merged range takes the
  range's text; rows with no value at all are left out but keep their numbers; date cells become
  dates; a number stored as text is read as text (then by the number rules below); numbers are taken
  to Excel's 15 significant digits (what Excel shows).

| contract type | CSV / Excel text | Parquet types accepted |
| --- | --- | --- |
| VARCHAR | any text | STRING, LARGE_STRING, ENUM, dictionary of strings (binary read as UTF-8) |
| INTEGER (32-bit: −2,147,483,648 to 2,147,483,647) | a whole number (\`2024\`, \`2024.0\`) | INT8…INT64 within that range; FLOAT, DOUBLE, DECIMAL holding a whole number within it |
| DOUBLE | a finite number | any integer up to ±2^53 (9,007,199,254,740,992); DOUBLE; FLOAT (as the decimal it prints as: 0.1, not 0.10000000149…); DECIMAL when a DOUBLE holds it exactly |
| DATE | \`YYYY-MM-DD\`, optionally followed by a midnight time | DATE; TIMESTAMP at midnight |
| BOOLEAN | \`true\`/\`false\`, \`yes\`/\`no\`, \`1\`/\`0\` (any case) | BOOLEAN; integers 0 and 1 |

The whole-number columns hold years, action numbers and counts of extensions, so 32 bits are wide
enough; a value beyond them is an error, never wrapped. A number that is infinite or not a number
(\`1e309\`, \`Infinity\`, \`NaN\`) is an error. An integer beyond ±2^53, or a DECIMAL with more digits
than a DOUBLE holds, is an error rather than rounded.

### Column names

Matched ignoring case, spaces, underscores, hyphens and dots (\`Indicator ID\` = \`indicator_id\`). A file
that fits no table exactly is not rejected: the Data page names the nearest table, what is missing and
what is unknown, and asks which column is which (unknown columns may be left out). The answer is
remembered (in this browser) for the next file with the same column names.

### Values

- Spaces, tabs and line breaks around a value are removed; a cell left empty (or only spaces) is
  empty, never zero.
- **Numbers written with separators**: the file's way of writing numbers is decided once, from its
  content, and the load report states it. A decimal comma (\`12,5\`, \`1.234,5\`, \`1 234,5\`) makes the
  file a decimal-comma file: dots and spaces then separate thousands. Comma thousands (\`1,234,567\`,
  \`1,234.5\`) make it a decimal-point file. A file that writes both is rejected. A lone \`1,234\` (1234
  or 1.234?) is read as thousands only when something else says so (another number with a decimal
  point, or commas separating the fields, which means the comma in the number was quoted on purpose);
  otherwise it is rejected. \`1_000\` and \`0x10\` are not numbers.
- **Dates and moments**: a date column takes the date as written. A time of day other than midnight
  is an error, because the date of a moment depends on the time zone: \`2024-06-02T00:30+02:00\` is
  rejected, \`2024-06-02T00:00+02:00\` is 2024-06-02. A Parquet TIMESTAMP WITH TIME ZONE is an instant,
  read in UTC: midnight UTC is that date, any other time is rejected (the report shows it in UTC, e.g.
  \`2024-06-01 22:30:00+00\`). Spark's legacy INT96 timestamps outside 1678–2261 are refused.
- **iso3** columns hold ISO 3166-1 alpha-3 codes: three capital letters A–Z.
- **Units are open**: any unit may be written. Known units are recognised under their usual spellings,
  formatted and translated, and their values checked:

UNITS

  Currencies are ISO 4217 codes (\`usd\`, \`EUR\`, …): any finite number. Any other unit (\`sessions\`,
  \`devices\`) is shown as written and takes any finite number.
- **source** is optional in a loaded file: when the column is missing or a cell is empty, the row's
  source is \`<file name>, loaded <YYYY-MM-DD>\` (the day it was first loaded, kept when the file is
  loaded again from the browser). A file never takes another file's source.

### Rows, problems and the report

- Rows are numbered as a spreadsheet numbers them: the header is row 1, the first data row row 2; a
  line break inside a quoted field does not start a new row. Parquet rows are numbered the same way
  (the first row is row 2). Excel rows keep the sheet's own numbers. (Blank lines in a CSV file are
  skipped and not counted.)
- A file that breaks any rule below is rejected whole: problems are grouped by column and rule, each
  with its count, its first five rows and an example value; the full list (file, row, column, value,
  problem) downloads as CSV. What was loaded before stays exactly as it was. Cancelling a load leaves
  it as it was too.
- **Add** appends rows (a key already loaded is an error); **Replace** swaps the whole table. A Replace
  that would leave rows of other tables naming rows no longer there (e.g. values of a State the new
  \`states\` file lacks) says how many and asks first.
- The report says one of: loaded and kept in this browser; loaded but not kept (with the browser's
  reason — the file is gone when the tab closes); or not loaded, the tables unchanged. A file is put
  into its table in one transaction, then kept; trying the same file again after a failed save only
  tries to keep it again.
`;

function unitTable(): string {
	const rows = knownUnits().map((u) => {
		const r = unitRange(u.kind);
		const rule = !r ? 'any finite number' : r.only ? '0 or 1' : r.max !== null ? `${r.min} to ${r.max}` : `≥ ${r.min}`;
		return `  | \`${u.code}\` | ${u.aliases.map((a) => `\`${a}\``).join(', ')} | ${rule} |`;
	});
	return ['  | unit | also written | values |', '  | --- | --- | --- |', ...rows].join('\n');
}

function ruleOf(c: Column): string {
	return [
		c.values ? `one of ${c.values.map((v) => `\`${v}\``).join(', ')}` : '',
		c.references ? `must exist in \`${c.references}\`` : '',
		c.min !== undefined || c.max !== undefined ? `${c.min ?? '−∞'} to ${c.max ?? '∞'}` : '',
		c.pattern ? `\`${PATTERNS[c.pattern]}\` (${c.pattern})` : '',
		c.notBefore ? `not before \`${c.notBefore}\`` : '',
		c.unit ? `by the unit of ${c.unit.via ? `its \`${c.unit.via}\` row` : `\`${c.unit.column}\``}` : '',
		c.provenance ? 'empty → file name and load date' : ''
	]
		.filter(Boolean)
		.join('; ');
}

/** docs/DATA.md, rendered from the contract so the documentation cannot drift from the code. */
export function renderDataDoc(): string {
	const out = [
		'# Data contract',
		'',
		'<!-- Generated from src/lib/data/schema.ts and units.ts by `npm run docs:data`. Do not edit by hand. -->',
		'',
		'Every table the dashboard reads, and how files are read into them.',
		'Templates (header rows) are in [`docs/templates/`](templates/) and on the Data page.',
		'Where the bundled rows come from: [`data/SOURCES.md`](../data/SOURCES.md).',
		'',
		RULES.replace('UNITS', unitTable()),
		'## Tables',
		''
	];
	for (const name of TABLE_NAMES) {
		const def = TABLES[name];
		out.push(`### \`${name}\``, '', def.description, '', `Key (unique): ${def.key.map((k) => `\`${k}\``).join(' + ')}`, '');
		out.push('| column | type | required | rule | meaning |', '| --- | --- | --- | --- | --- |');
		for (const c of def.columns) out.push(`| \`${c.name}\` | ${c.type} | ${c.required ? 'yes' : ''} | ${ruleOf(c)} | ${c.description.replaceAll('|', '\\|')} |`);
		out.push('', '```csv', templateCsv(name).trim(), '```', '');
	}
	return out.join('\n');
}
