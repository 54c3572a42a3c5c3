/**
 * The answer a page was prerendered with (issue 11): the build ran the page's question on the bundled
 * data in Node (state/answers.server.ts, while the build prerenders) and wrote it into the page's HTML as
 * `<script type="application/json" id="oap-view">` (JSON is not run, so the CSP is untouched). The page
 * paints from it at once; the engine's own answer replaces it when ready.
 */

/** What the build wrote: which question, with which parameters, its answer, and the demonstration rows then loaded. */
export interface Prerendered {
	name: string;
	params: unknown;
	view: unknown;
	/** Demonstration rows in the bundled data (the banner shows before the engine can count them). */
	demo: number;
}

export const PRERENDERED_ID = 'oap-view';

/** Where the build lists the paths it answered (hooks.server.ts), for its check that each page carries its answer (scripts/check-views.ts). */
export const ANSWERED_PAGES_FILE = '.svelte-kit/oap/answered-pages.json';

let read: Prerendered | null | undefined;
/** While prerendering: the answer of the page being rendered (hooks.server.ts sets it per page; pages are rendered one at a time, svelte.config.js). */
let rendering: Prerendered | null = null;

/** The build's prerendering step: the answer the page about to be rendered paints from. */
export function renderingWith(answer: Prerendered | null): void {
	rendering = answer;
}

/** The page's prerendered answer, read once from the document it arrived in. */
export function prerendered(): Prerendered | null {
	if (typeof document === 'undefined') return rendering;
	if (read !== undefined) return read;
	read = null;
	try {
		const text = typeof document === 'undefined' ? null : document.getElementById(PRERENDERED_ID)?.textContent;
		if (text) read = JSON.parse(text) as Prerendered;
	} catch {
		// A damaged answer is no answer: the page waits for the engine as it did before.
	}
	return read;
}

/** The answer for this question and these parameters, if the document brought it. */
export function prerenderedView<T>(name: string, params: unknown): T | undefined {
	const p = prerendered();
	return p && p.name === name && JSON.stringify(p.params) === JSON.stringify(params) ? (p.view as T) : undefined;
}
