import { beforeAll, describe, expect, it } from 'vitest';
import { useBundledPlan } from '$lib/testing/bundled-db';
import { loadCommitteeTables, meetingDate, type CommitteeTables } from './committees';
import { stateFacts } from './facts';

const ctx = useBundledPlan();
let tables: CommitteeTables;
beforeAll(async () => {
	tables = await loadCommitteeTables(ctx.conn);
});
const on = (code: string) => meetingDate(tables.meetings.find((m) => m.code === code)!);
const deadline = (iso3: string, date: string) => stateFacts(ctx.data, tables, 'article5', iso3, 2024, 2019, date).find((f) => f.id === 'deadline');

describe('facts for a preliminary observation (METHOD.md §15)', () => {
	it('states the deadline in force on the meeting’s first day, with the decision behind it', () => {
		// The 22MSP decided Cambodia's request on its last day: on its first day the 4RC deadline stands.
		expect(deadline('KHM', on('22MSP'))).toMatchObject({ key: 'fact.deadline', params: { state: 'Cambodia', on: '2025-12-01', date: '2025-12-31' } });
		const later = deadline('KHM', '2026-06-01')!;
		expect(later).toMatchObject({ key: 'fact.deadlineLastKnown', params: { date: '2030-12-31', asOf: '2025-12-05' }, demo: false });
		expect(later.source).toMatch(/^Extension granted by the 22MSP \(2025\)/);
	});

	it('says "not in the data" for a deadline that passed after the data end, never "passed"', () => {
		for (const iso3 of ['TCD', 'ERI', 'SRB']) {
			const f = deadline(iso3, on('IM2025'))!;
			expect(f.key, iso3).toBe('fact.deadlineNotInData');
			expect(f.params.asOf, iso3).toBe('2024-11-25');
		}
		expect(deadline('OMN', on('IM2025'))).toMatchObject({ key: 'fact.completionReported', params: { year: 2025 } });
	});

	it('marks figures resting on demonstration values, following the values’ source, not the definition’s', () => {
		const facts = stateFacts(ctx.data, tables, 'article5', 'AFG', 2023, 2019, on('IM2024'));
		const values = facts.filter((f) => f.key === 'fact.value');
		expect(values.length).toBeGreaterThan(0);
		// Each names the State and the year it speaks for.
		for (const f of facts) expect(f.params.state).toBe('Afghanistan');
		for (const f of values) expect(f.params.year).toBe(2023);
		for (const f of values) expect(f).toMatchObject({ demo: true, source: 'demonstration' });

		// A sourced definition does not hide demonstration values…
		const sourcedDefinitions = { ...ctx.data, indicators: ctx.data.indicators.map((i) => ({ ...i, source: 'OAP indicator annex' })) };
		for (const f of stateFacts(sourcedDefinitions, tables, 'article5', 'AFG', 2023, 2019, on('IM2024')).filter((x) => x.key === 'fact.value')) expect(f.demo).toBe(true);
		// …and reported values under a demonstration definition are not called demonstration values.
		const reported = { ...ctx.data, valueSourcesOf: () => ['Article 7 report of Afghanistan, 2024'] };
		for (const f of stateFacts(reported, tables, 'article5', 'AFG', 2023, 2019, on('IM2024')).filter((x) => x.key === 'fact.value'))
			expect(f).toMatchObject({ demo: false, source: 'Article 7 report of Afghanistan, 2024' });
	});
});
