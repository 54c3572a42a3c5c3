import en from './messages/en';
import fr from './messages/fr';
import ar from './messages/ar';

import type { MessageKey, Messages } from './keys';

export type { MessageKey, Messages };

export const LOCALES = {
	en: { name: 'English', dir: 'ltr', messages: en as Messages },
	fr: { name: 'Français', dir: 'ltr', messages: fr },
	ar: { name: 'العربية', dir: 'rtl', messages: ar }
} as const satisfies Record<string, { name: string; dir: 'ltr' | 'rtl'; messages: Messages }>;
export type Locale = keyof typeof LOCALES;

const STORAGE_KEY = 'oap.locale';

// The chosen language is remembered when the browser allows it; a browser that refuses storage (or
// throws on access) simply starts in English each time.
function initial(): Locale {
	try {
		const saved = localStorage.getItem(STORAGE_KEY);
		return saved && saved in LOCALES ? (saved as Locale) : 'en';
	} catch {
		return 'en';
	}
}

/** The current language; components read it through `t()`, so a change re-renders every string. */
export const i18n = $state({ locale: initial() as Locale });

export function setLocale(locale: Locale): void {
	i18n.locale = locale;
	try {
		localStorage.setItem(STORAGE_KEY, locale);
	} catch {
		/* not remembered: see initial() */
	}
	document.documentElement.lang = locale;
	document.documentElement.dir = LOCALES[locale].dir;
}

/** Translate `key`, filling `{name}` placeholders from `params`. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
	const text = LOCALES[i18n.locale].messages[key] ?? en[key] ?? key;
	return text.replace(/\{(\w+)\}/g, (_, p: string) => (p in params ? formatParam(params[p]) : `{${p}}`));
}

function formatParam(v: string | number): string {
	return typeof v === 'number' ? formatNumber(v, 2) : v;
}

// Latin digits in Arabic too, as in the Convention's Arabic documents and in the message texts.
const NUMBER_LOCALE: Partial<Record<Locale, string>> = { ar: 'ar-u-nu-latn' };
/** The locale numbers are written in (Latin digits in Arabic). */
export const numberLocale = () => NUMBER_LOCALE[i18n.locale] ?? i18n.locale;

export function formatNumber(v: number | null | undefined, digits = 1): string {
	if (v === null || v === undefined || Number.isNaN(v)) return '–';
	return new Intl.NumberFormat(numberLocale(), { maximumFractionDigits: digits, useGrouping: 'min2' }).format(v);
}

export function formatPercent(share: number | null | undefined): string {
	if (share === null || share === undefined || Number.isNaN(share)) return '–';
	return new Intl.NumberFormat(numberLocale(), { style: 'percent', maximumFractionDigits: 0 }).format(share);
}
