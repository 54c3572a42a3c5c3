/**
 * Feeds the completion projection (docs/METHOD.md §12) from the loaded tables for one State: the
 * series come from the data (`countryProjection`), the deadline compared from the day the reader's page
 * speaks for (`countryProjectionOn`), so a page prepared in advance still judges on the reader's day.
 */
import { deadlineStatusOf, type CountryFacts } from './country';
import { deadlineToCompare, type DeadlineStatus } from './deadline-status';
import type { PlanData } from './plan';
import { projectCompletion, type Projection, type YearValue } from './projection';

/** The State's remaining and released area, by year (reported values only), and the values' own sources. */
export interface ProjectionSeries {
	remaining: YearValue[];
	released: YearValue[];
	remainingIndicator: string | null;
	releasedIndicator: string | null;
	sources: string[];
}

export interface CountryProjection {
	projection: Projection;
	/** The deadline status on the date asked: the projection is compared with its deadline only when one is in force. */
	deadline: DeadlineStatus | null;
	remainingIndicator: string | null;
	releasedIndicator: string | null;
	sources: string[];
}

export function countryProjection(data: PlanData, iso3: string): ProjectionSeries {
	const remainingInd = data.indicators.find((i) => i.role === 'remaining_area');
	const releasedInd = data.indicators.find((i) => i.role === 'area_released');
	const seriesOf = (id: string | undefined) =>
		id ? data.years.map((year) => ({ year, value: data.value(id, iso3, year) })).filter((p) => p.value !== null) : [];
	return {
		remaining: seriesOf(remainingInd?.indicator_id),
		released: seriesOf(releasedInd?.indicator_id),
		remainingIndicator: remainingInd?.indicator_id ?? null,
		releasedIndicator: releasedInd?.indicator_id ?? null,
		// The values' own sources: they carry the demonstration label.
		sources: [...new Set([remainingInd, releasedInd].flatMap((i) => (i ? data.valueSourcesOf(i.indicator_id, iso3) : [])))]
	};
}

/**
 * Null when the State has no Article 5 deadline and reported no remaining mined area. The deadline
 * compared is the one in force on `date` (METHOD.md §15): none when it is not in the data.
 */
export function countryProjectionOn(series: ProjectionSeries, facts: CountryFacts, date: string): CountryProjection | null {
	const deadline = facts.deadlines.find((d) => d.article === 5);
	if (!deadline && series.remaining.length === 0) return null;
	const status = deadlineStatusOf(facts, 5, date);
	const projection = projectCompletion({
		remaining: series.remaining,
		released: series.released,
		deadline: deadlineToCompare(status),
		completionDeclared: deadline?.completion_declared ?? null,
		deadlineStatus: deadline?.status ?? null
	});
	const sources = [...series.sources, status?.basis?.source ?? deadline?.source].filter((s): s is string => !!s);
	return { projection, deadline: status, remainingIndicator: series.remainingIndicator, releasedIndicator: series.releasedIndicator, sources: [...new Set(sources)] };
}
