import { describe, expect, it } from 'vitest';
import { BASELINE_YEAR, type IndicatorDef } from './method';
import { actionStatus, stateActionStatus, type ActionInput } from './method-action';
import { applicableFromRows, applicableLookup, valueLookup } from './method-lookup';

const ind = (id: string, o: Partial<IndicatorDef> = {}): IndicatorDef => ({
	indicator_id: id,
	unit: 'count',
	polarity: 'higher_is_better',
	applies_to: 'all',
	target: 10,
	...o
});

/** States S001…Sn. */
const states = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `S${String(i + from).padStart(3, '0')}`);

type V = [indicatorId: string, iso3: string, year: number, value: number];

/** Same applicable States every year unless `byYear` says otherwise. */
function make(
	indicators: IndicatorDef[],
	applicable: Record<string, string[]>,
	values: V[],
	year = 2024,
	extra: Partial<ActionInput> = {}
): ActionInput {
	const map = new Map(values.map(([i, s, y, v]) => [`${i}|${s}|${y}`, v]));
	return {
		indicators,
		applicable: (id) => applicable[id] ?? [],
		value: (id, iso3, y) => map.get(`${id}|${iso3}|${y}`) ?? null,
		year,
		...extra
	};
}

/** n States with value `v` for indicator `id` in `year`. */
const vals = (id: string, isos: string[], year: number, v: number): V[] => isos.map((s) => [id, s, year, v]);

describe('actionStatus: structural cases (§5.1)', () => {
	it("an action without indicators is 'no_indicators' on both axes", () => {
		const r = actionStatus(make([], {}, []));
		expect([r.level, r.trend]).toEqual(['no_indicators', 'no_indicators']);
		expect(r.coverage).toEqual({ reported: 0, applicable: 0, share: null });
	});
	it("an action whose indicators concern no State that year is 'not_applicable'", () => {
		const r = actionStatus(make([ind('A1')], { A1: [] }, []));
		expect([r.level, r.trend]).toEqual(['not_applicable', 'not_applicable']);
	});
	it('defaults the baseline to BASELINE_YEAR', () => {
		expect(actionStatus(make([ind('A1')], { A1: ['S001'] }, [])).baseline).toBe(BASELINE_YEAR);
	});
});

describe('actionStatus: coverage (§5.1)', () => {
	it('counts each State once across indicators, over the union of applicable States', () => {
		const input = make([ind('A1'), ind('A2')], { A1: ['S001', 'S002'], A2: ['S002', 'S003'] }, [
			['A1', 'S002', 2024, 10],
			['A2', 'S002', 2024, 10],
			['A2', 'S003', 2024, 10]
		]);
		expect(actionStatus(input).coverage).toEqual({ reported: 2, applicable: 3, share: 0.666666666667 });
	});
	it('ignores values of States the indicator does not concern that year', () => {
		const input = make([ind('A1')], { A1: ['S001', 'S002'] }, [['A1', 'S001', 2024, 10], ['A1', 'S999', 2024, 10]]);
		expect(actionStatus(input).coverage).toEqual({ reported: 1, applicable: 2, share: 0.5 });
	});
	it('ignores duplicate States in an applicable list', () => {
		const input = make([ind('A1')], { A1: ['S001', 'S001', 'S002'] }, [['A1', 'S001', 2024, 10]]);
		expect(actionStatus(input).coverage).toEqual({ reported: 1, applicable: 2, share: 0.5 });
	});
	it('treats a value that is not a finite number as not reported', () => {
		const input = make([ind('A1')], { A1: ['S001', 'S002'] }, [['A1', 'S001', 2024, Number.NaN]]);
		expect(actionStatus(input).coverage.reported).toBe(0);
	});
	it("coverage just below 50% gives 'insufficient_data'; at and above 50% the level is judged", () => {
		const all = states(100);
		const at = (n: number) => actionStatus(make([ind('A1')], { A1: all }, vals('A1', all.slice(0, n), 2024, 10))).level;
		expect(at(49)).toBe('insufficient_data');
		expect(at(50)).toBe('on_track');
		expect(at(51)).toBe('on_track');
	});
});

