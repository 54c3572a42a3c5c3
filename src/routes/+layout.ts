// A static app: every page is prerendered by the build (the listed ones drawn from their answer on the
// bundled data, hooks.server.ts) and then runs in the browser, where DuckDB-WASM runs. Nothing runs on a server.
import { browser } from '$app/environment';
import { i18n, loadMessages } from '$lib/i18n/locale.svelte';

export const prerender = true;
export const ssr = true;

/** The reader's language's words arrive before the first page is drawn (no English flash). */
export async function load() {
	// A catalogue that cannot be fetched leaves the page in English rather than on an error page.
	if (browser) await loadMessages(i18n.locale).catch(() => (i18n.locale = 'en'));
	return {};
}
