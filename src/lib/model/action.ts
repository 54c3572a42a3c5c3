/** Questions about one action: its indicators over the years and the States it concerns. */
import { stateLevel, stateTrend, type StateLevel, type StateTrend } from './method';
import { stateActionStatus, type StateActionStatus } from './method-action';
import { indicatorsOf, type IndicatorRow, type PlanData } from './plan';

export type Measure = 'sum' | 'median' | 'share_met';

/** How values of an indicator are summarised across States: totals add up, rates and yes/no do not. */
export function measureFor(ind: IndicatorRow): Measure {
	if (ind.unit === 'yes_no') return 'share_met';
	if (ind.unit === 'percent') return 'median';
	return 'sum';
}

export interface SeriesPoint {
	indicator_id: string;
	year: number;
	/** The summary across reporting States (sum, median, or share meeting the target in %). */
	value: number | null;
	reporting: number;
	applicable: number;
	/** Sources of the values summarised (the values' own, not the definition's). */
	source: string;
}

function median(xs: number[]): number | null {
	if (xs.length === 0) return null;
	const s = [...xs].sort((a, b) => a - b);
	const m = Math.floor(s.length / 2);
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** One point per year: the indicator summarised across the States it concerns that reported. */
export function indicatorSeries(data: PlanData, ind: IndicatorRow): SeriesPoint[] {
	const measure = measureFor(ind);
	return data.years.map((year) => {
		const applicable = data.applicable(ind.indicator_id, year);
		const values = applicable.map((iso3) => data.value(ind.indicator_id, iso3, year)).filter((v): v is number => v !== null);
		let value: number | null = null;
		if (values.length) {
			if (measure === 'sum') value = values.reduce((a, b) => a + b, 0);
			else if (measure === 'median') value = median(values);
			else value = (100 * values.filter((v) => stateLevel(v, ind) === 'met').length) / values.length;
		}
		return { indicator_id: ind.indicator_id, year, value, reporting: values.length, applicable: applicable.length, source: data.valueSourcesOf(ind.indicator_id, undefined, year).join('; ') };
	});
}

export interface BreakdownPoint {
	year: number;
	sex: string;
	age_group: string;
	value: number;
	source: string;
}

/** Disaggregated values summed over the States concerned, by year, sex and age group. */
export function breakdownSeries(data: PlanData, ind: IndicatorRow): BreakdownPoint[] {
	const sums = new Map<string, BreakdownPoint>();
	for (const v of data.values) {
		if (v.indicator_id !== ind.indicator_id || (!v.sex && !v.age_group) || v.value === null) continue;
		const sex = v.sex ?? 'unknown';
		const age = v.age_group ?? 'unknown';
		const k = `${v.year}|${sex}|${age}`;
		const p = sums.get(k) ?? { year: v.year, sex, age_group: age, value: 0, source: '' };
		p.value += v.value;
		if (v.source && !p.source.split('; ').includes(v.source)) p.source = p.source ? `${p.source}; ${v.source}` : v.source;
		sums.set(k, p);
	}
	return [...sums.values()].sort((a, b) => a.year - b.year || a.sex.localeCompare(b.sex) || a.age_group.localeCompare(b.age_group));
}

export interface StateIndicatorCell {
	value: number | null;
	baselineValue: number | null;
	level: StateLevel;
	trend: StateTrend;
}

export interface ActionStateRow {
	iso3: string;
	name: string;
	region: string;
	status: StateActionStatus;
	cells: Record<string, StateIndicatorCell>;
}

/** Every State the action concerns in `year`, with its status and its values at both years. */
export function actionStates(data: PlanData, action: number, year: number, baseline: number): ActionStateRow[] {
	const indicators = indicatorsOf(data, action);
	const concerned = new Set(indicators.flatMap((i) => data.applicable(i.indicator_id, year)));
	const input = { indicators, applicable: data.applicable, value: data.value, year, baseline };
	return data.states
		.filter((s) => concerned.has(s.iso3))
		.map((s) => {
			const cells: Record<string, StateIndicatorCell> = {};
			for (const ind of indicators) {
				const value = data.value(ind.indicator_id, s.iso3, year);
				const baselineValue = data.value(ind.indicator_id, s.iso3, baseline);
				cells[ind.indicator_id] = { value, baselineValue, level: stateLevel(value, ind), trend: stateTrend(baselineValue, value, ind) };
			}
			return { iso3: s.iso3, name: s.name, region: s.region, status: stateActionStatus({ ...input, iso3: s.iso3 }), cells };
		});
}

export interface DistributionPoint {
	iso3: string;
	name: string;
	year: number;
	value: number;
	source: string;
}

/** Every reported value of the indicator, State by State and year by year, for the States it concerns. */
export function distribution(data: PlanData, ind: IndicatorRow): DistributionPoint[] {
	const names = new Map(data.states.map((s) => [s.iso3, s.name]));
	return data.years.flatMap((year) =>
		data.applicable(ind.indicator_id, year).flatMap((iso3) => {
			const value = data.value(ind.indicator_id, iso3, year);
			return value === null ? [] : [{ iso3, name: names.get(iso3) ?? iso3, year, value, source: data.valueSourcesOf(ind.indicator_id, iso3, year).join('; ') }];
		})
	);
}

export interface Mover {
	iso3: string;
	name: string;
	from: number;
	to: number;
	/** Change signed so that positive is progress (lower_is_better flips it). */
	progress: number;
}

/** The States whose value moved most in the direction of progress (up) and against it (down). */
export function movers(data: PlanData, ind: IndicatorRow, from: number, to: number, n = 5): { up: Mover[]; down: Mover[] } {
	const names = new Map(data.states.map((s) => [s.iso3, s.name]));
	const sign = ind.polarity === 'lower_is_better' ? -1 : 1;
	const all: Mover[] = data.applicable(ind.indicator_id, to).flatMap((iso3) => {
		const a = data.value(ind.indicator_id, iso3, from);
		const b = data.value(ind.indicator_id, iso3, to);
		return a === null || b === null || a === b ? [] : [{ iso3, name: names.get(iso3) ?? iso3, from: a, to: b, progress: sign * (b - a) }];
	});
	const sorted = all.sort((x, y) => y.progress - x.progress || x.name.localeCompare(y.name));
	return { up: sorted.filter((m) => m.progress > 0).slice(0, n), down: sorted.filter((m) => m.progress < 0).reverse().slice(0, n) };
}