describe('actionStatus: level (§5.2)', () => {
	const all = states(100);
	/** 100 States report; `met` of them meet the target. */
	const level = (met: number) =>
		actionStatus(
			make([ind('A1')], { A1: all }, [...vals('A1', all.slice(0, met), 2024, 10), ...vals('A1', all.slice(met), 2024, 0)])
		);

	it('share met just below 75% is partial; at or above 75% is on track', () => {
		expect(level(74).level).toBe('partial');
		expect(level(75).level).toBe('on_track');
		expect(level(76).level).toBe('on_track');
	});
	it('share met just below 40% is off track; at or above 40% is partial', () => {
		expect(level(39).level).toBe('off_track');
		expect(level(40).level).toBe('partial');
		expect(level(41).level).toBe('partial');
	});
	it('reports the share met and the counts behind the level', () => {
		const r = level(75);
		expect(r.shareMet).toBe(0.75);
		expect(r.counts).toMatchObject({ met: 75, notMet: 25 });
	});
	it('does not count a State that did not report as not met', () => {
		const s = states(4);
		const r = actionStatus(make([ind('A1')], { A1: s }, [['A1', 'S001', 2024, 10], ['A1', 'S002', 2024, 10], ['A1', 'S003', 2024, 0]]));
		expect(r.shareMet).toBe(0.666666666667);
		expect(r.level).toBe('partial');
	});
	it("an action with no target is 'trend_only', whatever the coverage", () => {
		const r = actionStatus(make([ind('A1', { target: null })], { A1: states(10) }, []));
		expect(r.level).toBe('trend_only');
	});
	it("is 'trend_only' when the only indicator with a target concerns no State that year", () => {
		const input = make([ind('A1'), ind('A2', { target: null })], { A1: [], A2: ['S001'] }, [['A2', 'S001', 2024, 3]]);
		expect(actionStatus(input).level).toBe('trend_only');
	});
	it("is 'insufficient_data' when coverage comes only from indicators without a target", () => {
		const s = states(4);
		const input = make([ind('A1'), ind('A2', { target: null })], { A1: s, A2: s }, vals('A2', s, 2024, 3));
		const r = actionStatus(input);
		expect(r.coverage.share).toBe(1);
		expect(r.level).toBe('insufficient_data');
	});
	it('pools (State, indicator) pairs over indicators with a target, ignoring those without', () => {
		const s = states(2);
		const input = make([ind('A1'), ind('A2', { target: 5, polarity: 'lower_is_better' }), ind('A3', { target: null })], { A1: s, A2: s, A3: s }, [
			...vals('A1', s, 2024, 10), // 2 met
			...vals('A2', s, 2024, 6), // 2 not met
			...vals('A3', s, 2024, 1)
		]);
		const r = actionStatus(input);
		expect(r.counts).toMatchObject({ met: 2, notMet: 2 });
		expect(r.level).toBe('partial');
	});
});

