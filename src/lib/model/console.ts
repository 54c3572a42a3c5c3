import type { Connector, Row } from '$lib/db/connector';
import { ident } from '$lib/db/connector';
import { arrowToRows } from '$lib/db/arrow-rows';
import { createTableSql, TABLE_NAMES } from '$lib/data/schema';

export interface ConsoleResult {
	columns: string[];
	rows: Row[];
	total: number;
	ms: number;
}

/** The loaded data as the pages see them: their engine, and the version of the data it holds. */
export interface ConsoleSource {
	conn: Connector;
	version: number;
}

/** Thrown by `run` when the reader cancelled the query. */
export class ConsoleCancelled extends Error {
	constructor() {
		super('cancelled');
		this.name = 'ConsoleCancelled';
	}
}

const SHOWN = 1000;
const COPY = '__console_copy';

/**
 * Copy every table of the pages' engine into the console's, with the same column types. Stops between
 * tables once `alive()` is false (cancelled), so an ended engine is never asked for more.
 */
async function copyTables(from: Connector, to: Connector, alive: () => boolean): Promise<void> {
	for (const t of TABLE_NAMES) {
		if (!alive()) throw new ConsoleCancelled();
		await to.exec(createTableSql(t));
		const data = await from.queryArrow(`SELECT * FROM ${ident(t)}`);
		if (data.numRows === 0) continue;
		await to.insertArrow(COPY, data);
		await to.exec(`INSERT INTO ${ident(t)} BY NAME SELECT * FROM ${COPY}; DROP TABLE ${COPY}`);
	}
}

/**
 * The SQL console: an analyst's queries run on a database of their own (`open` makes it, locked down:
 * see db/console-settings.ts) that holds a copy of the loaded tables, made again whenever the loaded
 * data change. Whatever a query does — DROP, a temporary table shadowing a table, a read of a web
 * address — stays in that copy or fails there; the pages' tables are only ever read, to copy them.
 * Cancel ends the console's engine at once; the next query starts a new one.
 */
export class ConsoleSession {
	/** The console's engine: `ready` once it holds the copy of data version `version`. */
	#engine: { conn: Promise<Connector>; ready: Promise<Connector>; version: number } | null = null;
	#stop: (() => void) | null = null;

	constructor(private readonly open: () => Promise<Connector>) {}

	/** Start the engine and copy the tables ahead of the first query (the reader is still reading it). */
	prepare(source: ConsoleSource): void {
		if (this.#stop) return; // never end the engine a running query uses
		this.#ready(source).catch(() => undefined);
	}

	/** Run `sql` as typed on the copy of the data `source` holds; show the first rows, count them all. */
	async run(sql: string, source: ConsoleSource): Promise<ConsoleResult> {
		if (this.#stop) throw new Error('a query is already running');
		const cancelled = new Promise<never>((_, reject) => (this.#stop = () => reject(new ConsoleCancelled())));
		cancelled.catch(() => undefined);
		try {
			const conn = await Promise.race([this.#ready(source), cancelled]);
			const t0 = performance.now();
			const table = await Promise.race([conn.queryArrow(sql), cancelled]);
			const ms = Math.round(performance.now() - t0);
			return { columns: table.schema.fields.map((f) => f.name), rows: arrowToRows(table.slice(0, SHOWN)), total: table.numRows, ms };
		} finally {
			this.#stop = null;
		}
	}

	/** True while a query (or the copy it waits for) is running. */
	get running(): boolean {
		return this.#stop !== null;
	}

	/** Stop the running query: the console's engine is ended (a new one starts with the next query). */
	cancel(): void {
		if (!this.#stop) return;
		this.#stop();
		void this.close();
	}

	async close(): Promise<void> {
		const engine = this.#engine;
		this.#engine = null;
		const conn = await engine?.conn.catch(() => null);
		await conn?.close();
	}

	/** The engine holding a copy of `source`'s version: the one there is, or a new one (the old one ended). */
	#ready(source: ConsoleSource): Promise<Connector> {
		if (this.#engine && this.#engine.version === source.version) return this.#engine.ready;
		void this.close();
		const conn = this.open();
		const engine = {
			conn,
			version: source.version,
			ready: conn.then(async (c) => {
				await copyTables(source.conn, c, () => this.#engine === engine);
				return c;
			})
		};
		this.#engine = engine;
		engine.ready.catch(() => {
			if (this.#engine === engine) void this.close();
		});
		return engine.ready;
	}
}
