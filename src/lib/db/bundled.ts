/**
 * The bundled tables as the loader left them, in one file: the build loads the bundled files through
 * the one loader in Node (every rule checked; a file that fails fails the build) and ships the tables
 * as Arrow IPC streams, so the browser inserts them in one request with no parsing and no checks to
 * repeat. It is the loader's output, not a second way in: files still enter only through the loader.
 *
 * Layout: "OAPB", a little-endian u32 header length, the header (JSON), then each table's IPC stream.
 */
import type { TableName } from '$lib/data/schema';
import type { Connector } from './connector';
import type { ListedFile } from './load/listed';

/** A file the tables were loaded from, with its content's fingerprint. */
export interface BundledSource extends ListedFile {
	hash: string;
}

export interface BundledHeader {
	/** The list the tables were loaded from, in order. */
	files: BundledSource[];
	tables: { table: TableName; rows: number; bytes: number }[];
}

export interface Bundled {
	header: BundledHeader;
	/** Each table's Arrow IPC stream, in `header.tables` order. */
	streams: Uint8Array[];
}

const MAGIC = [0x4f, 0x41, 0x50, 0x42]; // "OAPB"

export function packBundled(header: Omit<BundledHeader, 'tables'>, tables: { table: TableName; rows: number; ipc: Uint8Array }[]): Uint8Array {
	const full: BundledHeader = { ...header, tables: tables.map((t) => ({ table: t.table, rows: t.rows, bytes: t.ipc.byteLength })) };
	const json = new TextEncoder().encode(JSON.stringify(full));
	const out = new Uint8Array(8 + json.byteLength + tables.reduce((s, t) => s + t.ipc.byteLength, 0));
	out.set(MAGIC, 0);
	new DataView(out.buffer).setUint32(4, json.byteLength, true);
	out.set(json, 8);
	let at = 8 + json.byteLength;
	for (const t of tables) {
		out.set(t.ipc, at);
		at += t.ipc.byteLength;
	}
	return out;
}

export function unpackBundled(bytes: Uint8Array): Bundled {
	if (bytes.byteLength < 8 || MAGIC.some((b, i) => bytes[i] !== b)) throw new Error('not a bundled-tables file');
	const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(4, true);
	const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + length))) as BundledHeader;
	let at = 8 + length;
	const streams = header.tables.map((t) => bytes.subarray(at, (at += t.bytes)));
	if (at !== bytes.byteLength) throw new Error('bundled-tables file truncated');
	return { header, streams };
}

/** Append the bundled tables to the (empty) tables of the contract, in one transaction. */
export async function insertBundled(conn: Connector, bundled: Bundled): Promise<void> {
	await conn.exec('BEGIN TRANSACTION');
	try {
		for (const [i, t] of bundled.header.tables.entries()) await conn.appendArrow(t.table, bundled.streams[i], false);
		await conn.exec('COMMIT');
	} catch (e) {
		await conn.exec('ROLLBACK').catch(() => undefined);
		throw e;
	}
}

/** The list entries the tables came from, as a manifest would give them (to compare with the served one). */
export function sameList(a: ListedFile[], b: ListedFile[]): boolean {
	const key = (f: ListedFile) => JSON.stringify([f.file, f.table ?? null, f.source ?? null, f.sheet ?? null, f.headerRow ?? null]);
	return a.length === b.length && a.every((f, i) => key(f) === key(b[i]));
}

/**
 * A 53-bit hash of a file's bytes (cyrb53), to notice a file replaced in place. Not a security
 * measure (whoever hosts the files controls both); plain JS because crypto.subtle needs HTTPS.
 */
export function fingerprint(bytes: Uint8Array): string {
	let h1 = 0xdeadbeef;
	let h2 = 0x41c6ce57;
	for (let i = 0; i < bytes.length; i++) {
		const b = bytes[i];
		h1 = Math.imul(h1 ^ b, 2654435761);
		h2 = Math.imul(h2 ^ b, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0') + ':' + bytes.length.toString(16);
}
