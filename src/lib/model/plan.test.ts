import { describe, expect, it } from 'vitest';
import { useBundledPlan } from '$lib/testing/bundled-db';
import { actionStates, indicatorSeries } from './action';
import { ACTION_LEVELS, ACTION_TRENDS, actionStatus } from './method-action';
import { baselineFor, indicatorsOf, keyFigures, overview, withdrawnBy } from './plan';

const ctx = useBundledPlan();

async function published(metric: string, year: number): Promise<number> {
	const r = await ctx.conn.query<{ value: number }>(`SELECT value FROM published_figures WHERE metric = '${metric}' AND year = ${year}`);
	return r[0].value;
}

describe('the plan on the bundled data', () => {
	it('has all 50 actions, each with a status', () => {
		const tiles = overview(ctx.data, 2024);
		expect(tiles.map((t) => t.action.action)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
		for (const t of tiles) {
			expect(ACTION_LEVELS).toContain(t.status.level);
			expect(ACTION_TRENDS).toContain(t.status.trend);
			// Each tile is the method applied to that action's own indicators, in 2024, from the baseline.
			expect(t.indicators).toEqual(indicatorsOf(ctx.data, t.action.action));
			expect(t.status).toEqual(actionStatus({ indicators: t.indicators, applicable: ctx.data.applicable, value: ctx.data.value, year: 2024, baseline: 2019 }));
			expect(t.status.coverage.reported).toBeLessThanOrEqual(t.status.coverage.applicable);
		}
		// The bundled data judge most actions: not every tile can be the same status.
		expect(new Set(tiles.map((t) => t.status.level)).size).toBeGreaterThan(1);
	});

	it('counts States Parties by date, matching the published figure for the end of 2024', async () => {
		expect(keyFigures(ctx.data, 2024).parties).toBe(await published('states_parties_total', 2024));
		// Marshall Islands and Tonga joined in 2025; the Baltic withdrawals took effect in Dec 2025.
		expect(keyFigures(ctx.data, 2025).parties).toBe(164 + 2 - 3);
	});

	it('counts withdrawals that have taken effect by a given day', () => {
		expect(withdrawnBy(ctx.data.states, '2025-12-01')).toBe(0);
		// Estonia, Latvia and Lithuania on 2025-12-27, Finland on 2026-01-10, Poland on 2026-02-20.
		expect(withdrawnBy(ctx.data.states, '2025-12-27')).toBe(3);
		expect(withdrawnBy(ctx.data.states, '2026-03-01')).toBe(5);
	});

	it('uses 2019 as the baseline when the ctx.data have it', () => {
		expect(ctx.data.years[0]).toBe(2019);
		expect(baselineFor(ctx.data)).toBe(2019);
	});

	it('summarises an indicator per year over the States it applies to only', () => {
		const ind = indicatorsOf(ctx.data, 21)[0];
		const points = indicatorSeries(ctx.data, ind);
		expect(points.map((p) => p.year)).toEqual(ctx.data.years);
		for (const p of points) {
			expect(p.reporting).toBeLessThanOrEqual(p.applicable);
			expect(p.applicable).toBe(ctx.data.applicable(ind.indicator_id, p.year).length);
		}
	});

	it('lists on an action page exactly the States its indicators concern', () => {
		const rows = actionStates(ctx.data, 21, 2024, 2019);
		const concerned = new Set(indicatorsOf(ctx.data, 21).flatMap((i) => ctx.data.applicable(i.indicator_id, 2024)));
		expect(new Set(rows.map((r) => r.iso3))).toEqual(concerned);
	});
});
