import fs from 'node:fs';
import { it } from 'vitest';
import { loadDb } from '$lib/testing/load-db';
it('profile', async () => {
	const db = await loadDb();
	const ids = Array.from({ length: 100 }, (_, i) => `B${i}.1,1,L,count,higher_is_better,all,,x`).join('\n');
	await db.load('ind.csv', 'indicator_id,action,label,unit,polarity,applies_to,target,source\n' + ids + '\n');
	await db.load('states.csv', fs.readFileSync('data/states.csv', 'utf8'), { mode: 'replace', confirmOrphans: true });
	const bytes = new Uint8Array(fs.readFileSync('/tmp/oap-bench-files/values-1m.csv'));
	await db.conn.registerFile('b.csv', bytes);
	for (let r = 0; r < 4; r++) {
		let t = performance.now();
		await db.conn.exec(`CREATE TABLE b AS SELECT * FROM read_csv('b.csv'); DROP TABLE b`);
		const base = performance.now() - t;
		performance.clearMeasures();
		t = performance.now();
		const o = await db.load('v.csv', bytes, { mode: 'replace' });
		const ours = performance.now() - t;
		console.log(o.status, 'base', Math.round(base), 'ours', Math.round(ours), 'ratio', (ours / base).toFixed(2), performance.getEntriesByType('measure').map((m) => `${m.name.replace('oap-load:', '')} ${Math.round(m.duration)}`).join(', '));
	}
}, 300000);
