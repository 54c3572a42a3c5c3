// Test helper: a Node DuckDB filled with the bundled data/ files, as the browser loads them.
import fs from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { loadPlanData, type PlanData } from '$lib/model/plan';
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

/**
 * For a test file: a Node DuckDB with the bundled data and the plan read from it, opened before the
 * file's tests and closed after. Read `ctx.conn` and `ctx.data` inside tests.
 */
export function useBundledPlan(): { conn: Connector; data: PlanData } {
	const ctx = {} as { conn: Connector; data: PlanData };
	beforeAll(async () => {
		ctx.conn = await bundledDb();
		ctx.data = await loadPlanData(ctx.conn);
	});
	afterAll(() => ctx.conn.close());
	return ctx;
}
