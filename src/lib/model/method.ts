/**
 * Progress method v1 — the rules for one State and one indicator.
 *
 * The specification is docs/METHOD.md; this file follows it rule by rule (section numbers
 * in comments) and method.test.ts tests every rule and threshold edge. The rules that combine
 * States into an action status are in method-action.ts.
 *
 * Pure functions on plain objects: no I/O, no Svelte, no DuckDB.
 */
import type { Polarity, Row } from '../data/schema';
import { unitInfo } from '../data/units';

export const METHOD_VERSION = 'v2';

/**
 * Baseline year. The Oslo Action Plan was adopted in November 2019; the first Article 7
 * reports under it, due 30 April 2020, describe calendar year 2019 — the situation the plan
 * started from.
 */
export const BASELINE_YEAR = 2019;
/** Year of the mid-term of the plan (intersessional meetings, June 2022). */
export const MIDTERM_YEAR = 2022;
/** Last year of the plan (2020–2024). */
export const END_YEAR = 2024;

/** §4: a State's relative change of at least ±5 % counts as a change. */
export const TREND_THRESHOLD = 0.05;
/** §5.3: the action's net trend must reach ±0.10 to count as improving or worsening. */
export const NET_TREND_THRESHOLD = 0.1;
/** §5.1: at least half the States concerned must have reported for a level or trend. */
export const MIN_COVERAGE = 0.5;
/** §5.2: share of targets met for 'on_track' (≥) and 'partial' (≥). */
export const ON_TRACK_THRESHOLD = 0.75;
export const PARTIAL_THRESHOLD = 0.4;

/** Units are open (data/units.ts): the known ones by their canonical code, any other as written. */
export type Unit = string;
export type { Polarity };

/** §2: units whose disaggregated values add up to the total: counts, persons, areas, currencies. */
export const isAdditive = (unit: Unit): boolean => unitInfo(unit).additive;

/** An indicator as the method needs it (extra columns are ignored); an empty (null) target = trend only. */
export type IndicatorDef = Pick<Row<'indicators'>, 'indicator_id' | 'unit' | 'polarity' | 'applies_to' | 'target'>;

/** The columns of a `states` row the party rule needs: dates as 'YYYY-MM-DD' strings, empty as null. */
export type StateRecord = Pick<Row<'states'>, 'iso3' | 'entry_into_force' | 'withdrawal_effective'>;

/** A row of `state_obligations` as the method needs it. */
export type StateObligation = Pick<Row<'state_obligations'>, 'iso3' | 'obligation' | 'from_year' | 'to_year'>;

/**
 * A value of one indicator, State and year as the method takes it (a missing value is null, never
 * zero). Sex and age group are any text here: the method treats blank text as the total (§2).
 */
export type ValueRow = { value: number | null } & Partial<Record<keyof Pick<Row<'indicator_values'>, 'sex' | 'age_group'>, string | null>>;

export const STATE_LEVELS = ['met', 'not_met', 'not_reported', 'no_target'] as const;
export type StateLevel = (typeof STATE_LEVELS)[number];
export const STATE_TRENDS = ['improving', 'stable', 'worsening', 'insufficient'] as const;
export type StateTrend = (typeof STATE_TRENDS)[number];

/** A finite number; anything else (null, NaN, text) is "not reported", never zero. */
export function isValue(v: unknown): v is number {
	return typeof v === 'number' && Number.isFinite(v);
}

/**
 * §6: numbers are rounded to 12 significant digits before any comparison with a threshold
 * or a target, so decimal noise (0.1 + 0.2 = 0.30000000000000004) never moves a result
 * across a threshold.
 */
export function rounded(x: number): number {
	return x === 0 ? 0 : Number(x.toPrecision(12));
}

function blank(s: string | null | undefined): boolean {
	return s == null || s.trim() === '';
}

function day(d: string | null | undefined): string | null {
	return blank(d) ? null : d!.trim().slice(0, 10);
}

/**
 * §1.1 — the one party rule: a State is a State Party on a day when
 * entry_into_force ≤ day < withdrawal_effective (no withdrawal = open). ISO dates compare as strings.
 * Every page, chart, count and flag asks this function; each view chooses its day (§1.1 table).
 */
export function isParty(state: StateRecord, date: string): boolean {
	const entry = day(state.entry_into_force);
	if (entry === null) return false;
	const withdrawal = day(state.withdrawal_effective);
	const d = date.slice(0, 10);
	return entry <= d && (withdrawal === null || withdrawal > d);
}

/** §1.1: the day a year-based view asks about — the year's last day. */
export function partyDay(year: number): string {
	return `${year}-12-31`;
}

export type PartyStatus = 'party' | 'withdrawn' | 'not_party';

