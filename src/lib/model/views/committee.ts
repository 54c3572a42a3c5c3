/**
 * `/committees`, `/committees/ID` and a draft's page: a committee's mandate and members, the meetings it
 * can prepare for, the worklist for one meeting (the default: `defaultMeeting`), and the facts a
 * preliminary observation on one State can cite.
 */
import { COMMITTEES, type Committee } from '$lib/data/schema';
import { committeeActions, dataYearFor, defaultMeeting, mandateRange, meetingDate, meetingsWithData, meetingYear, previousMeeting, worklist, type MeetingRow, type MemberRow, type WorklistRow } from '../committees';
import { choose, type Chosen } from '../defaults';
import { stateFacts, type Fact } from '../facts';
import { stateActionSummary, type StateActionSummary } from '../method-action';
import { baselineFor, indicatorsOf, type ActionRow, type StateRow } from '../plan';
import { committeeTablesOf, planOf, type Query, type Source } from './source';

export const isCommittee = (id: string): id is Committee => (COMMITTEES as readonly string[]).includes(id);

export interface CommitteesView {
	committees: { committee: Committee; mandate: { first: number; last: number } | null; actions: number; chairs: Pick<MemberRow, 'year' | 'iso3' | 'name'>[] }[];
}

export async function committeesView(src: Source): Promise<CommitteesView> {
	const [data, tables] = await Promise.all([planOf(src), committeeTablesOf(src)]);
	return {
		committees: COMMITTEES.map((committee) => {
			const actions = committeeActions(data, committee);
			const chairs = tables.members.filter((m) => m.committee === committee && m.role === 'chair').map(({ year, iso3, name }) => ({ year, iso3, name }));
			return { committee, mandate: mandateRange(actions), actions: actions.length, chairs };
		})
	};
}

export interface CommitteeParams {
	id: Committee;
	/** `?meeting=`: a meeting code; null = the default meeting. */
	meeting: string | null;
}

export const committeeParams = (id: Committee, q: Query): CommitteeParams => ({ id, meeting: q('meeting') });

export type WorklistEntry = Omit<WorklistRow, 'statuses'> & { statuses: { action: number; status: StateActionSummary }[] };

export interface CommitteeView {
	committee: Committee;
	mandate: ActionRow[];
	/** Members by year, chairs marked; `membersKnown` says whether the data name them for the meeting's year. */
	members: Pick<MemberRow, 'year' | 'iso3' | 'name' | 'role' | 'source'>[];
	/** The meetings a worklist can be made for (their reports describe a year with data). */
	meetings: Pick<MeetingRow, 'code' | 'start_date'>[];
	/** The meeting shown: its code, whether the page chose it, and what it speaks for. Null: no meeting has data. */
	meeting: Chosen<string> | null;
	/** False when `?meeting=` names a meeting the data do not have (or that has no data). */
	meetingKnown: boolean;
	dataYear: number | null;
	/** The day deadline statements speak for (the meeting's first day). */
	date: string | null;
	previousMeeting: string | null;
	/** The meeting's year, and whether the data name the committee's members for it. */
	meetingYear: number | null;
	membersKnown: boolean;
	worklist: WorklistEntry[];
	/** State names by code (drafts and imports name States the worklist may not list). */
	names: [string, string][];
}

export async function committeeView(src: Source, params: CommitteeParams): Promise<CommitteeView> {
	const [data, tables] = await Promise.all([planOf(src), committeeTablesOf(src)]);
	const meetings = meetingsWithData(tables.meetings, data.years);
	const fallback = defaultMeeting(tables.meetings, data.years);
	const code = params.meeting ?? fallback?.code ?? null;
	const meeting = meetings.find((m) => m.code === code) ?? null;
	const members = tables.members.filter((m) => m.committee === params.id).map(({ year, iso3, name, role, source }) => ({ year, iso3, name, role, source }));
	const year = meeting ? meetingYear(meeting) : null;
	return {
		committee: params.id,
		mandate: committeeActions(data, params.id),
		members,
		meetings: meetings.map(({ code, start_date }) => ({ code, start_date })),
		meeting: code === null ? null : choose(params.meeting, code),
		meetingKnown: meeting !== null,
		dataYear: meeting ? dataYearFor(meeting) : null,
		date: meeting ? meetingDate(meeting) : null,
		previousMeeting: previousMeeting(meetings, meeting)?.code ?? null,
		meetingYear: year,
		membersKnown: year !== null && members.some((m) => m.year === year),
		worklist: meeting
			? worklist(data, tables, params.id, meeting, baselineFor(data)).map((r) => ({ ...r, statuses: r.statuses.map((s) => ({ action: s.action, status: stateActionSummary(s.status) })) }))
			: [],
		names: data.states.map((s) => [s.iso3, s.name])
	};
}

