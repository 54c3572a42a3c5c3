import { describe, expect, it } from 'vitest';
import {
	HORIZON_YEARS,
	MARGIN_YEARS,
	MIN_RATE_POINTS,
	PROJECTION_REASONS,
	PROJECTION_STATUSES,
	RATE_POINTS,
	RATE_WINDOW_YEARS,
	endOfDayAsYear,
	projectCompletion,
	type ProjectionInput,
	type YearValue
} from './projection';

/** {2022: 30, 2023: null} → [{year: 2022, value: 30}, {year: 2023, value: null}] */
const ser = (o: Record<number, number | null>): YearValue[] =>
	Object.entries(o).map(([year, value]) => ({ year: Number(year), value }));

/** 20 km² left at the end of 2024, 5 km² released in each of 2022–2024: done in 2028. */
const base: ProjectionInput = {
	remaining: ser({ 2022: 30, 2023: 25, 2024: 20 }),
	released: ser({ 2022: 5, 2023: 5, 2024: 5 }),
	deadline: '2030-03-01'
};
const run = (over: Partial<ProjectionInput> = {}) => projectCompletion({ ...base, ...over });
const reasons = (over: Partial<ProjectionInput> = {}) =>
	run(over).reasons;

describe('constants of the projection (METHOD §12.1)', () => {
	it('keeps the values of the specification', () => {
		expect([RATE_POINTS, MIN_RATE_POINTS, RATE_WINDOW_YEARS]).toEqual([3, 3, 5]);
		expect([HORIZON_YEARS, MARGIN_YEARS]).toEqual([30, 1]);
	});
});

describe('endOfDayAsYear', () => {
	it('puts the end of 31 December at the start of the next year, and counts leap years', () => {
		expect(endOfDayAsYear('2025-12-31')).toBe(2026);
		expect(endOfDayAsYear('2030-03-01')).toBeCloseTo(2030 + 60 / 365, 12);
		expect(endOfDayAsYear('2028-03-01')).toBeCloseTo(2028 + 61 / 366, 12);
		expect(endOfDayAsYear('2029-01-01')).toBeCloseTo(2029 + 1 / 365, 12);
	});
});

describe('projectCompletion — the projection (§12.2, §12.3)', () => {
	it('projects at the mean of the last 3 releases, from the latest remaining area', () => {
		const p = run();
		expect(p).toMatchObject({
			status: 'on_track',
			rate: 5,
			remaining: 20,
			baseYear: 2024,
			asOfYear: 2024,
			pointsUsed: 3,
			rateYears: [2022, 2023, 2024],
			projectedYear: 2028,
			deadline: '2030-03-01',
			reasons: []
		});
		// end of 1 March 2030 minus end of 2028
		expect(p.marginYears).toBeCloseTo(1 + 60 / 365, 10);
	});

	it('gives the chart the reported values, then the projected line from the latest one down to 0', () => {
		expect(run().path).toEqual([
			{ year: 2022, value: 30, kind: 'reported' },
			{ year: 2023, value: 25, kind: 'reported' },
			{ year: 2024, value: 20, kind: 'reported' },
			{ year: 2024, value: 20, kind: 'projected' },
			{ year: 2025, value: 15, kind: 'projected' },
			{ year: 2026, value: 10, kind: 'projected' },
			{ year: 2027, value: 5, kind: 'projected' },
			{ year: 2028, value: 0, kind: 'projected' }
		]);
	});

	it('rounds up to the year the area reaches 0, and the last projected step stops at 0', () => {
		const p = run({ remaining: ser({ 2024: 21 }) });
		expect(p.projectedYear).toBe(2029);
		expect(p.path.at(-2)).toEqual({ year: 2028, value: 1, kind: 'projected' });
		expect(p.path.at(-1)).toEqual({ year: 2029, value: 0, kind: 'projected' });
	});

	it('uses only the last 3 release values, and none after the base year', () => {
		const p = run({ released: ser({ 2020: 100, 2021: 1, 2022: 4, 2023: 5, 2024: 6, 2025: 50 }) });
		expect(p.rateYears).toEqual([2022, 2023, 2024]);
		expect(p.rate).toBe(5);
	});

	it('rounds to 12 significant digits before rounding up (§6): 1.1 ÷ 0.1 is 11 years, not 12', () => {
		const p = run({ remaining: ser({ 2024: 1.1 }), released: ser({ 2022: 0.1, 2023: 0.1, 2024: 0.1 }) });
		expect(p.rate).toBe(0.1);
		expect(p.projectedYear).toBe(2035);
	});
});

