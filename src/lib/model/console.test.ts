import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '$lib/db/connector';
import { CONSOLE_SETTINGS } from '$lib/db/console-settings';
import { createNodeConnector } from '$lib/db/node';
import { bundledDb } from '$lib/testing/bundled-db';
import { ConsoleCancelled, ConsoleSession, type ConsoleSource } from './console';

/** The console's engine as the browser makes it, but in Node: same DuckDB, same lock-down. */
async function lockedNode(): Promise<Connector> {
	const conn = await createNodeConnector();
	for (const s of CONSOLE_SETTINGS) await conn.exec(s);
	return conn;
}

const one = async (conn: Connector, sql: string) => Object.values((await conn.query(sql))[0])[0];

describe('ConsoleSession: queries run on a locked-down copy of the loaded tables', () => {
	let main: Connector;
	let source: ConsoleSource;
	let session: ConsoleSession;
	let opened = 0;
	let sum: unknown;
	beforeAll(async () => {
		main = await bundledDb();
		source = { conn: main, version: 1 };
		session = new ConsoleSession(() => (opened++, lockedNode()));
		sum = await one(main, 'SELECT sum(value) FROM indicator_values');
	});
	afterAll(async () => {
		await session.close();
		await main.close();
	});

	it('answers a query from the copy, every table with its rows and column types', async () => {
		const r = await session.run("SELECT count(*) AS n, sum(value) AS s FROM indicator_values", source);
		expect(r.columns).toEqual(['n', 's']);
		expect(r.rows).toEqual([{ n: await one(main, 'SELECT count(*) FROM indicator_values'), s: sum }]);
		const types = async (c: Connector) => c.query("SELECT table_name, column_name, data_type FROM information_schema.columns ORDER BY ALL");
		const copy = await session.run("SELECT table_name, column_name, data_type FROM information_schema.columns ORDER BY ALL", source);
		expect(copy.rows).toEqual(await types(main));
	});

	it('a temporary table shadowing indicator_values changes the console only, never the pages', async () => {
		await session.run('CREATE TEMP TABLE indicator_values AS SELECT * REPLACE (value*10 AS value) FROM main.indicator_values', source);
		const inConsole = await session.run('SELECT sum(value) AS s FROM indicator_values', source);
		expect(inConsole.rows[0].s).toBeCloseTo(Number(sum) * 10, 3);
		expect(await one(main, 'SELECT sum(value) FROM indicator_values')).toBe(sum);
		expect(await one(main, "SELECT count(*) FROM duckdb_tables() WHERE temporary")).toBe(0);
	});

	it('DROP, DELETE and UPDATE change the copy only', async () => {
		const states = await one(main, 'SELECT count(*) FROM states');
		await session.run('DELETE FROM deadlines; UPDATE meetings SET code = NULL; DROP TABLE states', source);
		expect(await one(main, 'SELECT count(*) FROM states')).toBe(states);
		expect(await one(main, 'SELECT count(*) FROM deadlines WHERE iso3 IS NOT NULL')).toBeGreaterThan(0);
		expect(await one(main, 'SELECT count(*) FROM meetings WHERE code IS NULL')).toBe(0);
		await expect(session.run('SELECT * FROM states', source)).rejects.toThrow(/states/);
	});

	it('prepare makes the copy ahead of the first query; the query then uses it', async () => {
		const fresh = new ConsoleSession(() => (opened++, lockedNode()));
		const before = opened;
		fresh.prepare(source);
		fresh.prepare(source);
		const r = await fresh.run('SELECT count(*) AS n FROM states', source);
		expect(r.rows[0].n).toBe(await one(main, 'SELECT count(*) FROM states'));
		expect(opened).toBe(before + 1);
		await fresh.close();
	});

	it('a new version of the loaded data brings a fresh copy (and a fresh engine)', async () => {
		const before = opened;
		source = { conn: main, version: 2 };
		const r = await session.run('SELECT count(*) AS n FROM states', source);
		expect(r.rows[0].n).toBe(await one(main, 'SELECT count(*) FROM states'));
		expect(opened).toBe(before + 1);
		await session.run('SELECT 1', source);
		expect(opened).toBe(before + 1);
	});
	// Every statement the lock-down refuses, with its exact message: src/lib/hostile-input.test.ts.
});

describe('ConsoleSession: cancel', () => {
	/** An engine whose queries never finish, recording whether it was ended. */
	function stuckEngine() {
		const log = { closed: 0 };
		const conn = {
			exec: async () => undefined,
			queryArrow: () => new Promise(() => undefined),
			close: async () => void log.closed++
		} as unknown as Connector;
		return { conn, log };
	}
	const emptyMain = { queryArrow: async () => ({ numRows: 0 }) } as unknown as Connector;

	it('rejects the running query at once, ends its engine, and opens a new one for the next query', async () => {
		const engines: ReturnType<typeof stuckEngine>[] = [];
		const session = new ConsoleSession(async () => {
			engines.push(stuckEngine());
			return engines.at(-1)!.conn;
		});
		const running = session.run('SELECT 1', { conn: emptyMain, version: 1 });
		await new Promise((r) => setTimeout(r, 10));
		expect(session.running).toBe(true);
		session.cancel();
		await expect(running).rejects.toBeInstanceOf(ConsoleCancelled);
		expect(session.running).toBe(false);
		await new Promise((r) => setTimeout(r, 0));
		expect(engines[0].log.closed).toBe(1);
		const next = session.run('SELECT 1', { conn: emptyMain, version: 1 });
		await new Promise((r) => setTimeout(r, 10));
		expect(engines).toHaveLength(2);
		session.cancel();
		await expect(next).rejects.toBeInstanceOf(ConsoleCancelled);
	});

	it('refuses a second query while one runs', async () => {
		const session = new ConsoleSession(async () => stuckEngine().conn);
		const running = session.run('SELECT 1', { conn: emptyMain, version: 1 });
		await expect(session.run('SELECT 2', { conn: emptyMain, version: 1 })).rejects.toThrow(/already running/);
		session.cancel();
		await expect(running).rejects.toBeInstanceOf(ConsoleCancelled);
	});
});
