/**
 * Flags on a committee's worklist (docs/METHOD.md §13): facts from the data that a committee would
 * raise with a State. Each flag carries the numbers behind it and a query that shows their rows.
 */
import { literal } from '$lib/db/connector';
import type { Committee } from '$lib/data/schema';
import type { Projection } from './projection';
import { endOfDayAsYear } from './projection';
import type { DeadlineStatus } from './deadline-status';

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

export interface Evidence {
	/** An `evidence.*` message key, or a label from the data (indicator and year). */
	label: string;
	value: string;
	source: string;
}

export interface Flag {
	id: FlagId;
	evidence: Evidence[];
	/** SQL that lists the rows behind the flag (opened in the SQL console). */
	sql: string;
}

export interface FlagInput {
	iso3: string;
	/** First day of the meeting, 'YYYY-MM-DD': the date every deadline status speaks for. */
	meetingDate: string;
	/** The year the meeting's Article 7 reports describe (meeting year − 1). */
	dataYear: number;
	/** The Article 5 deadline status on the meeting's first day (METHOD.md §15). */
	article5?: DeadlineStatus | null;
	projection?: Pick<Projection, 'status' | 'projectedYear'> | null;
	projectionSource?: string;
	article7: { indicator_id: string; value: number | null; source: string } | null;
	/** Disaggregated indicators concerning the State in the data year. */
	disaggregation: { indicator_id: string; label: string; total: number | null; breakdownRows: number; source: string }[];
	/** The Article 4 deadline status on the meeting's first day. */
	article4?: DeadlineStatus | null;
	retained?: { indicator_id: string; value: number | null; usedIndicator: string | null; used: number | null; source: string } | null;
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
	const deadlineSql = `SELECT * FROM deadlines WHERE iso3 = ${literal(i.iso3)}`;
	if (a5?.kind === 'passed' && a5.deadline) {
		flags.push({ id: 'deadline_passed', evidence: deadlineEvidence(a5), sql: deadlineSql });
	} else if (a5?.kind === 'not_in_data') {
		flags.push({ id: 'decision_not_in_data', evidence: deadlineEvidence(a5), sql: deadlineSql });
	} else if (a5?.kind === 'in_force' && a5.deadline && a5.deadline <= addMonths(i.meetingDate, DEADLINE_WINDOW_MONTHS) && i.projection) {
		const p = i.projection;
		const after = p.status === 'beyond_deadline' || p.status === 'no_progress' || (p.projectedYear !== null && p.projectedYear + 1 > endOfDayAsYear(a5.deadline));
		if (after)
			flags.push({
				id: 'deadline_at_risk',
				evidence: [...deadlineEvidence(a5), { label: 'evidence.projected_completion', value: p.projectedYear === null ? p.status : String(p.projectedYear), source: i.projectionSource ?? '' }],
				sql: deadlineSql
			});
	}
	if (a5?.request?.state === 'pending')
		flags.push({
			id: 'extension_request',
			evidence: [{ label: 'evidence.request', value: [a5.request.meeting, a5.request.knownFrom, a5.request.requested].filter(Boolean).join(' · '), source: a5.source }],
			sql: deadlineSql
		});
	if (i.article7 && i.article7.value !== 1)
		flags.push({
			id: 'no_article7',
			evidence: [{ label: `${i.article7.indicator_id} ${i.dataYear}`, value: i.article7.value === null ? '–' : String(i.article7.value), source: i.article7.source }],
			sql: `SELECT * FROM indicator_values WHERE iso3 = ${literal(i.iso3)} AND indicator_id = ${literal(i.article7.indicator_id)} ORDER BY year`
		});
	const undisaggregated = i.disaggregation.filter((d) => d.total !== null && d.breakdownRows === 0);
	if (undisaggregated.length)
		flags.push({
			id: 'no_disaggregation',
			evidence: undisaggregated.map((d) => ({ label: `${d.indicator_id} ${i.dataYear}`, value: String(d.total), source: d.source })),
			sql: `SELECT * FROM indicator_values WHERE iso3 = ${literal(i.iso3)} AND year = ${literal(i.dataYear)} AND indicator_id IN (${undisaggregated.map((d) => literal(d.indicator_id)).join(', ')}) ORDER BY indicator_id, sex, age_group`
		});
	if (i.article4?.kind === 'passed') flags.push({ id: 'missed_article4', evidence: deadlineEvidence(i.article4), sql: deadlineSql });
	const r = i.retained;
	if (r && r.value !== null && r.value > 0 && r.used === null)
		flags.push({
			id: 'retained_no_use',
			evidence: [{ label: `${r.indicator_id} ${i.dataYear}`, value: String(r.value), source: r.source }],
			sql: `SELECT * FROM indicator_values WHERE iso3 = ${literal(i.iso3)} AND year = ${literal(i.dataYear)} AND indicator_id IN (${literal(r.indicator_id)}${r.usedIndicator ? ', ' + literal(r.usedIndicator) : ''})`
		});
	return flags;
}

/** The deadline a flag rests on, the decision behind it and the date the facts are known to. */
function deadlineEvidence(s: DeadlineStatus): Evidence[] {
	const basis = s.basis?.kind === 'extension' ? s.basis.meeting ?? String(s.basis.year ?? '') : '';
	return [
		{ label: s.kind === 'not_in_data' ? 'evidence.last_known_deadline' : 'evidence.deadline', value: [s.deadline ?? '–', basis].filter(Boolean).join(' · '), source: s.basis?.source ?? s.source },
		{ label: 'evidence.as_of', value: s.asOf ?? '–', source: s.source }
	];
}

export function flagsFor(committee: Committee, flags: Flag[]): Flag[] {
	const mine = COMMITTEE_FLAGS[committee];
	return flags.filter((f) => mine.includes(f.id));
}
