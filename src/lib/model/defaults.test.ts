import { describe, expect, it } from 'vitest';
import { defaultMeeting, meetingsWithData } from './committees';
import { baselineOf, choose, currentYear, dayOf, endedYears } from './defaults';

const meetings = [
	{ code: 'IM2023', start_date: '2023-06-19', type: 'intersessional' },
	{ code: '21MSP', start_date: '2023-11-20', type: 'meeting_of_states_parties' },
	{ code: 'IM2024', start_date: '2024-06-18', type: 'intersessional' },
	{ code: '5RC', start_date: '2024-11-25', type: 'review_conference' },
	{ code: 'IM2025', start_date: '2025-06-17', type: 'intersessional' },
	{ code: '22MSP', start_date: '2025-12-01', type: 'meeting_of_states_parties' }
];

describe('the defaults every page uses', () => {
	it('the current year is the latest year with data; the plan’s last year without data', () => {
		expect(currentYear([2019, 2020, 2024])).toBe(2024);
		expect(currentYear([2019, 2031])).toBe(2031);
		expect(currentYear([])).toBe(2024);
	});

	it('the baseline is 2019, or the first year with data when the data start later', () => {
		expect(baselineOf([2019, 2024])).toBe(2019);
		expect(baselineOf([2021, 2024])).toBe(2021);
		expect(baselineOf([])).toBe(2019);
	});

	it('says whether the page chose a value itself', () => {
		expect(choose(null, 2024)).toEqual({ value: 2024, defaulted: true, fallback: 2024 });
		expect(choose(2022, 2024)).toEqual({ value: 2022, defaulted: false, fallback: 2024 });
	});

	it('offers the years whose end has passed', () => {
		expect(endedYears('2026-11-30')).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025]);
		expect(endedYears('2026-12-31')).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
	});

	it('reads a day from the address, or today', () => {
		expect(dayOf('2025-06-17', '2026-11-30')).toMatchObject({ value: '2025-06-17', defaulted: false });
		expect(dayOf('17/06/2025', '2026-11-30')).toMatchObject({ value: '2026-11-30', defaulted: true });
		expect(dayOf(null, '2026-11-30')).toMatchObject({ value: '2026-11-30', defaulted: true });
	});

	it('the default meeting is the first whose Article 7 reports describe the current year', () => {
		expect(defaultMeeting(meetings, [2019, 2023, 2024])?.code).toBe('IM2025');
		expect(defaultMeeting(meetings, [2019, 2022, 2023])?.code).toBe('IM2024');
		// No meeting on the current year (2026 data): the latest meeting with data.
		expect(defaultMeeting(meetings, [2023, 2026])?.code).toBe('5RC');
		expect(defaultMeeting(meetings, [2010])).toBeNull();
		expect(meetingsWithData(meetings, [2023]).map((m) => m.code)).toEqual(['IM2024', '5RC']);
	});
});
