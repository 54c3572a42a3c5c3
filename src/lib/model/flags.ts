/**
 * Flags on a committee's worklist (docs/METHOD.md §13): facts from the data that a committee would
 * raise with a State. Each flag is a sentence (chosen here, worded in the translation layer) naming the
 * State, the dates and years it speaks for and its sources, with a query that shows its rows.
 */
import { literal } from '$lib/db/connector';
import type { Committee } from '$lib/data/schema';
import type { Projection } from './projection';
import { endOfDayAsYear } from './projection';
import type { DeadlineStatus } from './deadline-status';
import { isDemonstrationSource } from './sources';

export const FLAGS = [
	'deadline_at_risk',
	'deadline_passed',
	'decision_not_in_data',
	'extension_request',
	'no_article7',
	'no_disaggregation',
	'missed_article4',
	'retained_no_use'
] as const;
export type FlagId = (typeof FLAGS)[number];

/** Months ahead of the meeting within which an Article 5 deadline counts as near. */
export const DEADLINE_WINDOW_MONTHS = 24;

/** Which flags each committee raises (its mandate). */
export const COMMITTEE_FLAGS: Record<Committee, readonly FlagId[]> = {
	article5: ['deadline_at_risk', 'deadline_passed', 'decision_not_in_data', 'extension_request', 'no_article7', 'no_disaggregation'],
	victim_assistance: ['no_article7', 'no_disaggregation'],
	cooperation_assistance: ['no_article7'],
	cooperative_compliance: ['no_article7', 'missed_article4', 'retained_no_use'],
	president: ['no_article7', 'missed_article4', 'retained_no_use']
};

/** Which sentence says a flag (`flag.text.<sentence>` in the translation layer). */
export const FLAG_SENTENCES = [
	'deadline_passed',
	'decision_not_in_data',
	'deadline_at_risk',
	'deadline_at_risk_no_year',
	'extension_request',
	'extension_request_no_meeting',
	'no_article7',
	'no_article7_unknown',
	'no_disaggregation',
	'missed_article4',
	'retained_no_use'
] as const;
export type FlagSentence = (typeof FLAG_SENTENCES)[number];

/**
 * A flag as a sentence a committee member can paste into an observation: which sentence, what fills it
 * (the State's name, the dates and years it speaks for, the values), and where its facts come from.
 */
export interface Flag {
	id: FlagId;
	sentence: FlagSentence;
	/** `state` always; dates as 'YYYY-MM-DD'; `status` is a projection status code when present. */
	params: Record<string, string | number>;
	/** Indicators listed by the sentence (no sex and age breakdown): label and value. */
	items: { label: string; value: number }[];
	/** The sources of the facts (the deadline's decision, the values' own sources). */
	source: string;
	/** The facts are demonstration values, not a State's report: the sentence says so. */
	demo: boolean;
	/** SQL that lists the rows behind the flag (opened in the SQL console). */
	sql: string;
}

/** An indicator value behind a flag: its label, value and the value's own source. */
export interface FlagValue {
	indicator_id: string;
	label: string;
	value: number | null;
	source: string;
}

export interface FlagInput {
	iso3: string;
	/** The State's name, as the data give it. */
	name: string;
	/** First day of the meeting, 'YYYY-MM-DD': the date every deadline status speaks for. */
	meetingDate: string;
	/** The year the meeting's Article 7 reports describe (meeting year − 1). */
	dataYear: number;
	/** The Article 5 deadline status on the meeting's first day (METHOD.md §15). */
	article5?: DeadlineStatus | null;
	projection?: Pick<Projection, 'status' | 'projectedYear'> | null;
	projectionSource?: string;
	article7: FlagValue | null;
	/** Disaggregated indicators concerning the State in the data year. */
	disaggregation: (Omit<FlagValue, 'value'> & { total: number | null; breakdownRows: number })[];
	/** The Article 4 deadline status on the meeting's first day. */
	article4?: DeadlineStatus | null;
	retained?: (FlagValue & { usedIndicator: string | null; used: number | null }) | null;
}

function addMonths(day: string, months: number): string {
	const d = new Date(day + 'T00:00:00Z');
	d.setUTCMonth(d.getUTCMonth() + months);
	return d.toISOString().slice(0, 10);
}

