import { createTableSql, TABLE_NAMES, type TableName } from '../data/schema';
import type { Connector } from './connector';

export type { LoadMode } from './load/loader';

export async function createTables(conn: Connector): Promise<void> {
	await conn.exec(TABLE_NAMES.map((t) => createTableSql(t)).join(';\n'));
}

/** Load order so that referenced tables come first within one batch. */
export function loadOrder(table: TableName | null): number {
	return table ? TABLE_NAMES.indexOf(table) : TABLE_NAMES.length;
}

