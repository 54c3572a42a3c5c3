import { afterEach, describe, expect, it } from 'vitest';
import IntlMessageFormat from 'intl-messageformat';
import { argumentsOf } from './icu';
import { isMessageKey } from './keys';
import { catalogue, i18n, loadMessages, LOCALES, t, translate, type Locale } from './locale.svelte';
import en from './messages/en';

const enKeys = Object.keys(en).filter(isMessageKey).sort();
const locales = Object.keys(LOCALES) as Locale[];
const translated = locales.filter((l) => l !== 'en');
const EN = en as Record<string, string>;
// Every catalogue, fetched as the app fetches a language's (each is a chunk of its own).
for (const l of locales) await loadMessages(l);
const messagesOf = (l: Locale) => catalogue(l) as Record<string, string>;

/** The arguments of an ICU text and the plural/select cases it offers, as the formatter parses it. */
function shape(text: string, intl: string) {
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	return argumentsOf(new IntlMessageFormat(text, intl, undefined, { ignoreTag: true }).getAst() as any);
}

/**
 * Keys whose translation may be the same as the English text: names, codes, units and words
 * that are spelled the same (French "Source", "Table", "Total"…). Every other key must differ
 * from English, so a copy of en.ts fails.
 */
const SAME_AS_EN = new Set<string>([
	'nav.sql', // SQL
	'unit.km2', // km² (French, Spanish)
	'unit.m2', // m² (French, Spanish)
	'unit.ha', // hectares (French, Spanish)
	'action.indicatorChart', // {label} only
	'flag.item', // “{label}” ({value}): placeholders and punctuation only
	'chart.source', // French: Source
	'action.sum', // French: Total
	'data.load.mode', // French: Mode
	'data.load.table', // French: Table
	'data.col.table', // French: Table
	'data.tables', // French: Tables
	'status.trend.stable', // French: Stable
	'export.sourceColumn', // French: source (the CSV column)
	'export.svg', // SVG
	'export.png2', // PNG (2×)
	'export.png3', // PNG (3×)
	'export.csv', // CSV
	'export.parquet', // Parquet
	'exchange.word', // Word (.docx) in Latin letters in every language
	'country.no', // Spanish: no
	'region.142', // Spanish: Asia
	'region.054', // Spanish: Melanesia
	'region.057', // Spanish: Micronesia
	'region.150', // French: Europe
	'section.universalization', // French: Universalisation
	'observations.doc.action', // French: Action
	'observations.doc.note' // French: Note
]);

/** Letters each language's texts are written in: a text of only other letters is untranslated. */
const SCRIPT: Partial<Record<Locale, RegExp>> = { ar: /[\u0600-\u06ff]/, ru: /[\u0400-\u04ff]/, zh: /[\u4e00-\u9fff]/ };

