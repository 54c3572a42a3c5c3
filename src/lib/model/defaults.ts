/**
 * The choices a page makes when its address does not: which year, which baseline, which years to offer.
 * One rule each, used by every page (issue 13 item 4), so the overview, a profile and a committee speak
 * of the same year unless the reader picks another.
 */
import { BASELINE_YEAR, END_YEAR } from './method';

/** The current year: the latest year with data; the plan's last year when no value is loaded. */
export function currentYear(years: readonly number[]): number {
	return years.at(-1) ?? END_YEAR;
}

/** The baseline the method uses (2019), or the first year with data when the data start later. */
export function baselineOf(years: readonly number[]): number {
	return years.includes(BASELINE_YEAR) || years.length === 0 ? BASELINE_YEAR : years[0];
}

/** A year the address asked for, or the default; `defaulted` says the page chose it (and should say so). */
export interface Chosen<T> {
	value: T;
	defaulted: boolean;
	/** What the page chooses without a parameter (choosing it again removes the parameter). */
	fallback: T;
}

export function choose<T>(asked: T | null | undefined, fallback: T): Chosen<T> {
	return asked === null || asked === undefined ? { value: fallback, defaulted: true, fallback } : { value: asked, defaulted: false, fallback };
}

/**
 * Years whose last day has passed on `today` ('YYYY-MM-DD'), from the baseline: the years a count "at the
 * end of the year" can speak for. On 2026-11-30: 2019–2025.
 */
export function endedYears(today: string, from = BASELINE_YEAR): number[] {
	const last = today.slice(5, 10) === '12-31' ? Number(today.slice(0, 4)) : Number(today.slice(0, 4)) - 1;
	return Array.from({ length: Math.max(0, last - from + 1) }, (_, i) => from + i);
}

/** The day an address asks statements to speak for (`?on=YYYY-MM-DD`, a shared link keeps its date), or `today`. */
export function dayOf(asked: string | null, today: string): Chosen<string> {
	return choose(asked !== null && /^\d{4}-\d{2}-\d{2}$/.test(asked) ? asked : null, today);
}
