import { unitInfo } from '$lib/data/units';
import en from './messages/en';
import { i18n, t, type MessageKey } from './locale.svelte';

/**
 * A unit as the reader sees it: known units translated (“km²”, “pourcentage”), currencies by their
 * name in the reader's language, any other unit exactly as the data write it.
 */
export function unitLabel(unit: string | null | undefined): string {
	const u = unitInfo(unit);
	const key = `unit.${u.code}`;
	if (key in en) return t(key as MessageKey);
	if (u.kind === 'currency') {
		try {
			return new Intl.DisplayNames([i18n.locale], { type: 'currency' }).of(u.code.toUpperCase()) ?? u.code.toUpperCase();
		} catch {
			return u.code.toUpperCase();
		}
	}
	return u.code;
}
