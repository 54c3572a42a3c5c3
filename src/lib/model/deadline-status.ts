/**
 * A State's Article 5 (or 4) deadline status on a chosen date — docs/METHOD.md §15.
 *
 * One function for every view that says something about a deadline (status line, timeline, projection,
 * worklist flags, inserted facts). It never speaks beyond the date the row's facts are known to
 * (`deadlines.as_of`): a deadline that falls after that date, or that passed while a decision is not in
 * the data, is "not in the data (last known: …)", never "passed". Pure: plain rows in, codes out.
 */
import type { Row } from '$lib/data/schema';

/** The columns of a `deadlines` row the status needs (dates as 'YYYY-MM-DD', empty as null). */
export type DeadlineFacts = Pick<
	Row<'deadlines'>,
	| 'article'
	| 'original_deadline'
	| 'current_deadline'
	| 'extensions'
	| 'status'
	| 'completion_declared'
	| 'completion_year'
	| 'request_meeting'
	| 'request_known_from'
	| 'requested_deadline'
	| 'request_decision'
	| 'as_of'
	| 'source'
>;

/** The columns of an `extensions` row the status needs. */
export type ExtensionFacts = Pick<Row<'extensions'>, 'article' | 'sequence' | 'granted_at' | 'granted_year' | 'new_deadline' | 'source'>;

export type MeetingDates = Pick<Row<'meetings'>, 'code' | 'start_date' | 'end_date'>;

