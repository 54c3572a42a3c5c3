import { describe, expect, it } from 'vitest';
import { useBundledPlan } from '$lib/testing/bundled-db';
import { actionStatus } from './method-action';
import { midterm, midtermYears } from './midterm';
import { indicatorsOf } from './plan';
import { sourceOf } from './views/source';
import { midtermView, rollUp } from './views/midterm';

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

	it('changes the answer when the comparison year changes: each action judged in the year compared', () => {
		for (const to of [2022, 2024]) {
			const rows = midterm(ctx.data, midtermYears(ctx.data, 2019, to));
			for (const r of rows) {
				const expected = actionStatus({ indicators: indicatorsOf(ctx.data, r.action.action), applicable: ctx.data.applicable, value: ctx.data.value, year: to, baseline: 2019 });
				expect(r.status.year).toBe(to);
				expect(r.status.coverage, `action ${r.action.action} in ${to}`).toEqual(expected.coverage);
				expect(r.status.trend).toBe(expected.trend);
			}
		}
		// …and the two years do differ somewhere in the bundled data.
		const a = midterm(ctx.data, midtermYears(ctx.data, 2019, 2022));
		const b = midterm(ctx.data, midtermYears(ctx.data, 2019, 2024));
		expect(a.filter((r, i) => r.status.coverage.reported !== b[i].status.coverage.reported).length).toBeGreaterThan(0);
	});

	it('rolls actions up by section and by committee, counting each action once', async () => {
		const { rows } = await midtermView(sourceOf(ctx.conn), { from: null, to: null });
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
