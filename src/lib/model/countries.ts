/** Questions about States: the list with its filters, and everything about one State. */
import type { Connector } from '$lib/db/connector';
import { literal } from '$lib/db/connector';
import type { IndicatorRole, Obligation, Row } from '$lib/data/schema';
import { isParty, partyDay, type StateRecord } from './method';

export const STATE_GROUPS = ['extension_request', 'updated_work_plan', 'missed_article4', 'withdrawing'] as const;
export type StateGroup = (typeof STATE_GROUPS)[number];

export type DeadlineRow = Row<'deadlines'>;
export type ExtensionRow = Row<'extensions'>;

/** A State as the States page lists it: its row (without the names in other languages) and what the page adds. */
export type CountryRow = Omit<Row<'states'>, 'name_fr' | 'name_es' | 'name_ru' | 'name_ar'> & {
	/** Obligation groups (article5, article4, article3, victims) the State is in during the year asked. */
	obligations: Obligation[];
	/** Groups the meetings use (from the deadlines table and withdrawal notices). */
	groups: StateGroup[];
	/** Last year with an Article 7 report recorded as submitted, if the data have that indicator. */
	latestReport: number | null;
};

/** The groups a State belongs to, read from its deadline rows and withdrawal notice. */
export function groupsOf(deadlines: DeadlineRow[], withdrawalNotified: string | null): StateGroup[] {
	const text = deadlines.map((d) => d.programme_group ?? '').join(' ');
	const groups: StateGroup[] = [];
	if (/extension request/i.test(text)) groups.push('extension_request');
	if (/updated work plan/i.test(text)) groups.push('updated_work_plan');
	if (/article 4/i.test(text) || deadlines.some((d) => d.article === 4 && d.status === 'missed')) groups.push('missed_article4');
	if (withdrawalNotified) groups.push('withdrawing');
	return groups;
}

/** The counts the States page states: parties on 31 December of `year`, the others, and parties on `today` (§1.1). */
export function partyCounts(list: readonly StateRecord[], year: number, today: string): { partyAtYear: number; notParty: number; partyToday: number } {
	const atYear = list.filter((s) => isParty(s, partyDay(year))).length;
	return { partyAtYear: atYear, notParty: list.length - atYear, partyToday: list.filter((s) => isParty(s, today)).length };
}

export async function indicatorWithRole(conn: Connector, role: IndicatorRole): Promise<string | null> {
	const r = await conn.query<{ indicator_id: string }>(`SELECT indicator_id FROM indicators WHERE role = ${literal(role)} ORDER BY indicator_id LIMIT 1`);
	return r[0]?.indicator_id ?? null;
}

/** Every State (parties and not), with obligations in `year` and the meeting groups. */
export async function countryList(conn: Connector, year: number): Promise<CountryRow[]> {
	const article7 = await indicatorWithRole(conn, 'article7_submitted');
	const [states, obligations, deadlines, reports] = await Promise.all([
		conn.query<Omit<CountryRow, 'obligations' | 'groups' | 'latestReport'>>(
			`SELECT iso3, name, region, subregion, entry_into_force, withdrawal_notified, withdrawal_effective, note, source FROM states ORDER BY name`
		),
		conn.query<{ iso3: string; obligation: Obligation }>(
			`SELECT DISTINCT iso3, obligation FROM state_obligations WHERE from_year <= ${literal(year)} AND coalesce(to_year, 9999) >= ${literal(year)}`
		),
		conn.query<DeadlineRow>(`SELECT * FROM deadlines`),
		article7
			? conn.query<{ iso3: string; year: number }>(
					`SELECT iso3, max(year) AS year FROM indicator_values WHERE indicator_id = ${literal(article7)} AND value = 1 AND sex IS NULL AND age_group IS NULL GROUP BY iso3`
				)
			: Promise.resolve([])
	]);
	const latest = new Map(reports.map((r) => [r.iso3, r.year]));
	return states.map((s) => ({
		...s,
		obligations: obligations.filter((o) => o.iso3 === s.iso3).map((o) => o.obligation).sort(),
		groups: groupsOf(deadlines.filter((d) => d.iso3 === s.iso3), s.withdrawal_notified),
		latestReport: latest.get(s.iso3) ?? null
	}));
}
