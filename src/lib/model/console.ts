import type { Connector, Row } from '$lib/db/connector';
import { arrowToRows } from '$lib/db/arrow-rows';

export interface ConsoleResult {
	columns: string[];
	rows: Row[];
	total: number;
	ms: number;
}

const SHOWN = 1000;

/** Run an analyst's query as typed; show the first rows, count them all. */
export async function runConsoleQuery(conn: Connector, sql: string): Promise<ConsoleResult> {
	const t0 = performance.now();
	const table = await conn.queryArrow(sql);
	const ms = Math.round(performance.now() - t0);
	const all = arrowToRows(table.slice(0, SHOWN));
	return { columns: table.schema.fields.map((f) => f.name), rows: all, total: table.numRows, ms };
}
