/** Feeds the completion projection (docs/METHOD.md §9) from the loaded tables for one State. */
import { deadlineStatusOf, type CountryFacts } from './country';
import { deadlineToCompare, type DeadlineStatus } from './deadline-status';
import type { PlanData } from './plan';
import { projectCompletion, type Projection } from './projection';

export interface CountryProjection {
	projection: Projection;
	/** The deadline status on the date asked: the projection is compared with its deadline only when one is in force. */
	deadline: DeadlineStatus | null;
	remainingIndicator: string | null;
	releasedIndicator: string | null;
	sources: string[];
}

/**
 * Null when the State has no Article 5 deadline and reported no remaining mined area. The deadline
 * compared is the one in force on `date` (METHOD.md §15): none when it is not in the data.
 */
export function countryProjection(data: PlanData, facts: CountryFacts, date: string): CountryProjection | null {
	const iso3 = facts.state.iso3;
	const remainingInd = data.indicators.find((i) => i.role === 'remaining_area');
	const releasedInd = data.indicators.find((i) => i.role === 'area_released');
	const deadline = facts.deadlines.find((d) => d.article === 5);
	const seriesOf = (id: string | undefined) =>
		id ? data.years.map((year) => ({ year, value: data.value(id, iso3, year) })).filter((p) => p.value !== null) : [];
	const remaining = seriesOf(remainingInd?.indicator_id);
	if (!deadline && remaining.length === 0) return null;
	const status = deadlineStatusOf(facts, 5, date);
	const projection = projectCompletion({
		remaining,
		released: seriesOf(releasedInd?.indicator_id),
		deadline: deadlineToCompare(status),
		completionDeclared: deadline?.completion_declared ?? null,
		deadlineStatus: deadline?.status ?? null
	});
	// The values' own sources (they carry the demonstration label), then the deadline's.
	const valueSources = [remainingInd, releasedInd].flatMap((i) => (i ? data.valueSourcesOf(i.indicator_id, iso3) : []));
	const sources = [...valueSources, status?.basis?.source ?? deadline?.source].filter((s): s is string => !!s);
	return {
		projection,
		deadline: status,
		remainingIndicator: remainingInd?.indicator_id ?? null,
		releasedIndicator: releasedInd?.indicator_id ?? null,
		sources: [...new Set(sources)]
	};
}
