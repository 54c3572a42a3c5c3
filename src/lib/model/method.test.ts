import { describe, expect, it } from 'vitest';
import {
	BASELINE_YEAR,
	END_YEAR,
	MIDTERM_YEAR,
	MIN_COVERAGE,
	NET_TREND_THRESHOLD,
	ON_TRACK_THRESHOLD,
	PARTIAL_THRESHOLD,
	TREND_THRESHOLD,
	applicableStates,
	appliesTo,
	isParty,
	partyDay,
	partyStatus,
	relativeChange,
	rounded,
	stateLevel,
	stateTrend,
	stateValue,
	type IndicatorDef,
	type StateObligation,
	type StateRecord,
	type Unit
} from './method';

const state = (iso3: string, entry: string | null, withdrawal: string | null = null): StateRecord => ({
	iso3,
	entry_into_force: entry,
	withdrawal_effective: withdrawal
});
const higher = { polarity: 'higher_is_better', unit: 'count' } as const;
const lower = { polarity: 'lower_is_better', unit: 'count' } as const;

describe('constants of method v1', () => {
	it('keeps the years and thresholds of the specification', () => {
		expect([BASELINE_YEAR, MIDTERM_YEAR, END_YEAR]).toEqual([2019, 2022, 2024]);
		expect(TREND_THRESHOLD).toBe(0.05);
		expect(NET_TREND_THRESHOLD).toBe(0.1);
		expect(MIN_COVERAGE).toBe(0.5);
		expect([ON_TRACK_THRESHOLD, PARTIAL_THRESHOLD]).toEqual([0.75, 0.4]);
	});
});

describe('isParty (§1.1): entry_into_force ≤ day < withdrawal_effective', () => {
	it('counts a State from the day its entry into force, not the day before', () => {
		expect(isParty(state('AAA', '2019-12-31'), '2019-12-31')).toBe(true);
		expect(isParty(state('AAA', '2019-12-31'), '2019-12-30')).toBe(false);
	});
	it('never counts a State without an entry-into-force date', () => {
		expect(isParty(state('AAA', null), '2024-12-31')).toBe(false);
		expect(isParty(state('AAA', ''), '2024-12-31')).toBe(false);
		expect(isParty(state('AAA', '   '), '2024-12-31')).toBe(false);
	});
	it('counts a State up to the day before its withdrawal takes effect, not on that day', () => {
		const s = state('AAA', '1999-03-01', '2025-12-27');
		expect(isParty(s, '2025-12-26')).toBe(true);
		expect(isParty(s, '2025-12-27')).toBe(false);
	});
	it('treats an empty withdrawal date as no withdrawal', () => {
		expect(isParty(state('AAA', '1999-03-01', ''), '2024-12-31')).toBe(true);
	});
	it('reads only the date part of a timestamp', () => {
		expect(isParty(state('AAA', '2019-12-31T23:00:00Z'), '2019-12-31')).toBe(true);
	});
	it('asks about 31 December for a year: a State that withdrew during the year is not a party in it', () => {
		expect(partyDay(2025)).toBe('2025-12-31');
		expect(isParty(state('LTU', '2003-11-01', '2025-12-27'), partyDay(2025))).toBe(false);
		expect(isParty(state('FIN', '2012-07-01', '2026-01-10'), partyDay(2025))).toBe(true);
		expect(isParty(state('TON', '2025-12-01'), partyDay(2025))).toBe(true);
	});
	it('tells a withdrawn State from one that was never a party', () => {
		const s = state('AAA', '1999-03-01', '2025-12-27');
		expect(partyStatus(s, '2025-12-26')).toBe('party');
		expect(partyStatus(s, '2025-12-27')).toBe('withdrawn');
		expect(partyStatus(state('USA', null), '2025-12-27')).toBe('not_party');
		expect(partyStatus(state('TON', '2025-12-01'), '2025-06-01')).toBe('not_party');
	});
});

