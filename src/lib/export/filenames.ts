/**
 * File names from chart titles. Letters and digits of every script are kept (an Arabic or Russian
 * title gives an Arabic or Russian name, not an empty one); everything else becomes one hyphen, so
 * the name is safe on Windows, macOS and Linux and in a ZIP.
 */
import { DEMONSTRATION } from '$lib/model/sources';
import { hasDemonstrationValues } from './rows';
import type { ChartSource } from './types';

const MAX_CHARS = 80;

export function slug(title: string, fallback = 'chart'): string {
	const words = title
		.normalize('NFKC')
		.toLocaleLowerCase('und')
		.replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
		.replace(/^-+|-+$/g, '');
	// Cut by code points, never inside a surrogate pair, and not in the middle of a word when avoidable.
	const chars = Array.from(words);
	if (chars.length <= MAX_CHARS) return words || fallback;
	const cut = chars.slice(0, MAX_CHARS).join('');
	const atWord = cut.lastIndexOf('-');
	return (atWord > MAX_CHARS / 2 ? cut.slice(0, atWord) : cut).replace(/-+$/, '') || fallback;
}

/** "a21-1-area-released-2x.png": the title's slug, an optional variant, the extension. */
export function exportFileName(title: string, ext: string, variant = ''): string {
	return `${slug(title)}${variant ? `-${variant}` : ''}.${ext}`;
}

/** A chart's export file name; it says "demonstration" when any exported value is demonstration data. */
export function chartFileName(src: Pick<ChartSource, 'title' | 'rows' | 'sources'>, ext: string, variant = ''): string {
	const demo = hasDemonstrationValues(src.rows, src.sources);
	return exportFileName(src.title, ext, [demo ? DEMONSTRATION : '', variant].filter(Boolean).join('-'));
}

/** Numbered names for a set of files (a ZIP of a deck's charts), in order, never twice the same. */
export function numberedFileNames(titles: readonly string[], ext: string): string[] {
	const width = String(titles.length).length;
	return titles.map((t, i) => `${String(i + 1).padStart(Math.max(2, width), '0')}-${slug(t)}.${ext}`);
}
