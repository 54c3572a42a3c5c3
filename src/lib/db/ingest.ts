import { createTableSql, TABLE_NAMES } from '../data/schema';
import type { Connector } from './connector';

export type { LoadMode } from './load/loader';

export async function createTables(conn: Connector): Promise<void> {
	await conn.exec(TABLE_NAMES.map((t) => createTableSql(t)).join(';\n'));
}

