import { unitInfo } from '$lib/data/units';
import { isMessageKey } from './keys';
import { i18n, LOCALES, t } from './locale.svelte';

/**
 * A unit as the reader sees it: known units translated (“km²”, “pourcentage”), currencies by their
 * name in the reader's language, any other unit exactly as the data write it.
 */
export function unitLabel(unit: string | null | undefined): string {
	const u = unitInfo(unit);
	const key = `unit.${u.code}`;
	if (isMessageKey(key)) return t(key);
	if (u.kind === 'currency') {
		try {
			return new Intl.DisplayNames([LOCALES[i18n.locale].intl], { type: 'currency' }).of(u.code.toUpperCase()) ?? u.code.toUpperCase();
		} catch {
			return u.code.toUpperCase();
		}
	}
	return u.code;
}