/** §1.1: party, withdrawn (its withdrawal has taken effect by that day) or never a party, on a day. */
export function partyStatus(state: StateRecord, date: string): PartyStatus {
	if (isParty(state, date)) return 'party';
	const withdrawal = day(state.withdrawal_effective);
	return withdrawal !== null && withdrawal <= date.slice(0, 10) ? 'withdrawn' : 'not_party';
}

/**
 * §1.2: the State counts in the indicator's denominator for year Y: a party on 31 December of Y and, unless
 * applies_to is 'all', in the group that year (from_year ≤ Y ≤ to_year, empty to_year = open).
 */
export function appliesTo(
	indicator: Pick<IndicatorDef, 'applies_to'>,
	state: StateRecord,
	obligations: readonly StateObligation[],
	year: number
): boolean {
	if (!isParty(state, partyDay(year))) return false;
	if (indicator.applies_to === 'all') return true;
	return obligations.some(
		(o) =>
			o.iso3 === state.iso3 &&
			o.obligation === indicator.applies_to &&
			o.from_year <= year &&
			(o.to_year == null || year <= o.to_year)
	);
}

/** §1: the iso3 codes of the States an indicator concerns in year Y, sorted. */
export function applicableStates(
	indicator: Pick<IndicatorDef, 'applies_to'>,
	states: readonly StateRecord[],
	obligations: readonly StateObligation[],
	year: number
): string[] {
	return states
		.filter((s) => appliesTo(indicator, s, obligations, year))
		.map((s) => s.iso3)
		.sort();
}

/**
 * §2: a State's value for one indicator and year, from that State's rows for that year.
 * The total row (sex and age_group both empty) wins. Without one, an additive unit takes the
 * sum of one disaggregation — sex × age rows if any, else sex-only rows, else age-only rows —
 * so that overlapping breakdowns are never added together. Otherwise: not reported (null).
 */
export function stateValue(rows: readonly ValueRow[], unit: Unit): number | null {
	const valid = rows.filter((r) => isValue(r.value));
	const total = valid.find((r) => blank(r.sex) && blank(r.age_group));
	if (total) return total.value;
	if (!isAdditive(unit)) return null;
	const bySexAndAge = valid.filter((r) => !blank(r.sex) && !blank(r.age_group));
	const bySex = valid.filter((r) => !blank(r.sex) && blank(r.age_group));
	const byAge = valid.filter((r) => blank(r.sex) && !blank(r.age_group));
	const part = [bySexAndAge, bySex, byAge].find((p) => p.length > 0);
	return part ? part.reduce((sum, r) => sum + (r.value as number), 0) : null;
}

/**
 * §3: met / not met against the target. An indicator without a target has no level at all
 * ('no_target', whatever the value); otherwise a missing value is 'not_reported'.
 */
export function stateLevel(
	value: number | null,
	indicator: Pick<IndicatorDef, 'target' | 'polarity'>
): StateLevel {
	const target = indicator.target;
	if (!isValue(target)) return 'no_target';
	if (!isValue(value)) return 'not_reported';
	const v = rounded(value);
	const t = rounded(target);
	const met = indicator.polarity === 'lower_is_better' ? v <= t : v >= t;
	return met ? 'met' : 'not_met';
}

/** +1 when a rise is progress, −1 when a fall is. */
function direction(polarity: Polarity): 1 | -1 {
	return polarity === 'lower_is_better' ? -1 : 1;
}

/**
 * §4: relative change from baseline to comparison, signed so that positive = progress:
 * r = (v_C − v_B) / |v_B| × (−1 for lower_is_better). Null when a value is missing or v_B = 0
 * (no relative change from zero).
 */
export function relativeChange(
	baselineValue: number | null,
	value: number | null,
	polarity: Polarity
): number | null {
	if (!isValue(baselineValue) || !isValue(value) || baselineValue === 0) return null;
	return rounded(((value - baselineValue) / Math.abs(baselineValue)) * direction(polarity));
}

/**
 * §4: a State's trend on one indicator between baseline year B and comparison year C.
 * yes_no and a zero baseline use the sign of the difference (any change counts);
 * otherwise r ≥ +TREND_THRESHOLD improves, r ≤ −TREND_THRESHOLD worsens, between is stable.
 */
export function stateTrend(
	baselineValue: number | null,
	value: number | null,
	indicator: Pick<IndicatorDef, 'unit' | 'polarity'>
): StateTrend {
	if (!isValue(baselineValue) || !isValue(value)) return 'insufficient';
	if (indicator.unit === 'yes_no' || baselineValue === 0) {
		const d = rounded(value - baselineValue) * direction(indicator.polarity);
		return d > 0 ? 'improving' : d < 0 ? 'worsening' : 'stable';
	}
	const r = relativeChange(baselineValue, value, indicator.polarity) as number;
	if (r >= TREND_THRESHOLD) return 'improving';
	if (r <= -TREND_THRESHOLD) return 'worsening';
	return 'stable';
}