/** Every flag the data support for one State at one meeting (not yet filtered by committee). */
export function computeFlags(i: FlagInput): Flag[] {
	const flags: Flag[] = [];
	const a5 = i.article5;
	const state = i.name;
	const on = i.meetingDate;
	const deadlineSql = `SELECT * FROM deadlines WHERE iso3 = ${literal(i.iso3)}`;
	const valuesSql = (ids: string[], year?: number) =>
		`SELECT * FROM indicator_values WHERE iso3 = ${literal(i.iso3)}${year === undefined ? '' : ` AND year = ${literal(year)}`} AND indicator_id IN (${ids.map(literal).join(', ')}) ORDER BY indicator_id, year, sex, age_group`;
	const fromDeadline = (s: DeadlineStatus) => ({ items: [], source: s.basis?.source ?? s.source, demo: false, sql: deadlineSql });
	const fromValues = (sources: string[]) => ({ source: [...new Set(sources.filter(Boolean))].join('; '), demo: sources.some(isDemonstrationSource) });

	if (a5?.kind === 'passed' && a5.deadline) {
		flags.push({ id: 'deadline_passed', sentence: 'deadline_passed', params: { state, date: a5.deadline, on, asOf: a5.asOf ?? '–' }, ...fromDeadline(a5) });
	} else if (a5?.kind === 'not_in_data') {
		flags.push({ id: 'decision_not_in_data', sentence: 'decision_not_in_data', params: { state, date: a5.deadline ?? '–', on, asOf: a5.asOf ?? '–' }, ...fromDeadline(a5) });
	} else if (a5?.kind === 'in_force' && a5.deadline && a5.deadline <= addMonths(on, DEADLINE_WINDOW_MONTHS) && i.projection) {
		const p = i.projection;
		const after = p.status === 'beyond_deadline' || p.status === 'no_progress' || (p.projectedYear !== null && p.projectedYear + 1 > endOfDayAsYear(a5.deadline));
		if (after) {
			const params = { state, date: a5.deadline, on, dataYear: i.dataYear };
			const sources = [a5.basis?.source ?? a5.source, i.projectionSource ?? ''];
			flags.push(
				p.projectedYear === null
					? { id: 'deadline_at_risk', sentence: 'deadline_at_risk_no_year', params: { ...params, status: p.status }, items: [], ...fromValues(sources), sql: deadlineSql }
					: { id: 'deadline_at_risk', sentence: 'deadline_at_risk', params: { ...params, year: p.projectedYear }, items: [], ...fromValues(sources), sql: deadlineSql }
			);
		}
	}
	if (a5?.request?.state === 'pending') {
		const r = a5.request;
		const params = { state, meeting: r.meeting ?? '', from: r.knownFrom ?? '–', requested: r.requested ?? '' };
		flags.push({ id: 'extension_request', sentence: r.meeting ? 'extension_request' : 'extension_request_no_meeting', params, ...fromDeadline(a5), source: a5.source });
	}
	const a7 = i.article7;
	if (a7 && a7.value !== 1)
		flags.push({
			id: 'no_article7',
			sentence: a7.value === null ? 'no_article7_unknown' : 'no_article7',
			params: { state, year: i.dataYear, label: a7.label },
			items: [],
			...fromValues([a7.source]),
			sql: valuesSql([a7.indicator_id])
		});
	const undisaggregated = i.disaggregation.filter((d) => d.total !== null && d.breakdownRows === 0);
	if (undisaggregated.length)
		flags.push({
			id: 'no_disaggregation',
			sentence: 'no_disaggregation',
			params: { state, year: i.dataYear },
			items: undisaggregated.map((d) => ({ label: d.label, value: d.total as number })),
			...fromValues(undisaggregated.map((d) => d.source)),
			sql: valuesSql(undisaggregated.map((d) => d.indicator_id), i.dataYear)
		});
	if (i.article4?.kind === 'passed')
		flags.push({ id: 'missed_article4', sentence: 'missed_article4', params: { state, date: i.article4.deadline ?? '–', on, asOf: i.article4.asOf ?? '–' }, ...fromDeadline(i.article4) });
	const r = i.retained;
	if (r && r.value !== null && r.value > 0 && r.used === null)
		flags.push({
			id: 'retained_no_use',
			sentence: 'retained_no_use',
			params: { state, year: i.dataYear, value: r.value },
			items: [],
			...fromValues([r.source]),
			sql: valuesSql([r.indicator_id, ...(r.usedIndicator ? [r.usedIndicator] : [])], i.dataYear)
		});
	return flags;
}

export function flagsFor(committee: Committee, flags: Flag[]): Flag[] {
	const mine = COMMITTEE_FLAGS[committee];
	return flags.filter((f) => mine.includes(f.id));
}
