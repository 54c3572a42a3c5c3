/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// Offline after the first visit: the app, the DuckDB engine and the bundled data are cached when the
// service worker installs; a second visit starts from the cache with no network request. A new build
// installs beside the old one and takes over on the next visit (the page announces it).
import { base, build, files, prerendered, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `oap-${version}`;
const FALLBACK = `${base}/200.html`;
// The app shell, every built file (JS, CSS, the wasm, the bundled data) and the static files.
// Prerendered pages are cached as they are visited; any other page opens from the fallback shell.
const PRECACHE = [...new Set([...build, ...files, FALLBACK, prerendered.find((p) => p === `${base}/`) ?? `${base}/`])];
const IMMUTABLE = new Set([...build, ...files]);

// The deployment's data files (data-files/manifest.json and the files it lists) are served network
// first, so a team that replaces them is seen at once, but kept at install for the first offline visit.
const DATA = `${base}/data-files/`;

async function keepDataFiles(cache: Cache): Promise<void> {
	try {
		const res = await fetch(`${DATA}manifest.json`, { cache: 'no-cache' });
		if (!res.ok) return;
		await cache.put(`${DATA}manifest.json`, res.clone());
		const { files } = (await res.json()) as { files: { file: string }[] };
		await cache.addAll(files.map((f) => DATA + f.file.split('/').map(encodeURIComponent).join('/')));
	} catch {
		// Unreachable now: they are kept when the app first fetches them.
	}
}

sw.addEventListener('install', (event) => {
	event.waitUntil(caches.open(CACHE).then(async (cache) => {
		await cache.addAll(PRECACHE);
		await keepDataFiles(cache);
	}));
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		caches.keys().then((keys) => Promise.all(keys.filter((k) => k.startsWith('oap-') && k !== CACHE).map((k) => caches.delete(k))))
	);
});

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	const url = new URL(request.url);
	if (request.method !== 'GET' || url.origin !== sw.location.origin || request.headers.has('range')) return;
	if (IMMUTABLE.has(url.pathname)) event.respondWith(cacheFirst(request));
	else if (request.mode === 'navigate') event.respondWith(page(request));
	// Anything else of this origin (a deployment's own data files and their manifest): the network
	// first, so replaced files are seen at once, and the last copy when offline.
	else event.respondWith(networkFirst(request));
});

async function cacheFirst(request: Request): Promise<Response> {
	const cache = await caches.open(CACHE);
	return (await cache.match(request)) ?? fetchAndKeep(cache, request);
}

/** A page: its cached copy (any query), else the network (kept), else the fallback shell. */
async function page(request: Request): Promise<Response> {
	const cache = await caches.open(CACHE);
	const cached = await cache.match(request, { ignoreSearch: true });
	if (cached) return cached;
	try {
		const res = await fetch(request);
		if (res.ok) await cache.put(new URL(request.url).pathname, res.clone());
		return res;
	} catch {
		return (await cache.match(FALLBACK)) ?? Response.error();
	}
}

async function networkFirst(request: Request): Promise<Response> {
	const cache = await caches.open(CACHE);
	try {
		return await fetchAndKeep(cache, request);
	} catch {
		return (await cache.match(request)) ?? Response.error();
	}
}

async function fetchAndKeep(cache: Cache, request: Request): Promise<Response> {
	const res = await fetch(request);
	if (res.ok && res.type === 'basic') await cache.put(request, res.clone());
	return res;
}