export const DEADLINE_KINDS = ['completed', 'completion_reported', 'in_force', 'passed', 'not_in_data', 'no_deadline'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** Why a status is "not in the data". */
export const NOT_IN_DATA_REASONS = [
	'after_as_of',
	'decision_not_in_data',
	'new_date_not_in_data',
	'decision_date_not_in_data',
	'deadline_not_in_data',
	'as_of_unknown'
] as const;
export type NotInDataReason = (typeof NOT_IN_DATA_REASONS)[number];

export type RequestState = 'pending' | 'granted' | 'not_decided' | 'decision_not_in_data';

export interface RequestStatus {
	state: RequestState;
	/** Meeting that was to decide it, if stated. */
	meeting: string | null;
	knownFrom: string | null;
	requested: string | null;
}

/** What set the deadline: Article 5.1 (original), an extension (meeting, year), or the row itself. */
export interface DeadlineBasis {
	kind: 'original' | 'extension' | 'recorded';
	meeting: string | null;
	year: number | null;
	source: string;
}

export interface DeadlineStatus {
	article: number;
	/** The date the status speaks for. */
	date: string;
	/** The date the row's facts are known to; null when the data do not say. */
	asOf: string | null;
	/** `date` is after `asOf` (or asOf is unknown): only what was last known can be stated. */
	beyondAsOf: boolean;
	kind: DeadlineKind;
	/** The deadline in force (in_force, passed), or the last one known (not_in_data). */
	deadline: string | null;
	basis: DeadlineBasis | null;
	reason: NotInDataReason | null;
	completion: { date: string | null; year: number | null } | null;
	request: RequestStatus | null;
	source: string;
}

const text = (v: string | null | undefined): string | null => (v == null || String(v).trim() === '' ? null : String(v).trim());
const day = (d: string | null | undefined): string | null => text(d)?.slice(0, 10) ?? null;

/**
 * When a meeting's decision counts: from the meeting's last day (decisions are adopted during the
 * meeting, so before its end the previous deadline stands). A meeting without dates in the data is only
 * known by its year: the decision falls somewhere in that year.
 */
interface Window {
	from: string;
	by: string;
}

function meetingWindow(code: string | null, year: number | null, meetings: readonly MeetingDates[]): Window | null {
	const m = code ? meetings.find((x) => x.code === code) : undefined;
	const end = day(m?.end_date) ?? day(m?.start_date);
	if (end) return { from: end, by: end };
	if (year) return { from: `${year}-01-01`, by: `${year}-12-31` };
	return null;
}

/** Completion counts unless the row's own status says the obligation continued after it (re-opened). */
function completionOf(row: DeadlineFacts): { date: string | null; year: number | null } | null {
	const date = day(row.completion_declared);
	const year = date ? Number(date.slice(0, 4)) : row.completion_year;
	if (!date && !year) return null;
	const asOf = day(row.as_of);
	const after = asOf !== null && (date ? date > asOf : (year as number) > Number(asOf.slice(0, 4)));
	return row.status === 'completed' || after ? { date, year: date ? null : year } : null;
}

/** The extension request as it stood on `date` (§15.4). */
export function requestOn(row: DeadlineFacts, meetings: readonly MeetingDates[], date: string): RequestStatus | null {
	const decision = text(row.request_decision);
	const meeting = text(row.request_meeting);
	if (!decision && !meeting) return null;
	const knownFrom = day(row.request_known_from);
	if (knownFrom && date < knownFrom) return null;
	const base = { meeting, knownFrom, requested: day(row.requested_deadline) };
	const w = meetingWindow(meeting, null, meetings);
	const asOf = day(row.as_of);
	if (w && date < w.by) return { ...base, state: 'pending' };
	if (decision === 'granted') return { ...base, state: 'granted' };
	if (decision === 'not_decided') return { ...base, state: 'not_decided' };
	// No meeting stated, or its decision is not in the data: pending while the facts last, unknown after.
	return { ...base, state: !w && asOf !== null && date <= asOf ? 'pending' : 'decision_not_in_data' };
}

interface Dated {
	deadline: string | null;
	basis: DeadlineBasis | null;
	/** An extension whose decision may or may not have been taken by `t` (its meeting has no dates). */
	undecided: boolean;
}

/** The deadline in force on `t` from the original deadline and the extensions whose decision is dated. */
function datedDeadline(row: DeadlineFacts, extensions: readonly ExtensionFacts[], meetings: readonly MeetingDates[], t: string): Dated {
	const original = day(row.original_deadline);
	let out: Dated = { deadline: original, basis: original ? { kind: 'original', meeting: null, year: null, source: row.source } : null, undecided: false };
	const dated = extensions
		.filter((e) => e.article === row.article && day(e.new_deadline))
		.map((e) => ({ e, w: meetingWindow(e.granted_at, e.granted_year, meetings) }))
		.filter((x): x is { e: ExtensionFacts; w: Window } => x.w !== null)
		.sort((a, b) => a.w.by.localeCompare(b.w.by) || a.e.sequence - b.e.sequence);
	for (const { e, w } of dated) {
		if (w.by <= t) out = { deadline: day(e.new_deadline), basis: { kind: 'extension', meeting: e.granted_at, year: e.granted_year, source: e.source }, undecided: false };
		else if (w.from <= t) out = { ...out, undecided: true };
	}
	return out;
}

/**
 * §15: the status of one deadline row on `date` ('YYYY-MM-DD'). Rules apply top to bottom:
 * completion; a request granted to a date not in the data; then the deadline in force on
 * min(date, as_of) — passed only when the data cover the day it is stated for.
 */
export function deadlineStatus(
	row: DeadlineFacts,
	extensions: readonly ExtensionFacts[],
	meetings: readonly MeetingDates[],
	date: string
): DeadlineStatus {
	const asOf = day(row.as_of);
	const beyondAsOf = asOf === null || date > asOf;
	const request = requestOn(row, meetings, date);
	const result = (kind: DeadlineKind, d: Partial<DeadlineStatus> = {}): DeadlineStatus => ({
		article: row.article,
		date,
		asOf,
		beyondAsOf,
		kind,
		deadline: null,
		basis: null,
		reason: null,
		completion: null,
		request,
		source: row.source,
		...d
	});
	const notInData = (reason: NotInDataReason, last: Dated) => result('not_in_data', { reason, deadline: last.deadline, basis: last.basis });

	// 1–2. Completion: by its date, or by its year once the year is over; within the year it is only "reported".
	const completion = completionOf(row);
	if (completion?.date && completion.date <= date) return result('completed', { completion });
	if (completion?.year) {
		if (date > `${completion.year}-12-31`) return result('completed', { completion });
		if (date >= `${completion.year}-01-01`) return result('completion_reported', { completion });
	}

	const t = asOf !== null && asOf < date ? asOf : date;
	const known = datedDeadline(row, extensions, meetings, t);
	// 3. Granted, but the new date is not in the data: the previous deadline no longer says anything.
	const meetingGranted = request?.state === 'granted' && !extensions.some((e) => e.article === row.article && e.granted_at === request.meeting && day(e.new_deadline));
	if (meetingGranted) return notInData('new_date_not_in_data', known);

	const current = day(row.current_deadline);
	if (!beyondAsOf) {
		// 4. Within the data: the dated history on `date`; the row's current deadline is known on as_of.
		if (known.deadline === null && current === null) return result('no_deadline');
		if (known.deadline === null) return notInData('deadline_not_in_data', known);
		if (known.deadline >= date) return result('in_force', { deadline: known.deadline, basis: known.basis });
		if (known.undecided) return notInData('decision_date_not_in_data', known);
		// An extension known on as_of whose decision is not dated may already have applied on `date`: the
		// current deadline is not explained by the dated history, or fewer extensions are dated than confirmed
		// (Article 4 has no extension procedure, so its history is always complete).
		const atAsOf = datedDeadline(row, extensions, meetings, asOf as string).deadline;
		if (current === null) return notInData('deadline_not_in_data', known);
		const dated = extensions.filter((e) => e.article === row.article && day(e.new_deadline)).length;
		const complete = row.article === 4 || (row.extensions !== null && row.extensions <= dated);
		if (current !== atAsOf || !complete) return notInData('decision_date_not_in_data', known);
		if (request?.state === 'decision_not_in_data') return notInData('decision_not_in_data', known);
		return result('passed', { deadline: known.deadline, basis: known.basis });
	}

	// 5. After as_of (or as_of unknown): only the deadline in force on as_of is known.
	const last: Dated =
		current !== null
			? { deadline: current, basis: current === known.deadline && known.basis ? known.basis : { kind: 'recorded', meeting: null, year: null, source: row.source }, undecided: false }
			: known;
	if (current === null) return last.deadline === null && !row.request_meeting ? result('no_deadline') : notInData('deadline_not_in_data', last);
	if (current >= date) return result('in_force', { deadline: current, basis: last.basis });
	if (asOf === null) return notInData('as_of_unknown', last);
	if (current >= asOf) return notInData('after_as_of', last);
	// It had passed on as_of. Still open then — a request pending or its decision unknown — is not a fact after it.
	const open = requestOn(row, meetings, asOf);
	if (open && open.state !== 'granted') return notInData('decision_not_in_data', last);
	return result('passed', { deadline: current, basis: last.basis });
}

/** The status of a State's deadline under one article, or null when the data have no row for it. */
export function statusOfArticle(
	deadlines: readonly (DeadlineFacts & { iso3?: string })[],
	extensions: readonly (ExtensionFacts & { iso3?: string })[],
	meetings: readonly MeetingDates[],
	article: number,
	date: string,
	iso3?: string
): DeadlineStatus | null {
	const mine = <T extends { iso3?: string; article: number }>(r: T) => r.article === article && (iso3 === undefined || r.iso3 === iso3);
	const row = deadlines.find(mine);
	return row ? deadlineStatus(row, extensions.filter(mine), meetings, date) : null;
}

/** The deadline a projection should be compared with: one in force (possibly last known), never a passed or unknown one. */
export function deadlineToCompare(s: DeadlineStatus | null): string | null {
	return s && s.kind === 'in_force' ? s.deadline : s && s.kind === 'passed' ? s.deadline : null;
}