describe('message catalogues', () => {
	it('offers the six languages of the Convention, Arabic right to left', () => {
		expect([...locales].sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh']);
		expect(LOCALES.ar.dir).toBe('rtl');
		expect(locales.filter((l) => LOCALES[l].dir === 'rtl')).toEqual(['ar']);
	});

	describe.each(locales)('%s', (locale) => {
		const messages = messagesOf(locale);
		const intl = LOCALES[locale].intl;
		const forms = {
			plural: new Intl.PluralRules(intl).resolvedOptions().pluralCategories as string[],
			ordinal: new Intl.PluralRules(intl, { type: 'ordinal' }).resolvedOptions().pluralCategories as string[]
		};

		it('has exactly the keys of en', () => {
			expect(enKeys.filter((k) => !(k in messages)), 'missing keys').toEqual([]);
			expect(Object.keys(messages).filter((k) => !(k in en)), 'keys not in en').toEqual([]);
		});

		it('has no empty value', () => {
			const empty = Object.entries(messages).filter(([, v]) => typeof v !== 'string' || v.trim() === '');
			expect(empty.map(([k]) => k)).toEqual([]);
		});

		it('is valid ICU MessageFormat', () => {
			const bad = enKeys.filter((k) => {
				try {
					shape(messages[k], intl);
					return false;
				} catch {
					return true;
				}
			});
			expect(bad).toEqual([]);
		});

		it('keeps exactly the arguments of en, counts as counts and codes as codes', () => {
			const wrong: string[] = [];
			for (const k of enKeys) {
				const want = shape(EN[k], 'en').args;
				const got = shape(messages[k], intl).args;
				const names = (m: Map<string, unknown>) => [...m.keys()].sort().join();
				if (names(want) !== names(got)) wrong.push(`${k}: {${names(got)}} instead of {${names(want)}}`);
				for (const [name, kind] of want) if (kind !== 'value' && got.get(name) !== kind) wrong.push(`${k}: {${name}} must be a ${kind}`);
			}
			expect(wrong).toEqual([]);
		});

		it(`gives every count the plural forms of the language (${forms.plural.join(', ')}; ordinals ${forms.ordinal.join(', ')}) and no other`, () => {
			const wrong: string[] = [];
			for (const k of enKeys) {
				const { args, cases } = shape(messages[k], intl);
				for (const [name, kind] of args) {
					if (kind !== 'plural' && kind !== 'ordinal') continue;
					const categories = forms[kind];
					const offered = [...(cases.get(name) ?? [])].filter((c) => !c.startsWith('='));
					const missing = categories.filter((c) => !offered.includes(c));
					const unknown = offered.filter((c) => !categories.includes(c));
					if (missing.length) wrong.push(`${k} {${name}}: missing ${missing.join(', ')}`);
					if (unknown.length) wrong.push(`${k} {${name}}: ${unknown.join(', ')} is no ${kind} form of ${locale}`);
				}
			}
			expect(wrong).toEqual([]);
		});

		it('offers every choice of en in each select', () => {
			const wrong: string[] = [];
			for (const k of enKeys) {
				const want = shape(EN[k], 'en');
				const got = shape(messages[k], intl).cases;
				for (const [name, kind] of want.args) {
					if (kind !== 'select') continue;
					const missing = [...want.cases.get(name)!].filter((c) => !got.get(name)?.has(c));
					if (missing.length) wrong.push(`${k} {${name}}: missing ${missing.join(', ')}`);
				}
			}
			expect(wrong).toEqual([]);
		});
	});

	describe.each(translated)('%s is a translation, not a copy of en', (locale) => {
		const messages = messagesOf(locale);

		it('differs from English except for the whitelisted keys', () => {
			const same = enKeys.filter((k) => messages[k] === EN[k] && !SAME_AS_EN.has(k));
			expect(same).toEqual([]);
		});

		it.runIf(SCRIPT[locale])('is written in its own script', () => {
			const script = SCRIPT[locale]!;
			const other = enKeys.filter((k) => !SAME_AS_EN.has(k) && !script.test(messages[k]) && /\p{L}/u.test(EN[k].replace(/\{\w+\}/g, '')));
			expect(other).toEqual([]);
		});
	});

	it('fr puts a non-breaking space before : ; ? ! and %', () => {
		const bad = Object.entries(messagesOf('fr'))
			.filter(([, v]) => / [:;?!%]/.test(v) || /[^\s\u00a0\u202f{][:;?!%](\s|$)/.test(v))
			.map(([k]) => k);
		expect(bad).toEqual([]);
	});
});

describe('t()', () => {
	afterEach(() => {
		i18n.locale = 'en';
	});

	it('fills arguments in the current language', () => {
		i18n.locale = 'fr';
		expect(t('overview.committee', { committee: 'Président' })).toBe('Comité\u00a0: Président');
		expect(t('sql.rows', { rows: 3, ms: 12 })).toBe('3 lignes en 12\u00a0ms');
		i18n.locale = 'ar';
		expect(t('overview.action', { n: '12' })).toBe('الإجراء 12');
		i18n.locale = 'en';
		expect(t('overview.action', { n: '12' })).toBe('Action 12');
	});

	it('picks the plural form of each language', () => {
		const charts = (locale: Locale, n: number) => translate(locale, 'basket.count', { n });
		expect([1, 2, 0].map((n) => charts('en', n))).toEqual(['1 chart', '2 charts', '0 charts']);
		expect([1, 2, 5, 21, 22, 11].map((n) => charts('ru', n))).toEqual(['1 диаграмма', '2 диаграммы', '5 диаграмм', '21 диаграмма', '22 диаграммы', '11 диаграмм']);
		expect([1, 2, 3, 11, 100].map((n) => charts('ar', n))).toEqual(['رسم بياني واحد', 'رسمان بيانيان', '3 رسوم بيانية', '11 رسمًا بيانيًا', '100 رسم بياني']);
		expect([0, 1, 2].map((n) => charts('fr', n))).toEqual(['0 graphique', '1 graphique', '2 graphiques']);
		expect(charts('zh', 2)).toBe('2 个图表');
		expect(translate('en', 'chart.table', { rows: 1 })).toBe('Data table (1 row)');
		expect(translate('en', 'overview.indicators', { n: 1 })).toBe('1 indicator');
		expect(translate('en', 'countries.shown', { n: 1 })).toBe('1 State shown');
	});

	it('formats number arguments for the current language, Latin digits in Arabic', () => {
		i18n.locale = 'fr';
		// French groups thousands with a (narrow) non-breaking space.
		expect(t('overview.indicators', { n: 12345 })).toMatch(/^12[\u00a0\u202f]345 indicateurs$/);
		i18n.locale = 'en';
		expect(t('overview.indicators', { n: 12345 })).toBe('12,345 indicators');
		expect(t('figure.parties', { year: 2024 })).toBe('States Parties at the end of 2024');
		expect(translate('ar', 'basket.count', { n: 12345 })).toBe('12,345 رسمًا بيانيًا');
	});

	it('isolates text arguments in Arabic, so "2RC" keeps its place and its order', () => {
		const text = translate('ar', 'deadline.extension', { n: 1, meeting: '2RC' });
		expect(text).toContain('\u20682RC\u2069');
		expect(text.endsWith('\u20682RC\u2069')).toBe(true);
		// Not in left-to-right languages: their texts stay plain.
		expect(translate('fr', 'deadline.extension', { n: 1, meeting: '2RC' })).not.toMatch(/[\u2066-\u2069]/);
	});

	it('leaves an argument without a value visible', () => {
		i18n.locale = 'fr';
		expect(t('overview.committee')).toBe('Comité\u00a0: {committee}');
	});

	it('never falls back to the key name', () => {
		for (const locale of locales) {
			const fallback = enKeys.filter((k) => {
				const text = translate(locale, k);
				return text === k || text === '';
			});
			expect(fallback, locale).toEqual([]);
		}
	});
});

describe('words the contract also holds', () => {
	it('tables are described in English exactly as the schema describes them (no drift to translate from)', async () => {
		const { TABLES, TABLE_NAMES } = await import('$lib/data/schema');
		expect(TABLE_NAMES.filter((n) => EN[`table.${n}`] !== TABLES[n].description)).toEqual([]);
	});
});
