// Test helper: a `deadlines` row and `extensions` rows as the status on a date (METHOD.md §15) reads them.
import type { DeadlineFacts, ExtensionFacts, MeetingDates } from '$lib/model/deadline-status';

export const MEETINGS: MeetingDates[] = [
	{ code: '4RC', start_date: '2019-11-25', end_date: '2019-11-29' },
	{ code: '5RC', start_date: '2024-11-25', end_date: '2024-11-29' },
	{ code: '22MSP', start_date: '2025-12-01', end_date: '2025-12-05' }
];

/** An ongoing Article 5 row in force to 2025-12-31 after two extensions, facts as of the end of 2024. */
export function deadlineRow(r: Partial<DeadlineFacts> = {}): DeadlineFacts {
	return {
		article: 5,
		original_deadline: '2010-01-01',
		current_deadline: '2025-12-31',
		extensions: 2,
		status: 'ongoing',
		completion_declared: null,
		completion_year: null,
		request_meeting: null,
		request_known_from: null,
		requested_deadline: null,
		request_decision: null,
		as_of: '2024-12-31',
		source: 'row',
		...r
	};
}

export function extensionRow(sequence: number, granted_at: string | null, granted_year: number | null, new_deadline: string): ExtensionFacts {
	return { article: 5, sequence, granted_at, granted_year, new_deadline, source: `ext ${granted_at}` };
}