describe('projectCompletion — too few points: never a projection (§12.3 rules 5–6)', () => {
	it.each([
		['one release value', { 2024: 5 }, 1],
		['two release values', { 2023: 5, 2024: 5 }, 2],
		['a third value outside the 5-year window', { 2019: 5, 2023: 5, 2024: 5 }, 2],
		['no release value', {}, 0]
	])('%s → insufficient_data, no rate, no projected year, no projected line', (_n, released, points) => {
		const p = run({ released: ser(released) });
		expect(p).toMatchObject({ status: 'insufficient_data', rate: null, projectedYear: null, marginYears: null });
		expect(p.pointsUsed).toBe(points);
		expect(p.reasons).toContain('too_few_points');
		expect(p.path.every((q) => q.kind === 'reported')).toBe(true);
	});

	it('accepts the oldest year of the window (base − 4)', () => {
		expect(run({ released: ser({ 2020: 5, 2023: 5, 2024: 5 }) })).toMatchObject({ status: 'on_track', pointsUsed: 3 });
	});

	it('with a single remaining value but 3 releases, still projects (the rate comes from releases)', () => {
		expect(run({ remaining: ser({ 2024: 20 }) })).toMatchObject({ status: 'on_track', projectedYear: 2028 });
	});
});

describe('projectCompletion — gaps are skipped, never zero', () => {
	it('takes the last 3 years that have a value, and says so', () => {
		const p = run({ released: ser({ 2020: 4, 2021: null, 2022: 5, 2024: 6 }) });
		expect(p.rateYears).toEqual([2020, 2022, 2024]);
		expect(p.rate).toBe(5);
		expect(p.reasons).toContain('gaps');
	});

	it('ignores null and non-finite values rather than counting them as 0', () => {
		const p = run({ released: ser({ 2021: 4, 2022: null, 2023: 6, 2024: 5 }) });
		expect(p.rate).toBe(5);
		expect(run({ released: [...ser({ 2021: 4, 2023: 6, 2024: 5 }), { year: 2022, value: NaN }] }).rate).toBe(5);
	});

	it('starts from the latest remaining value reported; gaps in it are not drawn as values', () => {
		const p = run({ remaining: ser({ 2020: 40, 2022: null, 2024: 20 }) });
		expect(p.baseYear).toBe(2024);
		expect(p.path.filter((q) => q.kind === 'reported').map((q) => q.year)).toEqual([2020, 2024]);
	});

	it('does not flag consecutive years as gaps', () => {
		expect(reasons()).not.toContain('gaps');
	});
});

describe('projectCompletion — no clearance (rate 0, §12.3 rule 7)', () => {
	const zero = { released: ser({ 2022: 0, 2023: 0, 2024: 0 }) };
	it('is no_progress: rate 0, no projected year, a flat line to the horizon', () => {
		const p = run(zero);
		expect(p).toMatchObject({ status: 'no_progress', rate: 0, projectedYear: null, marginYears: null });
		expect(p.reasons).toEqual(['no_release']);
		const line = p.path.filter((q) => q.kind === 'projected');
		expect(line).toHaveLength(HORIZON_YEARS + 1);
		expect(line.every((q) => q.value === 20)).toBe(true);
		expect(line.at(-1)!.year).toBe(2024 + HORIZON_YEARS);
	});
	it('is no_progress without a deadline too', () => {
		expect(run({ ...zero, deadline: null }).status).toBe('no_progress');
	});
	it('is beyond_deadline when the deadline has already passed', () => {
		expect(run({ ...zero, deadline: '2023-03-01' })).toMatchObject({
			status: 'beyond_deadline',
			reasons: ['no_release', 'deadline_passed']
		});
	});
});

describe('projectCompletion — growing contamination (cross-check, §12.2)', () => {
	const growing = {
		remaining: ser({ 2021: 100, 2022: 110, 2023: 120, 2024: 130 }),
		released: ser({ 2022: 10, 2023: 10, 2024: 10 }),
		deadline: '2040-12-31'
	};
	it('turns on_track into at_risk and says why', () => {
		const p = run(growing);
		expect(p.projectedYear).toBe(2037);
		expect(p.marginYears).toBe(3);
		expect(p.status).toBe('at_risk');
		expect(p.reasons).toEqual(['growing']);
	});
	it('leaves beyond_deadline and no_deadline as they are, with the flag', () => {
		expect(run({ ...growing, deadline: '2030-12-31' })).toMatchObject({ status: 'beyond_deadline' });
		expect(reasons({ ...growing, deadline: null })).toEqual(['growing', 'no_deadline']);
	});
	it('compares the start of the window (the year before its first release) with the base year', () => {
		// 100 at the end of 2021 → 90 at the end of 2024: not growing, though it rose in 2022.
		expect(reasons({ ...growing, remaining: ser({ 2021: 100, 2022: 120, 2024: 90 }) })).not.toContain('growing');
		// Only a remaining value before the window: no comparison, no flag.
		expect(reasons({ ...growing, remaining: ser({ 2019: 10, 2024: 130 }) })).not.toContain('growing');
	});
});

