import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import Papa from 'papaparse';
import { useBundledPlan } from '$lib/testing/bundled-db';
import { countryList, groupsOf } from './countries';
import { countryFacts, countryProgress, deadlineEvents, peers } from './country';

const ctx = useBundledPlan();

const csv = (t: string) => Papa.parse<Record<string, string>>(fs.readFileSync(`data/${t}.csv`, 'utf8'), { header: true, skipEmptyLines: true }).data;

describe('the country list', () => {
	it('lists the 166 States Parties and the non-parties', async () => {
		const list = await countryList(ctx.conn, 2024);
		expect(list.filter((s) => s.entry_into_force !== null)).toHaveLength(166);
		// 33 non-parties at the end of 2024, counting Marshall Islands and Tonga, who joined in 2025.
		expect(list.filter((s) => !(s.entry_into_force && s.entry_into_force <= '2024-12-31'))).toHaveLength(33);
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
		expect(rows.every((r) => ctx.data.applicable(ind.indicator_id, 2023).includes(r.iso3))).toBe(true);
		expect(rows.filter((r) => r.self).length).toBeLessThanOrEqual(1);
	});
});
