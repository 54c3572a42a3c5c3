import { describe, expect, it } from 'vitest';
import { computeFlags, flagsFor, type FlagInput } from './flags';

const base: FlagInput = {
	iso3: 'KHM',
	meetingDate: '2024-06-18',
	dataYear: 2023,
	article5: { current_deadline: '2025-12-31', status: 'ongoing', programme_group: null, source: 'ISU' },
	projection: { status: 'on_track', projectedYear: 2024 },
	article7: { indicator_id: 'A48.1', value: 1, source: 'demo' },
	disaggregation: [],
	article4: null,
	retained: null
};
const ids = (i: Partial<FlagInput>) => computeFlags({ ...base, ...i }).map((f) => f.id);

describe('worklist flags (METHOD.md §13)', () => {
	it('raises nothing for a State on track that reported', () => {
		expect(ids({})).toEqual([]);
	});

	it('flags a deadline within 24 months when projected completion is after it', () => {
		expect(ids({ projection: { status: 'beyond_deadline', projectedYear: 2028 } })).toEqual(['deadline_at_risk']);
		// Completion in 2025 ends on 31 Dec 2025: exactly the deadline, not after it.
		expect(ids({ projection: { status: 'at_risk', projectedYear: 2025 } })).toEqual([]);
		expect(ids({ projection: { status: 'at_risk', projectedYear: 2026 } })).toEqual(['deadline_at_risk']);
		expect(ids({ projection: { status: 'no_progress', projectedYear: null } })).toEqual(['deadline_at_risk']);
	});

	it('does not flag a far deadline or a missing projection', () => {
		expect(ids({ article5: { ...base.article5!, current_deadline: '2026-06-19' }, projection: { status: 'beyond_deadline', projectedYear: 2040 } })).toEqual([]);
		expect(ids({ article5: { ...base.article5!, current_deadline: '2026-06-18' }, projection: { status: 'beyond_deadline', projectedYear: 2040 } })).toEqual(['deadline_at_risk']);
		expect(ids({ projection: null })).toEqual([]);
	});

	it('flags a deadline that passed before the meeting, but not a completed obligation', () => {
		expect(ids({ article5: { ...base.article5!, current_deadline: '2024-03-01' } })).toEqual(['deadline_passed']);
		expect(ids({ article5: { ...base.article5!, current_deadline: '2024-03-01', status: 'completed' } })).toEqual([]);
	});

	it('flags an extension request listed in the programme only while it is pending', () => {
		const a5 = { ...base.article5!, programme_group: 'extension request to 5RC (2024)' };
		expect(ids({ article5: a5, extensionDecision: '2024-11-25' })).toEqual(['extension_request']);
		expect(ids({ article5: a5, extensionDecision: '2024-11-25', meetingDate: '2024-11-25' })).toEqual([]);
		expect(ids({ article5: a5, extensionDecision: null })).toEqual([]);
	});

	it('flags no Article 7 report for the year, whether recorded as 0 or missing', () => {
		expect(ids({ article7: { indicator_id: 'A48.1', value: 0, source: 'd' } })).toEqual(['no_article7']);
		expect(ids({ article7: { indicator_id: 'A48.1', value: null, source: 'd' } })).toEqual(['no_article7']);
		expect(ids({ article7: null })).toEqual([]);
	});

	it('flags totals reported without their sex and age breakdown', () => {
		const d = (total: number | null, breakdownRows: number) => ({ indicator_id: 'A36.1', label: 'casualties', total, breakdownRows, source: 'd' });
		expect(ids({ disaggregation: [d(12, 0)] })).toEqual(['no_disaggregation']);
		expect(ids({ disaggregation: [d(12, 4)] })).toEqual([]);
		expect(ids({ disaggregation: [d(null, 0)] })).toEqual([]);
	});

	it('flags a missed Article 4 deadline and retained mines reported without their use', () => {
		expect(ids({ article4: { status: 'missed', current_deadline: '2008-03-01', source: 'ISU' } })).toEqual(['missed_article4']);
		const r = { indicator_id: 'A16.1', usedIndicator: 'A16.2', source: 'd' };
		expect(ids({ retained: { ...r, value: 100, used: null } })).toEqual(['retained_no_use']);
		expect(ids({ retained: { ...r, value: 100, used: 0 } })).toEqual([]);
		expect(ids({ retained: { ...r, value: 0, used: null } })).toEqual([]);
	});

	it('keeps only the flags in a committee’s mandate, each with its numbers and a query', () => {
		const all = computeFlags({ ...base, article7: { indicator_id: 'A48.1', value: 0, source: 'd' }, article4: { status: 'missed', current_deadline: null, source: 'ISU' } });
		expect(flagsFor('article5', all).map((f) => f.id)).toEqual(['no_article7']);
		expect(flagsFor('president', all).map((f) => f.id)).toEqual(['no_article7', 'missed_article4']);
		for (const f of all) {
			expect(f.evidence.length).toBeGreaterThan(0);
			expect(f.sql).toMatch(/^SELECT/);
		}
	});
});
