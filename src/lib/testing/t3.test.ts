import fs from 'node:fs';
import { it } from 'vitest';
import { createTables, loadBytes, nodeLoader } from '$lib/db/ingest';
import { createNodeConnector } from '$lib/db/node';
import { TABLE_NAMES } from '$lib/data/schema';
import { bundledManifest } from '../../../scripts/data-files-plugin.js';
it('time', async () => {
	const conn = await createNodeConnector();
	await createTables(conn);
	const loader = await nodeLoader(conn);
	const orig = conn.query.bind(conn);
	const work = (loader as any).work;
	for (const c of [conn, work]) {
		const q = c.query.bind(c); const e = c.exec.bind(c); const r = c.run.bind(c);
		c.query = async (sql: string) => { const t = performance.now(); const x = await q(sql); const ms = performance.now() - t; if (ms > 50) console.log(Math.round(ms), 'q', sql.slice(0, 150).replace(/\s+/g, ' ')); return x; };
		c.run = async (sql: string, o: any) => { const t = performance.now(); const x = await r(sql, o); const ms = performance.now() - t; if (ms > 50) console.log(Math.round(ms), 'run', sql.slice(0, 150).replace(/\s+/g, ' ')); return x; };
	}
	for (const { file } of bundledManifest('data', TABLE_NAMES).files) {
		const t = performance.now();
		await loadBytes(loader, file, new Uint8Array(fs.readFileSync(`data/${file}`)));
		console.log(file, Math.round(performance.now() - t));
	}
}, 60000);
