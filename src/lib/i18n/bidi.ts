/**
 * Writing direction inside a line. Right-to-left text that holds a left-to-right piece ("2RC", "KHM",
 * an English indicator label) or the reverse is drawn by the Unicode bidirectional algorithm, which
 * moves neutral characters and numbers at the edges of the pieces: "الممنوح في 2RC" became
 * "1، 2 الممنوح في RC". An isolate (FSI … PDI) makes a piece one unit that takes its own direction
 * from its first strong letter and leaves its neighbours alone.
 */
export const FSI = '\u2068';
export const LRI = '\u2066';
export const RLI = '\u2067';
export const PDI = '\u2069';

const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC]/u;
const LETTER = /\p{L}/u;

/** Direction of a text by its first strong letter, as HTML's dir="auto" decides it. */
export function isRtl(text: string): boolean {
	for (const ch of text) {
		if (RTL_LETTER.test(ch)) return true;
		if (LETTER.test(ch)) return false;
	}
	return false;
}

/** Has the text a letter (a strong direction)? Bare numbers, dates written with digits and signs have none. */
export function hasLetter(text: string): boolean {
	return LETTER.test(text);
}

/**
 * `text` as one isolated unit: with a letter, in the direction of its first strong letter (FSI); without
 * a letter but with several numbers ("18–32", "2024-06-18", "7/9"), left to right (LRI), since the
 * algorithm would otherwise draw "32–18"; a single number needs nothing.
 */
export function isolate(text: string): string {
	if (hasLetter(text)) return `${FSI}${text}${PDI}`;
	return /\d\D+\d/.test(text) ? ltr(text) : text;
}

/** `text` kept left to right whatever surrounds it (an ISO date, a code). */
export function ltr(text: string): string {
	return `${LRI}${text}${PDI}`;
}

/** The text without isolate marks (for comparing, searching, file names). */
export function stripIsolates(text: string): string {
	return text.replace(/[\u2066-\u2069]/g, '');
}

const RTL_ANY = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC]/;

/**
 * A drawn chart's texts (SVG text and tspans, tooltips, Plot's HTML legend labels), each made one isolate
 * in its own direction: in a right-to-left language every text, elsewhere the texts that hold
 * right-to-left letters. The plot keeps its left-to-right geometry (axes, ticks, time), so "الممنوح في
 * 2RC" is drawn in its reading order inside the place Plot gave it. In a right-to-left language the
 * legends' swatches flow right to left, as the page does.
 */
export function isolateChartText(root: Element, rtl: boolean): void {
	const doc = root.ownerDocument;
	const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
	const nodes: Text[] = [];
	for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
	for (const n of nodes) {
		const text = n.nodeValue ?? '';
		if (!text.trim() || n.parentElement?.closest('style')) continue;
		if (!rtl && !RTL_ANY.test(text)) continue;
		if (text.startsWith(FSI) && text.endsWith(PDI)) continue;
		n.nodeValue = `${FSI}${text}${PDI}`;
	}
	if (rtl) for (const el of root.querySelectorAll('[class$="-swatches"], [class*="-swatches "]')) el.setAttribute('dir', 'rtl');
}
