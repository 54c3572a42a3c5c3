import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { useBundledPlan } from '$lib/testing/bundled-db';
import { loadCommitteeTables } from '../committees';
import { overview } from '../plan';
import { actionParams, actionStateRows, actionView } from './action';
import { committeeParams, committeeView, draftView } from './committee';
import { countriesParams, countriesView, countryRows, yearChoices } from './countries';
import { countryParams, countryView } from './country';
import { overviewParams, overviewView } from './overview';
import { prerenderedPages } from './pages';
import { NO_QUERY, sourceOf } from './source';

const ctx = useBundledPlan();
const query = (q: Record<string, string>) => (name: string) => q[name] ?? null;

describe('the prerendered answers', () => {
	it('are plain data of at most 30 KB gzip each, one per page', async () => {
		const pages = await prerenderedPages(sourceOf(ctx.conn));
		expect(pages.filter((p) => p.path.startsWith('/actions/'))).toHaveLength(50);
		expect(pages.filter((p) => p.path.startsWith('/countries/'))).toHaveLength(ctx.data.states.length);
		expect(new Set(pages.map((p) => p.path)).size).toBe(pages.length);
		for (const p of pages) {
			const view = await p.answer();
			const json = JSON.stringify(view);
			expect(JSON.parse(json), p.path).toEqual(view);
			expect(gzipSync(json).length, p.path).toBeLessThanOrEqual(30 * 1024);
		}
		// 256 questions: 12 s on a quiet machine, 40 s on two shared cores.
	}, 180_000);

	it('are asked with exactly the parameters an address without a query gives the page', async () => {
		const pages = await prerenderedPages(sourceOf(ctx.conn));
		expect(pages.find((p) => p.path === '/')?.params).toEqual(overviewParams(NO_QUERY));
		expect(pages.find((p) => p.path === '/actions/21')?.params).toEqual(actionParams(21, NO_QUERY));
		expect(pages.find((p) => p.path === '/countries/KHM')?.params).toEqual(countryParams('khm', NO_QUERY));
		expect(pages.find((p) => p.path === '/committees/article5')?.params).toEqual(committeeParams('article5', NO_QUERY));
	});
});

