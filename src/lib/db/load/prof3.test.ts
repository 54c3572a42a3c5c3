import fs from 'node:fs';
import { it } from 'vitest';
import { loadDb } from '$lib/testing/load-db';
it('explain checks', async () => {
	const db = await loadDb();
	const ids = Array.from({ length: 100 }, (_, i) => `B${i}.1,1,L,count,higher_is_better,all,,x`).join('\n');
	await db.load('ind.csv', 'indicator_id,action,label,unit,polarity,applies_to,target,source\n' + ids + '\n');
	await db.load('states.csv', fs.readFileSync('data/states.csv', 'utf8'), { mode: 'replace', confirmOrphans: true });
	const bytes = new Uint8Array(fs.readFileSync('/tmp/oap-bench-files/values-1m.csv'));
	const q = db.conn.query.bind(db.conn);
	const work = (db.loader as any).work;
	const wq = work.query.bind(work);
	work.query = async (sql: string) => {
		if (sql.startsWith('SELECT count_if(coalesce')) {
			const r = await wq(`EXPLAIN ANALYZE ${sql}`);
			console.log(sql.slice(0, 3000));
			console.log(r.map((x: any) => x.explain_value).join('\n').split('\n').filter((l: string) => /Total Time|\(\d|[A-Z_]{4,}/.test(l)).join('\n'));
		}
		return wq(sql);
	};
	await db.load('v.csv', bytes, { mode: 'replace' });
	void q;
}, 300000);
