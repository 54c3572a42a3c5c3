/**
 * Dates in right-to-left text. An ISO date after Arabic letters is read by the bidirectional algorithm
 * as three Arabic numbers joined by neutral hyphens and shows as "31-12-2030". Isolating it left-to-right
 * (LRI … PDI) keeps "2030-12-31". Only for right-to-left languages: other texts stay plain.
 */
import { i18n, LOCALES, t, type MessageKey } from '$lib/i18n/locale.svelte';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isolateDate(v: string | number): string | number {
	return typeof v === 'string' && ISO_DATE.test(v) && LOCALES[i18n.locale].dir === 'rtl' ? `\u2066${v}\u2069` : v;
}

/** `t` with every date parameter isolated. */
export function tDates(key: MessageKey, params: Record<string, string | number> = {}): string {
	return t(key, Object.fromEntries(Object.entries(params).map(([k, v]) => [k, isolateDate(v)])));
}
