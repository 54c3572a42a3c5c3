import type { ClientInit } from '@sveltejs/kit';
import { app } from '$lib/state/app.svelte';

// The engine starts before the page's own code has even loaded: its worker fetches and compiles the
// wasm while the bundled tables and the page arrive (pages ask it for data when they need it).
export const init: ClientInit = () => {
	app.connector().catch(() => undefined);
};
