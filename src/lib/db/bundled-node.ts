/**
 * Build time, in Node: the bundled files through the one loader (every rule checked), and the tables
 * it filled packed as one file for the browser (db/bundled.ts). A file that fails fails the build.
 * Never imported by the app.
 */
import fs from 'node:fs';
import path from 'node:path';
import { tableToIPC } from 'apache-arrow';
import { localDay } from '$lib/data/day';
import type { ProblemGroup } from '$lib/data/problems';
import { TABLE_NAMES } from '$lib/data/schema';
import { fingerprint, packBundled } from './bundled';
import { ident } from './connector';
import { createTables } from './ingest';
import { loadListed, type ListedFile } from './load/listed';
import { createNodeConnector } from './node';
import { nodeLoader } from './node-loader';

export class BundledDataError extends Error {
	constructor(readonly problems: ProblemGroup[]) {
		super(`the bundled data break the data contract:\n${problems.map(describe).join('\n')}`);
		this.name = 'BundledDataError';
	}
}

function describe(p: ProblemGroup): string {
	const where = [p.file, p.column && `column "${p.column}"`, p.rows.length && `row${p.rows.length > 1 ? 's' : ''} ${p.rows.join(', ')}${p.count > p.rows.length ? ' …' : ''}`].filter(Boolean).join(', ');
	const params = Object.entries(p.params ?? {}).map(([k, v]) => `${k}=${v}`).join(' ');
	return `  ${where}: ${p.rule}${params ? ` (${params})` : ''}${p.count > 1 ? `, ${p.count} times` : ''}${p.example ? `, e.g. "${p.example}"` : ''}`;
}

/**
 * Load `files` (relative to `dir`) through the loader into a fresh engine and pack the tables. Rows
 * without a source say they were loaded on `loadedAt` (the build's day, the day they were checked).
 */
export async function buildBundled(dir: string, files: ListedFile[], loadedAt = localDay()): Promise<Uint8Array> {
	const bytes = new Map(files.map((f) => [f.file, new Uint8Array(fs.readFileSync(path.join(dir, f.file)))]));
	const conn = await createNodeConnector();
	try {
		await createTables(conn);
		const problems = await loadListed(await nodeLoader(conn), files, async (f) => new Blob([bytes.get(f.file)! as BlobPart]), loadedAt);
		if (problems.length) throw new BundledDataError(problems);
		const tables = [];
		for (const table of TABLE_NAMES) {
			const data = await conn.queryArrow(`SELECT * FROM ${ident(table)}`);
			if (data.numRows > 0) tables.push({ table, rows: data.numRows, ipc: tableToIPC(data, 'stream') });
		}
		return packBundled({ files: files.map((f) => ({ ...f, hash: fingerprint(bytes.get(f.file)!) })) }, tables);
	} finally {
		await conn.close();
	}
}
