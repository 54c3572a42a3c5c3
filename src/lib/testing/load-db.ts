// Test helper: a Node DuckDB with the contract's tables, a small reference set, and the one loader.
import type { Connector } from '$lib/db/connector';
import { createTables } from '$lib/db/ingest';
import { loadBytes, nodeLoader } from '$lib/db/node-loader';
import type { Loader, LoadOutcome, LoadRequest } from '$lib/db/load/loader';
import { createNodeConnector } from '$lib/db/node';
import { TABLE_NAMES, TABLES } from '$lib/data/schema';

export const BASE = {
	'states.csv': 'iso3,name,region,entry_into_force,source\nKHM,Cambodia,Asia,2000-01-01,ref\nCIV,Côte d’Ivoire,Africa,2000-12-01,ref\nAFG,Afghanistan,Asia,2003-03-01,ref\n',
	'indicators.csv':
		'indicator_id,action,label,unit,polarity,applies_to,target,source\n' +
		'A21.1,21,Area,km2,lower_is_better,article5,,ref\nP1,1,Share,percent,higher_is_better,all,,ref\nY1,1,Focal point,yes_no,higher_is_better,all,1,ref\nC1,40,Survivors,persons,higher_is_better,victims,,ref\nS1,3,Sessions,sessions,higher_is_better,all,,ref\nE1,45,Funding,EUR,higher_is_better,all,,ref\n',
	'indicator_values.csv': 'indicator_id,iso3,year,value,source\nA21.1,KHM,2019,100,ref\nA21.1,KHM,2020,80,ref\nP1,CIV,2020,50,ref\n',
	'meetings.csv': 'code,type,start_date,end_date,source\nIM2024,intersessional,2024-06-18,2024-06-20,ref\n'
};

export interface LoadDb {
	conn: Connector;
	loader: Loader;
	load(name: string, bytes: Uint8Array | string, options?: Partial<LoadRequest>): Promise<LoadOutcome>;
	/** Every table's row count and a hash of all its rows: equal snapshots = tables unchanged. */
	snapshot(): Promise<Record<string, string>>;
	rows<T = Record<string, unknown>>(sql: string): Promise<T[]>;
}

export async function loadDb(): Promise<LoadDb> {
	const conn = await createNodeConnector();
	await createTables(conn);
	const loader = await nodeLoader(conn);
	const db: LoadDb = {
		conn,
		loader,
		load: (name, bytes, options) => loadBytes(loader, name, bytes, options),
		async snapshot() {
			const out: Record<string, string> = {};
			for (const t of TABLE_NAMES) {
				const cols = TABLES[t].columns.map((c) => `"${c.name}"`).join(', ');
				const [r] = await conn.query<{ n: number; h: string }>(`SELECT count(*)::INTEGER AS n, coalesce(sum(hash(${cols})), 0)::VARCHAR AS h FROM "${t}"`);
				out[t] = `${r.n}:${r.h}`;
			}
			return out;
		},
		rows: (sql) => conn.query(sql)
	};
	for (const [name, text] of Object.entries(BASE)) {
		const o = await db.load(name, text);
		if (o.status !== 'loaded') throw new Error(`base ${name}: ${JSON.stringify(o)}`);
	}
	return db;
}
