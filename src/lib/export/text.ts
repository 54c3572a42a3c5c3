/** Text helpers for SVG output: escaping, writing direction, line wrapping with a given measure. */

export interface Font {
	size: number;
	weight: number;
}
/** Width of `text` in CSS px at `font` (in the browser: canvas measureText with the export font). */
export type Measure = (text: string, font: Font) => number;

/** A rough measure for tests and for fallbacks: average glyph width about half the font size. */
export const approximateMeasure: Measure = (text, font) => Array.from(text).length * font.size * (font.weight >= 600 ? 0.6 : 0.55);

/**
 * Characters XML 1.0 forbids even as references: C0 controls but tab, LF and CR; U+FFFE and U+FFFF;
 * and halves of surrogate pairs that lack their other half.
 */
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text (or a whole document) without the characters XML 1.0 forbids: the one function every XML
 * export uses — SVG, PNG (drawn from SVG), PowerPoint and Word — so a control character in a State's
 * name or a note can never make a file that does not open.
 */
export function xmlSafe(text: string): string {
	return text.replace(XML_FORBIDDEN, '');
}

export function escapeXml(text: string): string {
	return xmlSafe(text)
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;');
}

/** Direction of a text by its first strong letter (one rule for pages and exports: i18n/bidi.ts). */
export { isRtl } from '$lib/i18n/bidi';

/** Break `text` into lines no wider than `max`; a word wider than `max` is cut by characters. */
export function wrap(text: string, max: number, font: Font, measure: Measure): string[] {
	const words = text.trim().split(/\s+/).filter(Boolean);
	const lines: string[] = [];
	let line = '';
	for (const word of words) {
		const candidate = line ? `${line} ${word}` : word;
		if (measure(candidate, font) <= max) {
			line = candidate;
			continue;
		}
		if (line) lines.push(line);
		line = word;
		while (measure(line, font) > max && Array.from(line).length > 1) {
			const chars = Array.from(line);
			let n = chars.length - 1;
			while (n > 1 && measure(chars.slice(0, n).join(''), font) > max) n--;
			lines.push(chars.slice(0, n).join(''));
			line = chars.slice(n).join('');
		}
	}
	if (line) lines.push(line);
	return lines;
}
