/// <reference lib="webworker" />
// The decode worker: workbooks, Parquet and legacy encodings decoded off the page's main thread.
import { localDecoders, type Decoders, type ParquetModule } from './decoders';

let parquet: Promise<ParquetModule> | null = null;
const decoders = localDecoders(() => {
	parquet ??= import('parquet-wasm/esm').then(async (m) => {
		// The glue finds its wasm beside itself (one copy in the build, served by the app).
		await m.default();
		return m as unknown as ParquetModule;
	});
	return parquet;
});

type Request = { id: number; op: keyof Decoders; args: unknown[] };

self.onmessage = async (e: MessageEvent<Request>) => {
	const { id, op, args } = e.data;
	try {
		const result = await (decoders[op] as (...a: unknown[]) => Promise<unknown>)(...args);
		const transfer = result instanceof Uint8Array ? [result.buffer] : result && typeof result === 'object' && 'csv' in result ? [(result as { csv: Uint8Array }).csv.buffer] : [];
		self.postMessage({ id, result }, { transfer: transfer as Transferable[] });
	} catch (err) {
		// A wasm trap may leave the module in a broken state: the client replaces this worker.
		self.postMessage({ id, error: err instanceof Error ? err.message : String(err), fatal: err instanceof WebAssembly.RuntimeError });
	}
};
