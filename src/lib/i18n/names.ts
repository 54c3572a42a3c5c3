/**
 * Words for what the data hold as codes or as English names: States, regions, sections, committees,
 * meetings, sexes and age groups, the `demonstration` source. The data write them in English (or as
 * codes); every other language names them from its catalogue or from the Unicode CLDR that `Intl`
 * carries, so no English name ends up inside a translated sentence.
 */
import isoCountries from 'i18n-iso-countries';
import m49Csv from '../../../data/names/m49-regions.csv?raw';
import { isDemonstrationSource } from '$lib/model/sources';
import { isMessageKey } from './keys';
import { i18n, LOCALES, t } from './locale.svelte';

/** UN M49 English names → codes (data/names/m49-regions.csv, with its source). */
export const M49_CODES: ReadonlyMap<string, string> = new Map(
	m49Csv
		.split(/\r?\n/)
		.slice(1)
		.filter(Boolean)
		.map((line) => {
			const [code, name] = line.split(',', 2);
			return [name, code] as [string, string];
		})
);

/** A region or sub-region (UN M49 English name, as `states.region` holds it) in the reader's language. */
export function regionName(name: string | null | undefined): string {
	if (!name) return '';
	const key = `region.${M49_CODES.get(name) ?? ''}`;
	return isMessageKey(key) ? t(key) : name;
}

// Codes ISO 3166 has not assigned that CLDR still names (user-assigned, widely used).
const ALPHA2_EXTRA: Record<string, string> = { XKX: 'XK' };

const displayNames = new Map<string, Intl.DisplayNames>();
function cldrName(intl: string, iso3: string): string | null {
	const alpha2 = isoCountries.alpha3ToAlpha2(iso3) ?? ALPHA2_EXTRA[iso3];
	if (!alpha2) return null;
	let names = displayNames.get(intl);
	if (!names) displayNames.set(intl, (names = new Intl.DisplayNames([intl], { type: 'region', fallback: 'none' })));
	return names.of(alpha2) ?? null;
}

/**
 * A State's name in the reader's language: the data's (English) name in English; in the other
 * languages the CLDR common name of its ISO code — the reference data hold no United Nations names in
 * French, Spanish, Russian, Arabic or Chinese. A code CLDR does not know shows as the code, never as
 * the English name.
 */
export function stateName(iso3: string, name: string | null | undefined): string {
	if (i18n.locale === 'en') return name || iso3;
	return cldrName(LOCALES[i18n.locale].intl, iso3) ?? iso3;
}

/** An OAP section heading: the data's own heading in English, the catalogue's in other languages. */
export function sectionName(code: string, title: string | null | undefined): string {
	const key = `section.${code}`;
	if (i18n.locale === 'en' && title) return title;
	return isMessageKey(key) ? t(key) : (title ?? code);
}

/** A committee by its code; an unknown code (a colleague's file) shows as it is. */
export function committeeName(code: string): string {
	const key = `committee.${code}`;
	return isMessageKey(key) ? t(key) : code;
}

/** A meeting by its code: 21MSP → "21st Meeting of the States Parties", 5RC, IM2024; others as they are. */
export function meetingName(code: string): string {
	const msp = /^(\d+)MSP$/.exec(code);
	if (msp) return t('meeting.msp', { n: Number(msp[1]) });
	const rc = /^(\d+)RC$/.exec(code);
	if (rc) return t('meeting.rc', { n: Number(rc[1]) });
	const im = /^IM(\d{4})$/.exec(code);
	if (im) return t('meeting.im', { year: Number(im[1]) });
	return code;
}

/** A breakdown group: "female · adult"; an empty part is left out, a code not known shows as it is. */
export function sexAgeName(sex: string | null | undefined, age: string | null | undefined): string {
	const part = (prefix: 'sex' | 'age', v: string | null | undefined) => {
		if (!v) return null;
		const key = `${prefix}.${v}`;
		return isMessageKey(key) ? t(key) : v;
	};
	return [part('sex', sex), part('age', age)].filter(Boolean).join(' · ');
}

/** A source as the reader sees it: the generated data's code `demonstration` in words, any other source as written. */
export function sourceName(source: string): string {
	return isDemonstrationSource(source) ? t('source.demonstration') : source;
}
