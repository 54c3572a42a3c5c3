import { describe, expect, it } from 'vitest';
import { unitInfo, unitKindSql } from '$lib/data/units';
import { createNodeConnector } from '../node';

describe('unit kinds in the loader’s SQL', () => {
	it('the SQL used by the loader gives the same kinds as the code', async () => {
		const conn = await createNodeConnector();
		const units = ['%', 'm²', 'Hectares', 'yes/no', 'EUR', 'sessions', 'persons', 'count'];
		const rows = await conn.query<{ k: string }>(`SELECT ${unitKindSql('u')} AS k FROM (SELECT unnest([${units.map((u) => `'${u}'`).join(', ')}]) AS u)`);
		expect(rows.map((r) => r.k)).toEqual(units.map((u) => unitInfo(u).kind));
		await conn.close();
	});
});
