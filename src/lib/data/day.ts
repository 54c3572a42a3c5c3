/**
 * The one day helper: a date as the reader's own calendar shows it, 'YYYY-MM-DD'. `toISOString()`
 * gives the day in UTC, which in Geneva after 23:00 in winter (or anywhere east of Greenwich after
 * midnight) is yesterday, and west of it late in the evening is tomorrow.
 */
export function localDay(date: Date = new Date()): string {
	const pad = (n: number, w = 2) => String(n).padStart(w, '0');
	return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
