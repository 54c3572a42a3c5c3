import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import Papa from 'papaparse';
import { useBundledPlan } from '$lib/testing/bundled-db';
import { countryList, groupsOf, partyCounts } from './countries';
import { countryFacts, countryProgress, deadlineEvents, deadlineStatusOf, peers } from './country';
import { countryProjection, countryProjectionOn } from './country-projection';

const ctx = useBundledPlan();

const csv = (t: string) => Papa.parse<Record<string, string>>(fs.readFileSync(`data/${t}.csv`, 'utf8'), { header: true, skipEmptyLines: true }).data;

describe('the country list', () => {
	it('lists the 166 States Parties and the non-parties', async () => {
		const list = await countryList(ctx.conn, 2024);
		expect(list.filter((s) => s.entry_into_force !== null)).toHaveLength(166);
		// 33 non-parties at the end of 2024, counting Marshall Islands and Tonga, who joined in 2025.
		expect(list.filter((s) => !(s.entry_into_force && s.entry_into_force <= '2024-12-31'))).toHaveLength(33);
	});

	it('counts parties with the one party rule: 31 December of the year, and today', async () => {
		const list = await countryList(ctx.conn, 2025);
		expect(partyCounts(list, 2024, '2026-11-30')).toEqual({ partyAtYear: 164, notParty: list.length - 164, partyToday: 166 - 5 });
		// 2025: Marshall Islands and Tonga joined; Estonia, Latvia and Lithuania had left by 31 December.
		expect(partyCounts(list, 2025, '2026-11-30').partyAtYear).toBe(164 + 2 - 3);
	});

	it('puts States in the groups the meetings use', async () => {
		const list = await countryList(ctx.conn, 2024);
		const inGroup = (g: string) => list.filter((s) => s.groups.includes(g as never)).map((s) => s.iso3).sort();
		expect(inGroup('extension_request')).toEqual(['AFG', 'CYP', 'ERI', 'GNB', 'NER', 'OMN', 'PER', 'SRB', 'TCD']);
		expect(inGroup('missed_article4')).toEqual(['GRC', 'UKR']);
		expect(inGroup('withdrawing')).toEqual(['EST', 'FIN', 'LTU', 'LVA', 'POL']);
	});

	it('reads groups from free-text programme notes and missed Article 4 rows', () => {
		const row = { iso3: 'X', article: 4, status: 'missed', programme_group: null } as never;
		expect(groupsOf([row], null)).toEqual(['missed_article4']);
		expect(groupsOf([], '2025-06-27')).toEqual(['withdrawing']);
	});
});

