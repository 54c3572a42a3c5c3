import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '$lib/db/connector';
import { bundledDb } from '$lib/testing/bundled-db';
import { actionStates, indicatorSeries } from './action';
import { baselineFor, indicatorsOf, keyFigures, loadPlanData, overview, type PlanData } from './plan';

let conn: Connector;
let data: PlanData;
beforeAll(async () => {
	conn = await bundledDb();
	data = await loadPlanData(conn);
});
afterAll(() => conn.close());

async function published(metric: string, year: number): Promise<number> {
	const r = await conn.query<{ value: number }>(`SELECT value FROM published_figures WHERE metric = '${metric}' AND year = ${year}`);
	return r[0].value;
}

describe('the plan on the bundled data', () => {
	it('has all 50 actions, each with a status', () => {
		const tiles = overview(data, 2024);
		expect(tiles.map((t) => t.action.action)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
		for (const t of tiles) expect(t.status.level).toBeTruthy();
	});

	it('counts States Parties by date, matching the published figure for the end of 2024', async () => {
		expect(keyFigures(data, 2024).parties).toBe(await published('states_parties_total', 2024));
		// Marshall Islands and Tonga joined in 2025; the Baltic withdrawals took effect in Dec 2025.
		expect(keyFigures(data, 2025).parties).toBe(164 + 2 - 3);
	});

	it('counts withdrawals that have taken effect by a given day', () => {
		expect(keyFigures(data, 2024, '2025-12-01').withdrawn).toBe(0);
		expect(keyFigures(data, 2024, '2026-03-01').withdrawn).toBe(5);
	});

	it('uses 2019 as the baseline when the data have it', () => {
		expect(data.years[0]).toBe(2019);
		expect(baselineFor(data)).toBe(2019);
	});

	it('summarises an indicator per year over the States it applies to only', () => {
		const ind = indicatorsOf(data, 21)[0];
		const points = indicatorSeries(data, ind);
		expect(points.map((p) => p.year)).toEqual(data.years);
		for (const p of points) {
			expect(p.reporting).toBeLessThanOrEqual(p.applicable);
			expect(p.applicable).toBe(data.applicable(ind.indicator_id, p.year).length);
		}
	});

	it('lists on an action page exactly the States its indicators concern', () => {
		const rows = actionStates(data, 21, 2024, 2019);
		const concerned = new Set(indicatorsOf(data, 21).flatMap((i) => data.applicable(i.indicator_id, 2024)));
		expect(new Set(rows.map((r) => r.iso3))).toEqual(concerned);
	});
});
