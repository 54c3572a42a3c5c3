/** `/midterm`: every action between two chosen years with the latest beside them, rolled up by section or committee. */
import { type Chosen } from '../defaults';
import { actionSummary, ACTION_TRENDS, type ActionSummary, type ActionTrend, type Coverage } from '../method-action';
import { midterm, midtermYears, type MidtermYears } from '../midterm';
import type { SeriesPoint } from '../action';
import type { ActionRow, IndicatorRow } from '../plan';
import { intOf, planOf, type Query, type Source } from './source';

export interface MidtermParams {
	from: number | null;
	to: number | null;
}

export const midtermParams = (q: Query): MidtermParams => ({ from: intOf(q('from')), to: intOf(q('to')) });

type Point = Pick<SeriesPoint, 'value' | 'reporting' | 'applicable'>;

export interface MidtermRow {
	action: ActionRow;
	/** Trend from `from` to `to`, level in `to`. */
	status: ActionSummary;
	/** Trend from `from` to the latest year. */
	latestStatus: ActionSummary;
	coverage: { from: Coverage; to: Coverage; latest: Coverage };
	indicators: { indicator: Pick<IndicatorRow, 'indicator_id' | 'label'>; from: Point; to: Point; latest: Point }[];
}

export interface MidtermView {
	years: number[];
	from: Chosen<number>;
	to: Chosen<number>;
	latest: number;
	valueSources: string[];
	rows: MidtermRow[];
}

const point = (p: SeriesPoint): Point => ({ value: p.value, reporting: p.reporting, applicable: p.applicable });

export async function midtermView(src: Source, params: MidtermParams): Promise<MidtermView> {
	const data = await planOf(src);
	const years: MidtermYears = midtermYears(data, params.from, params.to);
	const rows = midterm(data, years).map((a) => ({
		action: a.action,
		status: actionSummary(a.status),
		latestStatus: actionSummary(a.latestStatus),
		coverage: a.coverage,
		indicators: a.indicators.map((i) => ({ indicator: { indicator_id: i.indicator.indicator_id, label: i.indicator.label }, from: point(i.from), to: point(i.to), latest: point(i.latest) }))
	}));
	// A year the data do not have falls back to the default, which the page then says it chose.
	const defaults = midtermYears(data);
	const asked = (y: number | null, chosen: number, fallback: number) => ({ value: chosen, defaulted: y !== chosen, fallback });
	return { years: data.years, from: asked(params.from, years.from, defaults.from), to: asked(params.to, years.to, defaults.to), latest: years.latest, valueSources: data.valueSources, rows };
}

export type RollUpBy = 'section' | 'committee';

export interface RollUp {
	key: string;
	title: string;
	actions: MidtermRow[];
	/** Actions by trend status from `from` to `to`. */
	trends: Partial<Record<ActionTrend, number>>;
}

/** Actions grouped by section or by committee, in plan order, with counts of their trends. */
export function rollUp(rows: readonly MidtermRow[], by: RollUpBy, titleOf: (key: string) => string = (k) => k): RollUp[] {
	const groups = new Map<string, MidtermRow[]>();
	for (const a of rows) {
		const key = by === 'section' ? a.action.section : a.action.committee;
		groups.set(key, [...(groups.get(key) ?? []), a]);
	}
	return [...groups.entries()].map(([key, list]) => ({ key, title: by === 'section' ? list[0].action.section_title : titleOf(key), actions: list, trends: trendTotals(list) }));
}

/** How many actions have each trend, in the method's order of trends. */
export function trendTotals(rows: readonly Pick<MidtermRow, 'status'>[]): Partial<Record<ActionTrend, number>> {
	const counts: Partial<Record<ActionTrend, number>> = {};
	for (const k of ACTION_TRENDS) {
		const n = rows.filter((a) => a.status.trend === k).length;
		if (n) counts[k] = n;
	}
	return counts;
}