export interface DraftParams {
	id: Committee;
	meeting: string | null;
	/** `?state=`; null when the address names none. */
	iso3: string | null;
}

export interface DraftView {
	committee: Committee;
	meeting: Chosen<string> | null;
	/** The State, or null when the code is unknown (or no State is on the worklist). */
	state: Pick<StateRow, 'iso3' | 'name'> | null;
	/** The State's code as asked, or the page's choice without `?state=` (the first State on the worklist). */
	asked: Chosen<string> | null;
	/** The States on the meeting's worklist (those the committee's indicators concern), to choose another. */
	choices: Pick<StateRow, 'iso3' | 'name'>[];
	dataYear: number | null;
	/** The committee's actions, with whether the data have facts for each (drafts show those and the ones already assessed). */
	actions: { action: ActionRow; hasFacts: boolean }[];
	facts: Fact[];
}

export const draftParams = (id: Committee, q: Query): DraftParams => ({ id, meeting: q('meeting'), iso3: q('state') });

/** What the draft page of one State needs: its name, the facts to cite, the actions to assess. */
export async function draftView(src: Source, params: DraftParams): Promise<DraftView> {
	const [data, tables] = await Promise.all([planOf(src), committeeTablesOf(src)]);
	const code = params.meeting ?? defaultMeeting(tables.meetings, data.years)?.code ?? null;
	const meeting = tables.meetings.find((m) => m.code === code) ?? null;
	const dataYear = meeting ? dataYearFor(meeting) : null;
	// Without ?state= the page opens on the first State of the worklist, and says so.
	const indicators = committeeActions(data, params.id).flatMap((a) => indicatorsOf(data, a.action));
	const concerned = new Set(dataYear === null ? [] : indicators.flatMap((i) => data.applicable(i.indicator_id, dataYear)));
	const choices = data.states.filter((x) => concerned.has(x.iso3)).map(({ iso3, name }) => ({ iso3, name }));
	const fallback = choices[0]?.iso3 ?? null;
	const asked = params.iso3 ? choose(params.iso3.toUpperCase(), params.iso3.toUpperCase()) : fallback ? choose(null, fallback) : null;
	const iso3 = asked?.value ?? null;
	const s = iso3 ? data.states.find((x) => x.iso3 === iso3) : undefined;
	const facts = s && meeting && dataYear !== null ? stateFacts(data, tables, params.id, s.iso3, dataYear, baselineFor(data), meetingDate(meeting)) : [];
	return {
		committee: params.id,
		meeting: code === null ? null : choose(params.meeting, code),
		state: s ? { iso3: s.iso3, name: s.name } : null,
		asked,
		choices,
		dataYear,
		actions: committeeActions(data, params.id).map((action) => ({ action, hasFacts: facts.some((f) => f.action === action.action) })),
		facts
	};
}

/** The facts about each State a draft cites (export of a meeting's drafts): those whose sentence its text contains. */
export async function meetingFacts(src: Source, committee: Committee, meetingCode: string, iso3s: readonly string[]): Promise<Map<string, Fact[]>> {
	const [data, tables] = await Promise.all([planOf(src), committeeTablesOf(src)]);
	const meeting = tables.meetings.find((m) => m.code === meetingCode);
	const out = new Map<string, Fact[]>();
	if (!meeting) return out;
	for (const iso3 of iso3s) out.set(iso3, stateFacts(data, tables, committee, iso3, dataYearFor(meeting), baselineFor(data), meetingDate(meeting)));
	return out;
}
