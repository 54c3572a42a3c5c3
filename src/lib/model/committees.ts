/** A committee's mandate, members and worklist for a meeting (issue: preliminary observations). */
import type { Connector } from '$lib/db/connector';
import type { Committee, Row } from '$lib/data/schema';
import type { DeadlineRow, ExtensionRow } from './countries';
import { currentYear } from './defaults';
import { deadlineToCompare, statusOfArticle } from './deadline-status';
import { computeFlags, flagsFor, type Flag } from './flags';
import { stateActionStatus, type StateActionStatus } from './method-action';
import { indicatorsOf, type ActionRow, type PlanData } from './plan';
import { projectCompletion } from './projection';

export type MeetingRow = Pick<Row<'meetings'>, 'code' | 'type' | 'start_date' | 'end_date' | 'city' | 'source'>;

/** A committee member with the State's name. */
export type MemberRow = Row<'committee_members'> & { name: string };

export interface CommitteeTables {
	meetings: MeetingRow[];
	members: MemberRow[];
	deadlines: DeadlineRow[];
	extensions: ExtensionRow[];
}

export async function loadCommitteeTables(conn: Connector): Promise<CommitteeTables> {
	const [meetings, members, deadlines, extensions] = await Promise.all([
		conn.query<MeetingRow>(`SELECT code, type, start_date, end_date, city, source FROM meetings ORDER BY coalesce(start_date, make_date(TRY_CAST(regexp_extract(code, '\\d{4}') AS INTEGER), 6, 1))`),
		conn.query<MemberRow>(`SELECT m.year, m.committee, m.iso3, coalesce(s.name, m.iso3) AS name, m.role, m.basis, m.source FROM committee_members m LEFT JOIN states s USING (iso3) ORDER BY m.year, m.role, name`),
		conn.query<DeadlineRow>(`SELECT * FROM deadlines`),
		conn.query<ExtensionRow>(`SELECT * FROM extensions ORDER BY iso3, article, sequence`)
	]);
	return { meetings, members, deadlines, extensions };
}

/** The meeting's year: from its first day, or from its code (IM2019) when the dates are not known. */
export function meetingYear(m: Pick<MeetingRow, 'code' | 'start_date'>): number {
	return m.start_date ? Number(m.start_date.slice(0, 4)) : Number(/\d{4}/.exec(m.code)?.[0] ?? NaN);
}

/** Article 7 reports are due on 30 April and describe the previous calendar year. */
export function dataYearFor(m: Pick<MeetingRow, 'code' | 'start_date'>): number {
	return meetingYear(m) - 1;
}

export function meetingDate(m: Pick<MeetingRow, 'code' | 'start_date'>): string {
	return m.start_date ?? `${meetingYear(m)}-06-01`;
}

/** Meetings whose Article 7 reports describe a year the data have: the meetings a worklist can be made for. */
export function meetingsWithData<M extends Pick<MeetingRow, 'code' | 'start_date'>>(meetings: readonly M[], years: readonly number[]): M[] {
	return meetings.filter((m) => years.includes(dataYearFor(m)));
}

/**
 * The one default meeting: the first meeting whose reports describe the current year (the latest year
 * with data), so a committee page speaks of the same year as the overview; the latest meeting with data
 * when none does; null when no meeting has data.
 */
export function defaultMeeting<M extends Pick<MeetingRow, 'code' | 'start_date'>>(meetings: readonly M[], years: readonly number[]): M | null {
	const withData = meetingsWithData(meetings, years);
	const year = currentYear(years);
	return withData.find((m) => dataYearFor(m) === year) ?? withData.at(-1) ?? null;
}

/** The meeting before `meeting` of the same type (its drafts are compared), or null. */
export function previousMeeting<M extends Pick<MeetingRow, 'code' | 'type'>>(meetings: readonly M[], meeting: M | null | undefined): M | null {
	if (!meeting) return null;
	const same = meetings.filter((m) => m.type === meeting.type);
	const i = same.findIndex((m) => m.code === meeting.code);
	return i > 0 ? same[i - 1] : null;
}

/** The first and last action a committee follows (its mandate in one line), or null for none. */
export function mandateRange(actions: readonly Pick<ActionRow, 'action'>[]): { first: number; last: number } | null {
	const ns = actions.map((a) => a.action);
	return ns.length ? { first: Math.min(...ns), last: Math.max(...ns) } : null;
}