describe('appliesTo (§1.2)', () => {
	const all = { applies_to: 'all' } as const;
	const art5 = { applies_to: 'article5' } as const;
	const khm = state('KHM', '1999-03-01');
	const ob = (from_year: number, to_year: number | null, obligation: StateObligation['obligation'] = 'article5', iso3 = 'KHM'): StateObligation => ({
		iso3,
		obligation,
		from_year,
		to_year
	});

	it("applies an 'all' indicator to every State Party without any obligation row", () => {
		expect(appliesTo(all, khm, [], 2024)).toBe(true);
	});
	it('never applies to a State that is not a party that year, even in the group', () => {
		expect(appliesTo(all, state('USA', null), [], 2024)).toBe(false);
		expect(appliesTo(art5, state('KHM', '2021-01-01'), [ob(2000, null)], 2020)).toBe(false);
	});
	it('applies from from_year inclusive, not the year before', () => {
		expect(appliesTo(art5, khm, [ob(2020, 2022)], 2019)).toBe(false);
		expect(appliesTo(art5, khm, [ob(2020, 2022)], 2020)).toBe(true);
	});
	it('applies up to to_year inclusive, not the year after', () => {
		expect(appliesTo(art5, khm, [ob(2020, 2022)], 2022)).toBe(true);
		expect(appliesTo(art5, khm, [ob(2020, 2022)], 2023)).toBe(false);
	});
	it('treats an empty to_year as open-ended', () => {
		expect(appliesTo(art5, khm, [ob(2000, null)], 2099)).toBe(true);
	});
	it('ignores rows of another group or another State', () => {
		expect(appliesTo(art5, khm, [ob(2000, null, 'article4'), ob(2000, null, 'article5', 'AFG')], 2024)).toBe(false);
	});
	it('applies when any of several rows covers the year (a State that re-entered the group)', () => {
		const rows = [ob(2000, 2010), ob(2020, null)];
		expect(appliesTo(art5, khm, rows, 2015)).toBe(false);
		expect(appliesTo(art5, khm, rows, 2021)).toBe(true);
	});
	it('lists the applicable States sorted by iso3', () => {
		const states = [state('ZWE', '1999-03-01'), state('AFG', '2003-03-01'), state('USA', null)];
		expect(applicableStates(all, states, [], 2024)).toEqual(['AFG', 'ZWE']);
	});
});

describe('stateValue (§2)', () => {
	const total = (value: number | null) => ({ value, sex: null, age_group: null });
	const row = (value: number | null, sex: string | null, age_group: string | null) => ({ value, sex, age_group });

	it('uses the total row when there is one, even beside disaggregated rows', () => {
		expect(stateValue([row(3, 'female', null), total(10), row(4, 'male', null)], 'persons')).toBe(10);
	});
	it('treats empty and blank sex or age group as the total', () => {
		expect(stateValue([{ value: 7, sex: '', age_group: ' ' }], 'percent')).toBe(7);
		expect(stateValue([{ value: 7 }], 'percent')).toBe(7);
	});
	it('returns not reported (null) when there are no rows', () => {
		expect(stateValue([], 'count')).toBeNull();
	});
	it('keeps a reported zero as zero, not as not reported', () => {
		expect(stateValue([total(0)], 'count')).toBe(0);
	});
	it.each<Unit>(['count', 'persons', 'km2', 'usd'])('sums disaggregated rows of the additive unit %s', (unit) => {
		expect(stateValue([row(1.5, 'female', null), row(2, 'male', null), row(0.5, 'unknown', null)], unit)).toBe(4);
	});
	it.each<Unit>(['percent', 'yes_no'])('does not sum disaggregated rows of the non-additive unit %s', (unit) => {
		expect(stateValue([row(40, 'female', null), row(60, 'male', null)], unit)).toBeNull();
	});
	it('sums sex × age rows and ignores overlapping sex-only and age-only rows', () => {
		const rows = [
			row(1, 'female', 'child'),
			row(2, 'female', 'adult'),
			row(3, 'male', 'adult'),
			row(3, 'female', null),
			row(6, null, 'adult')
		];
		expect(stateValue(rows, 'persons')).toBe(6);
	});
	it('sums sex-only rows before age-only rows when there are no sex × age rows', () => {
		expect(stateValue([row(3, 'female', null), row(4, 'male', null), row(100, null, 'adult')], 'persons')).toBe(7);
	});
	it('sums age-only rows when they are the only breakdown', () => {
		expect(stateValue([row(3, null, 'child'), row(4, null, 'adult')], 'persons')).toBe(7);
	});
	it('ignores rows whose value is missing or not a finite number', () => {
		expect(stateValue([total(null), row(2, 'female', null), row(Number.NaN, 'male', null)], 'persons')).toBe(2);
		expect(stateValue([total(Number.NaN)], 'percent')).toBeNull();
	});
});

