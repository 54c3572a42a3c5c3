import { describe, expect, it } from 'vitest';
import { mergeImport, resolve } from './conflicts';
import type { ObservationDraft } from './types';

const mine: ObservationDraft = {
	meeting: 'IM2024',
	committee: 'article5',
	iso3: 'KHM',
	status: 'draft',
	text: 'Progress in survey.',
	actions: { 18: { assessment: 'progress', text: 'Good.' }, 21: { assessment: 'concern', text: '' } },
	updated_at: '2024-06-01T10:00:00Z',
	author: 'Ms A'
};
const withAction = (n: number, a: Partial<ObservationDraft['actions'][number]>): ObservationDraft => ({
	...mine,
	actions: { ...mine.actions, [n]: { ...mine.actions[n], ...a } }
});

describe('mergeImport', () => {
	it('adds a draft that exists only in the import', () => {
		const afg = { ...mine, iso3: 'AFG' };
		expect(mergeImport([mine], [afg])).toEqual({ added: [afg], identical: [], conflicts: [] });
	});

	it('counts an equal draft as identical, whoever wrote it and when, and despite CRLF/trailing spaces', () => {
		const same = { ...mine, text: 'Progress in survey. \r\n', updated_at: '2025-01-01T00:00:00Z', author: 'Mr B' };
		expect(mergeImport([mine], [same])).toEqual({ added: [], identical: [same], conflicts: [] });
	});

	it('flags a different general text or status as a conflict', () => {
		const text = { ...mine, text: 'Concern about survey.' };
		const status = { ...mine, status: 'agreed' as const };
		const r = mergeImport([mine], [text, status]);
		expect(r.conflicts.map((c) => c.theirs)).toEqual([text, status]);
		expect(r.conflicts[0]).toEqual({ key: 'IM2024|article5|KHM', mine, theirs: text });
	});

	it('flags a conflict in only one action’s assessment', () => {
		const theirs = withAction(21, { assessment: 'information_requested' });
		expect(mergeImport([mine], [theirs]).conflicts).toEqual([{ key: 'IM2024|article5|KHM', mine, theirs }]);
	});

	it('flags a different action note, and an action present on one side only', () => {
		const note = withAction(18, { text: 'Very good.' });
		const extra = { ...mine, actions: { ...mine.actions, 30: { assessment: 'progress' as const, text: '' } } };
		const fewer = { ...mine, actions: { 18: mine.actions[18] } };
		expect(mergeImport([mine], [note, extra, fewer]).conflicts).toHaveLength(3);
		expect(mergeImport([extra], [mine]).conflicts).toHaveLength(1);
	});

	it('two files of one import about the same State: the second is compared with the first, never replaces it unseen', () => {
		const afg = { ...mine, iso3: 'AFG' };
		const afgAgain = { ...afg, author: 'Mr B' };
		const afgOther = { ...afg, text: 'A different text.' };
		const r = mergeImport([mine], [afg, afgAgain, afgOther]);
		expect(r.added).toEqual([afg]);
		expect(r.identical).toEqual([afgAgain]);
		expect(r.conflicts).toEqual([{ key: 'IM2024|article5|AFG', mine: afg, theirs: afgOther }]);
	});

	it('keeps States and committees apart: same State, other committee is an addition', () => {
		const other = { ...mine, committee: 'victim_assistance' as const, text: 'Different.' };
		expect(mergeImport([mine], [other]).added).toEqual([other]);
	});
});

describe('resolve', () => {
	const theirs = withAction(21, { assessment: 'progress' });
	const conflict = { key: 'IM2024|article5|KHM', mine, theirs };
	it('returns the chosen side', () => {
		expect(resolve(conflict, 'mine')).toEqual(mine);
		expect(resolve(conflict, 'theirs')).toEqual(theirs);
	});
	it('returns a copy, so editing it leaves the conflict untouched', () => {
		const r = resolve(conflict, 'theirs');
		r.actions[21].text = 'edited';
		expect(theirs.actions[21].text).toBe('');
	});
});
