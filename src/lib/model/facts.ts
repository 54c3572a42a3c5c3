/**
 * The facts a committee can cite in a preliminary observation on one State: values, changes since the
 * baseline, deadline status and the completion projection, each with its source and the date it speaks
 * for. The sentence is written by the caller from `key` and `params` (in the reader's language); a fact
 * resting on demonstration values says so (`demo`), whatever the indicator definition's source.
 */
import { committeeActions, type CommitteeTables } from './committees';
import type { Committee } from '$lib/data/schema';
import { deadlineToCompare, statusOfArticle, type DeadlineStatus } from './deadline-status';
import { indicatorsOf, type PlanData } from './plan';
import { projectCompletion } from './projection';
import { isDemonstrationSource } from './sources';

export const FACT_KEYS = [
	'fact.value',
	'fact.valueYesNo',
	'fact.change',
	'fact.deadline',
	'fact.deadlineLastKnown',
	'fact.deadlinePassed',
	'fact.deadlineNotInData',
	'fact.completed',
	'fact.completedYear',
	'fact.completionReported',
	'fact.projection'
] as const;
export type FactKey = (typeof FACT_KEYS)[number];

export interface Fact {
	id: string;
	key: FactKey;
	params: Record<string, string | number>;
	/** Where the fact comes from: the values' own sources for figures, the deadline's decision for deadlines. */
	source: string;
	/** The fact rests on demonstration values: the inserted text says so. */
	demo: boolean;
	action: number | null;
}

const round = (v: number) => Math.round(v * 100) / 100;

/** The sentence for a deadline status (METHOD.md §15), speaking for `s.date`. */
export function deadlineFact(s: DeadlineStatus): Pick<Fact, 'key' | 'params' | 'source'> | null {
	const on = s.date;
	const asOf = s.asOf ?? '–';
	const by = s.basis?.kind === 'extension' ? (s.basis.meeting ?? String(s.basis.year ?? '')) : '';
	const source = s.basis?.source ?? s.source;
	switch (s.kind) {
		case 'in_force':
			return s.beyondAsOf
				? { key: 'fact.deadlineLastKnown', params: { date: s.deadline ?? '–', asOf, by }, source }
				: { key: 'fact.deadline', params: { on, date: s.deadline ?? '–', by }, source };
		case 'passed':
			return { key: 'fact.deadlinePassed', params: { on: s.beyondAsOf ? asOf : on, date: s.deadline ?? '–' }, source };
		case 'not_in_data':
			return { key: 'fact.deadlineNotInData', params: { on, date: s.deadline ?? '–', asOf }, source };
		case 'completed':
			return s.completion?.date
				? { key: 'fact.completed', params: { date: s.completion.date }, source: s.source }
				: { key: 'fact.completedYear', params: { year: s.completion?.year ?? '–' }, source: s.source };
		case 'completion_reported':
			return { key: 'fact.completionReported', params: { year: s.completion?.year ?? '–', on }, source: s.source };
		default:
			return null;
	}
}

/**
 * Facts for `committee` about `iso3` at a meeting: deadline facts speak for `date` (the meeting's first
 * day), figures for `dataYear` (and `baseline` for changes).
 */
export function stateFacts(data: PlanData, tables: Pick<CommitteeTables, 'deadlines' | 'extensions' | 'meetings'>, committee: Committee, iso3: string, dataYear: number, baseline: number, date: string): Fact[] {
	const facts: Fact[] = [];
	// Every sentence names the State, so a fact pasted alone still says whom it is about.
	const state = data.states.find((s) => s.iso3 === iso3)?.name ?? iso3;
	const a5 = tables.deadlines.find((d) => d.iso3 === iso3 && d.article === 5);
	if (committee === 'article5' && a5) {
		const status = statusOfArticle(tables.deadlines, tables.extensions, tables.meetings, 5, date, iso3);
		const sentence = status ? deadlineFact(status) : null;
		if (sentence) facts.push({ id: 'deadline', ...sentence, params: { ...sentence.params, state }, demo: false, action: null });
		const role = (r: string) => data.indicators.find((i) => i.role === r);
		const remaining = role('remaining_area');
		const released = role('area_released');
		const series = (id: string | undefined) => (id ? data.years.filter((y) => y <= dataYear).map((year) => ({ year, value: data.value(id, iso3, year) })) : []);
		const deadline = deadlineToCompare(status);
		const p = projectCompletion({ remaining: series(remaining?.indicator_id), released: series(released?.indicator_id), deadline, completionDeclared: a5.completion_declared, deadlineStatus: a5.status, asOfYear: dataYear });
		if (p.projectedYear !== null) {
			const sources = [...new Set([remaining, released].flatMap((i) => (i ? data.valueSourcesOf(i.indicator_id, iso3) : [])))];
			facts.push({
				id: 'projection',
				key: 'fact.projection',
				params: { state, year: p.projectedYear, rate: round(p.rate ?? 0), base: p.baseYear ?? dataYear },
				source: sources.join('; '),
				demo: sources.some(isDemonstrationSource),
				action: null
			});
		}
	}
	for (const action of committeeActions(data, committee)) {
		for (const ind of indicatorsOf(data, action.action)) {
			if (!data.applicable(ind.indicator_id, dataYear).includes(iso3)) continue;
			const now = data.value(ind.indicator_id, iso3, dataYear);
			const then = data.value(ind.indicator_id, iso3, baseline);
			if (now === null) continue;
			const yesNo = ind.unit === 'yes_no';
			const nowSources = data.valueSourcesOf(ind.indicator_id, iso3, dataYear);
			const source = (list: string[]) => list.join('; ');
			const demo = (list: string[]) => list.some(isDemonstrationSource);
			// A yes/no answer is a code here ('yes' | 'no'); the sentence gives it in the reader's words.
			facts.push({
				id: `${ind.indicator_id}-value`,
				key: yesNo ? 'fact.valueYesNo' : 'fact.value',
				params: { state, year: dataYear, label: ind.label, value: yesNo ? (now === 1 ? 'yes' : 'no') : round(now), indicator: ind.indicator_id },
				source: source(nowSources),
				demo: demo(nowSources),
				action: action.action
			});
			if (then !== null && then !== now && ind.unit !== 'yes_no' && baseline < dataYear) {
				const both = [...new Set([...data.valueSourcesOf(ind.indicator_id, iso3, baseline), ...nowSources])];
				facts.push({ id: `${ind.indicator_id}-change`, key: 'fact.change', params: { state, label: ind.label, from: round(then), to: round(now), baseline, year: dataYear, indicator: ind.indicator_id }, source: source(both), demo: demo(both), action: action.action });
			}
		}
	}
	return facts;
}