describe('actionStatus: trend (§5.3)', () => {
	const all = states(100);
	/** 100 States at 100 in 2019; `up` rise by 10%, `down` fall by 10%, the rest unchanged. */
	const trend = (up: number, down: number, year = 2024, reporting = 100) => {
		const v: V[] = [...vals('A1', all, 2019, 100)];
		all.slice(0, reporting).forEach((s, i) => v.push(['A1', s, year, i < up ? 110 : i < up + down ? 90 : 100]));
		return actionStatus(make([ind('A1', { target: null })], { A1: all }, v, year));
	};

	it('net just below +0.10 is stable; at or above +0.10 is improving', () => {
		expect(trend(9, 0).trend).toBe('stable');
		expect(trend(10, 0).trend).toBe('improving');
		expect(trend(11, 0).trend).toBe('improving');
	});
	it('net just above −0.10 is stable; at or below −0.10 is worsening', () => {
		expect(trend(0, 9).trend).toBe('stable');
		expect(trend(0, 10).trend).toBe('worsening');
		expect(trend(0, 11).trend).toBe('worsening');
	});
	it('nets improvement against worsening over all comparable pairs', () => {
		const r = trend(30, 20);
		expect(r.netTrend).toBe(0.1);
		expect(r.counts).toMatchObject({ improving: 30, stable: 50, worsening: 20 });
		expect(r.trend).toBe('improving');
	});
	it("fewer than half the States with a comparable pair gives 'insufficient_data'; half is enough", () => {
		expect(trend(49, 0, 2024, 49).trend).toBe('insufficient_data');
		expect(trend(50, 0, 2024, 50).trend).toBe('improving');
		expect(trend(50, 0, 2024, 50).trendCoverage).toEqual({ reported: 50, applicable: 100, share: 0.5 });
	});
	it("has no trend in the baseline year itself or before it", () => {
		expect(trend(100, 0, 2019).trend).toBe('insufficient_data');
		expect(trend(100, 0, 2018).trend).toBe('insufficient_data');
		expect(trend(100, 0, 2020).trend).toBe('improving');
	});
	it('compares with another baseline when asked (mid-term to end)', () => {
		const input = make([ind('A1')], { A1: ['S001'] }, [['A1', 'S001', 2022, 100], ['A1', 'S001', 2024, 80]], 2024, {
			baseline: 2022
		});
		const r = actionStatus(input);
		expect([r.baseline, r.trend]).toEqual([2022, 'worsening']);
	});
	it('does not compare a State that was not concerned by the indicator at baseline', () => {
		const input: ActionInput = {
			indicators: [ind('A1')],
			applicable: (_id, year) => (year >= 2021 ? ['S001', 'S002'] : ['S001']),
			value: (_id, iso3, year) => (year === 2019 ? 100 : iso3 === 'S001' ? 100 : 200),
			year: 2024
		};
		const r = actionStatus(input);
		expect(r.pairs.find((p) => p.iso3 === 'S002')).toMatchObject({ baselineValue: null, trend: 'insufficient' });
		expect(r.trendCoverage).toEqual({ reported: 1, applicable: 2, share: 0.5 });
		expect(r.trend).toBe('stable');
	});
});

describe('actionStatus: how we got here', () => {
	it('gives per-indicator coverage and counts, and every pair with both values', () => {
		const input = make([ind('A1'), ind('A2', { target: null })], { A1: ['S001', 'S002'], A2: ['S001'] }, [
			['A1', 'S001', 2019, 5],
			['A1', 'S001', 2024, 10],
			['A2', 'S001', 2024, 1]
		]);
		const r = actionStatus(input);
		expect(r.indicators).toEqual([
			{ indicator_id: 'A1', hasTarget: true, coverage: { reported: 1, applicable: 2, share: 0.5 }, met: 1, notMet: 0, improving: 1, stable: 0, worsening: 0 },
			{ indicator_id: 'A2', hasTarget: false, coverage: { reported: 1, applicable: 1, share: 1 }, met: 0, notMet: 0, improving: 0, stable: 0, worsening: 0 }
		]);
		expect(r.pairs).toContainEqual({ indicator_id: 'A1', iso3: 'S001', value: 10, baselineValue: 5, level: 'met', trend: 'improving' });
		expect(r.pairs).toContainEqual({ indicator_id: 'A1', iso3: 'S002', value: null, baselineValue: null, level: 'not_reported', trend: 'insufficient' });
	});
});

