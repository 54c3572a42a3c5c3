// The engine's worker: DuckDB's own worker script, made to get going at once instead of waiting for
// the page to ask:
//  1. the compiled wasm arrives by message from the page, which compiled it as it streamed in
//     (engine-inline.js, engine-start.ts); with none (null: the page could not compile it, e.g. a host
//     sending another content type), the worker fetches and compiles it itself. DuckDB's own request
//     for the wasm gets this module;
//  2. DuckDB is instantiated and the database opened with the app's settings right away, as if the page
//     had asked; when the page's INSTANTIATE and OPEN arrive (the same settings), they are answered
//     with those results. Anything else, or other settings, goes to DuckDB as usual.
// A classic script, as DuckDB's worker is one; the URLs and the settings come in the worker's name.
// Each step leaves a performance mark `oap-engine:<step>` in the worker's timeline (`npm run bench` reads them).
const { worker, wasm, open } = JSON.parse(self.name);
const mark = (step) => performance.mark(`oap-engine:${step}`);
// The network's fetch: DuckDB's own request for the wasm is answered below without it.
const fetchFromNetwork = self.fetch.bind(self);

async function compileHere() {
	const response = await fetchFromNetwork(wasm, { credentials: 'same-origin' });
	if (!response.ok) throw new Error(`the engine (${wasm}) could not be fetched: HTTP ${response.status}`);
	// Streaming compilation needs the wasm content type; a host that sends another gets the bytes compiled.
	if (/^application\/wasm\b/.test(response.headers.get('content-type') ?? '')) return WebAssembly.compileStreaming(response);
	return WebAssembly.compile(await response.arrayBuffer());
}

// The page's module, taken before DuckDB's script sets its own message handler.
const compiled = new Promise((resolve) => {
	self.addEventListener('message', function take(event) {
		if (!event.data || !('oapEngineModule' in event.data)) return;
		event.stopImmediatePropagation();
		self.removeEventListener('message', take);
		resolve(event.data.oapEngineModule ?? compileHere());
	});
}).then((module) => (mark('wasm-module'), module));
compiled.catch(() => undefined); // reported when DuckDB asks for the module

self.fetch = (input, init) => {
	const url = new URL(input instanceof Request ? input.url : String(input), self.location.href).href;
	return url === wasm ? Promise.resolve(new Response(null)) : fetchFromNetwork(input, init);
};
WebAssembly.instantiateStreaming = async (_response, imports) => {
	const module = await compiled;
	const instance = await WebAssembly.instantiate(module, imports);
	mark('wasm-instantiated');
	return { module, instance };
};

importScripts(worker);
mark('duckdb-script');

// DuckDB's dispatcher (its worker sets onmessage) answers our own requests (negative ids) to us.
const dispatch = self.onmessage;
if (typeof dispatch === 'function') {
	const toPage = self.postMessage.bind(self);
	const waiting = new Map();
	let nextId = -1;
	self.postMessage = (message, transfer) => {
		const done = waiting.get(message?.requestId);
		if (!done) return toPage(message, transfer);
		if (message.type !== 'INSTANTIATE_PROGRESS') done(message);
	};
	const ask = (type, data) =>
		new Promise((resolve) => {
			const messageId = nextId--;
			waiting.set(messageId, resolve);
			dispatch({ data: { messageId, type, data } });
		});

	// OPEN runs synchronously in DuckDB once dispatched, so it is done before the page hears that
	// instantiation is.
	const early = { INSTANTIATE: ask('INSTANTIATE', [wasm, null]) };
	early.OPEN = early.INSTANTIATE.then((r) => (mark('duckdb-instantiated'), r.type === 'OK' ? ask('OPEN', open) : r));
	early.OPEN.then(() => mark('opened'));

	self.onmessage = async (event) => {
		const task = event.data;
		const answer = early[task?.type];
		if (answer && (task.type !== 'OPEN' || JSON.stringify(task.data) === JSON.stringify(open))) {
			delete early[task.type];
			toPage({ ...(await answer), requestId: task.messageId });
			return;
		}
		dispatch(event);
	};
}