describe('the pages’ questions on the bundled data', () => {
	it('the overview opens on the current year (2024), says it chose it, and groups 50 actions in 8 sections', async () => {
		const v = await overviewView(sourceOf(ctx.conn), overviewParams(NO_QUERY));
		expect(v.year).toEqual({ value: 2024, defaulted: true, fallback: 2024 });
		expect(v.sections).toHaveLength(8);
		expect(v.sections.flatMap((s) => s.tiles.map((t) => t.action.action))).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
		// The chart's counts are the tiles' levels, section by section.
		const tiles = overview(ctx.data, 2024);
		for (const s of v.sections)
			for (const c of v.levels.filter((l) => l.section === s.section))
				expect(c.actions, `${s.section} ${c.level}`).toBe(tiles.filter((t) => t.action.section === s.section && t.status.level === c.level).length);
		expect(v.levels.reduce((n, c) => n + c.actions, 0)).toBe(50);
		const asked = await overviewView(sourceOf(ctx.conn), overviewParams(query({ year: '2022' })));
		expect(asked.year).toEqual({ value: 2022, defaulted: false, fallback: 2024 });
	});

	it('an action page sorts and narrows its States table as the address asks', async () => {
		const v = await actionView(sourceOf(ctx.conn), actionParams(21, NO_QUERY));
		expect(v.action?.action).toBe(21);
		const byName = actionStateRows(v.states, { key: 'name', descending: false }, null).map((r) => r.name);
		expect(byName).toEqual([...byName].sort((a, b) => a.localeCompare(b)));
		const byReported = actionStateRows(v.states, { key: 'reported', descending: true }, null).map((r) => r.status.coverage.reported);
		expect(byReported).toEqual([...byReported].sort((a, b) => b - a));
		expect(actionStateRows(v.states, { key: 'name', descending: false }, 'KHM').map((r) => r.iso3)).toEqual(['KHM']);
		expect((await actionView(sourceOf(ctx.conn), actionParams(99, NO_QUERY))).action).toBeNull();
	});

	it('the States list filters by group and party status on a day, and offers the ended years', async () => {
		const v = await countriesView(sourceOf(ctx.conn), countriesParams(NO_QUERY));
		expect(v.year.value).toBe(2024);
		const rows = (f: Partial<Parameters<typeof countryRows>[1]>) =>
			countryRows(v.states, { region: '', obligation: '', group: '', status: '', q: '', ...f }, { key: 'name', descending: false }, '2026-11-30').map((s) => s.iso3);
		expect(rows({ group: 'withdrawing' })).toEqual(['EST', 'FIN', 'LVA', 'LTU', 'POL']);
		expect(rows({ status: 'withdrawn' })).toEqual(['EST', 'FIN', 'LVA', 'LTU', 'POL']);
		expect(rows({ q: 'khm' })).toEqual(['KHM']);
		expect(yearChoices('2026-11-30', 2024)).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025]);
		const map = await countriesView(sourceOf(ctx.conn), countriesParams(query({ map: 'A21.1' })));
		expect(map.map?.indicator.indicator_id).toBe('A21.1');
		expect(map.map!.values.length).toBe(ctx.data.applicable('A21.1', 2024).length);
	});

	it('a profile opens on the current year and says when the State did not report in it', async () => {
		const v = await countryView(sourceOf(ctx.conn), countryParams('KHM', NO_QUERY));
		expect(v.facts?.state.iso3).toBe('KHM');
		expect(v.year).toMatchObject({ value: 2024, defaulted: true });
		expect(v.lastReported).not.toBeNull();
		expect((await countryView(sourceOf(ctx.conn), countryParams('XYZ', NO_QUERY))).facts).toBeNull();
	});

	it('a committee opens on the default meeting (IM2025: reports on 2024) and says its members are unknown then', async () => {
		const v = await committeeView(sourceOf(ctx.conn), committeeParams('article5', NO_QUERY));
		expect(v.meeting).toMatchObject({ value: 'IM2025', defaulted: true });
		expect(v.dataYear).toBe(2024);
		// The bundled data name no Article 5 committee member for 2025.
		expect(v.membersKnown).toBe(false);
		const tables = await loadCommitteeTables(ctx.conn);
		expect(tables.members.some((m) => m.committee === 'article5' && m.year === 2025)).toBe(false);
		const im2024 = await committeeView(sourceOf(ctx.conn), committeeParams('article5', query({ meeting: 'IM2024' })));
		expect(im2024.meeting).toMatchObject({ value: 'IM2024', defaulted: false });
		expect(im2024.previousMeeting).toBe('IM2023');
		expect(im2024.worklist.length).toBeGreaterThan(0);
		const unknown = await committeeView(sourceOf(ctx.conn), committeeParams('article5', query({ meeting: 'XX' })));
		expect(unknown.meetingKnown).toBe(false);
		expect(unknown.worklist).toEqual([]);
	});

	it('a draft without a State opens on the first State of the worklist and says so; with one, lists its facts', async () => {
		const none = await draftView(sourceOf(ctx.conn), { id: 'article5', meeting: 'IM2024', iso3: null });
		const list = await committeeView(sourceOf(ctx.conn), committeeParams('article5', query({ meeting: 'IM2024' })));
		expect(none.choices.map((c) => c.iso3)).toEqual(list.worklist.map((r) => r.iso3));
		expect(none.asked).toMatchObject({ value: list.worklist[0].iso3, defaulted: true });
		expect(none.state?.iso3).toBe(list.worklist[0].iso3);
		expect(none.facts.length).toBeGreaterThan(0);
		const unknown = await draftView(sourceOf(ctx.conn), { id: 'article5', meeting: 'IM2024', iso3: 'XYZ' });
		expect(unknown.state).toBeNull();
		expect(unknown.asked).toMatchObject({ value: 'XYZ', defaulted: false });
		expect(unknown.facts).toEqual([]);
		const khm = await draftView(sourceOf(ctx.conn), { id: 'article5', meeting: null, iso3: 'khm' });
		expect(khm.meeting).toMatchObject({ value: 'IM2025', defaulted: true });
		expect(khm.state).toEqual({ iso3: 'KHM', name: 'Cambodia' });
		expect(khm.facts.some((f) => f.id === 'deadline')).toBe(true);
	});
});
