/**
 * The service worker (src/service-worker.ts: the app, the engine and the bundled data kept for the
 * next visit and for work offline), registered once the first page's data are in: its install fetches
 * the whole app, which on a first visit would otherwise compete with the engine's start. Registering
 * on every visit also has the browser check for a newer build (components/UpdateNotice.svelte).
 */
import { dev } from '$app/environment';
import { base } from '$app/paths';

export function registerServiceWorker(): void {
	if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
	navigator.serviceWorker.register(`${base}/service-worker.js`, { type: dev ? 'module' : 'classic' }).catch(() => undefined);
}
