/** Everything about one State, for its profile page and its printed brief. */
import type { Connector } from '$lib/db/connector';
import { literal } from '$lib/db/connector';
import type { Row } from '$lib/data/schema';
import { stateActionStatus, type StateActionStatus } from './method-action';
import { indicatorsOf, type ActionRow, type IndicatorRow, type PlanData } from './plan';
import { indicatorWithRole, type CountryRow, type DeadlineRow, type ExtensionRow } from './countries';
import { requestOn, statusOfArticle, type DeadlineStatus, type MeetingDates } from './deadline-status';

export type MembershipRow = Omit<Row<'committee_members'>, 'iso3'>;

export interface ReportingYear {
	year: number;
	submitted: number | null;
	onTime: number | null;
	source: string | null;
}

export interface CountryFacts {
	state: CountryRow & Pick<Row<'states'>, 'name_fr' | 'name_es' | 'name_ru' | 'name_ar'>;
	deadlines: DeadlineRow[];
	extensions: ExtensionRow[];
	/** Meetings' dates: an extension counts from the last day of the meeting that granted it. */
	meetings: MeetingDates[];
	memberships: MembershipRow[];
	obligations: Omit<Row<'state_obligations'>, 'iso3'>[];
	reporting: ReportingYear[];
}

/** The reference facts about a State; null when the code is unknown. */
export async function countryFacts(conn: Connector, iso3: string): Promise<CountryFacts | null> {
	const code = literal(iso3.toUpperCase());
	const [states, deadlines, extensions, memberships, obligations, meetings] = await Promise.all([
		conn.query<CountryFacts['state']>(`SELECT iso3, name, name_fr, name_es, name_ru, name_ar, region, subregion, entry_into_force, withdrawal_notified, withdrawal_effective, note, source FROM states WHERE iso3 = ${code}`),
		conn.query<DeadlineRow>(`SELECT * FROM deadlines WHERE iso3 = ${code} ORDER BY article DESC`),
		conn.query<ExtensionRow>(`SELECT * FROM extensions WHERE iso3 = ${code} ORDER BY article DESC, sequence`),
		conn.query<MembershipRow>(`SELECT year, committee, role, basis, source FROM committee_members WHERE iso3 = ${code} ORDER BY year, committee`),
		conn.query<CountryFacts['obligations'][number]>(`SELECT obligation, from_year, to_year, source FROM state_obligations WHERE iso3 = ${code} ORDER BY obligation, from_year`),
		conn.query<MeetingDates>(`SELECT code, start_date, end_date FROM meetings`)
	]);
	if (states.length === 0) return null;
	const [submittedId, onTimeId] = await Promise.all([indicatorWithRole(conn, 'article7_submitted'), indicatorWithRole(conn, 'article7_on_time')]);
	const reporting = submittedId || onTimeId
		? await conn.query<ReportingYear>(
				`SELECT year,
					max(value) FILTER (WHERE indicator_id = ${literal(submittedId)}) AS submitted,
					max(value) FILTER (WHERE indicator_id = ${literal(onTimeId)}) AS "onTime",
					string_agg(DISTINCT source, '; ') AS source
				FROM indicator_values
				WHERE iso3 = ${code} AND indicator_id IN (${literal(submittedId)}, ${literal(onTimeId)}) AND sex IS NULL AND age_group IS NULL
				GROUP BY year ORDER BY year`
			)
		: [];
	const state = { ...states[0], obligations: [...new Set(obligations.map((o) => o.obligation))], groups: [], latestReport: null };
	return { state, deadlines, extensions, meetings, memberships, obligations, reporting };
}

/** The State's deadline status under one article on `date` (METHOD.md §15); null without a row. */
export function deadlineStatusOf(facts: CountryFacts, article: 4 | 5, date: string): DeadlineStatus | null {
	return statusOfArticle(facts.deadlines, facts.extensions, facts.meetings, article, date);
}

export interface CountryActionProgress {
	action: ActionRow;
	status: StateActionStatus;
}

/** The State's status on every action that concerns it in `year`, in plan order. */
export function countryProgress(data: PlanData, iso3: string, year: number, baseline: number): CountryActionProgress[] {
	return data.actions
		.map((action) => {
			const indicators = indicatorsOf(data, action.action);
			const status = stateActionStatus({ indicators, applicable: data.applicable, value: data.value, year, baseline, iso3 });
			return { action, status };
		})
		.filter((p) => p.status.level !== 'not_applicable' && p.status.level !== 'no_indicators');
}

/** The same, grouped by OAP section in plan order: [section title, progress][]. */
export function progressBySection(data: PlanData, iso3: string, year: number, baseline: number): [string, CountryActionProgress[]][] {
	const groups = new Map<string, CountryActionProgress[]>();
	for (const p of countryProgress(data, iso3, year, baseline)) groups.set(p.action.section_title, [...(groups.get(p.action.section_title) ?? []), p]);
	return [...groups.entries()];
}

/** Indicators that concern the State in at least one year of the data; those with a role (used across the app) first. */
export function countryIndicators(data: PlanData, iso3: string): IndicatorRow[] {
	const mine = data.indicators.filter((ind) => data.years.some((y) => data.applicable(ind.indicator_id, y).includes(iso3)));
	return [...mine.filter((i) => i.role), ...mine.filter((i) => !i.role)];
}

