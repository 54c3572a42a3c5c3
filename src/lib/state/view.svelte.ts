/**
 * The one way a page asks its question of the model (src/lib/model/views): `pageView` answers from the
 * prerendered answer while the engine starts, then from the loaded data, and again whenever the
 * parameters or the data change. When the loaded data give another answer than the prerendered one
 * (the reader's own files, a deployment's), `updated` says so, so the change is visible, not silent.
 */
import { untrack } from 'svelte';
import { storedFileCount } from '$lib/data/persist';
import type { Connector } from '$lib/db/connector';
import { demonstrationRows } from '$lib/model/tables';
import type { Source } from '$lib/model/views/source';
import { app } from './app.svelte';
import { live, type Live } from './live.svelte';
import { prerendered, prerenderedView } from './prerendered';

/** The app's loaded data as a model source: shared answers last until the data change (app.memo). */
export function appSource(conn: Connector): Source {
	return { conn, shared: (key, run) => app.memo(key, run) };
}

/** Ask the model once on the loaded data (an export, an import), after the engine is ready. */
export async function ask<T>(question: (src: Source) => Promise<T>): Promise<T> {
	return question(appSource(await app.connector()));
}

export interface PageView<T> extends Live<T> {
	/** The answer shown is the prerendered one (the engine has not answered yet). */
	readonly prerendered: boolean;
	/** The engine's answer to the current parameters is shown, and no other is on its way. */
	readonly current: boolean;
	/** The prerendered answer is shown while the reader's own files (kept in this browser) are still to be loaded. */
	readonly pending: boolean;
	/** The engine's answer differs from the prerendered one it replaced. */
	readonly updated: boolean;
}

/**
 * `name` identifies the question for the prerendered answer (model/views/pages.ts); `params` is read
 * reactively. Call during component initialisation.
 */
export function pageView<P, T>(name: string, params: () => P, question: (src: Source, p: P) => Promise<T>): PageView<T> {
	// Each answer carries the parameters it answers, so a late answer is never compared with the wrong question.
	const answer = live(params, async (conn, p) => ({ key: JSON.stringify(p), view: await question(appSource(conn), p) }));
	const key = $derived(JSON.stringify(params()));
	// The document's answer, for the parameters the page opened with: shown until the engine answers,
	// also after the reader changed a parameter (the page keeps its figures while the new ones come).
	const opened = prerenderedView<T>(name, untrack(params));
	const exact = $derived(prerenderedView<T>(name, params()));
	const first = $derived(exact ?? opened);
	// Said only when the engine answered the very question the document had answered, differently.
	const updated = $derived(exact !== undefined && answer.value?.key === key && JSON.stringify(exact) !== JSON.stringify(answer.value.view));
	return {
		get value() {
			return answer.value?.view ?? first;
		},
		get error() {
			return answer.error;
		},
		get loading() {
			return answer.loading;
		},
		get prerendered() {
			return answer.value === undefined && first !== undefined;
		},
		get current() {
			return answer.value?.key === key && !answer.loading;
		},
		get pending() {
			return answer.value === undefined && first !== undefined && storedFiles.count > 0;
		},
		get updated() {
			return updated;
		}
	};
}

/** How many of the reader's files the browser keeps (they are loaded after the bundled data): counted once. */
const storedFiles = $state({ count: 0 });
if (typeof indexedDB !== 'undefined')
	storedFileCount().then(
		(n) => (storedFiles.count = n),
		() => undefined
	);

/**
 * Demonstration rows in the loaded data (the banner and the brief say so while there are any): counted
 * by the engine, and until it is ready, the count the prerendered page brought.
 */
export function demonstration(): { readonly rows: number } {
	const counted = live(() => null, (conn) => demonstrationRows(conn));
	return {
		get rows() {
			return counted.value ?? prerendered()?.demo ?? 0;
		}
	};
}
