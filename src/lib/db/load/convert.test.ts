import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../connector';
import { createNodeConnector } from '../node';
import { trimmedSql, trimSql } from './convert';

let conn: Connector;
beforeAll(async () => {
	conn = await createNodeConnector();
});
afterAll(() => conn.close());

/** Every character DuckDB's trim removes (Unicode space separators), and neighbours it keeps. */
const EDGES = [' ', '\u00a0', '\u1680', '\u2000', '\u200a', '\u202f', '\u205f', '\u3000', '\t', '\n', '\r', 'a', 'é', 'ع', '中', '😀', '!', '~', ''];

describe('trimmed text', () => {
	it('is exactly trim() with empty text as NULL, whatever is at either end', async () => {
		const cell = fc
			.tuple(
				fc.constantFrom(...EDGES),
				fc.constantFrom(...EDGES),
				fc.string({ unit: fc.constantFrom(...EDGES, 'x', 'Z', '1', ' ') }),
				fc.constantFrom(...EDGES),
				fc.constantFrom(...EDGES)
			)
			.map((p) => p.join(''));
		await fc.assert(
			fc.asyncProperty(fc.array(cell, { minLength: 1, maxLength: 40 }), async (cells) => {
				const list = cells.map((c) => `'${c.replaceAll("'", "''")}'`).join(', ');
				const rows = await conn.query<{ fast: string | null; slow: string | null }>(
					`SELECT ${trimmedSql('c', 'VARCHAR')} AS fast, NULLIF(${trimSql('c')}, '') AS slow FROM (SELECT unnest([${list}, NULL]) AS c)`
				);
				for (const r of rows) expect(r.fast).toBe(r.slow);
			}),
			{ numRuns: 200 }
		);
	});
});
