import bundledUrl from 'virtual:oap-bundled-data';
import { fingerprint, insertBundled, sameList, unpackBundled, type Bundled } from '$lib/db/bundled';
import { OFFLINE_SETTINGS, type Connector } from '$lib/db/connector';
import { startEngineWorker } from '$lib/db/engine-start';
import { createTables } from '$lib/db/ingest';
import { loadListed, problemsOf } from '$lib/db/load/listed';
import { localDay } from '$lib/data/day';
import type { Loader, LoadMode, LoadOutcome, LoadProgress, LoadRequest } from '$lib/db/load/loader';
import { clearStoredFiles, storedFiles, storeFile, type StoredFile } from '$lib/data/persist';
import { fileProblem, type ProblemGroup } from '$lib/data/problems';
import type { ColumnMapping } from '$lib/data/recognise';
import { TABLE_NAMES, type TableName } from '$lib/data/schema';
import { fetchDataFile, fetchManifest, MANIFEST_DIR, type Manifest } from './deployment';
import { registerServiceWorker } from './offline';
import { storage } from './storage.svelte';

export type AppStatus = 'starting' | 'ready' | 'failed';
export type { LoadMode };

/** Where the loaded files are kept between visits. */
export type Storage = { ok: true } | { ok: false; reason: string };

/** What the user chose for one file beyond the mode (after a question from the loader). */
export interface FileChoices {
	mode: LoadMode;
	table?: TableName;
	mapping?: ColumnMapping;
	sheet?: string;
	headerRow?: number;
	confirmOrphans?: boolean;
}

/** One file's result: the loader's outcome and, for a loaded file, whether it was kept in the browser. */
export interface FileResult {
	file: File;
	choices: FileChoices;
	outcome: LoadOutcome;
	/** For a loaded file: kept in the browser, or not (with the browser's reason). */
	saved: Storage | null;
	/** The file was already in the tables from an earlier try whose saving failed: only saving was tried again. */
	retriedSave: boolean;
}

function mark(name: string): void {
	if (performance.getEntriesByName(name).length === 0) performance.mark(name);
}

/** The bundled tables the build checked (db/bundled.ts); null when they cannot be had (the files are loaded instead). */
async function fetchBundled(): Promise<Bundled | null> {
	try {
		const res = await fetch(bundledUrl);
		return res.ok ? unpackBundled(new Uint8Array(await res.arrayBuffer())) : null;
	} catch {
		return null;
	}
}

/** What the start fetches while the engine starts. */
interface Prefetched {
	manifest: Promise<Manifest | Error>;
	bundled: Promise<Bundled | null>;
}

const prefetch = (): Prefetched => ({ manifest: fetchManifest().catch((e: Error) => e), bundled: fetchBundled() });

const fileKey = (f: File) => `${f.name}\u0000${f.size}\u0000${f.lastModified}`;

/**
 * The loaded data as the pages see it. `version` changes after every change to the tables, so a page
 * re-runs its questions exactly when the answer can have changed.
 */
class AppData {
	status = $state<AppStatus>('starting');
	failure = $state<string | null>(null);
	version = $state(0);
	/** Problems with the deployment's data files (data-files/manifest.json). */
	deploymentProblems = $state.raw<ProblemGroup[]>([]);
	/** Problems replaying files stored from an earlier visit. */
	replayProblems = $state.raw<ProblemGroup[]>([]);
	#conn: Promise<Connector> | null = null;
	#loader: Promise<Loader> | null = null;
	/** Loads and restores, one at a time (a check of the deployment's files may reload them). */
	#queue: Promise<unknown> = Promise.resolve();
	#memo = new Map<string, { version: number; value: Promise<unknown> }>();
	/** Files loaded in this tab whose saving failed, so a retry saves them instead of loading them twice. */
	#unsaved = new Map<string, { result: FileResult; stored: StoredFile }>();

	/** Answer shared by every page until the data change (e.g. the whole plan's values). */
	memo<T>(key: string, run: (conn: Connector) => Promise<T>): Promise<T> {
		const hit = this.#memo.get(key);
		if (hit && hit.version === this.version) return hit.value as Promise<T>;
		const value = this.connector().then(run);
		this.#memo.set(key, { version: this.version, value });
		value.catch(() => this.#memo.delete(key));
		return value;
	}

	/** Start DuckDB and load the deployment's data, once. */
	connector(): Promise<Connector> {
		this.#conn ??= this.#start();
		return this.#conn;
	}

	async #start(): Promise<Connector> {
		try {
			// All at once: the engine's worker (its wasm compiling since the page's head), DuckDB's API, the manifest and the bundled tables.
			const worker = startEngineWorker();
			const fetched = prefetch();
			const { createBrowserConnector } = await import('$lib/db/browser');
			const conn = createBrowserConnector(OFFLINE_SETTINGS, worker);
			await conn.exec('SELECT 1');
			mark('db-ready');
			await this.#loadDeployment(conn, fetched);
			mark('data-ready');
			registerServiceWorker();
			await this.#replay(conn);
			this.status = 'ready';
			this.version++;
			return conn;
		} catch (e) {
			this.status = 'failed';
			this.failure = (e as Error).message;
			registerServiceWorker();
			throw e;
		}
	}

