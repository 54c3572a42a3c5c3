import { describe, expect, it } from 'vitest';
import { assessmentCounts, assessmentMatrix, changesSince } from './summary';
import type { ObservationDraft } from './types';

const draft = (meeting: string, iso3: string, actions: ObservationDraft['actions']): ObservationDraft => ({
	meeting, committee: 'article5', iso3, status: 'draft', text: '', actions, updated_at: '', author: ''
});

describe('summaries of the drafted assessments', () => {
	const now = [
		draft('IM2024', 'KHM', { 21: { assessment: 'progress', text: '' }, 22: { assessment: 'concern', text: '' } }),
		draft('IM2024', 'AFG', { 21: { assessment: 'information_requested', text: '' }, 23: { assessment: 'no_assessment', text: '' } })
	];
	it('puts each assessed State × action in the matrix', () => {
		expect(assessmentMatrix(now)).toEqual([
			{ iso3: 'KHM', action: 21, assessment: 'progress' },
			{ iso3: 'KHM', action: 22, assessment: 'concern' },
			{ iso3: 'AFG', action: 21, assessment: 'information_requested' },
			{ iso3: 'AFG', action: 23, assessment: 'no_assessment' }
		]);
	});
	it('counts assessments of each kind', () => {
		expect(assessmentCounts(now)).toEqual([
			{ assessment: 'progress', count: 1 },
			{ assessment: 'information_requested', count: 1 },
			{ assessment: 'concern', count: 1 },
			{ assessment: 'no_assessment', count: 1 }
		]);
	});
	it('compares with the previous meeting: improved, unchanged, worsened, new', () => {
		const before = [draft('IM2023', 'KHM', { 21: { assessment: 'concern', text: '' }, 22: { assessment: 'concern', text: '' } }), draft('IM2023', 'AFG', { 21: { assessment: 'progress', text: '' } })];
		expect(changesSince(before, now)).toEqual([
			{ change: 'improved', count: 1 },
			{ change: 'unchanged', count: 1 },
			{ change: 'worsened', count: 1 },
			{ change: 'new', count: 0 }
		]);
		expect(changesSince([], now).find((c) => c.change === 'new')!.count).toBe(3);
	});
});