export interface CountryPoint {
	indicator_id: string;
	year: number;
	value: number;
	sex: string | null;
	age_group: string | null;
	source: string | null;
}

/** The State's own values of one indicator, totals and breakdowns. */
export function countrySeries(data: PlanData, iso3: string, indicatorId: string): CountryPoint[] {
	return data.values
		.filter((v) => v.iso3 === iso3 && v.indicator_id === indicatorId && v.value !== null)
		.map((v) => ({ indicator_id: v.indicator_id, year: v.year, value: v.value as number, sex: v.sex ?? null, age_group: v.age_group ?? null, source: v.source ?? null }))
		.sort((a, b) => a.year - b.year);
}

export type PeerGroup = 'region' | 'obligation';

export interface PeerRow {
	iso3: string;
	name: string;
	value: number;
	self: boolean;
	source: string;
}

/** The State beside its peers (same region, or concerned by the same indicator) on one indicator in one year. */
export function peers(data: PlanData, iso3: string, indicatorId: string, year: number, group: PeerGroup): PeerRow[] {
	const self = data.states.find((s) => s.iso3 === iso3);
	if (!self) return [];
	const concerned = new Set(data.applicable(indicatorId, year));
	return data.states
		.filter((s) => concerned.has(s.iso3) && (group === 'obligation' || s.region === self.region))
		.map((s) => ({ iso3: s.iso3, name: s.name, value: data.value(indicatorId, s.iso3, year), self: s.iso3 === iso3, source: data.valueSourcesOf(indicatorId, s.iso3, year).join('; ') }))
		.filter((r): r is PeerRow => r.value !== null)
		.sort((a, b) => b.value - a.value);
}

export type DeadlineEventKind = 'entry_into_force' | 'original_deadline' | 'extension' | 'current_deadline' | 'request' | 'completion';

export interface DeadlineEvent {
	/** 'YYYY-MM-DD', or the year's first day when only the year is known (`precision` = 'year'). */
	date: string;
	precision: 'day' | 'year';
	kind: DeadlineEventKind;
	/** Meeting that granted an extension or was to decide a request, e.g. 12MSP. */
	meeting: string | null;
	sequence: number | null;
	/** For a request: how it stood when the facts end (granted, not decided, decision not in the data). */
	request: 'granted' | 'not_decided' | 'decision_not_in_data' | 'pending' | null;
	note: string | null;
	source: string;
}

/**
 * The deadline history of one article, exactly as in the data: entry into force, original deadline,
 * each extension's new deadline (with the meeting that granted it), the deadline in force on the row's
 * as-of date when no extension row ends on it, the latest request and its decision where no extension
 * row records it, and completion (by day, or by year when only the year is known).
 */
export function deadlineEvents(facts: CountryFacts, article: 4 | 5): DeadlineEvent[] {
	const d = facts.deadlines.find((x) => x.article === article);
	if (!d) return [];
	const events: DeadlineEvent[] = [];
	const ev = (e: Partial<DeadlineEvent> & Pick<DeadlineEvent, 'date' | 'kind' | 'source'>): DeadlineEvent => ({ precision: 'day', meeting: null, sequence: null, request: null, note: null, ...e });
	const eif = facts.state.entry_into_force;
	if (eif) events.push(ev({ date: eif, kind: 'entry_into_force', source: facts.state.source }));
	if (d.original_deadline) events.push(ev({ date: d.original_deadline, kind: 'original_deadline', source: d.source }));
	const exts = facts.extensions.filter((e) => e.article === article);
	for (const e of exts)
		if (e.new_deadline) events.push(ev({ date: e.new_deadline, kind: 'extension', meeting: e.granted_at, sequence: e.sequence, note: e.note, source: e.source }));
	if (d.current_deadline && !exts.some((e) => e.new_deadline === d.current_deadline) && d.current_deadline !== d.original_deadline)
		events.push(ev({ date: d.current_deadline, kind: 'current_deadline', source: d.source }));
	const asOf = d.as_of;
	const meeting = d.request_meeting ? facts.meetings.find((m) => m.code === d.request_meeting) : undefined;
	const when = meeting?.end_date ?? meeting?.start_date ?? d.request_known_from;
	const recorded = exts.some((e) => e.granted_at && e.granted_at === d.request_meeting);
	if (when && !recorded) {
		const state = requestOn(d, facts.meetings, asOf && asOf > when ? asOf : when)?.state ?? null;
		events.push(ev({ date: when, kind: 'request', meeting: d.request_meeting, request: state, note: d.requested_deadline, source: d.source }));
	}
	if (d.completion_declared) events.push(ev({ date: d.completion_declared, kind: 'completion', source: d.source }));
	else if (d.completion_year) events.push(ev({ date: `${d.completion_year}-01-01`, precision: 'year', kind: 'completion', source: d.source }));
	return events.sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * The last year with any value reported by the State, or null. The record of Article 7 reports is
 * kept for every year whether or not the State reported, so it does not count.
 */
export function lastReported(data: PlanData, iso3: string): number | null {
	const record = new Set(data.indicators.filter((i) => i.role?.startsWith('article7')).map((i) => i.indicator_id));
	let last: number | null = null;
	for (const v of data.values)
		if (v.iso3 === iso3 && v.value !== null && !record.has(v.indicator_id) && (last === null || v.year > last)) last = v.year;
	return last;
}
