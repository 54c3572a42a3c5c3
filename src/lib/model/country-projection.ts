/** Feeds the completion projection (docs/METHOD.md §9) from the loaded tables for one State. */
import type { CountryFacts } from './country';
import type { PlanData } from './plan';
import { projectCompletion, type Projection } from './projection';

export interface CountryProjection {
	projection: Projection;
	remainingIndicator: string | null;
	releasedIndicator: string | null;
	sources: string[];
}

/** Null when the State has no Article 5 deadline and reported no remaining mined area. */
export function countryProjection(data: PlanData, facts: CountryFacts): CountryProjection | null {
	const iso3 = facts.state.iso3;
	const remainingInd = data.indicators.find((i) => i.role === 'remaining_area');
	const releasedInd = data.indicators.find((i) => i.role === 'area_released');
	const deadline = facts.deadlines.find((d) => d.article === 5);
	const seriesOf = (id: string | undefined) =>
		id ? data.years.map((year) => ({ year, value: data.value(id, iso3, year) })).filter((p) => p.value !== null) : [];
	const remaining = seriesOf(remainingInd?.indicator_id);
	if (!deadline && remaining.length === 0) return null;
	const projection = projectCompletion({
		remaining,
		released: seriesOf(releasedInd?.indicator_id),
		deadline: deadline?.current_deadline ?? null,
		completionDeclared: deadline?.completion_declared ?? null,
		deadlineStatus: deadline?.status ?? null
	});
	const sources = [remainingInd?.source, releasedInd?.source, deadline?.source].filter((s): s is string => !!s);
	return {
		projection,
		remainingIndicator: remainingInd?.indicator_id ?? null,
		releasedIndicator: releasedInd?.indicator_id ?? null,
		sources: [...new Set(sources)]
	};
}