describe('stateLevel (§3)', () => {
	const hi = (target: number | null): Pick<IndicatorDef, 'target' | 'polarity'> => ({ target, polarity: 'higher_is_better' });
	const lo = (target: number | null): Pick<IndicatorDef, 'target' | 'polarity'> => ({ target, polarity: 'lower_is_better' });

	it("gives 'no_target' for an indicator without a target, reported or not", () => {
		expect(stateLevel(5, hi(null))).toBe('no_target');
		expect(stateLevel(null, hi(null))).toBe('no_target');
	});
	it("gives 'not_reported' for a missing value, never 'not_met'", () => {
		expect(stateLevel(null, hi(10))).toBe('not_reported');
		expect(stateLevel(Number.NaN, hi(10))).toBe('not_reported');
	});
	it('higher is better: just below the target is not met, at or above is met', () => {
		expect(stateLevel(9.999, hi(10))).toBe('not_met');
		expect(stateLevel(10, hi(10))).toBe('met');
		expect(stateLevel(10.001, hi(10))).toBe('met');
	});
	it('lower is better: just above the target is not met, at or below is met', () => {
		expect(stateLevel(10.001, lo(10))).toBe('not_met');
		expect(stateLevel(10, lo(10))).toBe('met');
		expect(stateLevel(9.999, lo(10))).toBe('met');
	});
	it('judges a reported zero against the target', () => {
		expect(stateLevel(0, lo(0))).toBe('met');
		expect(stateLevel(0, hi(1))).toBe('not_met');
	});
	it('is not moved across the target by decimal noise', () => {
		expect(stateLevel(0.1 + 0.2, lo(0.3))).toBe('met');
	});
});

describe('stateTrend (§4)', () => {
	it("gives 'insufficient' when the baseline or the comparison value is missing", () => {
		expect(stateTrend(null, 5, higher)).toBe('insufficient');
		expect(stateTrend(5, null, higher)).toBe('insufficient');
		expect(stateTrend(Number.NaN, 5, higher)).toBe('insufficient');
	});
	it('higher is better: a rise just under 5% is stable, exactly 5% or more is improving', () => {
		expect(stateTrend(100, 104.9, higher)).toBe('stable');
		expect(stateTrend(100, 105, higher)).toBe('improving');
		expect(stateTrend(100, 105.1, higher)).toBe('improving');
	});
	it('higher is better: a fall just under 5% is stable, exactly 5% or more is worsening', () => {
		expect(stateTrend(100, 95.1, higher)).toBe('stable');
		expect(stateTrend(100, 95, higher)).toBe('worsening');
		expect(stateTrend(100, 94.9, higher)).toBe('worsening');
	});
	it('lower is better: the sign is reversed at the same thresholds', () => {
		expect(stateTrend(100, 95, lower)).toBe('improving');
		expect(stateTrend(100, 95.1, lower)).toBe('stable');
		expect(stateTrend(100, 104.9, lower)).toBe('stable');
		expect(stateTrend(100, 105, lower)).toBe('worsening');
	});
	it('no change is stable', () => {
		expect(stateTrend(42, 42, higher)).toBe('stable');
		expect(stateTrend(42, 42, lower)).toBe('stable');
	});
	it('zero baseline: no change is stable, any change decides by its direction', () => {
		expect(stateTrend(0, 0, higher)).toBe('stable');
		expect(stateTrend(0, 0.0001, higher)).toBe('improving');
		expect(stateTrend(0, 1, lower)).toBe('worsening');
		expect(stateTrend(0, -1, lower)).toBe('improving');
	});
	it('yes_no: 0→1 improves, 1→0 worsens, no change (including 1→1) is stable', () => {
		const yn = { unit: 'yes_no', polarity: 'higher_is_better' } as const;
		expect(stateTrend(0, 1, yn)).toBe('improving');
		expect(stateTrend(1, 0, yn)).toBe('worsening');
		expect(stateTrend(1, 1, yn)).toBe('stable');
		expect(stateTrend(0, 0, yn)).toBe('stable');
	});
	it('yes_no with lower is better: 0→1 worsens', () => {
		expect(stateTrend(0, 1, { unit: 'yes_no', polarity: 'lower_is_better' })).toBe('worsening');
	});
	it('divides by the absolute baseline, so a negative baseline keeps the direction', () => {
		expect(stateTrend(-100, -95, higher)).toBe('improving');
		expect(stateTrend(-100, -105, higher)).toBe('worsening');
	});
	it('is not moved across the threshold by decimal noise', () => {
		// (1.155 − 1.1) / 1.1 is 0.04999999999999994 in binary floating point; it is 5%.
		expect(stateTrend(1.1, 1.155, higher)).toBe('improving');
		expect(stateTrend(0.7, 0.665, higher)).toBe('worsening');
	});
});

describe('relativeChange and rounded (§4, §6)', () => {
	it('signs the change so that positive is progress', () => {
		expect(relativeChange(200, 250, 'higher_is_better')).toBe(0.25);
		expect(relativeChange(200, 250, 'lower_is_better')).toBe(-0.25);
	});
	it('has no relative change from a zero or missing baseline', () => {
		expect(relativeChange(0, 5, 'higher_is_better')).toBeNull();
		expect(relativeChange(null, 5, 'higher_is_better')).toBeNull();
	});
	it('rounds to 12 significant digits at any scale', () => {
		expect(rounded(0.1 + 0.2)).toBe(0.3);
		expect(rounded(123456789.00000001)).toBe(123456789);
		expect(rounded(0)).toBe(0);
	});
});
