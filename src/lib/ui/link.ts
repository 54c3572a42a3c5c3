/**
 * Links to the app's own pages built from values that come from data or from an address (a State's
 * code, a meeting, a query): every such value is encoded, so it stays one path segment or one query
 * value and can never add a path, a parameter or a page of its own (`../../sql?q=DROP TABLE states`
 * as a State's code links to that State's page, which says it does not exist).
 * SQL literals have their one function too (`literal` in db/connector.ts), and file names theirs
 * (`exportFileName` in export/filenames.ts).
 */
import { resolve } from '$app/paths';

export type LinkParams = Record<string, string | number>;
export type LinkQuery = Record<string, string | number | null | undefined>;

/** `/countries/[iso3]` with { iso3: 'KHM' } → `/countries/KHM`; each value encoded as one segment. */
export function routePath(route: string, params: LinkParams = {}): string {
	return route.replace(/\[(\w+)\]/g, (_, name: string) => {
		const v = params[name];
		if (v === undefined || v === '') throw new Error(`link: missing parameter ${name} for ${route}`);
		return encodeURIComponent(String(v));
	});
}

/** `?a=1&b=x%26y`: values encoded, empty ones left out; '' when there are none. */
export function queryString(query: LinkQuery = {}): string {
	const q = new URLSearchParams();
	for (const [k, v] of Object.entries(query)) if (v !== null && v !== undefined && v !== '') q.set(k, String(v));
	const s = q.toString();
	return s ? `?${s}` : '';
}

/** A link to a page of this app (base path included), its parameters and query values encoded. */
export function link(route: string, params: LinkParams = {}, query: LinkQuery = {}): string {
	return resolve(routePath(route, params) as '/') + queryString(query);
}
