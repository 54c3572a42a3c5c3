/**
 * What a page's question runs on: the connector, and answers shared by every question until the data
 * change (the plan's tables are read once, then every page computes from them). In the browser the app
 * state provides it (state/view.svelte.ts); at build time and in tests, `sourceOf` over a Node connector.
 */
import type { Connector } from '$lib/db/connector';
import { loadCommitteeTables, type CommitteeTables } from '../committees';
import { loadPlanData, type PlanData } from '../plan';

export interface Source {
	conn: Connector;
	/** The answer of `run` for `key`, computed once per version of the loaded data. */
	shared<T>(key: string, run: (conn: Connector) => Promise<T>): Promise<T>;
}

/** A source over one version of the data (build time, tests): answers are kept for its lifetime. */
export function sourceOf(conn: Connector): Source {
	const memo = new Map<string, Promise<unknown>>();
	return {
		conn,
		shared<T>(key: string, run: (conn: Connector) => Promise<T>): Promise<T> {
			if (!memo.has(key)) memo.set(key, run(conn));
			return memo.get(key) as Promise<T>;
		}
	};
}

export const planOf = (src: Source): Promise<PlanData> => src.shared('plan', loadPlanData);
export const committeeTablesOf = (src: Source): Promise<CommitteeTables> => src.shared('committee-tables', loadCommitteeTables);

/** A page's address parameters: the value of `name`, or null. Each view turns them into its parameters. */
export type Query = (name: string) => string | null;
/** The address of a page opened without parameters (the prerendered answer's). */
export const NO_QUERY: Query = () => null;

/** An integer parameter, or null when missing or not an integer. */
export function intOf(v: string | null): number | null {
	const n = Number(v);
	return v !== null && v.trim() !== '' && Number.isInteger(n) ? n : null;
}
