import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLE_NAMES } from '$lib/data/schema';
import { parseManifest } from '$lib/state/deployment';
import { bundledDb } from '$lib/testing/bundled-db';
import { bundledManifest } from '../../../scripts/data-files-plugin.js';
import { fingerprint, insertBundled, packBundled, sameList, unpackBundled } from './bundled';
import { BundledDataError, buildBundled } from './bundled-node';
import { ident, type Connector } from './connector';
import { createTables } from './ingest';
import { createNodeConnector } from './node';

// As the app reads the manifest the build writes.
const manifest = parseManifest(bundledManifest('data', TABLE_NAMES));

describe('the bundled tables, loaded at build time and inserted as they are', () => {
	let loaded: Connector;
	let inserted: Connector;
	let bytes: Uint8Array;

	beforeAll(async () => {
		loaded = await bundledDb();
		bytes = await buildBundled('data', manifest.files, '2025-01-31');
		inserted = await createNodeConnector();
		await createTables(inserted);
		await insertBundled(inserted, unpackBundled(bytes));
	});
	afterAll(async () => {
		await loaded?.close();
		await inserted?.close();
	});

	it.each(TABLE_NAMES)('%s: the same rows, values and types as the loader gives', async (table) => {
		const sql = `SELECT * FROM ${ident(table)} ORDER BY ALL`;
		const [a, b] = [await loaded.query(sql), await inserted.query(sql)];
		expect(b.length).toBe(a.length);
		expect(b).toEqual(a);
		const types = `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '${table}' ORDER BY ordinal_position`;
		expect(await inserted.query(types)).toEqual(await loaded.query(types));
	});

	it('records the list it was made from, with each file fingerprinted', () => {
		const { header } = unpackBundled(bytes);
		expect(sameList(header.files, manifest.files)).toBe(true);
		expect(header.files.find((f) => f.file === 'states.csv')?.hash).toBe(fingerprint(new Uint8Array(fs.readFileSync('data/states.csv'))));
		expect(header.tables.map((t) => t.table)).toEqual(manifest.files.map((f) => f.table));
	});
});

describe('a bundled file that breaks a rule fails the build', () => {
	it('names the file, the column, the row and the rule', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oap-bundled-'));
		try {
			fs.copyFileSync('data/states.csv', path.join(dir, 'states.csv'));
			const [head, first, ...rest] = fs.readFileSync('data/indicators.csv', 'utf8').split('\n');
			void first;
			fs.writeFileSync(path.join(dir, 'indicators.csv'), [head, first.replace(/^[^,]+,[^,]+/, (m) => m.split(',')[0] + ',99'), ...rest].join('\n'));
			const error = await buildBundled(dir, [{ file: 'states.csv', table: 'states' }, { file: 'indicators.csv', table: 'indicators' }], '2025-01-31').catch((e: unknown) => e);
			expect(error).toBeInstanceOf(BundledDataError);
			expect((error as BundledDataError).message).toMatch(/indicators\.csv, column "action", row 2: out_of_range/);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('the file format', () => {
	it('refuses other files and truncated ones', () => {
		const packed = packBundled({ files: [] }, [{ table: 'states', rows: 1, ipc: new Uint8Array([1, 2, 3]) }]);
		expect(unpackBundled(packed).streams[0]).toEqual(new Uint8Array([1, 2, 3]));
		expect(() => unpackBundled(packed.subarray(0, packed.length - 1))).toThrow(/truncated/);
		expect(() => unpackBundled(new TextEncoder().encode('iso3,name\n'))).toThrow(/not a bundled/);
	});

	it('a list differs when a file, its table, source, sheet or header row differs', () => {
		const list = [{ file: 'a.csv', table: 'states' as const }];
		expect(sameList(list, [{ file: 'a.csv', table: 'states' }])).toBe(true);
		expect(sameList(list, [{ file: 'a.csv' }])).toBe(false);
		expect(sameList(list, [{ file: 'a.csv', table: 'states', source: 'x' }])).toBe(false);
		expect(sameList(list, [...list, { file: 'b.csv' }])).toBe(false);
	});

	it('a fingerprint changes with any byte', () => {
		const a = new TextEncoder().encode('iso3,name\nKHM,Cambodia\n');
		const b = a.slice();
		b[12] = 'L'.charCodeAt(0);
		expect(fingerprint(a)).toBe(fingerprint(a.slice()));
		expect(fingerprint(b)).not.toBe(fingerprint(a));
		expect(fingerprint(a.subarray(0, a.length - 1))).not.toBe(fingerprint(a));
	});
});
