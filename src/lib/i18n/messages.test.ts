import { afterEach, describe, expect, it } from 'vitest';
import { i18n, LOCALES, t, type Locale, type MessageKey } from './locale.svelte';
import en from './messages/en';

const enKeys = Object.keys(en).sort();
const locales = Object.keys(LOCALES) as Locale[];
const translated = locales.filter((l) => l !== 'en');

/** `{name}` placeholders of a text, as a sorted list of distinct names. */
function placeholders(text: string): string[] {
	return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
}

/**
 * Keys whose translation may be the same as the English text: names, codes, units and words
 * that are spelled the same (French "Source", "Table", "Total"…). Every other key must differ
 * from English, so a copy of en.ts fails.
 */
const SAME_AS_EN = new Set<string>([
	'nav.sql', // SQL
	'unit.km2', // km² (French)
	'unit.m2', // m² (French)
	'unit.ha', // hectares (French)
	'action.indicatorChart', // {label} only
	'flag.item', // “{label}” ({value}): placeholders and punctuation only
	'chart.source', // French: Source
	'action.sum', // French: Total
	'data.load.mode', // French: Mode
	'data.load.table', // French: Table
	'data.col.table', // French: Table
	'data.tables', // French: Tables
	'status.trend.stable', // French: Stable
	'export.sourceColumn' // French: source (the CSV column)
]);

describe('message catalogues', () => {
	it('has English and at least French and Arabic', () => {
		expect(locales).toEqual(expect.arrayContaining(['en', 'fr', 'ar']));
		expect(LOCALES.ar.dir).toBe('rtl');
	});

	describe.each(locales)('%s', (locale) => {
		const messages = LOCALES[locale].messages as Record<string, string>;

		it('has exactly the keys of en', () => {
			const keys = Object.keys(messages).sort();
			expect(enKeys.filter((k) => !(k in messages)), 'missing keys').toEqual([]);
			expect(keys.filter((k) => !(k in en)), 'keys not in en').toEqual([]);
			expect(keys).toEqual(enKeys);
		});

		it('has no empty value', () => {
			const empty = Object.entries(messages).filter(([, v]) => typeof v !== 'string' || v.trim() === '');
			expect(empty.map(([k]) => k)).toEqual([]);
		});

		it('keeps exactly the placeholders of en', () => {
			const wrong = enKeys
				.filter((k) => k in messages)
				.map((k) => ({ key: k, en: placeholders((en as Record<string, string>)[k]), got: placeholders(messages[k]) }))
				.filter((r) => r.en.join() !== r.got.join());
			expect(wrong).toEqual([]);
		});
	});

	describe.each(translated)('%s is a translation, not a copy of en', (locale) => {
		const messages = LOCALES[locale].messages as Record<string, string>;

		it('differs from English except for the whitelisted keys', () => {
			const same = enKeys.filter((k) => messages[k] === (en as Record<string, string>)[k] && !SAME_AS_EN.has(k));
			expect(same).toEqual([]);
		});
	});

	it('fr puts a non-breaking space before : ; ? ! and %', () => {
		const bad = Object.entries(LOCALES.fr.messages as Record<string, string>)
			.filter(([, v]) => / [:;?!%]/.test(v) || /[^\s\u00a0\u202f][:;?!%](\s|$)/.test(v))
			.map(([k]) => k);
		expect(bad).toEqual([]);
	});

	it('ar is written in Arabic script', () => {
		const latinOnly = Object.entries(LOCALES.ar.messages as Record<string, string>)
			.filter(([k, v]) => !SAME_AS_EN.has(k) && !/[\u0600-\u06ff]/.test(v))
			.map(([k]) => k);
		expect(latinOnly).toEqual([]);
	});
});

describe('t()', () => {
	afterEach(() => {
		i18n.locale = 'en';
	});

	it('fills placeholders in the current language', () => {
		i18n.locale = 'fr';
		expect(t('overview.committee', { committee: 'Président' })).toBe('Comité\u00a0: Président');
		expect(t('sql.rows', { rows: 3, ms: 12 })).toBe('3 lignes en 12\u00a0ms');
		expect(t('status.coverage', { reported: '7', applicable: '9' })).toBe('7 États concernés sur 9 ont communiqué des données');
		i18n.locale = 'ar';
		expect(t('overview.action', { n: '12' })).toBe('الإجراء 12');
		i18n.locale = 'en';
		expect(t('overview.action', { n: '12' })).toBe('Action 12');
	});

	it('formats number parameters for the current language', () => {
		i18n.locale = 'fr';
		// French groups thousands with a (narrow) non-breaking space.
		expect(t('overview.indicators', { n: 12345 })).toMatch(/^12[\u00a0\u202f]345 indicateurs$/);
		i18n.locale = 'en';
		expect(t('overview.indicators', { n: 12345 })).toBe('12,345 indicators');
	});

	it('leaves a placeholder without a parameter as it is', () => {
		i18n.locale = 'fr';
		expect(t('overview.committee')).toBe('Comité\u00a0: {committee}');
	});

	it('never falls back to the key name', () => {
		for (const locale of locales) {
			i18n.locale = locale;
			const fallback = enKeys.filter((k) => {
				const text = t(k as MessageKey);
				return text === k || text === '';
			});
			expect(fallback, locale).toEqual([]);
		}
	});
});
