/**
 * The facts a committee can cite in a preliminary observation on one State: values, changes since the
 * baseline, deadlines and the completion projection, each with its source. The sentence is written by
 * the caller from `key` and `params` (in the reader's language).
 */
import type { DeadlineRow } from './countries';
import { committeeActions } from './committees';
import type { Committee } from '$lib/data/schema';
import { indicatorsOf, type PlanData } from './plan';
import { projectCompletion } from './projection';

export interface Fact {
	id: string;
	key: 'fact.value' | 'fact.change' | 'fact.deadline' | 'fact.projection';
	params: Record<string, string | number>;
	source: string;
	action: number | null;
}

const round = (v: number) => Math.round(v * 100) / 100;

export function stateFacts(data: PlanData, deadlines: DeadlineRow[], committee: Committee, iso3: string, dataYear: number, baseline: number): Fact[] {
	const facts: Fact[] = [];
	const a5 = deadlines.find((d) => d.iso3 === iso3 && d.article === 5);
	if (committee === 'article5' && a5?.current_deadline) {
		facts.push({ id: 'deadline', key: 'fact.deadline', params: { date: a5.current_deadline, n: a5.extensions ?? '–' }, source: a5.source, action: null });
		const role = (r: string) => data.indicators.find((i) => i.role === r);
		const series = (id: string | undefined) => (id ? data.years.filter((y) => y <= dataYear).map((year) => ({ year, value: data.value(id, iso3, year) })) : []);
		const p = projectCompletion({ remaining: series(role('remaining_area')?.indicator_id), released: series(role('area_released')?.indicator_id), deadline: a5.current_deadline, completionDeclared: a5.completion_declared, deadlineStatus: a5.status, asOfYear: dataYear });
		if (p.projectedYear !== null)
			facts.push({ id: 'projection', key: 'fact.projection', params: { year: p.projectedYear, rate: round(p.rate ?? 0), base: p.baseYear ?? dataYear }, source: role('remaining_area')?.source ?? '', action: null });
	}
	for (const action of committeeActions(data, committee)) {
		for (const ind of indicatorsOf(data, action.action)) {
			if (!data.applicable(ind.indicator_id, dataYear).includes(iso3)) continue;
			const now = data.value(ind.indicator_id, iso3, dataYear);
			const then = data.value(ind.indicator_id, iso3, baseline);
			if (now === null) continue;
			const value = ind.unit === 'yes_no' ? (now === 1 ? 'yes' : 'no') : round(now);
			facts.push({ id: `${ind.indicator_id}-value`, key: 'fact.value', params: { year: dataYear, label: ind.label, value, indicator: ind.indicator_id }, source: ind.source, action: action.action });
			if (then !== null && then !== now && ind.unit !== 'yes_no' && baseline < dataYear)
				facts.push({ id: `${ind.indicator_id}-change`, key: 'fact.change', params: { label: ind.label, from: round(then), to: round(now), baseline, year: dataYear, indicator: ind.indicator_id }, source: ind.source, action: action.action });
		}
	}
	return facts;
}
