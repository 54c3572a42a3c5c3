/**
 * The decoders in a worker of our own, so decoding a large workbook or Parquet file never blocks
 * the page. A worker that dies (a wasm panic on a malformed file) is replaced on the next call.
 */
import type { Decoders } from './decoders';

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

export function workerDecoders(): Decoders {
	let worker: Worker | null = null;
	let next = 1;
	const pending = new Map<number, Pending>();

	function fail(message: string) {
		for (const p of pending.values()) p.reject(new Error(message));
		pending.clear();
		worker?.terminate();
		worker = null;
	}

	function get(): Worker {
		if (worker) return worker;
		worker = new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module' });
		worker.onmessage = (e: MessageEvent<{ id: number; result?: unknown; error?: string; fatal?: boolean }>) => {
			const p = pending.get(e.data.id);
			if (!p) return;
			pending.delete(e.data.id);
			if (e.data.error !== undefined) p.reject(new Error(e.data.error));
			else p.resolve(e.data.result);
			if (e.data.fatal) fail(e.data.error ?? 'the decoder stopped');
		};
		worker.onerror = (e) => fail(e.message || 'the decoder stopped');
		return worker;
	}

	function call<T>(op: keyof Decoders, ...args: unknown[]): Promise<T> {
		const id = next++;
		return new Promise<T>((resolve, reject) => {
			pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
			get().postMessage({ id, op, args });
		});
	}

	return {
		previewWorkbook: (data) => call('previewWorkbook', data),
		workbookCsv: (data, sheet, headerRow) => call('workbookCsv', data, sheet, headerRow),
		parquetOpen: (data) => call('parquetOpen', data),
		parquetRowGroup: (session, index) => call('parquetRowGroup', session, index),
		parquetClose: (session) => call('parquetClose', session),
		transcode: (data, from) => call('transcode', data, from),
		warmParquet: () => call('warmParquet')
	};
}
