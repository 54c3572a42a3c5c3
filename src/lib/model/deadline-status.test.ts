import { describe, expect, it } from 'vitest';
import { deadlineStatus, deadlineToCompare, requestOn, type DeadlineFacts } from './deadline-status';
import { deadlineRow, extensionRow, MEETINGS } from '$lib/testing/deadline-rows';

const meetings = MEETINGS;
const row = deadlineRow;
const ext = extensionRow;
const khmHistory = [ext(1, '2RC', 2009, '2020-01-01'), ext(2, '4RC', 2019, '2025-12-31')];
const at = (r: DeadlineFacts, date: string, exts = khmHistory) => deadlineStatus(r, exts, meetings, date);

describe('deadline status on a date (METHOD.md §15)', () => {
	it('states the deadline in force before the as-of date, with the decision that set it', () => {
		const s = at(row(), '2024-06-18');
		expect(s).toMatchObject({ kind: 'in_force', deadline: '2025-12-31', beyondAsOf: false, date: '2024-06-18', asOf: '2024-12-31' });
		expect(s.basis).toMatchObject({ kind: 'extension', meeting: '4RC', year: 2019, source: 'ext 4RC' });
	});

	it('applies a meeting’s decision from its last day, not before', () => {
		expect(at(row(), '2019-11-28').deadline).toBe('2020-01-01');
		expect(at(row(), '2019-11-29').deadline).toBe('2025-12-31');
	});

	it('says a deadline passed only on a day the data cover, from the day after the deadline', () => {
		const r = row({ current_deadline: '2024-03-01', as_of: '2024-12-31', extensions: 1 });
		const exts = [ext(1, '4RC', 2019, '2024-03-01')];
		expect(at(r, '2024-03-01', exts).kind).toBe('in_force');
		expect(at(r, '2024-03-02', exts)).toMatchObject({ kind: 'passed', deadline: '2024-03-01' });
		expect(at(r, '2024-12-31', exts).kind).toBe('passed');
	});

	it('after the as-of date, a deadline that falls after it is "not in the data", never "passed"', () => {
		const s = at(row(), '2026-06-01');
		expect(s).toMatchObject({ kind: 'not_in_data', reason: 'after_as_of', deadline: '2025-12-31', beyondAsOf: true });
		// The same row, still before its deadline after as_of: the last known deadline, marked as beyond the data.
		expect(at(row(), '2025-06-01')).toMatchObject({ kind: 'in_force', deadline: '2025-12-31', beyondAsOf: true });
	});

	it('after the as-of date, a deadline that had already passed on it stays passed (as of that date) when nothing was pending', () => {
		const r = row({ current_deadline: '2020-12-31', as_of: '2023-06-01', extensions: 1 });
		expect(at(r, '2025-06-17', [ext(1, '4RC', 2019, '2020-12-31')])).toMatchObject({ kind: 'passed', deadline: '2020-12-31', beyondAsOf: true, asOf: '2023-06-01' });
	});

	it('a request whose decision is not in the data: pending before its meeting, then "decision not in the data", never "passed"', () => {
		const r = row({ current_deadline: '2025-01-01', as_of: '2024-11-25', request_meeting: '5RC', request_known_from: '2024-06-18', request_decision: 'not_in_data' });
		const exts = [ext(1, '4RC', 2019, '2025-01-01')];
		expect(at(r, '2024-01-01', exts).request).toBeNull();
		expect(at(r, '2024-06-18', exts)).toMatchObject({ kind: 'in_force', request: { state: 'pending', meeting: '5RC' } });
		expect(at(r, '2024-12-31', exts)).toMatchObject({ kind: 'in_force', deadline: '2025-01-01', beyondAsOf: true, request: { state: 'decision_not_in_data' } });
		expect(at(r, '2025-06-17', exts)).toMatchObject({ kind: 'not_in_data', deadline: '2025-01-01', request: { state: 'decision_not_in_data' } });
	});

	it('a deadline that passed before the as-of date while a decision is unknown is not "passed" after it', () => {
		const r = row({ current_deadline: '2024-03-01', as_of: '2024-11-25', extensions: 1, request_meeting: '5RC', request_known_from: '2024-06-18', request_decision: 'not_in_data' });
		const exts = [ext(1, '4RC', 2019, '2024-03-01')];
		// Before the meeting the deadline had passed with the request pending: a fact.
		expect(at(r, '2024-06-18', exts)).toMatchObject({ kind: 'passed', request: { state: 'pending' } });
		expect(at(r, '2025-06-17', exts)).toMatchObject({ kind: 'not_in_data', reason: 'decision_not_in_data', deadline: '2024-03-01' });
	});

	it('a request granted to a new deadline with a date moves the deadline on the meeting’s last day', () => {
		const r = row({ current_deadline: '2030-12-31', as_of: '2025-12-05', request_meeting: '22MSP', request_known_from: '2025-12-01', request_decision: 'granted' });
		const exts = [...khmHistory, ext(3, '22MSP', 2025, '2030-12-31')];
		expect(at(r, '2025-12-01', exts)).toMatchObject({ kind: 'in_force', deadline: '2025-12-31', request: { state: 'pending', meeting: '22MSP' } });
		const now = at(r, '2026-11-30', exts);
		expect(now).toMatchObject({ kind: 'in_force', deadline: '2030-12-31', beyondAsOf: true, request: { state: 'granted' } });
		expect(now.basis).toMatchObject({ kind: 'extension', meeting: '22MSP', year: 2025 });
	});

	it('a request granted without a known new date: the old deadline is no longer stated after the meeting', () => {
		const r = row({ current_deadline: null, as_of: '2025-12-05', request_meeting: '22MSP', request_known_from: '2025-12-01', request_decision: 'granted' });
		expect(at(r, '2025-11-30').kind).toBe('in_force');
		expect(at(r, '2025-12-05')).toMatchObject({ kind: 'not_in_data', reason: 'new_date_not_in_data', deadline: '2025-12-31' });
		expect(at(r, '2026-02-01')).toMatchObject({ kind: 'not_in_data', reason: 'new_date_not_in_data' });
	});

	it('a request not decided at its meeting leaves the deadline standing, then "not in the data" after as_of', () => {
		const r = row({ current_deadline: '2026-03-01', as_of: '2025-12-05', request_meeting: '22MSP', request_known_from: '2025-12-01', request_decision: 'not_decided' });
		const exts = [ext(1, '4RC', 2019, '2026-03-01')];
		expect(at(r, '2025-12-05', exts)).toMatchObject({ kind: 'in_force', deadline: '2026-03-01', request: { state: 'not_decided' } });
		expect(at(r, '2026-03-02', exts)).toMatchObject({ kind: 'not_in_data', reason: 'after_as_of' });
	});

	it('a request without a meeting is pending while the facts last, its decision unknown after', () => {
		const r = row({ as_of: '2025-07-07', request_known_from: '2025-07-07', requested_deadline: '2027-12-31', request_decision: 'not_in_data' });
		expect(requestOn(r, meetings, '2025-07-01')).toBeNull();
		expect(requestOn(r, meetings, '2025-07-07')).toMatchObject({ state: 'pending', requested: '2027-12-31' });
		expect(requestOn(r, meetings, '2025-12-01')).toMatchObject({ state: 'decision_not_in_data' });
		expect(at(r, '2026-01-05')).toMatchObject({ kind: 'not_in_data', reason: 'after_as_of', deadline: '2025-12-31' });
	});

	it('an extension whose granting meeting is not dated makes an earlier passed deadline "not in the data"', () => {
		// Serbia-like: 17MSP (2018) → 2023-03-01, then a later extension to 2024-12-31 whose meeting is not stated.
		const r = row({ original_deadline: '2014-03-01', current_deadline: '2024-12-31', as_of: '2024-11-25' });
		const exts = [ext(1, '13MSP', 2013, '2019-03-01'), ext(2, '17MSP', 2018, '2023-03-01')];
		expect(at(r, '2023-06-19', exts)).toMatchObject({ kind: 'not_in_data', reason: 'decision_date_not_in_data', deadline: '2023-03-01' });
		expect(at(r, '2022-06-20', exts)).toMatchObject({ kind: 'in_force', deadline: '2023-03-01' });
	});

	it('fewer dated extensions than confirmed (or an uncertain count): a passed deadline is "not in the data"', () => {
		// Guinea-Bissau-like: an extension to 2024-12-31 is confirmed, but not which meeting granted it.
		const r = row({ original_deadline: '2011-11-01', current_deadline: '2027-12-31', extensions: null });
		const exts = [ext(1, '10MSP', 2010, '2012-01-01'), ext(2, '5RC', 2024, '2027-12-31')];
		const meetingsPlus = [...meetings];
		expect(deadlineStatus(r, exts, meetingsPlus, '2024-06-18')).toMatchObject({ kind: 'not_in_data', reason: 'decision_date_not_in_data', deadline: '2012-01-01' });
		expect(deadlineStatus({ ...r, extensions: 3 }, exts, meetingsPlus, '2024-06-18').kind).toBe('not_in_data');
		expect(deadlineStatus({ ...r, extensions: 2 }, exts, meetingsPlus, '2024-06-18').kind).toBe('passed');
	});

	it('an extension whose meeting is known only by its year is uncertain during that year', () => {
		const r = row({ original_deadline: '2014-03-01', current_deadline: '2019-03-01', as_of: '2024-12-31' });
		const exts = [ext(1, '13MSP', 2013, '2019-03-01')];
		expect(at(r, '2013-06-01', exts)).toMatchObject({ kind: 'in_force', deadline: '2014-03-01' });
		expect(at(r, '2014-01-01', exts)).toMatchObject({ kind: 'in_force', deadline: '2019-03-01' });
		const late = row({ original_deadline: '2013-03-01', current_deadline: '2019-03-01', as_of: '2024-12-31' });
		expect(at(late, '2013-06-01', exts)).toMatchObject({ kind: 'not_in_data', reason: 'decision_date_not_in_data' });
	});

	it('no deadline in force in the data after an undated history: "not in the data", not "passed"', () => {
		const r = row({ original_deadline: '2013-07-01', current_deadline: null, as_of: '2024-11-25' });
		expect(at(r, '2020-06-01', [ext(1, '12MSP', 2012, '2016-07-01')])).toMatchObject({ kind: 'not_in_data', reason: 'deadline_not_in_data', deadline: '2016-07-01' });
	});

	it('completion known only by year: "reported" during that year, completed after it, never a day', () => {
		const r = row({ current_deadline: '2025-02-01', original_deadline: '2025-02-01', completion_year: 2025, as_of: '2024-11-25', request_meeting: '5RC', request_decision: 'not_in_data' });
		expect(at(r, '2024-12-31', [])).toMatchObject({ kind: 'in_force', deadline: '2025-02-01' });
		expect(at(r, '2025-01-01', [])).toMatchObject({ kind: 'completion_reported', completion: { date: null, year: 2025 } });
		expect(at(r, '2025-12-31', []).kind).toBe('completion_reported');
		expect(at(r, '2026-01-01', [])).toMatchObject({ kind: 'completed', completion: { year: 2025 } });
	});

	it('completion with a date counts from that day', () => {
		const r = row({ status: 'completed', completion_declared: '2020-11-20', current_deadline: null });
		expect(at(r, '2020-11-19', []).kind).not.toBe('completed');
		expect(at(r, '2020-11-20', [])).toMatchObject({ kind: 'completed', completion: { date: '2020-11-20', year: null } });
	});

	it('a completion the row’s status has since re-opened does not count', () => {
		const r = row({ status: 'ongoing', completion_year: 2012, current_deadline: '2027-12-31', as_of: '2024-12-31' });
		expect(at(r, '2024-06-01', [ext(1, '5RC', 2024, '2027-12-31')]).kind).not.toBe('completed');
	});

	it('without an as-of date nothing is ever "passed"', () => {
		const r = row({ current_deadline: '2020-01-01', as_of: null });
		expect(at(r, '2019-06-01', [])).toMatchObject({ kind: 'in_force', beyondAsOf: true });
		expect(at(r, '2024-06-01', [])).toMatchObject({ kind: 'not_in_data', reason: 'as_of_unknown' });
	});

	it('no deadline at all', () => {
		expect(at(row({ original_deadline: null, current_deadline: null }), '2024-01-01', []).kind).toBe('no_deadline');
	});

	it('gives a projection a deadline only when one is in force or known to have passed', () => {
		expect(deadlineToCompare(at(row(), '2024-06-18'))).toBe('2025-12-31');
		expect(deadlineToCompare(at(row(), '2026-06-01'))).toBeNull();
	});
});
