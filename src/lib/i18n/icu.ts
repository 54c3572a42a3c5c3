/**
 * Messages are ICU MessageFormat texts (intl-messageformat): `{name}` fills a value, `{n, plural, one {…}
 * other {…}}` picks the form a language needs for a count (Arabic has six, Russian four, Chinese one),
 * `{kind, select, a {…} other {…}}` picks by a code. Pure functions: no app state, usable in Node tests.
 */
import IntlMessageFormat from 'intl-messageformat';
import { isolate } from './bidi';

export type Params = Record<string, string | number>;

/**
 * What an argument of a message is: a value put in as it is, a count that picks a plural form (`plural`)
 * or an ordinal form ("21st": `selectordinal`), a code that picks a text (`select`).
 */
export type ArgKind = 'value' | 'plural' | 'ordinal' | 'select';

/** intl-messageformat's element types (its parser's TYPE enum, which the package does not re-export). */
const EL = { argument: 1, number: 2, date: 3, time: 4, select: 5, plural: 6, tag: 8 } as const;

interface Element {
	type: number;
	value?: string;
	options?: Record<string, { value: Element[] }>;
	pluralType?: 'cardinal' | 'ordinal';
	children?: Element[];
}

/** Every argument of an ICU text with its kind, the plural and select cases it offers (nested ones too). */
export function argumentsOf(ast: readonly Element[]): { args: Map<string, ArgKind>; cases: Map<string, Set<string>> } {
	const args = new Map<string, ArgKind>();
	const cases = new Map<string, Set<string>>();
	const walk = (els: readonly Element[]) => {
		for (const el of els) {
			if (el.type === EL.argument || el.type === EL.number || el.type === EL.date || el.type === EL.time) {
				if (!args.has(el.value!)) args.set(el.value!, 'value');
			} else if (el.type === EL.plural || el.type === EL.select) {
				args.set(el.value!, el.type === EL.select ? 'select' : el.pluralType === 'ordinal' ? 'ordinal' : 'plural');
				const set = cases.get(el.value!) ?? new Set<string>();
				for (const [name, option] of Object.entries(el.options ?? {})) {
					set.add(name);
					walk(option.value);
				}
				cases.set(el.value!, set);
			} else if (el.children) walk(el.children);
		}
	};
	walk(ast);
	return { args, cases };
}

export interface LocaleFormat {
	/** The BCP 47 tag Intl formats with (Arabic: Latin digits, `ar-u-nu-latn`). */
	intl: string;
	/** Right-to-left: text parameters are isolated (bidi.ts). */
	rtl: boolean;
}

// One NumberFormat per locale and options: a count in a sentence is grouped from five digits on
// ("2024" stays a year, "12,345" is grouped) and shows at most two decimals, as formatNumber does.
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locales: string | string[] | undefined, opts: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
	const key = `${String(locales)}|${JSON.stringify(opts)}`;
	let nf = numberFormats.get(key);
	if (!nf) {
		nf = new Intl.NumberFormat(locales, { maximumFractionDigits: 2, useGrouping: 'min2', ...opts } as Intl.NumberFormatOptions);
		numberFormats.set(key, nf);
	}
	return nf;
}

/** One instance per arguments: intl-messageformat asks for a formatter on every format call, and building an
 * Intl object costs far more than using one (a page formats hundreds of messages per change). */
function cached<A extends unknown[], T>(make: (...args: A) => T): (...args: A) => T {
	const made = new Map<string, T>();
	return (...args: A) => {
		const key = JSON.stringify(args);
		let hit = made.get(key);
		if (hit === undefined) made.set(key, (hit = make(...args)));
		return hit;
	};
}

const FORMATTERS = {
	getNumberFormat: (locales?: string | string[], opts?: Intl.NumberFormatOptions) => numberFormat(locales, opts),
	getDateTimeFormat: cached((...args: ConstructorParameters<typeof Intl.DateTimeFormat>) => new Intl.DateTimeFormat(...args)),
	getPluralRules: cached((...args: ConstructorParameters<typeof Intl.PluralRules>) => new Intl.PluralRules(...args))
};

interface Compiled {
	mf: IntlMessageFormat;
	args: Map<string, ArgKind>;
}

const compiled = new Map<string, Compiled>();

/** Parse `text` for `locale` once; a text that is not valid ICU throws (the catalogue test finds it first). */
export function compile(text: string, locale: LocaleFormat): Compiled {
	const key = `${locale.intl}\u0000${text}`;
	let hit = compiled.get(key);
	if (!hit) {
		// ignoreTag: "<" in a message is text, not the start of a rich-text tag.
		const mf = new IntlMessageFormat(text, locale.intl, undefined, { ignoreTag: true, formatters: FORMATTERS as never });
		hit = { mf, args: argumentsOf(mf.getAst() as Element[]).args };
		compiled.set(key, hit);
	}
	return hit;
}

/**
 * Fill `text` with `params`. A missing value stays visible as `{name}` (a count that is missing picks
 * the "other" form), so a forgotten parameter shows on screen instead of breaking the page. In a
 * right-to-left language every text value with a letter is isolated, so "2RC" or an English label keeps
 * its order and leaves the words around it in theirs.
 */
export function formatMessage(text: string, locale: LocaleFormat, params: Params = {}): string {
	// The same message with the same values is asked for again on every change of a page: answer from memory.
	const key = `${locale.intl}\u0000${locale.rtl}\u0000${text}\u0000${JSON.stringify(params, typed)}`;
	const done = formatted.get(key);
	if (done !== undefined) return done;
	const out = fill(text, locale, params);
	if (formatted.size >= FORMATTED_MAX) formatted.clear();
	formatted.set(key, out);
	return out;
}

/** Values tagged by type in the memory's key: 1 and "1", NaN and null stay apart. */
const typed = (_: string, v: unknown) => (typeof v === 'number' ? `n:${v}` : typeof v === 'string' ? `s:${v}` : v);

/** Formatted messages kept, at most this many (then the memory starts again). */
const FORMATTED_MAX = 20_000;
const formatted = new Map<string, string>();

function fill(text: string, locale: LocaleFormat, params: Params): string {
	const { mf, args } = compile(text, locale);
	const values: Record<string, string | number> = {};
	for (const [name, kind] of args) {
		const v = params[name];
		if (v === undefined || v === null) values[name] = kind === 'plural' || kind === 'ordinal' ? NaN : `{${name}}`;
		else if (kind === 'value' && typeof v === 'string' && locale.rtl) values[name] = isolate(v);
		else values[name] = v;
	}
	return String(mf.format(values));
}
