import { untrack } from 'svelte';
import type { Connector } from '$lib/db/connector';
import { app } from './app.svelte';

export interface Live<T> {
	readonly value: T | undefined;
	readonly error: string | null;
	readonly loading: boolean;
}

/**
 * The one way a component asks the model a question. `params` is read reactively; the question is
 * asked again when the params or the loaded data change, and late answers to old questions are dropped.
 * Call during component initialisation (it creates an effect torn down with the component).
 */
export function live<P, T>(params: () => P, run: (conn: Connector, p: P) => Promise<T>): Live<T> {
	let value = $state.raw<T | undefined>(undefined);
	let error = $state<string | null>(null);
	let loading = $state(true);

	$effect(() => {
		const p = params();
		const ready = app.status === 'ready';
		void app.version;
		if (!ready) {
			untrack(() => app.connector()).catch(() => undefined);
			return;
		}
		let stale = false;
		loading = true;
		untrack(() => app.connector())
			.then((conn) => run(conn, p))
			.then(
				(r) => {
					if (stale) return;
					value = r;
					error = null;
					loading = false;
				},
				(e: unknown) => {
					if (stale) return;
					error = e instanceof Error ? e.message : String(e);
					loading = false;
				}
			);
		return () => {
			stale = true;
		};
	});

	return {
		get value() {
			return value;
		},
		get error() {
			return error;
		},
		get loading() {
			return loading;
		}
	};
}
