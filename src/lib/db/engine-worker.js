// The engine's worker: DuckDB's own worker script, started before the page's scripts (engine-inline.js)
// and made to get going at once instead of waiting for the page to ask:
//  1. the wasm is fetched and compiled the moment the worker exists, streamed from the plain response
//     (so the browser may keep the compiled code); DuckDB's own request for it gets this module;
//  2. DuckDB is instantiated and the database opened with the app's settings right away, as if the page
//     had asked; when the page's INSTANTIATE and OPEN arrive (the same settings), they are answered
//     with those results. Anything else, or other settings, goes to DuckDB as usual.
// A classic script, as DuckDB's worker is one; the URLs and the settings come in the worker's name.
const { worker, wasm, open } = JSON.parse(self.name);

async function compile() {
	const response = await fetch(wasm, { credentials: 'same-origin' });
	if (!response.ok) throw new Error(`the engine (${wasm}) could not be fetched: HTTP ${response.status}`);
	// Streaming compilation needs the wasm content type; a host that sends another gets the bytes compiled.
	if (/^application\/wasm\b/.test(response.headers.get('content-type') ?? '')) return WebAssembly.compileStreaming(response);
	return WebAssembly.compile(await response.arrayBuffer());
}

const compiled = compile();
compiled.catch(() => undefined); // reported when DuckDB asks for the module

const fetchFromNetwork = self.fetch.bind(self);
self.fetch = (input, init) => {
	const url = new URL(input instanceof Request ? input.url : String(input), self.location.href).href;
	return url === wasm ? Promise.resolve(new Response(null)) : fetchFromNetwork(input, init);
};
WebAssembly.instantiateStreaming = async (_response, imports) => {
	const module = await compiled;
	return { module, instance: await WebAssembly.instantiate(module, imports) };
};

importScripts(worker);

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
	early.OPEN = early.INSTANTIATE.then((r) => (r.type === 'OK' ? ask('OPEN', open) : r));

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
