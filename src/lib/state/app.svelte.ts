import type { Connector } from '$lib/db/connector';
import { createTables } from '$lib/db/ingest';
import { Loader, type LoadMode, type LoadOutcome, type LoadProgress, type LoadRequest } from '$lib/db/load/loader';
import { localDay } from '$lib/data/day';
import { workerDecoders } from '$lib/data/decode/decode-client';
import { rememberedMapping, rememberMapping } from '$lib/data/mapping-memory';
import { clearStoredFiles, storedFiles, storeFile, type StoredFile } from '$lib/data/persist';
import { fileProblem, type ProblemGroup } from '$lib/data/problems';
import type { ColumnMapping } from '$lib/data/recognise';
import { TABLE_NAMES, type TableName } from '$lib/data/schema';
import { fetchDataFile, fetchManifest, MANIFEST_DIR } from './deployment';
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
	#loader: Loader | null = null;
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
			const { createBrowserConnector } = await import('$lib/db/browser');
			const conn = createBrowserConnector();
			await conn.exec('SELECT 1');
			mark('db-ready');
			this.#loader = new Loader(conn, await conn.fork(), workerDecoders());
			await this.#loadDeployment(conn);
			mark('data-ready');
			await this.#replay();
			this.status = 'ready';
			this.version++;
			return conn;
		} catch (e) {
			this.status = 'failed';
			this.failure = (e as Error).message;
			throw e;
		}
	}

	async #loadDeployment(conn: Connector): Promise<void> {
		await conn.exec(TABLE_NAMES.map((t) => `DROP TABLE IF EXISTS "${t}"`).join(';'));
		await createTables(conn);
		const problems: ProblemGroup[] = [];
		let manifest;
		try {
			manifest = await fetchManifest();
		} catch (e) {
			this.deploymentProblems = [fileProblem(`${MANIFEST_DIR}/manifest.json`, 'engine', { reason: (e as Error).message })];
			return;
		}
		const loadedAt = localDay();
		const blobs = await Promise.all(manifest.files.map((e) => fetchDataFile(e).catch((err: Error) => err)));
		for (const [i, e] of manifest.files.entries()) {
			const data = blobs[i];
			if (data instanceof Error) {
				problems.push(fileProblem(e.file, 'engine', { reason: data.message }));
				continue;
			}
			const outcome = await this.#loader!.load({ name: e.file, data, mode: 'add', table: e.table, sheet: e.sheet, headerRow: e.headerRow, provenance: e.source, loadedAt });
			problems.push(...problemsOf(outcome));
		}
		this.deploymentProblems = problems;
	}

	async #replay(): Promise<void> {
		const problems: ProblemGroup[] = [];
		let stored: StoredFile[] = [];
		try {
			stored = await storedFiles();
		} catch (e) {
			// No IndexedDB, or refused: nothing to replay; the pages say loaded files will not outlive the tab.
			storage.refused(e);
		}
		for (const f of stored) {
			const outcome = await this.#loader!.load({ name: f.name, data: f.data, mode: f.mode, table: f.table, mapping: f.mapping, sheet: f.sheet ?? undefined, headerRow: f.headerRow ?? undefined, confirmOrphans: true, loadedAt: f.loadedAt });
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
	async loadFile(file: File, choices: FileChoices, options: { signal?: AbortSignal; onProgress?: (file: string, p: LoadProgress) => void } = {}): Promise<FileResult> {
		const again = this.#unsaved.get(fileKey(file));
		if (again) return this.#saveAgain(fileKey(file), again.result, again.stored);
		const conn = await this.connector();
		void conn;
		const req: LoadRequest = {
			name: file.name,
			data: file,
			...choices,
			loadedAt: localDay(),
			remembered: rememberedMapping,
			signal: options.signal,
			onProgress: (p) => options.onProgress?.(file.name, p)
		};
		const outcome = await this.#loader!.load(req);
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
		await this.#loader?.releaseKept();
	}

	/** Forget the user's files and go back to the deployment's data. */
	async restoreBundled(): Promise<void> {
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
	}
}

/** The problems an outcome reports, for the lists of files that could not be loaded at start. */
function problemsOf(outcome: LoadOutcome): ProblemGroup[] {
	if (outcome.status === 'rejected') return outcome.problems;
	if (outcome.status === 'loaded' || outcome.status === 'cancelled') return [];
	return [fileProblem(outcome.file, 'no_table')];
}

export const app = new AppData();

// `npm run bench` measures DuckDB-WASM's own read_csv on the same engine: it asks for the connector.
try {
	if (typeof window !== 'undefined' && window.localStorage?.getItem('oap.bench') === '1') (window as unknown as { __oapBench: unknown }).__oapBench = { connector: () => app.connector() };
} catch {
	// No localStorage: no bench hook.
}
