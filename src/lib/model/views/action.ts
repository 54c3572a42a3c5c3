/**
 * `/actions/N`: one action's indicators over the years, their spread across States, the largest moves,
 * and the States it concerns with their status; and the order of that table (`?sort=`).
 */
import { actionStates, breakdownSeries, distribution, indicatorSeries, measureFor, movers, type BreakdownPoint, type DistributionPoint, type Measure, type Mover, type SeriesPoint } from '../action';
import { choose, currentYear, type Chosen } from '../defaults';
import { actionStatus, actionSummary, stateActionSummary, ACTION_TRENDS, STATE_ACTION_LEVELS, type ActionSummary, type StateActionSummary } from '../method-action';
import { baselineFor, indicatorSources, indicatorsOf, type ActionRow, type IndicatorRow } from '../plan';
import { sortRows, type SortOrder } from '../sort';
import { intOf, planOf, type Query, type Source } from './source';

export interface ActionParams {
	n: number;
	year: number | null;
	baseline: number | null;
	/** `?ind=`: the indicator whose spread and movers are shown; null = the first numeric one. */
	ind: string | null;
}

export const actionParams = (n: number, q: Query): ActionParams => ({ n, year: intOf(q('year')), baseline: intOf(q('baseline')), ind: q('ind') });

export interface IndicatorChart {
	indicator: IndicatorRow;
	measure: Measure;
	points: SeriesPoint[];
	/** By sex and age group, for a disaggregated indicator (empty otherwise). */
	breakdown: BreakdownPoint[];
	sources: string[];
}

export interface ActionStateCells {
	iso3: string;
	name: string;
	region: string;
	status: StateActionSummary;
	/** Value at the baseline and in the year, by indicator. */
	cells: Record<string, { baselineValue: number | null; value: number | null }>;
}

export interface ActionView {
	n: number;
	/** Null when the loaded data have no such action. */
	action: ActionRow | null;
	years: number[];
	year: Chosen<number>;
	baseline: Chosen<number>;
	status: ActionSummary | null;
	indicators: IndicatorRow[];
	charts: IndicatorChart[];
	/** The indicators a spread can be shown for (not yes/no), and the one shown. */
	spread: { options: IndicatorRow[]; indicator: IndicatorRow; points: DistributionPoint[]; movers: { up: Mover[]; down: Mover[] }; sources: string[] } | null;
	states: ActionStateCells[];
	sources: string[];
}

export async function actionView(src: Source, params: ActionParams): Promise<ActionView> {
	const data = await planOf(src);
	const year = choose(params.year, currentYear(data.years));
	const baseline = choose(params.baseline, baselineFor(data));
	const action = data.actions.find((a) => a.action === params.n) ?? null;
	const indicators = action ? indicatorsOf(data, params.n) : [];
	const empty = { n: params.n, action, years: data.years, year, baseline, indicators, charts: [], spread: null, states: [], sources: [] };
	if (!action) return { ...empty, status: null };
	const status = actionSummary(actionStatus({ indicators, applicable: data.applicable, value: data.value, year: year.value, baseline: baseline.value }));
	const charts = indicators.map((indicator) => ({
		indicator,
		measure: measureFor(indicator),
		points: indicatorSeries(data, indicator),
		breakdown: indicator.disaggregated ? breakdownSeries(data, indicator) : [],
		sources: indicatorSources(data, indicator)
	}));
	const options = indicators.filter((i) => i.unit !== 'yes_no');
	const chosen = options.find((i) => i.indicator_id === params.ind) ?? options[0];
	const spread = chosen
		? { options, indicator: chosen, points: distribution(data, chosen), movers: movers(data, chosen, baseline.value, year.value), sources: indicatorSources(data, chosen) }
		: null;
	const states = actionStates(data, params.n, year.value, baseline.value).map((r) => ({
		iso3: r.iso3,
		name: r.name,
		region: r.region,
		status: stateActionSummary(r.status),
		cells: Object.fromEntries(Object.entries(r.cells).map(([id, c]) => [id, { baselineValue: c.baselineValue, value: c.value }]))
	}));
	return { ...empty, status, charts, spread, states, sources: [...new Set(indicators.flatMap((i) => indicatorSources(data, i)))] };
}

export const ACTION_STATE_SORTS = ['name', 'region', 'level', 'trend', 'reported'] as const;
export type ActionStateSort = (typeof ACTION_STATE_SORTS)[number];

/** The States table in the order asked, narrowed to one State when `focus` names one (links from profiles). */
export function actionStateRows(rows: readonly ActionStateCells[], order: SortOrder<ActionStateSort>, focus: string | null): ActionStateCells[] {
	return sortRows(
		rows.filter((r) => !focus || r.iso3 === focus),
		order,
		{
			name: (r) => r.name,
			region: (r) => r.region,
			level: (r) => STATE_ACTION_LEVELS.indexOf(r.status.level),
			trend: (r) => ACTION_TRENDS.indexOf(r.status.trend),
			reported: (r) => r.status.coverage.reported
		},
		(r) => r.name
	);
}
