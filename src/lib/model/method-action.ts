/**
 * Progress method v1 — combining (State, indicator) pairs into the status of an action
 * (docs/METHOD.md §5) and of one State on one action (§5.4). Tests: method-action.test.ts.
 * Pure functions: the caller supplies lookups, built from SQL results or from plain rows.
 */
import {
	BASELINE_YEAR,
	MIN_COVERAGE,
	NET_TREND_THRESHOLD,
	ON_TRACK_THRESHOLD,
	PARTIAL_THRESHOLD,
	isValue,
	rounded,
	stateLevel,
	stateTrend,
	type IndicatorDef,
	type StateLevel,
	type StateTrend
} from './method';

export const ACTION_LEVELS = [
	'on_track',
	'partial',
	'off_track',
	'trend_only',
	'insufficient_data',
	'no_indicators',
	'not_applicable'
] as const;
export type ActionLevel = (typeof ACTION_LEVELS)[number];
export const ACTION_TRENDS = [
	'improving',
	'stable',
	'worsening',
	'insufficient_data',
	'no_indicators',
	'not_applicable'
] as const;
export type ActionTrend = (typeof ACTION_TRENDS)[number];
export const STATE_ACTION_LEVELS = [
	'met_all',
	'met_some',
	'met_none',
	'not_reported',
	'trend_only',
	'no_indicators',
	'not_applicable'
] as const;
export type StateActionLevel = (typeof STATE_ACTION_LEVELS)[number];

/** What the method needs to know about one action. */
export interface ActionInput {
	/** The action's indicators (may be empty). */
	indicators: readonly IndicatorDef[];
	/** iso3 codes of the States the indicator concerns in a year (§1); duplicates are ignored. */
	applicable: (indicatorId: string, year: number) => readonly string[];
	/** The State's value (§2) or null when not reported. */
	value: (indicatorId: string, iso3: string, year: number) => number | null;
	/** The year assessed. */
	year: number;
	/** Baseline year for the trend; BASELINE_YEAR when omitted. */
	baseline?: number;
}

export interface Coverage {
	reported: number;
	applicable: number;
	/** reported ÷ applicable, or null when nothing is applicable. */
	share: number | null;
}

export interface Counts {
	met: number;
	notMet: number;
	improving: number;
	stable: number;
	worsening: number;
}

/** One (State, indicator) pair, applicable in the year assessed. */
export interface PairResult {
	indicator_id: string;
	iso3: string;
	value: number | null;
	baselineValue: number | null;
	level: StateLevel;
	/** 'insufficient' also when the State was not concerned at baseline, or year ≤ baseline. */
	trend: StateTrend;
}

export interface IndicatorBreakdown extends Counts {
	indicator_id: string;
	hasTarget: boolean;
	coverage: Coverage;
}

export interface ActionStatus {
	year: number;
	baseline: number;
	level: ActionLevel;
	trend: ActionTrend;
	/** States concerned that reported at least one of the action's indicators in the year. */
	coverage: Coverage;
	/** States concerned with at least one comparable (State, indicator) pair. */
	trendCoverage: Coverage;
	/** met ÷ (met + notMet), or null. */
	shareMet: number | null;
	/** (improving − worsening) ÷ (improving + stable + worsening), or null. */
	netTrend: number | null;
	counts: Counts;
	indicators: IndicatorBreakdown[];
	pairs: PairResult[];
}

/** One State on one action; its trendCoverage is 1 of 1 (a comparable pair exists) or 0 of 1. */
export interface StateActionStatus extends Omit<ActionStatus, 'level' | 'coverage'> {
	iso3: string;
	level: StateActionLevel;
	/** Of the indicators concerning this State in the year, how many it reported. */
	coverage: Coverage;
}

function coverage(reported: number, applicable: number): Coverage {
	return { reported, applicable, share: applicable === 0 ? null : rounded(reported / applicable) };
}

function ratio(num: number, den: number): number | null {
	return den === 0 ? null : rounded(num / den);
}

function count(pairs: readonly PairResult[]): Counts {
	const c: Counts = { met: 0, notMet: 0, improving: 0, stable: 0, worsening: 0 };
	for (const p of pairs) {
		if (p.level === 'met') c.met++;
		if (p.level === 'not_met') c.notMet++;
		if (p.trend === 'improving') c.improving++;
		if (p.trend === 'stable') c.stable++;
		if (p.trend === 'worsening') c.worsening++;
	}
	return c;
}

/** §5.1: every applicable (State, indicator) pair in the year, with its level and trend. */
function evaluatePairs(input: ActionInput, baseline: number): PairResult[] {
	const pairs: PairResult[] = [];
	for (const ind of input.indicators) {
		const atBaseline = new Set(input.year > baseline ? input.applicable(ind.indicator_id, baseline) : []);
		for (const iso3 of new Set(input.applicable(ind.indicator_id, input.year))) {
			const v = input.value(ind.indicator_id, iso3, input.year);
			const value = isValue(v) ? v : null;
			const b = atBaseline.has(iso3) ? input.value(ind.indicator_id, iso3, baseline) : null;
			const baselineValue = isValue(b) ? b : null;
			pairs.push({
				indicator_id: ind.indicator_id,
				iso3,
				value,
				baselineValue,
				level: stateLevel(value, ind),
				trend: stateTrend(baselineValue, value, ind)
			});
		}
	}
	return pairs;
}

