import fs from 'node:fs';
import { it } from 'vitest';
import { createNodeConnector } from '$lib/db/node';
import { stageSql } from './stage';
it('explain', async () => {
	const conn = await createNodeConnector();
	await conn.registerFile('b.csv', new Uint8Array(fs.readFileSync('/tmp/oap-bench-files/values-1m.csv')));
	const cols = (n: number) => Array.from({ length: n }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ');
	const full = `read_csv('b.csv', header = true, auto_detect = false, columns = {${cols(7)}, '__extra': 'VARCHAR'}, delim = ',', quote = '"', escape = '"', null_padding = true, strict_mode = true, store_rejects = true)`;
	const source = { relation: full, columns: Array.from({ length: 7 }, (_, i) => ({ name: `c${i}`, type: 'VARCHAR' })), rowSql: null, extra: '__extra', commaDelimited: true };
	const plan = { table: 'indicator_values' as const, mapping: ['indicator_id', 'iso3', 'year', 'value', 'sex', 'age_group', 'source'], provenance: 'x' };
	const sql = stageSql('t', source, plan, '.');
	console.log(sql);
	await conn.exec(`PRAGMA enable_profiling = 'query_tree'; SET profiling_output = ''`);
	const r = await conn.query<{ explain_value: string }>(`EXPLAIN ANALYZE ${sql}`);
	console.log(r.map((x: any) => x.explain_value).join('\n'));
	const r2 = await conn.query<{ explain_value: string }>(`EXPLAIN ANALYZE CREATE TABLE b AS SELECT * FROM read_csv('b.csv')`);
	console.log(r2.map((x: any) => x.explain_value).join('\n'));
}, 600000);
