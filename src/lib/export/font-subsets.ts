/**
 * The export font, Noto Sans (Latin, Cyrillic), Noto Sans Arabic and Noto Sans SC (Chinese), bundled
 * through @fontsource and served by the app itself. Each subset covers a range of characters (the
 * ranges of @fontsource's CSS); an export embeds only the subsets its text uses. Chinese comes in about
 * a hundred slices of a few thousand characters each, so a chart needs a few of them, and a chart
 * without Chinese none.
 */
import cjkCss from '@fontsource/noto-sans-sc/400.css?raw';

export type Subset = 'latin' | 'latin-ext' | 'cyrillic' | 'arabic' | `cjk-${number}`;
const FIXED: Subset[] = ['latin', 'latin-ext', 'cyrillic', 'arabic'];

/** Noto Sans SC's numbered slices (the named latin/cyrillic ones are Noto Sans's job), from @fontsource's CSS. */
export const CJK_SLICES: ReadonlyMap<`cjk-${number}`, string> = new Map(
	[...cjkCss.matchAll(/noto-sans-sc-(\d+)-400-normal\.woff2\)[^;]*;\s*unicode-range:\s*([^;]+);/g)].map((m) => [`cjk-${Number(m[1])}`, m[2].trim()])
);

export const UNICODE_RANGES: Record<Subset, string> = {
	latin: 'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
	'latin-ext': 'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF',
	cyrillic: 'U+0301,U+0400-045F,U+0490-0491,U+04B0-04B1,U+2116',
	arabic: 'U+0600-06FF,U+0750-077F,U+0870-088E,U+0890-0891,U+0897-08E1,U+08E3-08FF,U+200C-200E,U+2010-2011,U+204F,U+2E41,U+FB50-FDFF,U+FE70-FE74,U+FE76-FEFC',
	...Object.fromEntries(CJK_SLICES)
};

export const SUBSETS: Subset[] = [...FIXED, ...CJK_SLICES.keys()];

function parseRanges(css: string): [number, number][] {
	return css.split(',').map((part) => {
		const [lo, hi] = part.trim().replace(/^U\+/i, '').split('-');
		return [parseInt(lo, 16), parseInt(hi ?? lo, 16)];
	});
}

const RANGES = new Map(SUBSETS.map((s) => [s, parseRanges(UNICODE_RANGES[s])]));

/** A character each subset draws: the probe that shows its face has loaded (font-probe.ts). */
export function sampleOf(subset: Subset): string {
	const fixed: Record<string, string> = { latin: 'H', 'latin-ext': 'Ł', cyrillic: 'Ж', arabic: 'ب' };
	if (fixed[subset]) return fixed[subset];
	// A Chinese slice: its first ideograph (a slice may begin with punctuation another face could draw).
	const firsts = RANGES.get(subset)!.map(([lo]) => String.fromCodePoint(lo));
	return firsts.find((c) => /\p{Script=Han}/u.test(c)) ?? firsts[0];
}

/** The subsets that have a glyph for some character of `text` (Latin always: digits, punctuation). */
export function subsetsFor(text: string): Subset[] {
	const used = new Set<Subset>(['latin']);
	const seen = new Set<number>();
	for (const ch of text) {
		const cp = ch.codePointAt(0)!;
		if (cp < 0x100 || seen.has(cp)) continue;
		seen.add(cp);
		// Noto Sans first: a character both cover (punctuation) takes its Latin, Cyrillic or Arabic face.
		const hit = SUBSETS.find((s) => RANGES.get(s)!.some(([lo, hi]) => cp >= lo && cp <= hi));
		if (hit) used.add(hit);
	}
	return SUBSETS.filter((s) => used.has(s));
}

/** Is the subset Chinese (one weight bundled: bold is drawn from it)? */
export const isCjk = (s: Subset): s is `cjk-${number}` => s.startsWith('cjk-');