describe('projectCompletion — completed (§12.3 rules 1 and 3)', () => {
	it('is completed when the latest remaining area is 0', () => {
		const p = run({ remaining: ser({ 2023: 4, 2024: 0 }) });
		expect(p).toMatchObject({ status: 'completed', projectedYear: null, rate: null, remaining: 0 });
		expect(p.reasons).toEqual(['remaining_zero']);
	});
	it('is completed when completion was declared, whatever the data', () => {
		expect(run({ completionDeclared: '2024-11-20', released: [] })).toMatchObject({
			status: 'completed',
			reasons: ['completion_declared']
		});
	});
	it('ignores a declaration after the last year considered', () => {
		expect(run({ completionDeclared: '2025-06-01' }).status).toBe('on_track');
		expect(run({ completionDeclared: '2024-06-01', asOfYear: 2023 }).status).not.toBe('completed');
	});
	it('projects again when remaining area > 0 is reported for a year after the declaration (re-opened)', () => {
		const p = run({ completionDeclared: '2021-05-01' });
		expect(p.status).toBe('on_track');
		expect(p.reasons).toEqual(['reopened']);
	});
	it("counts deadlines.status 'completed' (end of 2024) only from 2024 on, when no date is given", () => {
		expect(run({ deadlineStatus: 'completed' }).status).toBe('completed');
		const released = ser({ 2021: 5, 2022: 5, 2023: 5 });
		expect(run({ deadlineStatus: 'completed', asOfYear: 2023, released }).status).toBe('on_track');
		expect(run({ deadlineStatus: 'ongoing' }).status).toBe('on_track');
	});
});

describe('projectCompletion — no remaining area, stale data, asOfYear (§12.3 rules 2, 4)', () => {
	it('is insufficient_data without any remaining value', () => {
		const p = run({ remaining: [] });
		expect(p).toMatchObject({ status: 'insufficient_data', remaining: null, baseYear: null, asOfYear: null, path: [] });
		expect(p.reasons).toEqual(['no_remaining']);
		expect(run({ remaining: ser({ 2024: null }) }).status).toBe('insufficient_data');
	});
	it('cuts both series at asOfYear', () => {
		const p = run({ asOfYear: 2023, released: ser({ 2021: 5, 2022: 5, 2023: 5, 2024: 99 }) });
		expect(p).toMatchObject({ baseYear: 2023, remaining: 25, rate: 5, projectedYear: 2028, asOfYear: 2023 });
		expect(p.path.filter((q) => q.kind === 'reported').map((q) => q.year)).toEqual([2022, 2023]);
	});
	it('projects from an older base year within the window, and not from one 5 years old or more', () => {
		expect(run({ asOfYear: 2028 })).toMatchObject({ baseYear: 2024, projectedYear: 2028 });
		const stale = run({ asOfYear: 2029 });
		expect(stale).toMatchObject({ status: 'insufficient_data', projectedYear: null });
		expect(stale.reasons).toEqual(['stale_remaining']);
	});
});

