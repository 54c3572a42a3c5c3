import type { ClientInit } from '@sveltejs/kit';
import { app } from '$lib/state/app.svelte';

// The engine starts before the page's own code has even loaded: its worker fetches and compiles the
// wasm while the bundled tables and the page arrive (pages ask it for data when they need it).
// Then the prerendered document is painted before it is hydrated: hydration is one long task, and
// started at once it would hold the first paint back until it ends (≈ 300 ms here).
export const init: ClientInit = async () => {
	app.connector().catch(() => undefined);
	await afterNextPaint();
};

/**
 * Resolves once the browser has painted the next frame (a task queued from the frame's callback runs
 * after its paint); at once in a tab opened in the background, which paints no frame until shown.
 */
function afterNextPaint(): Promise<void> {
	if (document.visibilityState === 'hidden') return Promise.resolve();
	return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
