import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '$lib/db/connector';
import { createTables } from '$lib/db/ingest';
import { loadBytes, nodeLoader } from '$lib/db/node-loader';
import type { Loader } from '$lib/db/load/loader';
import { createNodeConnector } from '$lib/db/node';
import { demonstrationRows, tableSummaries } from './tables';

let conn: Connector;
let loader: Loader;
beforeAll(async () => {
	conn = await createNodeConnector();
	await createTables(conn);
	loader = await nodeLoader(conn);
	expect((await loadBytes(loader, 's.csv', 'iso3,name,region,source\nKHM,Cambodia,Asia,UNTC\nAGO,Angola,Africa,UNTC\nBIH,Bosnia,Europe,ISU\n')).status).toBe('loaded');
});
afterAll(() => conn.close());

describe('table summaries', () => {
	it('counts rows per table and lists sources by frequency', async () => {
		const s = (await tableSummaries(conn)).find((t) => t.table === 'states')!;
		expect(s.rows).toBe(3);
		expect(s.sources).toEqual([
			{ source: 'UNTC', rows: 2 },
			{ source: 'ISU', rows: 1 }
		]);
		expect((await tableSummaries(conn)).find((t) => t.table === 'indicator_values')!.rows).toBe(0);
	});

	it('counts demonstration rows, so the banner shows only while they are loaded', async () => {
		expect(await demonstrationRows(conn)).toBe(0);
		expect((await loadBytes(loader, 'i.csv', 'indicator_id,action,label,unit,polarity,applies_to,source\nX1,1,L,count,higher_is_better,all,demonstration\n')).status).toBe('loaded');
		expect(await demonstrationRows(conn)).toBe(1);
	});
});
