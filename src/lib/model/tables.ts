import { ident, type Connector } from '$lib/db/connector';
import { TABLE_NAMES, TABLES, type TableName } from '$lib/data/schema';

export interface TableSummary {
	table: TableName;
	rows: number;
	/** Distinct sources, most frequent first, with their row counts. */
	sources: { source: string; rows: number }[];
}

/** Every table with its row count and where its rows come from. */
export async function tableSummaries(conn: Connector): Promise<TableSummary[]> {
	const withSource = TABLE_NAMES.filter((t) => TABLES[t].columns.some((c) => c.name === 'source'));
	const sql = TABLE_NAMES.map(
		(t) =>
			`SELECT '${t}' AS t, ${withSource.includes(t) ? 'source' : 'NULL::VARCHAR'} AS source, count(*)::INTEGER AS n FROM ${ident(t)} GROUP BY ALL`
	).join(' UNION ALL ');
	const rows = await conn.query<{ t: TableName; source: string | null; n: number }>(sql + ' ORDER BY n DESC');
	return TABLE_NAMES.map((table) => {
		const mine = rows.filter((r) => r.t === table);
		return {
			table,
			rows: mine.reduce((s, r) => s + r.n, 0),
			sources: mine.filter((r) => r.source !== null).map((r) => ({ source: r.source!, rows: r.n }))
		};
	});
}

/** True while any demonstration row is loaded: the banner says so. */
export async function demonstrationRows(conn: Connector): Promise<number> {
	const r = await conn.query<{ n: number }>(
		`SELECT (SELECT count(*) FROM indicator_values WHERE source = 'demonstration') + (SELECT count(*) FROM indicators WHERE source = 'demonstration') + (SELECT count(*) FROM state_obligations WHERE source = 'demonstration') AS n`
	);
	return Number(r[0]?.n ?? 0);
}
