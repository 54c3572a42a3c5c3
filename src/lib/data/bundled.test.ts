/**
 * Checks the committed data/ files against the data contract in schema.ts:
 * headers, required cells, types, allowed values, keys, references, and CSV ↔ Parquet agreement.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { TABLES, TABLE_NAMES, columnNames } from './schema';
import type { Column, TableName } from './schema';

const dataDir = fileURLToPath(new URL('../../../data/', import.meta.url));

interface Csv {
	header: string[];
	rows: Record<string, string>[];
}

function readCsv(table: TableName): Csv {
	const text = fs.readFileSync(path.join(dataDir, `${table}.csv`), 'utf8');
	const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
	expect(parsed.errors, `${table}.csv parse errors`).toEqual([]);
	return { header: parsed.meta.fields ?? [], rows: parsed.data };
}

const csv = Object.fromEntries(TABLE_NAMES.map((t) => [t, readCsv(t)])) as Record<TableName, Csv>;

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Returns an error message, or '' when the non-empty cell fits the column. */
function typeError(col: Column, v: string): string {
	const n = Number(v);
	switch (col.type) {
		case 'INTEGER':
			if (!/^-?\d+$/.test(v)) return 'not an integer';
			break;
		case 'DOUBLE':
			if (v.trim() === '' || !Number.isFinite(n)) return 'not a number';
			break;
		case 'DATE':
			if (!DATE_RE.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`))) return 'not an ISO date';
			return '';
		case 'BOOLEAN':
			return v === 'true' || v === 'false' ? '' : 'not true/false';
		default:
			return '';
	}
	if (col.min !== undefined && n < col.min) return `below ${col.min}`;
	if (col.max !== undefined && n > col.max) return `above ${col.max}`;
	return '';
}

describe.each(TABLE_NAMES)('data/%s', (table) => {
	const def = TABLES[table];
	const { header, rows } = csv[table];

	it('has the schema header, in order', () => {
		expect(header).toEqual(columnNames(table));
	});

	it('has required cells, valid types and allowed values', () => {
		const problems: string[] = [];
		rows.forEach((r, i) => {
			for (const col of def.columns) {
				const v = (r[col.name] ?? '').trim();
				if (v === '') {
					if (col.required) problems.push(`row ${i + 2} ${col.name}: empty`);
					continue;
				}
				const err = typeError(col, v);
				if (err) problems.push(`row ${i + 2} ${col.name}: ${err} (${v})`);
				if (col.values && !col.values.includes(v)) problems.push(`row ${i + 2} ${col.name}: '${v}' not allowed`);
			}
		});
		expect(problems.slice(0, 20)).toEqual([]);
	});

	it('has unique keys', () => {
		const seen = new Set<string>();
		const dupes: string[] = [];
		for (const r of rows) {
			const k = def.key.map((c) => (r[c] ?? '').trim()).join('|');
			if (seen.has(k)) dupes.push(k);
			seen.add(k);
		}
		expect(dupes).toEqual([]);
	});

	it('has references that resolve', () => {
		const dangling: string[] = [];
		for (const col of def.columns.filter((c) => c.references)) {
			const [t, c] = col.references!.split('.') as [TableName, string];
			const targets = new Set(csv[t].rows.map((r) => r[c]));
			for (const r of rows) {
				const v = r[col.name];
				if (v && !targets.has(v)) dangling.push(`${col.name}=${v}`);
			}
		}
		expect([...new Set(dangling)]).toEqual([]);
	});

	it('has a Parquet twin with the same columns, row count and values', async () => {
		const buf = fs.readFileSync(path.join(dataDir, `${table}.parquet`));
		const file = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
		const names = parquetMetadata(file).schema.slice(1).map((s) => s.name);
		expect(names).toEqual(header);
		const objs = (await parquetReadObjects({ file })) as Record<string, unknown>[];
		expect(objs.length).toBe(rows.length);
		const asText = (v: unknown) =>
			v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
		const diffs: string[] = [];
		objs.forEach((o, i) => {
			for (const col of def.columns) {
				const a = asText(o[col.name]);
				const b = rows[i][col.name] ?? '';
				const same = col.type === 'DOUBLE' || col.type === 'INTEGER' ? (a === '' ? b === '' : Number(a) === Number(b)) : a === b;
				if (!same) diffs.push(`row ${i + 1} ${col.name}: parquet '${a}' vs csv '${b}'`);
			}
		});
		expect(diffs.slice(0, 10)).toEqual([]);
	});
});

describe('bundled data: cross-table facts', () => {
	it('has no CSV in data/ that is not a table', () => {
		const files = fs.readdirSync(dataDir).filter((f) => f.endsWith('.csv'));
		expect(files.map((f) => f.replace(/\.csv$/, '')).sort()).toEqual([...TABLE_NAMES].sort());
	});

	it('lists the 166 States Parties (with entry into force) and the States not party', () => {
		const states = csv.states.rows;
		const parties = states.filter((s) => s.entry_into_force !== '');
		const notParty = states.filter((s) => s.entry_into_force === '');
		expect(parties.length).toBe(166);
		// 33 UN Member States not party at end 2024, minus Marshall Islands and Tonga (parties in 2025).
		expect(notParty.length).toBe(31);
		for (const iso3 of ['MHL', 'TON']) {
			expect(parties.find((s) => s.iso3 === iso3)?.entry_into_force.startsWith('2025')).toBe(true);
		}
	});

	it('marks every value of a demonstration indicator as demonstration', () => {
		const demo = new Set(csv.indicators.rows.filter((r) => r.source === 'demonstration').map((r) => r.indicator_id));
		const bad = csv.indicator_values.rows.filter((v) => demo.has(v.indicator_id) && v.source !== 'demonstration');
		expect(bad.length).toBe(0);
	});

	it('gives every action at least one indicator', () => {
		const actions = new Set(csv.indicators.rows.map((r) => Number(r.action)));
		expect(csv.actions.rows.filter((a) => !actions.has(Number(a.action))).map((a) => a.action)).toEqual([]);
	});

	it('splits disaggregated totals into parts that add up', () => {
		const totals = new Map<string, number>();
		const sums = new Map<string, number>();
		for (const v of csv.indicator_values.rows) {
			const k = `${v.indicator_id}|${v.iso3}|${v.year}`;
			if (v.sex === '' && v.age_group === '') totals.set(k, Number(v.value));
			else sums.set(k, (sums.get(k) ?? 0) + Number(v.value));
		}
		const off = [...sums].filter(([k, s]) => Math.abs(s - (totals.get(k) ?? NaN)) > 1e-9 || Number.isNaN(totals.get(k)));
		expect(off.map(([k]) => k)).toEqual([]);
	});

	it('has no values for a State in a year it was not a party', () => {
		const eif = new Map(csv.states.rows.map((s) => [s.iso3, s.entry_into_force]));
		const bad = csv.indicator_values.rows.filter((v) => !eif.get(v.iso3) || eif.get(v.iso3)! > `${v.year}-12-31`);
		expect(bad.length).toBe(0);
	});
});

describe('sources as a reader sees them', () => {
	// A row's source is shown beside its facts to committee members: a citation in words. How a copy was
	// obtained (a GitHub mirror, a reference file) and notes to the curator stay in data/SOURCES.md.
	const CURATION = /github|\.csv\b|\.md\b|§\s?\d|not UN terminology|\breference\b/i;
	it.each(TABLE_NAMES.filter((t) => columnNames(t).includes('source')))('%s cites without curation notes', (table) => {
		const bad = csv[table].rows.filter((r) => CURATION.test(r.source ?? '')).map((r) => r.source);
		expect(bad.slice(0, 3)).toEqual([]);
	});
});
