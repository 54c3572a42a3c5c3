// Test helper: a Node DuckDB filled with the bundled data/ files, as the browser loads them: the
// manifest the build writes, each file through the one loader.
import fs from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { loadPlanData, type PlanData } from '$lib/model/plan';
import type { Connector } from '$lib/db/connector';
import { createTables } from '$lib/db/ingest';
import { loadBytes, nodeLoader } from '$lib/db/node-loader';
import { createNodeConnector } from '$lib/db/node';
import { TABLE_NAMES } from '$lib/data/schema';
import { bundledManifest } from '../../../scripts/data-files-plugin.js';

export async function bundledDb(): Promise<Connector> {
	const conn = await createNodeConnector();
	await createTables(conn);
	const loader = await nodeLoader(conn);
	for (const { file } of bundledManifest('data', TABLE_NAMES).files) {
		const outcome = await loadBytes(loader, file, new Uint8Array(fs.readFileSync(`data/${file}`)));
		if (outcome.status !== 'loaded') throw new Error(`bundled ${file} did not load: ${JSON.stringify(outcome).slice(0, 2000)}`);
	}
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
