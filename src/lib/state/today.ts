import { browser } from '$app/environment';
import { localDay } from '$lib/data/day';

/**
 * The reader's today (YYYY-MM-DD), or null while the build prerenders: a page built one day is read on
 * others, so what speaks for "today" (parties today, deadlines in force, withdrawals by today) is never
 * in the prerendered document; the browser draws it.
 */
export function today(): string | null {
	return browser ? localDay() : null;
}
