import { describe, expect, it } from 'vitest';
import { useBundledPlan } from '$lib/testing/bundled-db';
import { actionStatus } from './method-action';
import { midterm, midtermYears, rollUp } from './midterm';
import { indicatorsOf } from './plan';

const ctx = useBundledPlan();

describe('the mid-term review', () => {
	it('defaults to the baseline and 2022, and keeps the latest year beside them', () => {
		expect(midtermYears(ctx.data)).toEqual({ from: 2019, to: 2022, latest: 2024 });
		expect(midtermYears(ctx.data, 2020, 2024)).toEqual({ from: 2020, to: 2024, latest: 2024 });
		// A year outside the ctx.data falls back to the default rather than showing nothing.
		expect(midtermYears(ctx.data, 1990, 2050)).toEqual({ from: 2019, to: 2022, latest: 2024 });
	});

	it('covers all 50 actions with the method’s trend between the two chosen years', () => {
		const rows = midterm(ctx.data, midtermYears(ctx.data, 2020, 2024));
		expect(rows).toHaveLength(50);
		const a21 = rows.find((r) => r.action.action === 21)!;
		const expected = actionStatus({ indicators: indicatorsOf(ctx.data, 21), applicable: ctx.data.applicable, value: ctx.data.value, year: 2024, baseline: 2020 });
		expect(a21.status.trend).toBe(expected.trend);
		expect(a21.coverage.to).toEqual(expected.coverage);
	});

	it('changes the answer when the comparison year changes', () => {
		const a = midterm(ctx.data, midtermYears(ctx.data, 2019, 2022));
		const b = midterm(ctx.data, midtermYears(ctx.data, 2019, 2024));
		expect(a.map((r) => r.status.coverage)).not.toEqual(b.map((r) => r.status.coverage));
	});

	it('rolls actions up by section and by committee, counting each action once', () => {
		const rows = midterm(ctx.data, midtermYears(ctx.data));
		const bySection = rollUp(rows, 'section');
		const byCommittee = rollUp(rows, 'committee');
		expect(bySection).toHaveLength(8);
		expect(byCommittee.map((g) => g.key).sort()).toEqual(['article5', 'cooperation_assistance', 'cooperative_compliance', 'president', 'victim_assistance']);
		for (const groups of [bySection, byCommittee]) {
			expect(groups.flatMap((g) => g.actions)).toHaveLength(50);
			expect(groups.reduce((n, g) => n + Object.values(g.trends).reduce((a, b) => a + b, 0), 0)).toBe(50);
		}
		expect(byCommittee.find((g) => g.key === 'article5')!.actions.map((a) => a.action.action)).toEqual(Array.from({ length: 15 }, (_, i) => 18 + i));
	});
});
