import { browser } from '$app/environment';
import { goto } from '$app/navigation';
import { page } from '$app/state';

/**
 * Read a search parameter of the current URL. A prerendered page is the address without a query (the
 * browser's document says what the query asks, and the page answers it once running).
 */
export function param(name: string): string | null {
	return browser ? page.url.searchParams.get(name) : null;
}

export function intParam(name: string, fallback: number): number {
	const v = Number(param(name));
	return Number.isInteger(v) && param(name) !== null ? v : fallback;
}

/**
 * Put a selection into the URL, so a copied link reproduces the view and Back walks back through
 * changes. `null` removes the parameter.
 */
export function setParams(values: Record<string, string | number | null>, options: { replace?: boolean } = {}): Promise<void> {
	const url = new URL(page.url);
	for (const [k, v] of Object.entries(values)) {
		if (v === null || v === '') url.searchParams.delete(k);
		else url.searchParams.set(k, String(v));
	}
	// Typing replaces the entry (one Back step per search, not per keystroke); choices push one.
	return goto(url, { keepFocus: true, noScroll: true, replaceState: options.replace ?? false });
}