	/**
	 * Make the loader and its decoders ready while the reader looks at the page where files are chosen:
	 * the first file then waits neither for the loader's code nor for the Parquet decoder's wasm.
	 */
	async prepareLoading(): Promise<void> {
		const loader = await this.#getLoader(await this.connector());
		await loader.warm();
	}

	/**
	 * The one loader on `conn`, made when a file is to be loaded (the bundled tables need none). Takes
	 * the connector rather than asking for it: during the start, `connector()` is the start itself.
	 */
	#getLoader(conn: Connector): Promise<Loader> {
		this.#loader ??= (async () => {
			const [{ Loader }, { workerDecoders }] = await Promise.all([import('$lib/db/load/loader'), import('$lib/data/decode/decode-client')]);
			return new Loader(conn, await conn.fork(), workerDecoders());
		})();
		return this.#loader;
	}

	#exclusive<T>(work: () => Promise<T>): Promise<T> {
		const run = this.#queue.then(work, work);
		this.#queue = run.catch(() => undefined);
		return run;
	}

	/**
	 * The deployment's data: the tables the build checked, inserted as they are, when the served
	 * manifest lists the build's own files; otherwise every listed file through the loader.
	 */
	async #loadDeployment(conn: Connector, fetched: Prefetched = prefetch()): Promise<void> {
		await conn.exec(TABLE_NAMES.map((t) => `DROP TABLE IF EXISTS "${t}"`).join(';'));
		await createTables(conn);
		const manifest = await fetched.manifest;
		if (manifest instanceof Error) {
			this.deploymentProblems = [fileProblem(`${MANIFEST_DIR}/manifest.json`, 'engine', { reason: manifest.message })];
			return;
		}
		const bundled = await fetched.bundled;
		if (bundled && sameList(bundled.header.files, manifest.files)) {
			const t0 = performance.now();
			await insertBundled(conn, bundled);
			performance.measure('oap-engine:insert', { start: t0, end: performance.now() });
			this.deploymentProblems = [];
			void this.#checkServedFiles(bundled);
			return;
		}
		this.deploymentProblems = await loadListed(await this.#getLoader(conn), manifest.files, fetchDataFile, localDay());
	}

	/**
	 * A team may replace a listed file in place without touching the manifest (README, Deploy): once
	 * the pages are drawn, the served files are compared with the ones the build checked, and if one
	 * differs the listed files are loaded through the loader instead (the pages then redraw).
	 */
	async #checkServedFiles(bundled: Bundled): Promise<void> {
		await new Promise((r) => setTimeout(r, 1000));
		try {
			const served = await Promise.all(bundled.header.files.map(async (f) => fingerprint(new Uint8Array(await (await fetchDataFile(f)).arrayBuffer()))));
			if (served.some((hash, i) => hash !== bundled.header.files[i].hash)) await this.#reloadDeployment();
		} catch {
			// Unreachable now (offline and never kept): the checked tables stand until the next visit.
		} finally {
			mark('data-checked');
		}
	}

	#reloadDeployment(): Promise<void> {
		return this.#exclusive(async () => {
			const conn = await this.connector();
			const files = (await fetchManifest()).files;
			await conn.exec(TABLE_NAMES.map((t) => `DROP TABLE IF EXISTS "${t}"`).join(';'));
			await createTables(conn);
			this.deploymentProblems = await loadListed(await this.#getLoader(conn), files, fetchDataFile, localDay());
			await this.#replay(conn);
			this.version++;
		});
	}

	async #replay(conn: Connector): Promise<void> {
		const problems: ProblemGroup[] = [];
		let stored: StoredFile[] = [];
		try {
			stored = await storedFiles();
		} catch (e) {
			// No IndexedDB, or refused: nothing to replay; the pages say loaded files will not outlive the tab.
			storage.refused(e);
		}
		for (const f of stored) {
			const outcome = await (await this.#getLoader(conn)).load({ name: f.name, data: f.data, mode: f.mode, table: f.table, mapping: f.mapping, sheet: f.sheet ?? undefined, headerRow: f.headerRow ?? undefined, confirmOrphans: true, loadedAt: f.loadedAt });
			problems.push(...problemsOf(outcome));
		}
		this.replayProblems = problems;
	}

	/**
	 * Load the user's files; each loads whole or not at all. A file that names rows of a table loaded
	 * by another file of the same batch is tried again after it.
	 */
	async loadFiles(files: File[], choices: FileChoices, options: { signal?: AbortSignal; onProgress?: (file: string, p: LoadProgress) => void } = {}): Promise<FileResult[]> {
		const byName = (f: File) => {
			const i = TABLE_NAMES.findIndex((t) => f.name.toLowerCase().includes(t));
			return i < 0 ? TABLE_NAMES.length : i;
		};
		let pending = [...files].sort((a, b) => byName(a) - byName(b));
		const results = new Map<File, FileResult>();
		for (;;) {
			const waiting: File[] = [];
			let progressed = false;
			for (const f of pending) {
				if (options.signal?.aborted) break;
				const r = await this.loadFile(f, choices, options);
				results.set(f, r);
				if (r.outcome.status === 'loaded') progressed = true;
				else if (r.outcome.status === 'rejected' && r.outcome.problems.every((p) => p.rule === 'unknown_reference')) waiting.push(f);
			}
			if (!progressed || waiting.length === 0 || waiting.length === pending.length) break;
			pending = waiting;
		}
		return files.map((f) => results.get(f)!).filter(Boolean);
	}

	/** Load one file with the user's choices; save it in the browser when it loaded. */
	loadFile(file: File, choices: FileChoices, options: { signal?: AbortSignal; onProgress?: (file: string, p: LoadProgress) => void } = {}): Promise<FileResult> {
		return this.#exclusive(() => this.#loadFile(file, choices, options));
	}

	async #loadFile(file: File, choices: FileChoices, options: { signal?: AbortSignal; onProgress?: (file: string, p: LoadProgress) => void }): Promise<FileResult> {
		const again = this.#unsaved.get(fileKey(file));
		if (again) return this.#saveAgain(fileKey(file), again.result, again.stored);
		const [loader, { rememberedMapping, rememberMapping }] = await Promise.all([this.connector().then((c) => this.#getLoader(c)), import('$lib/data/mapping-memory')]);
		const req: LoadRequest = {
			name: file.name,
			data: file,
			...choices,
			loadedAt: localDay(),
			remembered: rememberedMapping,
			signal: options.signal,
			onProgress: (p) => options.onProgress?.(file.name, p)
		};
		const outcome = await loader.load(req);
		const result: FileResult = { file, choices, outcome, saved: null, retriedSave: false };
		if (outcome.status !== 'loaded') return result;
		this.version++;
		if (choices.mapping) rememberMapping(outcome.header, outcome.mapping);
		const stored: StoredFile = {
			name: file.name,
			table: outcome.table,
			mode: choices.mode,
			data: file,
			loadedAt: req.loadedAt,
			mapping: outcome.mapping,
			sheet: outcome.sheet,
			headerRow: outcome.headerRow,
			confirmOrphans: choices.confirmOrphans
		};
		return this.#save(fileKey(file), result, stored);
	}

	async #save(key: string, result: FileResult, stored: StoredFile): Promise<FileResult> {
		try {
			await storeFile(stored);
			this.#unsaved.delete(key);
			return { ...result, saved: { ok: true } };
		} catch (e) {
			const failed = { ...result, saved: { ok: false as const, reason: (e as Error).message } };
			storage.refused(e);
			this.#unsaved.set(key, { result: failed, stored });
			return failed;
		}
	}

	async #saveAgain(key: string, result: FileResult, stored: StoredFile): Promise<FileResult> {
		return { ...(await this.#save(key, result, stored)), retriedSave: true };
	}

	/** Forget the stage kept for a rejected file's problem list. */
	async releaseProblems(): Promise<void> {
		await (await this.#loader)?.releaseKept();
	}

	/** Forget the user's files and go back to the deployment's data. */
	restoreBundled(): Promise<void> {
		return this.#exclusive(async () => {
			const conn = await this.connector();
			try {
				await clearStoredFiles();
			} catch (e) {
				storage.refused(e);
			}
			this.#unsaved.clear();
			await this.#loadDeployment(conn);
			this.replayProblems = [];
			this.version++;
		});
	}
}

export const app = new AppData();

// `npm run bench` measures DuckDB-WASM's own read_csv on the same engine: it asks for the connector.
try {
	if (typeof window !== 'undefined' && window.localStorage?.getItem('oap.bench') === '1') (window as unknown as { __oapBench: unknown }).__oapBench = { connector: () => app.connector() };
} catch {
	// No localStorage: no bench hook.
}