describe('a State profile', () => {
	it('returns null for an unknown code', async () => {
		expect(await countryFacts(ctx.conn, 'XYZ')).toBeNull();
	});

	it.each(['BIH', 'AFG', 'KHM'])('shows the Article 5 timeline of %s exactly as in data/', async (iso3) => {
		const facts = (await countryFacts(ctx.conn, iso3))!;
		const events = deadlineEvents(facts, 5);
		const d = csv('deadlines').find((r) => r.iso3 === iso3 && r.article === '5')!;
		const exts = csv('extensions').filter((r) => r.iso3 === iso3 && r.article === '5' && r.new_deadline);
		expect(events.find((e) => e.kind === 'original_deadline')?.date).toBe(d.original_deadline);
		expect(events.filter((e) => e.kind === 'extension').map((e) => [e.meeting, e.date])).toEqual(exts.map((r) => [r.granted_at, r.new_deadline]));
		const last = events.filter((e) => e.kind === 'extension' || e.kind === 'current_deadline').at(-1);
		expect(last?.date).toBe(d.current_deadline);
	});

	it('lists progress only on actions that concern the State', () => {
		const khm = countryProgress(ctx.data, 'KHM', 2024, 2019);
		const nor = countryProgress(ctx.data, 'NOR', 2024, 2019);
		expect(khm.some((p) => p.action.action === 21)).toBe(true);
		expect(nor.some((p) => p.action.action === 21)).toBe(false);
	});

	it('compares a State with its peers and marks it', () => {
		const ind = ctx.data.indicators.find((i) => i.role === 'remaining_area')!;
		const rows = peers(ctx.data, 'KHM', ind.indicator_id, 2023, 'obligation');
		const concerned = ctx.data.applicable(ind.indicator_id, 2023);
		expect(rows.every((r) => concerned.includes(r.iso3))).toBe(true);
		// Cambodia reported its remaining area for 2023: it is in the comparison, marked, exactly once.
		expect(ctx.data.value(ind.indicator_id, 'KHM', 2023)).not.toBeNull();
		expect(rows.filter((r) => r.self).map((r) => r.iso3)).toEqual(['KHM']);
		// Every peer that reported is there, largest first.
		expect(rows.length).toBe(concerned.filter((iso3) => ctx.data.value(ind.indicator_id, iso3, 2023) !== null).length);
		expect(rows.map((r) => r.value)).toEqual([...rows.map((r) => r.value)].sort((a, b) => b - a));
		// By region: only Asian States.
		const region = peers(ctx.data, 'KHM', ind.indicator_id, 2023, 'region');
		expect(region.length).toBeGreaterThan(0);
		expect(region.every((r) => ctx.data.states.find((s) => s.iso3 === r.iso3)?.region === 'Asia')).toBe(true);
	});

	it('states Cambodia’s 2030-12-31 deadline from the 22MSP after it, the 4RC deadline before it (issue 10)', async () => {
		const facts = (await countryFacts(ctx.conn, 'KHM'))!;
		const now = deadlineStatusOf(facts, 5, '2026-11-30')!;
		expect(now).toMatchObject({ kind: 'in_force', deadline: '2030-12-31', asOf: '2025-12-05', beyondAsOf: true });
		expect(now.basis).toMatchObject({ kind: 'extension', meeting: '22MSP', year: 2025 });
		expect(deadlineStatusOf(facts, 5, '2025-06-17')).toMatchObject({ kind: 'in_force', deadline: '2025-12-31' });
		expect(deadlineEvents(facts, 5).filter((e) => e.kind === 'extension').map((e) => e.meeting)).toEqual(['2RC', '4RC', '22MSP']);
		// The projection compares with the deadline in force, never the stale 2025 one.
		const p = countryProjectionOn(countryProjection(ctx.data, 'KHM'), facts, '2026-11-30')!;
		expect(p.projection.deadline).toBe('2030-12-31');
		expect(p.projection.status).not.toBe('beyond_deadline');
		expect(p.sources[0]).toBe('demonstration');
	});

	it('shows a completion known only by its year as a year, and a request whose decision is not in the data', async () => {
		const omn = (await countryFacts(ctx.conn, 'OMN'))!;
		const completion = deadlineEvents(omn, 5).find((e) => e.kind === 'completion')!;
		expect(completion).toMatchObject({ date: '2025-01-01', precision: 'year' });
		expect(deadlineEvents(omn, 5).find((e) => e.kind === 'request')).toMatchObject({ meeting: '5RC', request: 'decision_not_in_data' });
		expect(deadlineStatusOf(omn, 5, '2025-06-17')).toMatchObject({ kind: 'completion_reported', completion: { year: 2025, date: null } });
		const tcd = (await countryFacts(ctx.conn, 'TCD'))!;
		const p = countryProjectionOn(countryProjection(ctx.data, 'TCD'), tcd, '2026-11-30')!;
		// Chad's deadline after the 5RC is not in the data: the projection is not compared with the stale one.
		expect(p.deadline).toMatchObject({ kind: 'not_in_data', deadline: '2025-01-01' });
		expect(p.projection.deadline).toBeNull();
		expect(p.projection.status).not.toBe('beyond_deadline');
	});
});
