/**
 * The mid-term review: every action between two chosen years (defaults: the baseline and the mid-term
 * 2022), with the latest year beside them. The page's question and its roll-ups: views/midterm.ts.
 */
import { MIDTERM_YEAR } from './method';
import { currentYear } from './defaults';
import { actionStatus, type ActionStatus, type Coverage } from './method-action';
import { indicatorSeries, type SeriesPoint } from './action';
import { baselineFor, indicatorsOf, type ActionRow, type IndicatorRow, type PlanData } from './plan';

export interface MidtermIndicator {
	indicator: IndicatorRow;
	from: SeriesPoint;
	to: SeriesPoint;
	latest: SeriesPoint;
}

export interface MidtermAction {
	action: ActionRow;
	/** Trend from `from` to `to`, level in `to`. */
	status: ActionStatus;
	/** Trend from `from` to the latest year, level in the latest year. */
	latestStatus: ActionStatus;
	/** Coverage (States concerned that reported) at each of the three points. */
	coverage: { from: Coverage; to: Coverage; latest: Coverage };
	indicators: MidtermIndicator[];
}

export interface MidtermYears {
	from: number;
	to: number;
	latest: number;
}

/** Defaults: the method's baseline and the mid-term year, clamped to the years in the data. */
export function midtermYears(data: PlanData, from?: number | null, to?: number | null): MidtermYears {
	const years = data.years;
	// The one current-year rule of every page (defaults.ts).
	const latest = currentYear(years);
	const pick = (y: number | null | undefined, fallback: number) => (y !== null && y !== undefined && years.includes(y) ? y : fallback);
	return { from: pick(from, baselineFor(data)), to: pick(to, years.includes(MIDTERM_YEAR) ? MIDTERM_YEAR : latest), latest };
}

export function midterm(data: PlanData, years: MidtermYears): MidtermAction[] {
	return data.actions.map((action) => {
		const indicators = indicatorsOf(data, action.action);
		const base = { indicators, applicable: data.applicable, value: data.value, baseline: years.from };
		const status = actionStatus({ ...base, year: years.to });
		const latestStatus = actionStatus({ ...base, year: years.latest });
		const fromStatus = actionStatus({ ...base, year: years.from });
		const at = (series: SeriesPoint[], y: number) => series.find((p) => p.year === y) ?? { indicator_id: '', year: y, value: null, reporting: 0, applicable: 0, source: '' };
		return {
			action,
			status,
			latestStatus,
			coverage: { from: fromStatus.coverage, to: status.coverage, latest: latestStatus.coverage },
			indicators: indicators.map((indicator) => {
				const series = indicatorSeries(data, indicator);
				return { indicator, from: at(series, years.from), to: at(series, years.to), latest: at(series, years.latest) };
			})
		};
	});
}