export function committeeActions(data: PlanData, committee: Committee): ActionRow[] {
	return data.actions.filter((a) => a.committee === committee);
}

export interface WorklistRow {
	iso3: string;
	name: string;
	region: string;
	statuses: { action: number; status: StateActionStatus }[];
	flags: Flag[];
}

/**
 * The States Parties a committee follows at a meeting (those its actions' indicators concern in the
 * data year), each with its status on those actions and the flags in the committee's mandate.
 */
export function worklist(data: PlanData, tables: CommitteeTables, committee: Committee, meeting: MeetingRow, baseline: number): WorklistRow[] {
	const dataYear = dataYearFor(meeting);
	const date = meetingDate(meeting);
	const actions = committeeActions(data, committee);
	const indicators = actions.flatMap((a) => indicatorsOf(data, a.action));
	const concerned = new Set(indicators.flatMap((i) => data.applicable(i.indicator_id, dataYear)));
	const role = (r: string) => data.indicators.find((i) => i.role === r);
	const article7 = role('article7_submitted');
	const remaining = role('remaining_area');
	const released = role('area_released');
	const retained = role('retained_mines');
	const retainedUsed = role('retained_used');
	const disaggregated = data.indicators.filter((i) => i.disaggregated);
	const breakdowns = new Map<string, number>();
	for (const v of data.values)
		if (v.year === dataYear && (v.sex || v.age_group)) breakdowns.set(`${v.indicator_id}|${v.iso3}`, (breakdowns.get(`${v.indicator_id}|${v.iso3}`) ?? 0) + 1);

	return data.states
		.filter((s) => concerned.has(s.iso3))
		.map((s) => {
			// Every deadline statement speaks for the meeting's first day (METHOD.md §15).
			const statusOn = (article: number) => statusOfArticle(tables.deadlines, tables.extensions, tables.meetings, article, date, s.iso3);
			const a5 = tables.deadlines.find((d) => d.iso3 === s.iso3 && d.article === 5) ?? null;
			const article5 = statusOn(5);
			const series = (id: string | undefined) =>
				id ? data.years.filter((y) => y <= dataYear).map((year) => ({ year, value: data.value(id, s.iso3, year) })) : [];
			const projection = a5
				? projectCompletion({ remaining: series(remaining?.indicator_id), released: series(released?.indicator_id), deadline: deadlineToCompare(article5), completionDeclared: a5.completion_declared, deadlineStatus: a5.status, asOfYear: dataYear })
				: null;
			// A value's own sources (demonstration ones included), else its indicator's.
			const valueOf = (ind: { indicator_id: string; label: string; source: string }) => ({
				indicator_id: ind.indicator_id,
				label: ind.label,
				value: data.value(ind.indicator_id, s.iso3, dataYear),
				source: data.valueSourcesOf(ind.indicator_id, s.iso3, dataYear).join('; ') || ind.source
			});
			const flags = computeFlags({
				iso3: s.iso3,
				name: s.name,
				meetingDate: date,
				dataYear,
				article5,
				projection,
				projectionSource: remaining ? data.valueSourcesOf(remaining.indicator_id, s.iso3).join('; ') || remaining.source : undefined,
				article7: article7 ? valueOf(article7) : null,
				disaggregation: disaggregated
					.filter((i) => actions.some((a) => a.action === i.action) && data.applicable(i.indicator_id, dataYear).includes(s.iso3))
					.map((i) => ({ ...valueOf(i), total: data.value(i.indicator_id, s.iso3, dataYear), breakdownRows: breakdowns.get(`${i.indicator_id}|${s.iso3}`) ?? 0 })),
				article4: statusOn(4),
				retained: retained ? { ...valueOf(retained), usedIndicator: retainedUsed?.indicator_id ?? null, used: retainedUsed ? data.value(retainedUsed.indicator_id, s.iso3, dataYear) : null } : null
			});
			const statuses = actions
				.map((a) => ({
					action: a.action,
					status: stateActionStatus({ indicators: indicatorsOf(data, a.action), applicable: data.applicable, value: data.value, year: dataYear, baseline, iso3: s.iso3 })
				}))
				.filter((x) => x.status.level !== 'not_applicable' && x.status.level !== 'no_indicators');
			return { iso3: s.iso3, name: s.name, region: s.region, statuses, flags: flagsFor(committee, flags) };
		});
}
