import en from './messages/en';

import { formatMessage, type Params } from './icu';
import type { MessageKey, Messages } from './keys';

export type { MessageKey, Messages, Params };

/**
 * The six languages of the Convention, in the United Nations' order. `intl` is the tag Intl formats
 * with (Arabic keeps Latin digits, as the Convention's Arabic documents and the data do); `lang` is
 * the page's `lang` attribute (it picks the right glyphs, e.g. Simplified Chinese).
 */
export const LOCALES = {
	ar: { name: 'العربية', dir: 'rtl', intl: 'ar-u-nu-latn', lang: 'ar' },
	zh: { name: '中文', dir: 'ltr', intl: 'zh-Hans', lang: 'zh-Hans' },
	en: { name: 'English', dir: 'ltr', intl: 'en', lang: 'en' },
	fr: { name: 'Français', dir: 'ltr', intl: 'fr', lang: 'fr' },
	ru: { name: 'Русский', dir: 'ltr', intl: 'ru', lang: 'ru' },
	es: { name: 'Español', dir: 'ltr', intl: 'es', lang: 'es' }
} as const satisfies Record<string, { name: string; dir: 'ltr' | 'rtl'; intl: string; lang: string }>;
export type Locale = keyof typeof LOCALES;

/**
 * Each language's catalogue is a chunk of its own, fetched when that language is chosen: a reader
 * downloads the words of one language (≈ 15 KB gzip each), not of six. English is the source and
 * the fallback, so it is always there.
 */
const CATALOGUES: Record<Exclude<Locale, 'en'>, () => Promise<{ default: Messages }>> = {
	ar: () => import('./messages/ar'),
	zh: () => import('./messages/zh'),
	fr: () => import('./messages/fr'),
	ru: () => import('./messages/ru'),
	es: () => import('./messages/es')
};
const loaded: Partial<Record<Locale, Messages>> = { en: en as Messages };

/** Fetch `locale`'s catalogue (once); a language is switched to only after this. */
export async function loadMessages(locale: Locale): Promise<void> {
	if (loaded[locale]) return;
	loaded[locale] = (await CATALOGUES[locale as Exclude<Locale, 'en'>]()).default;
}

/** `locale`'s catalogue, once loaded (tests and checks read it whole). */
export function catalogue(locale: Locale): Messages | undefined {
	return loaded[locale];
}

export const LOCALE_CODES = Object.keys(LOCALES) as Locale[];
export const isLocale = (v: unknown): v is Locale => typeof v === 'string' && Object.hasOwn(LOCALES, v);

const STORAGE_KEY = 'oap.locale';
/** The search parameter a link carries its language in: `?lang=ru`. */
export const LANG_PARAM = 'lang';

/** The first of the browser's languages the dashboard has (`zh-CN` → zh, `fr-CH` → fr). */
export function browserLocale(languages: readonly string[]): Locale | null {
	for (const tag of languages) {
		const primary = tag.toLowerCase().split(/[-_]/)[0];
		if (isLocale(primary)) return primary;
	}
	return null;
}

/**
 * The language a page opens in: the link's (`?lang=`), else the reader's stored choice, else the
 * browser's language, else English. Storage may be refused or throw: then it is simply not consulted.
 */
export function chooseLocale(search: string, stored: string | null, languages: readonly string[]): Locale {
	const linked = new URLSearchParams(search).get(LANG_PARAM);
	if (isLocale(linked)) return linked;
	if (isLocale(stored)) return stored;
	return browserLocale(languages) ?? 'en';
}

function storedLocale(): string | null {
	try {
		return localStorage.getItem(STORAGE_KEY);
	} catch {
		return null;
	}
}

function initial(): Locale {
	if (typeof window === 'undefined') return 'en';
	return chooseLocale(window.location.search, storedLocale(), navigator.languages ?? [navigator.language]);
}

/** The current language; components read it through `t()`, so a change re-renders every string. */
export const i18n = $state({ locale: initial() as Locale });

/** Put the language on the document: `lang` (fonts, screen readers, hyphenation) and `dir`. */
export function applyLocale(locale: Locale = i18n.locale): void {
	document.documentElement.lang = LOCALES[locale].lang;
	document.documentElement.dir = LOCALES[locale].dir;
}

/** Switch to `locale` once its words are here (the page never shows a half-translated state). */
export async function useLocale(locale: Locale): Promise<void> {
	await loadMessages(locale);
	i18n.locale = locale;
	applyLocale(locale);
}

/** The reader chose a language: use it, remember it when the browser allows, and put it on the document. */
export async function setLocale(locale: Locale): Promise<void> {
	await loadMessages(locale);
	i18n.locale = locale;
	try {
		localStorage.setItem(STORAGE_KEY, locale);
	} catch {
		/* not remembered: the link and the browser's language still apply next time */
	}
	applyLocale(locale);
}

const format = (locale: Locale) => ({ intl: LOCALES[locale].intl, rtl: LOCALES[locale].dir === 'rtl' });

/** The message `key` in `locale`, filled from `params` (ICU MessageFormat: plurals, selects). */
export function translate(locale: Locale, key: MessageKey, params: Params = {}): string {
	return formatMessage(loaded[locale]?.[key] ?? en[key], format(locale), params);
}

/** The message `key` in the current language, filled from `params`. */
export function t(key: MessageKey, params: Params = {}): string {
	return translate(i18n.locale, key, params);
}

const intlLocale = () => LOCALES[i18n.locale].intl;
/** The locale numbers are written in (Latin digits in Arabic: the Arabic locale's intl tag says so). */
export const numberLocale = intlLocale;

// Intl formatters are costly to build and cheap to use: one per language and options (a page formats
// hundreds of numbers on every change of year).
const intlCache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat>();
function made<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat>(key: string, make: () => T): T {
	let f = intlCache.get(key) as T | undefined;
	if (!f) intlCache.set(key, (f = make()));
	return f;
}

export function formatNumber(v: number | null | undefined, digits = 1): string {
	if (v === null || v === undefined || Number.isNaN(v)) return '–';
	const locale = intlLocale();
	return made(`n|${locale}|${digits}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: digits, useGrouping: 'min2' })).format(v);
}

export function formatPercent(share: number | null | undefined): string {
	if (share === null || share === undefined || Number.isNaN(share)) return '–';
	const locale = intlLocale();
	return made(`p|${locale}`, () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 })).format(share);
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A day (`YYYY-MM-DD`) as the language writes it: "31 décembre 2030", "2030年12月31日". English keeps
 * the ISO form the committees' English documents and the data files use. Anything else is returned as
 * it is (a bare year, text).
 */
export function formatDate(day: string): string {
	const m = ISO_DAY.exec(day);
	if (!m || i18n.locale === 'en') return day;
	const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
	if (Number.isNaN(date.getTime())) return day;
	const locale = intlLocale();
	return made(`d|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' })).format(date);
}

/** Items as one list in the language: "a, b, and c", "a, b et c", "a、b和c", "a وb وc". */
export function formatList(items: readonly string[]): string {
	const locale = intlLocale();
	return made(`l|${locale}`, () => new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' })).format(items);
}
