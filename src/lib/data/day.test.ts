import { describe, expect, it } from 'vitest';
import { localDay } from './day';

describe('localDay', () => {
	it('gives the day of the local calendar, not of UTC', () => {
		// 23:30 on 31 December in the local time zone is still that day, whatever the zone.
		expect(localDay(new Date(2025, 11, 31, 23, 30))).toBe('2025-12-31');
		expect(localDay(new Date(2026, 0, 1, 0, 15))).toBe('2026-01-01');
		expect(localDay(new Date(987, 2, 5))).toBe('0987-03-05');
	});
	it('differs from the UTC slice where the zones disagree', () => {
		const late = new Date(2025, 5, 30, 23, 59);
		const utc = late.toISOString().slice(0, 10);
		const offset = late.getTimezoneOffset();
		// East of UTC the UTC slice can be the same day; west of it, at 23:59, it is the next day.
		expect(localDay(late)).toBe('2025-06-30');
		if (offset < 0) expect(utc).toBe('2025-06-30');
		if (offset > 0) expect(utc).toBe('2025-07-01');
	});
});