describe('stateActionStatus (§5.4)', () => {
	const s = ['S001', 'S002'];
	const two = [ind('A1'), ind('A2')];
	const one = (iso3: string, input: ActionInput) => stateActionStatus({ ...input, iso3 });

	it("is 'no_indicators' for an action without indicators", () => {
		expect(one('S001', make([], {}, [])).level).toBe('no_indicators');
	});
	it("is 'not_applicable' when no indicator of the action concerns the State that year", () => {
		const r = one('S009', make(two, { A1: s, A2: s }, []));
		expect([r.level, r.trend]).toEqual(['not_applicable', 'not_applicable']);
	});
	it('met every target it reported on: met_all; some: met_some; none: met_none', () => {
		const v: V[] = [['A1', 'S001', 2024, 10], ['A2', 'S001', 2024, 10], ['A1', 'S002', 2024, 10], ['A2', 'S002', 2024, 0]];
		expect(one('S001', make(two, { A1: s, A2: s }, v)).level).toBe('met_all');
		expect(one('S002', make(two, { A1: s, A2: s }, v)).level).toBe('met_some');
		expect(one('S002', make(two, { A1: s, A2: s }, [['A1', 'S002', 2024, 0]])).level).toBe('met_none');
	});
	it('judges only what the State reported, and shows its indicator coverage beside it', () => {
		const r = one('S001', make(two, { A1: s, A2: s }, [['A1', 'S001', 2024, 10]]));
		expect(r.level).toBe('met_all');
		expect(r.coverage).toEqual({ reported: 1, applicable: 2, share: 0.5 });
	});
	it("is 'not_reported' when it reported no indicator with a target, even if it reported others", () => {
		const input = make([ind('A1'), ind('A2', { target: null })], { A1: s, A2: s }, [['A2', 'S001', 2024, 4]]);
		expect(one('S001', input).level).toBe('not_reported');
	});
	it("is 'trend_only' when no indicator concerning the State has a target", () => {
		const input = make([ind('A1'), ind('A2', { target: null })], { A1: ['S002'], A2: s }, []);
		expect(one('S001', input).level).toBe('trend_only');
	});
	it("applies the action's net-trend thresholds to the State's own pairs", () => {
		const ids = Array.from({ length: 10 }, (_, i) => `A${i + 1}`);
		const inds = ids.map((id) => ind(id));
		const app = Object.fromEntries(ids.map((id) => [id, s]));
		const v = (up: number, down: number): V[] =>
			ids.flatMap((id, i): V[] => [[id, 'S001', 2019, 100], [id, 'S001', 2024, i < up ? 110 : i < up + down ? 90 : 100]]);
		expect(one('S001', make(inds, app, v(1, 0))).trend).toBe('improving'); // net 0.1
		expect(one('S001', make(inds, app, v(1, 1))).trend).toBe('stable');
		expect(one('S001', make(inds, app, v(0, 1))).trend).toBe('worsening');
	});
	it("has trend 'insufficient_data' without any comparable pair, or in the baseline year", () => {
		expect(one('S001', make(two, { A1: s, A2: s }, [['A1', 'S001', 2024, 10]])).trend).toBe('insufficient_data');
		const v: V[] = [['A1', 'S001', 2019, 1]];
		expect(one('S001', make(two, { A1: s, A2: s }, v, 2019)).trend).toBe('insufficient_data');
	});
	it("is not affected by other States' values", () => {
		const v: V[] = [['A1', 'S001', 2024, 10], ...vals('A1', ['S002'], 2024, 0), ...vals('A2', ['S002'], 2024, 0)];
		const r = one('S001', make(two, { A1: s, A2: s }, v));
		expect(r.counts).toMatchObject({ met: 1, notMet: 0 });
		expect(r.pairs.every((p) => p.iso3 === 'S001')).toBe(true);
	});
});

