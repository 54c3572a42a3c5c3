// Test helper: a Node DuckDB filled with the bundled data/ files, as the browser loads them.
import fs from 'node:fs';
import type { Connector } from '$lib/db/connector';
import { createTables, loadBundledCsv } from '$lib/db/ingest';
import { createNodeConnector } from '$lib/db/node';
import { TABLE_NAMES } from '$lib/data/schema';

export async function bundledDb(): Promise<Connector> {
	const conn = await createNodeConnector();
	await createTables(conn);
	for (const t of TABLE_NAMES) await loadBundledCsv(conn, t, new Uint8Array(fs.readFileSync(`data/${t}.csv`)));
	return conn;
}
