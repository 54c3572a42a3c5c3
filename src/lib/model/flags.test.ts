import { describe, expect, it } from 'vitest';
import { computeFlags, flagsFor, type FlagInput } from './flags';
import { deadlineStatus, type DeadlineFacts, type ExtensionFacts } from './deadline-status';
import { deadlineRow, MEETINGS } from '$lib/testing/deadline-rows';

const meetings = MEETINGS;
/** A deadline row as the data have it; the flags read its status on the meeting's first day (§15). */
const row = (r: Partial<DeadlineFacts> = {}) => deadlineRow({ extensions: 1, source: 'ISU', ...r });
const ext = (new_deadline: string): ExtensionFacts[] => [{ article: 5, sequence: 1, granted_at: '4RC', granted_year: 2019, new_deadline, source: 'ISU 4RC' }];
const a5 = (r: Partial<DeadlineFacts> = {}, date = '2024-06-18') => deadlineStatus(row(r), ext(r.current_deadline ?? '2025-12-31'), meetings, date);

const base: FlagInput = {
	iso3: 'KHM',
	name: 'Cambodia',
	meetingDate: '2024-06-18',
	dataYear: 2023,
	article5: a5(),
	projection: { status: 'on_track', projectedYear: 2024 },
	article7: { indicator_id: 'A48.1', label: 'Article 7 report submitted', value: 1, source: 'demonstration' },
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
		const [withYear] = computeFlags({ ...base, projection: { status: 'beyond_deadline', projectedYear: 2028 } });
		expect([withYear.sentence, withYear.params]).toEqual(['deadline_at_risk', { state: 'Cambodia', date: '2025-12-31', on: '2024-06-18', dataYear: 2023, year: 2028 }]);
		const [noYear] = computeFlags({ ...base, projection: { status: 'no_progress', projectedYear: null } });
		expect([noYear.sentence, noYear.params.status]).toEqual(['deadline_at_risk_no_year', 'no_progress']);
	});

	it('does not flag a far deadline or a missing projection', () => {
		expect(ids({ article5: a5({ current_deadline: '2026-06-19' }), projection: { status: 'beyond_deadline', projectedYear: 2040 } })).toEqual([]);
		expect(ids({ article5: a5({ current_deadline: '2026-06-18' }), projection: { status: 'beyond_deadline', projectedYear: 2040 } })).toEqual(['deadline_at_risk']);
		expect(ids({ projection: null })).toEqual([]);
	});

	it('flags a deadline that passed before the meeting, but not a completed obligation', () => {
		expect(ids({ article5: a5({ current_deadline: '2024-03-01' }) })).toEqual(['deadline_passed']);
		expect(ids({ article5: a5({ current_deadline: '2024-03-01', status: 'completed', completion_declared: '2024-05-01' }) })).toEqual([]);
	});

	it('never flags "deadline passed" for a deadline that passed after the data end: "not in the data" instead', () => {
		const after = a5({ current_deadline: '2025-01-01', as_of: '2024-11-25', request_meeting: '5RC', request_known_from: '2024-06-18', request_decision: 'not_in_data' }, '2025-06-17');
		expect(ids({ meetingDate: '2025-06-17', article5: after })).toEqual(['decision_not_in_data']);
		const flag = computeFlags({ ...base, meetingDate: '2025-06-17', article5: after })[0];
		expect(flag.sentence).toBe('decision_not_in_data');
		expect(flag.params).toEqual({ state: 'Cambodia', date: '2025-01-01', on: '2025-06-17', asOf: '2024-11-25' });
		expect(flag.source).toBe('ISU 4RC');
		expect(flag.demo).toBe(false);
	});

	it('flags an extension request only while it is pending', () => {
		const r = { request_meeting: '5RC', request_known_from: '2024-06-18', request_decision: 'not_in_data', as_of: '2024-11-25' } as const;
		expect(ids({ article5: a5(r, '2024-06-18') })).toEqual(['extension_request']);
		expect(ids({ article5: a5(r, '2024-06-17') })).toEqual([]);
		expect(ids({ meetingDate: '2024-11-29', article5: a5(r, '2024-11-29') })).toEqual([]);
	});

	it('flags no Article 7 report for the year, whether recorded as 0 or missing', () => {
		const a7 = (value: number | null) => computeFlags({ ...base, article7: { indicator_id: 'A48.1', label: 'Article 7 report submitted', value, source: 'demonstration' } });
		expect(a7(0).map((f) => [f.id, f.sentence])).toEqual([['no_article7', 'no_article7']]);
		// Not reported is not "did not submit": the sentence says the data do not tell.
		expect(a7(null).map((f) => [f.id, f.sentence])).toEqual([['no_article7', 'no_article7_unknown']]);
		expect(a7(0)[0].params).toEqual({ state: 'Cambodia', year: 2023, label: 'Article 7 report submitted' });
		expect(a7(0)[0].demo).toBe(true);
		expect(ids({ article7: null })).toEqual([]);
	});

	it('flags totals reported without their sex and age breakdown', () => {
		const d = (total: number | null, breakdownRows: number) => ({ indicator_id: 'A36.1', label: 'casualties', total, breakdownRows, source: 'd' });
		expect(ids({ disaggregation: [d(12, 0)] })).toEqual(['no_disaggregation']);
		expect(computeFlags({ ...base, disaggregation: [d(12, 0)] })[0].items).toEqual([{ label: 'casualties', value: 12 }]);
		expect(ids({ disaggregation: [d(12, 4)] })).toEqual([]);
		expect(ids({ disaggregation: [d(null, 0)] })).toEqual([]);
	});

	it('flags a missed Article 4 deadline and retained mines reported without their use', () => {
		const art4 = (as_of: string | null) => deadlineStatus(row({ article: 4, original_deadline: '2008-03-01', current_deadline: '2008-03-01', status: 'missed', as_of }), [], meetings, '2024-06-18');
		expect(ids({ article4: art4('2024-06-18') })).toEqual(['missed_article4']);
		// Without a date the facts are known to, not even a long-passed deadline is stated as missed.
		expect(ids({ article4: art4(null) })).toEqual([]);
		const r = { indicator_id: 'A16.1', label: 'Mines retained', usedIndicator: 'A16.2', source: 'd' };
		expect(ids({ retained: { ...r, value: 100, used: null } })).toEqual(['retained_no_use']);
		expect(ids({ retained: { ...r, value: 100, used: 0 } })).toEqual([]);
		expect(ids({ retained: { ...r, value: 0, used: null } })).toEqual([]);
	});

	it('keeps only the flags in a committee’s mandate, each with its numbers and a query', () => {
		const all = computeFlags({ ...base, article7: { indicator_id: 'A48.1', label: 'Article 7 report submitted', value: 0, source: 'd' }, article4: deadlineStatus(row({ article: 4, original_deadline: '2008-03-01', current_deadline: '2008-03-01', status: 'missed', as_of: '2024-06-18' }), [], meetings, '2024-06-18') });
		expect(flagsFor('article5', all).map((f) => f.id)).toEqual(['no_article7']);
		expect(flagsFor('president', all).map((f) => f.id)).toEqual(['no_article7', 'missed_article4']);
		for (const f of all) {
			expect(f.params.state).toBe('Cambodia');
			expect(f.source.length).toBeGreaterThan(0);
			expect(f.sql).toMatch(/^SELECT/);
		}
	});
});