describe('lookups from plain rows', () => {
	const defs = [ind('V1', { unit: 'persons' }), ind('P1', { unit: 'percent', applies_to: 'article5' })];

	it('valueLookup applies the state value rule per indicator, State and year', () => {
		const value = valueLookup(
			[
				{ indicator_id: 'V1', iso3: 'KHM', year: 2024, value: 3, sex: 'female', age_group: null },
				{ indicator_id: 'V1', iso3: 'KHM', year: 2024, value: 4, sex: 'male', age_group: null },
				{ indicator_id: 'P1', iso3: 'KHM', year: 2024, value: 40, sex: 'female', age_group: null },
				{ indicator_id: 'X9', iso3: 'KHM', year: 2024, value: 2 }
			],
			defs
		);
		expect(value('V1', 'KHM', 2024)).toBe(7);
		expect(value('P1', 'KHM', 2024)).toBeNull();
		expect(value('V1', 'KHM', 2023)).toBeNull();
		expect(value('X9', 'KHM', 2024)).toBe(2);
	});
	it('applicableLookup follows party dates and obligations per year', () => {
		const applicable = applicableLookup(
			defs,
			[
				{ iso3: 'KHM', entry_into_force: '2000-01-01', withdrawal_effective: null },
				{ iso3: 'AAA', entry_into_force: '2021-06-01', withdrawal_effective: null }
			],
			[{ iso3: 'KHM', obligation: 'article5', from_year: 2000, to_year: 2022 }]
		);
		expect(applicable('V1', 2020)).toEqual(['KHM']);
		expect(applicable('V1', 2021)).toEqual(['AAA', 'KHM']);
		expect(applicable('P1', 2022)).toEqual(['KHM']);
		expect(applicable('P1', 2023)).toEqual([]);
		expect(applicable('ZZ', 2023)).toEqual([]);
	});
	it('applicableFromRows reads precomputed (indicator, State, year) rows', () => {
		const applicable = applicableFromRows([
			{ indicator_id: 'V1', iso3: 'KHM', year: 2024 },
			{ indicator_id: 'V1', iso3: 'AFG', year: 2024 }
		]);
		expect(applicable('V1', 2024)).toEqual(['KHM', 'AFG']);
		expect(applicable('V1', 2023)).toEqual([]);
	});
});

describe('the worked example of docs/METHOD.md §5.5', () => {
	const X1 = ind('X.1', { unit: 'yes_no', target: 1 });
	const X2 = ind('X.2', { unit: 'km2', polarity: 'lower_is_better', applies_to: 'article5', target: null });
	const input = make([X1, X2], { 'X.1': ['A', 'B', 'C', 'D'], 'X.2': ['C', 'D'] }, [
		['X.1', 'A', 2019, 0], ['X.1', 'B', 2019, 0], ['X.1', 'C', 2019, 1], ['X.1', 'D', 2019, 0],
		['X.1', 'A', 2024, 1], ['X.1', 'B', 2024, 0], ['X.1', 'C', 2024, 1],
		['X.2', 'C', 2019, 100], ['X.2', 'D', 2019, 50],
		['X.2', 'C', 2024, 80], ['X.2', 'D', 2024, 50]
	]);

	it('gives the action the level, trend and figures the specification shows', () => {
		const r = actionStatus(input);
		expect(r.coverage).toEqual({ reported: 4, applicable: 4, share: 1 });
		expect(r.shareMet).toBe(0.666666666667);
		expect(r.level).toBe('partial');
		expect(r.counts).toEqual({ met: 2, notMet: 1, improving: 2, stable: 3, worsening: 0 });
		expect(r.netTrend).toBe(0.4);
		expect(r.trendCoverage).toEqual({ reported: 4, applicable: 4, share: 1 });
		expect(r.trend).toBe('improving');
	});
	it('gives States C and D the statuses the specification shows', () => {
		const c = stateActionStatus({ ...input, iso3: 'C' });
		const d = stateActionStatus({ ...input, iso3: 'D' });
		expect([c.level, c.trend, c.netTrend]).toEqual(['met_all', 'improving', 0.5]);
		expect([d.level, d.trend, d.coverage]).toEqual(['not_reported', 'stable', { reported: 1, applicable: 2, share: 0.5 }]);
	});
});
