/**
 * `/countries/ISO3` and its brief: the State's reference facts, its progress on every action that
 * concerns it, its indicators, its peers, and what the completion projection needs. Statements about
 * deadlines speak for a day the reader's page chooses (today, or `?on=`), so they are made from `facts`
 * and `projection` where that day is known (countryProjectionOn, deadlineStatusOf).
 */
import { choose, currentYear, type Chosen } from '../defaults';
import { countryFacts, countryIndicators, countrySeries, lastReported, peers, progressBySection, type CountryFacts, type CountryPoint, type PeerGroup, type PeerRow } from '../country';
import { countryProjection, type ProjectionSeries } from '../country-projection';
import { stateActionSummary, type StateActionSummary } from '../method-action';
import { baselineFor, indicatorSources, indicatorsOf, type ActionRow, type IndicatorRow } from '../plan';
import { intOf, planOf, type Query, type Source } from './source';

export interface CountryParams {
	iso3: string;
	year: number | null;
	baseline: number | null;
	/** `?peer=`: the indicator of the peer comparison; null = the first the State has. */
	peer: string | null;
	/** `?peers=`: peers in the same region, or concerned by the same indicator. */
	peers: PeerGroup | null;
}

export const countryParams = (iso3: string, q: Query): CountryParams => ({
	iso3: iso3.toUpperCase(),
	year: intOf(q('year')),
	baseline: intOf(q('baseline')),
	peer: q('peer'),
	peers: q('peers') === 'obligation' ? 'obligation' : null
});

export interface CountryView {
	iso3: string;
	/** Null when the loaded data have no State with that code. */
	facts: CountryFacts | null;
	years: number[];
	year: Chosen<number>;
	baseline: Chosen<number>;
	/** The last year the State reported any value: when it is before `year`, the page says so. */
	lastReported: number | null;
	progress: { title: string; actions: { action: ActionRow; status: StateActionSummary }[] }[];
	progressSources: string[];
	/** Indicators with values of the State, with its own values (totals and breakdowns). */
	series: { indicator: IndicatorRow; points: CountryPoint[]; sources: string[] }[];
	/** Yes/no indicators concerning the State: its answer each year (null = not reported). */
	yesNo: { indicator: IndicatorRow; values: (number | null)[]; sources: string[] }[];
	peers: { options: Pick<IndicatorRow, 'indicator_id' | 'label'>[]; indicator: IndicatorRow | null; group: PeerGroup; rows: PeerRow[]; sources: string[] };
	/** The remaining and released area series behind the completion projection. */
	projection: ProjectionSeries;
}

export async function countryView(src: Source, params: CountryParams): Promise<CountryView> {
	const iso3 = params.iso3.toUpperCase();
	const [data, facts] = await Promise.all([planOf(src), countryFacts(src.conn, iso3)]);
	const year = choose(params.year, currentYear(data.years));
	const baseline = choose(params.baseline, baselineFor(data));
	const group: PeerGroup = params.peers === 'obligation' ? 'obligation' : 'region';
	const none = { indicator: null, group, options: [], rows: [], sources: [] };
	const base = { iso3, facts, years: data.years, year, baseline, lastReported: null };
	if (!facts) return { ...base, progress: [], progressSources: [], series: [], yesNo: [], peers: none, projection: { remaining: [], released: [], remainingIndicator: null, releasedIndicator: null, sources: [] } };

	const progress = progressBySection(data, iso3, year.value, baseline.value).map(([title, list]) => ({ title, actions: list.map((p) => ({ action: p.action, status: stateActionSummary(p.status) })) }));
	const concerning = countryIndicators(data, iso3);
	const numeric = concerning.filter((i) => i.unit !== 'yes_no');
	const peerIndicator = numeric.find((i) => i.indicator_id === params.peer) ?? numeric[0] ?? null;
	return {
		...base,
		lastReported: lastReported(data, iso3),
		progress,
		progressSources: [...new Set(progress.flatMap((s) => s.actions.flatMap((p) => indicatorsOf(data, p.action.action).flatMap((i) => indicatorSources(data, i, iso3)))))],
		series: numeric
			.map((indicator) => ({ indicator, points: countrySeries(data, iso3, indicator.indicator_id), sources: indicatorSources(data, indicator, iso3) }))
			.filter((s) => s.points.length > 0),
		yesNo: concerning
			.filter((i) => i.unit === 'yes_no')
			.map((indicator) => ({ indicator, values: data.years.map((y) => data.value(indicator.indicator_id, iso3, y)), sources: indicatorSources(data, indicator, iso3) })),
		peers: {
			options: numeric.map(({ indicator_id, label }) => ({ indicator_id, label })),
			indicator: peerIndicator,
			group,
			rows: peerIndicator ? peers(data, iso3, peerIndicator.indicator_id, year.value, group) : [],
			sources: peerIndicator ? indicatorSources(data, peerIndicator, undefined, year.value) : []
		},
		projection: countryProjection(data, iso3)
	};
}