describe('projectCompletion — the deadline (§12.3 rules 8–11)', () => {
	// Projected completion: end of 2028 (= 2029.0).
	it.each([
		['2030-01-01', 'on_track', 1 + 1 / 365],
		['2029-12-31', 'on_track', 1],
		['2029-12-30', 'at_risk', 1 - 1 / 365],
		['2029-03-01', 'at_risk', 60 / 365],
		['2028-12-31', 'at_risk', 0],
		['2028-12-30', 'beyond_deadline', -1 / 366],
		['2028-03-01', 'beyond_deadline', 61 / 366 - 1]
	])('deadline %s → %s (margin %f years)', (deadline, status, margin) => {
		const p = run({ deadline });
		expect(p.status).toBe(status);
		expect(p.marginYears).toBeCloseTo(margin, 10);
	});

	it('without a deadline is no_deadline: the projection is shown, not compared', () => {
		const p = run({ deadline: null });
		expect(p).toMatchObject({ status: 'no_deadline', projectedYear: 2028, marginYears: null, deadline: null });
		expect(p.reasons).toEqual(['no_deadline']);
		expect(run({ deadline: 'unclear' }).status).toBe('no_deadline');
		expect(run({ deadline: '  ' }).status).toBe('no_deadline');
	});

	it('accepts a date-time and keeps the day', () => {
		expect(run({ deadline: '2029-12-31T00:00:00Z' })).toMatchObject({ deadline: '2029-12-31', status: 'on_track' });
	});

	it('a deadline passed with area remaining is beyond_deadline, projection still shown', () => {
		const p = run({ deadline: '2020-03-01' });
		expect(p).toMatchObject({ status: 'beyond_deadline', projectedYear: 2028 });
		expect(p.marginYears!).toBeLessThan(0);
		expect(p.reasons).toEqual(['deadline_passed']);
	});

	it('a deadline on the last day of the base year has passed (area remained at its end)', () => {
		expect(run({ deadline: '2024-12-31' }).reasons).toContain('deadline_passed');
	});

	it('a deadline passed needs no projection: beyond_deadline even with too few points', () => {
		const p = run({ deadline: '2020-03-01', released: ser({ 2024: 5 }) });
		expect(p).toMatchObject({ status: 'beyond_deadline', projectedYear: null, rate: null });
		expect(p.reasons).toEqual(['too_few_points', 'deadline_passed']);
	});
});

describe('projectCompletion — very small rate: capped at the horizon', () => {
	const slow = { remaining: ser({ 2024: 100 }), released: ser({ 2022: 1, 2023: 1, 2024: 1 }) };
	it('shows no projected year beyond 30 years, draws the line to the horizon, and says so', () => {
		const p = run(slow);
		expect(p).toMatchObject({ status: 'beyond_deadline', projectedYear: null, marginYears: null, rate: 1 });
		expect(p.reasons).toEqual(['beyond_horizon']);
		expect(p.path.at(-1)).toEqual({ year: 2024 + HORIZON_YEARS, value: 70, kind: 'projected' });
	});
	it('still compares the uncapped year with the deadline', () => {
		// 100 years → 2124: beyond a (fictitious) 2100 deadline although that is after the horizon.
		expect(run({ ...slow, deadline: '2100-12-31' }).status).toBe('beyond_deadline');
		expect(run({ ...slow, deadline: '2200-12-31' }).status).toBe('on_track');
		expect(run({ ...slow, deadline: null }).status).toBe('no_deadline');
	});
	it('projects exactly 30 years', () => {
		const p = run({ ...slow, remaining: ser({ 2024: 30 }) });
		expect(p.projectedYear).toBe(2054);
		expect(p.reasons).not.toContain('beyond_horizon');
		expect(p.path.at(-1)).toEqual({ year: 2054, value: 0, kind: 'projected' });
	});
});

describe('projectCompletion — demonstration series of data/indicator_values.csv', () => {
	it.each([
		// State, remaining (A18.1), released (A21.1), current deadline → status, projected year
		['AFG', { 2020: 17.08, 2021: 12.21, 2022: 8.69, 2023: 7.28 }, { 2020: 3.49, 2021: 4.87, 2022: 3.52, 2023: 1.41 }, '2030-03-01', 'on_track', 2026],
		['IRQ', { 2021: 7.89, 2022: 6.31, 2024: 4.8 }, { 2021: 3.01, 2022: 2.28, 2024: 0.81 }, '2028-02-01', 'at_risk', 2027],
		['LKA', { 2022: 3.21, 2023: 2.45, 2024: 2.22 }, { 2022: 0.93, 2023: 0.76, 2024: 0.23 }, '2028-06-01', 'beyond_deadline', 2028],
		['AGO', { 2021: 130.86, 2022: 152.77, 2023: 176.91, 2024: 231.21 }, { 2022: 11.85, 2023: 13.47, 2024: 6.05 }, '2025-12-31', 'beyond_deadline', 2047],
		['ERI', { 2021: 38.02, 2023: 30.88, 2024: 26 }, { 2020: 14.97, 2021: 8.05, 2023: 1.66, 2024: 4.88 }, '2024-12-31', 'beyond_deadline', 2030]
	] as const)('%s → %s (%i)', (_s, remaining, released, deadline, status, year) => {
		const p = projectCompletion({ remaining: ser(remaining), released: ser(released), deadline });
		expect(p.status).toBe(status);
		expect(p.projectedYear).toBe(year);
	});
});
