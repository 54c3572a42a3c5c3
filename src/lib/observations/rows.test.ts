import { describe, expect, it } from 'vitest';
import { COMMITTEES, ASSESSMENTS } from '$lib/data/schema';
import { parseObservationsFile, toCsv, toJson } from './formats';
import { draftToRows, rowsToDrafts } from './rows';
import type { ObservationDraft, ObservationRow } from './types';

/** mulberry32: a tiny seeded PRNG so the "property" cases are the same on every run. */
function prng(seed: number): () => number {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const TEXTS = ['', 'Progress noted.', 'نلاحظ التقدم المحرز.', 'Прогресс отмечен.', '=SUM(A1)', "'@x", '-1 team; +2', 'Line one\n\nLine two, "quoted"'];

function randomDraft(rand: () => number): ObservationDraft {
	const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
	const actions: ObservationDraft['actions'] = {};
	const n = Math.floor(rand() * 6);
	for (let i = 0; i < n; i++) actions[1 + Math.floor(rand() * 50)] = { assessment: pick(ASSESSMENTS), text: pick(TEXTS) };
	return {
		meeting: pick(['IM2024', '21MSP']),
		committee: pick(COMMITTEES),
		iso3: pick(['KHM', 'AFG', 'UKR', 'YEM']),
		status: pick(['draft', 'agreed'] as const),
		text: pick(TEXTS),
		actions,
		updated_at: pick(['', '2024-05-01T10:00:00Z', '2024-06-18T08:30:00.000Z']),
		author: pick(['', 'Article 5 Committee', 'Ms A'])
	};
}

const base: ObservationDraft = {
	meeting: 'IM2024',
	committee: 'article5',
	iso3: 'KHM',
	status: 'agreed',
	text: 'General.',
	actions: { 27: { assessment: 'concern', text: '' }, 3: { assessment: 'progress', text: 'Good.' } },
	updated_at: '2024-06-01T00:00:00Z',
	author: 'Ms A'
};

describe('draftToRows', () => {
	it('emits the general row first, then actions sorted, status copied to every row', () => {
		const rows = draftToRows(base);
		expect(rows.map((r) => r.action)).toEqual([null, 3, 27]);
		expect(rows.every((r) => r.status === 'agreed')).toBe(true);
		expect(rows[0]).toMatchObject({ assessment: null, text: 'General.' });
		expect(rows[2]).toMatchObject({ assessment: 'concern', text: null });
	});

	it('always emits the general row, even with empty text, because it carries the status', () => {
		const rows = draftToRows({ ...base, text: '', actions: {} });
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ action: null, text: null, status: 'agreed' });
	});
});

describe('rowsToDrafts', () => {
	it('round-trips a few dozen generated drafts exactly', () => {
		const rand = prng(20240618);
		for (let i = 0; i < 48; i++) {
			const d = randomDraft(rand);
			expect(rowsToDrafts(draftToRows(d))).toEqual([d]);
		}
	});

	it('round-trips the same drafts through a CSV file and a JSON file', () => {
		const rand = prng(7);
		const drafts = rowsToDrafts(Array.from({ length: 30 }, () => draftToRows(randomDraft(rand))).flat());
		const rows = drafts.flatMap(draftToRows);
		expect(rowsToDrafts(parseObservationsFile('a.csv', toCsv(rows)))).toEqual(drafts);
		expect(rowsToDrafts(parseObservationsFile('a.json', toJson(rows)))).toEqual(drafts);
	});

	it('groups rows of several States and sorts drafts by key', () => {
		const other = { ...base, iso3: 'AFG' };
		const drafts = rowsToDrafts([...draftToRows(base), ...draftToRows(other)].reverse());
		expect(drafts).toEqual([other, base]);
	});

	it('without a general row: text empty, agreed only if every action row is agreed', () => {
		const actionsOnly = draftToRows(base).slice(1);
		expect(rowsToDrafts(actionsOnly)[0]).toMatchObject({ text: '', status: 'agreed' });
		const mixed: ObservationRow[] = [actionsOnly[0], { ...actionsOnly[1], status: 'draft' }];
		expect(rowsToDrafts(mixed)[0].status).toBe('draft');
	});

	it('takes author and updated_at from the newest row, and reads a missing assessment as no_assessment', () => {
		const [general, a3] = draftToRows(base);
		const later: ObservationRow = { ...a3, assessment: null, updated_at: '2024-07-01T09:00:00+02:00', author: 'Mr B' };
		const d = rowsToDrafts([general, later])[0];
		expect(d).toMatchObject({ author: 'Mr B', updated_at: '2024-07-01T09:00:00+02:00' });
		expect(d.actions[3]).toEqual({ assessment: 'no_assessment', text: 'Good.' });
	});
});