/** Distinct States among pairs, and among those passing a test. */
function stateCoverage(pairs: readonly PairResult[], test: (p: PairResult) => boolean): Coverage {
	const all = new Set(pairs.map((p) => p.iso3));
	const passing = new Set(pairs.filter(test).map((p) => p.iso3));
	return coverage(passing.size, all.size);
}

/** §5.3: the trend rules, shared by the action and the single-State status. */
function trendOf(input: ActionInput, baseline: number, pairs: PairResult[], counts: Counts) {
	const trendCoverage = stateCoverage(pairs, (p) => p.trend !== 'insufficient');
	const netTrend = ratio(
		counts.improving - counts.worsening,
		counts.improving + counts.stable + counts.worsening
	);
	let trend: ActionTrend;
	if (input.indicators.length === 0) trend = 'no_indicators';
	else if (pairs.length === 0) trend = 'not_applicable';
	else if (input.year <= baseline) trend = 'insufficient_data';
	else if ((trendCoverage.share as number) < MIN_COVERAGE || netTrend === null) trend = 'insufficient_data';
	else if (netTrend >= NET_TREND_THRESHOLD) trend = 'improving';
	else if (netTrend <= -NET_TREND_THRESHOLD) trend = 'worsening';
	else trend = 'stable';
	return { trend, trendCoverage, netTrend };
}

function breakdown(input: ActionInput, pairs: readonly PairResult[]): IndicatorBreakdown[] {
	return input.indicators.map((ind) => {
		const own = pairs.filter((p) => p.indicator_id === ind.indicator_id);
		return {
			indicator_id: ind.indicator_id,
			hasTarget: isValue(ind.target),
			coverage: coverage(own.filter((p) => p.value !== null).length, own.length),
			...count(own)
		};
	});
}

/** §5: the status of an action in a year — what an overview tile shows. */
export function actionStatus(input: ActionInput): ActionStatus {
	const baseline = input.baseline ?? BASELINE_YEAR;
	const pairs = evaluatePairs(input, baseline);
	const counts = count(pairs);
	const cov = stateCoverage(pairs, (p) => p.value !== null);
	const shareMet = ratio(counts.met, counts.met + counts.notMet);

	let level: ActionLevel;
	if (input.indicators.length === 0) level = 'no_indicators';
	else if (pairs.length === 0) level = 'not_applicable';
	else if (pairs.every((p) => p.level === 'no_target')) level = 'trend_only';
	else if ((cov.share as number) < MIN_COVERAGE || shareMet === null) level = 'insufficient_data';
	else if (shareMet >= ON_TRACK_THRESHOLD) level = 'on_track';
	else if (shareMet >= PARTIAL_THRESHOLD) level = 'partial';
	else level = 'off_track';

	return {
		year: input.year,
		baseline,
		level,
		...trendOf(input, baseline, pairs, counts),
		coverage: cov,
		shareMet,
		counts,
		indicators: breakdown(input, pairs),
		pairs
	};
}

/**
 * §5.4: one State on one action. The same pairs, restricted to this State; the level says
 * whether it met all, some or none of the targets it reported on; the trend uses the action's
 * net-trend thresholds on this State's pairs. No minimum coverage for the level: coverage
 * (indicators reported ÷ indicators concerning the State) is shown beside it instead.
 */
export function stateActionStatus(input: ActionInput & { iso3: string }): StateActionStatus {
	const only = (id: string, year: number) => (input.applicable(id, year).includes(input.iso3) ? [input.iso3] : []);
	const own: ActionInput = { ...input, applicable: only };
	const baseline = input.baseline ?? BASELINE_YEAR;
	const pairs = evaluatePairs(own, baseline);
	const counts = count(pairs);

	let level: StateActionLevel;
	if (input.indicators.length === 0) level = 'no_indicators';
	else if (pairs.length === 0) level = 'not_applicable';
	else if (pairs.every((p) => p.level === 'no_target')) level = 'trend_only';
	else if (counts.met + counts.notMet === 0) level = 'not_reported';
	else if (counts.notMet === 0) level = 'met_all';
	else if (counts.met === 0) level = 'met_none';
	else level = 'met_some';

	return {
		iso3: input.iso3,
		year: input.year,
		baseline,
		level,
		...trendOf(own, baseline, pairs, counts),
		coverage: coverage(pairs.filter((p) => p.value !== null).length, pairs.length),
		shareMet: ratio(counts.met, counts.met + counts.notMet),
		counts,
		indicators: breakdown(own, pairs),
		pairs
	};
}

/** What a page shows of an action's status: level, trend and coverage (no pairs, so it travels light). */
export type ActionSummary = Pick<ActionStatus, 'level' | 'trend' | 'coverage' | 'netTrend'>;
/** What a page shows of one State's status on an action. */
export type StateActionSummary = Pick<StateActionStatus, 'level' | 'trend' | 'coverage'>;

export function actionSummary(s: ActionStatus): ActionSummary {
	return { level: s.level, trend: s.trend, coverage: s.coverage, netTrend: s.netTrend };
}

export function stateActionSummary(s: StateActionStatus): StateActionSummary {
	return { level: s.level, trend: s.trend, coverage: s.coverage };
}
