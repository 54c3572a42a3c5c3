/**
 * Sentences that hold days. A day parameter (`YYYY-MM-DD`) is written as the reader's language writes
 * dates ("31 décembre 2030"; English keeps the ISO form), and t() isolates it in right-to-left text, so
 * "2030-12-31" is never drawn "31-12-2030" by the bidirectional algorithm.
 */
import { formatDate, t, type MessageKey, type Params } from '$lib/i18n/locale.svelte';

/** `t` with every day parameter written in the reader's language. */
export function tDates(key: MessageKey, params: Params = {}): string {
	return t(key, Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? formatDate(v) : v])));
}
