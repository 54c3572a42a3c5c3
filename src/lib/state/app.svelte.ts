import type { Connector } from '$lib/db/connector';
import { createTables, loadBundledCsv, loadFile, loadOrder, loadParsed, parseFile, type InputFile, type LoadMode, type LoadReport } from '$lib/db/ingest';
import { recogniseTable } from '$lib/data/recognise';
import type { RawTable } from '$lib/data/raw';
import { LoadError, type LoadIssue } from '$lib/data/raw';
import { clearStoredFiles, storedFiles, storeFile } from '$lib/data/persist';
import { TABLE_NAMES, type TableName } from '$lib/data/schema';
import { BUNDLED_CSV } from './bundled';
import { storage } from './storage.svelte';

export type AppStatus = 'starting' | 'ready' | 'failed';

export interface FileOutcome {
	file: string;
	report?: LoadReport;
	issues?: LoadIssue[];
}

function mark(name: string): void {
	if (performance.getEntriesByName(name).length === 0) performance.mark(name);
}

/**
 * The loaded data as the pages see it. `version` changes after every change to the tables, so a page
 * re-runs its questions exactly when the answer can have changed.
 */
class AppData {
	status = $state<AppStatus>('starting');
	failure = $state<string | null>(null);
	version = $state(0);
	/** Problems replaying files stored from an earlier visit. */
	replayIssues = $state.raw<LoadIssue[]>([]);
	#conn: Promise<Connector> | null = null;
	#memo = new Map<string, { version: number; value: Promise<unknown> }>();

	/** Answer shared by every page until the data change (e.g. the whole plan's values). */
	memo<T>(key: string, run: (conn: Connector) => Promise<T>): Promise<T> {
		const hit = this.#memo.get(key);
		if (hit && hit.version === this.version) return hit.value as Promise<T>;
		const value = this.connector().then(run);
		this.#memo.set(key, { version: this.version, value });
		value.catch(() => this.#memo.delete(key));
		return value;
	}

	/** Start DuckDB and load the bundled data, once. */
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
			await this.#loadBundled(conn);
			mark('data-ready');
			await this.#replay(conn);
			this.status = 'ready';
			this.version++;
			return conn;
		} catch (e) {
			this.status = 'failed';
			this.failure = (e as Error).message;
			throw e;
		}
	}

	async #loadBundled(conn: Connector): Promise<void> {
		await conn.exec(TABLE_NAMES.map((t) => `DROP TABLE IF EXISTS "${t}"`).join(';'));
		await createTables(conn);
		const files = await Promise.all(
			TABLE_NAMES.filter((t) => BUNDLED_CSV[t]).map(async (t) => {
				const res = await fetch(BUNDLED_CSV[t]!);
				if (!res.ok) throw new Error(`bundled ${t}.csv: HTTP ${res.status}`);
				return [t, new Uint8Array(await res.arrayBuffer())] as const;
			})
		);
		for (const [t, bytes] of files) await loadBundledCsv(conn, t, bytes);
	}

	async #replay(conn: Connector): Promise<void> {
		const issues: LoadIssue[] = [];
		// No IndexedDB (or refused): nothing to replay; the layout says files will not outlive the tab.
		for (const f of await storedFiles().catch((e) => (storage.refused(e), []))) {
			try {
				await loadFile(conn, { name: f.name, bytes: f.bytes }, { table: f.table, mode: f.mode });
			} catch (e) {
				issues.push(...(e instanceof LoadError ? e.issues : [{ file: f.name, row: null, column: null, message: String(e) }]));
			}
		}
		this.replayIssues = issues;
	}

	/** Load the user's files, referenced tables first; each file loads whole or not at all. */
	async load(files: InputFile[], mode: LoadMode, table?: TableName): Promise<FileOutcome[]> {
		const conn = await this.connector();
		// Each file is parsed once: the parse decides the load order and is then loaded as is.
		const planned = await Promise.all(
			files.map(async (f) => {
				const parsed = await parseFile(f).then(
					(raw): { raw: RawTable; error?: undefined } => ({ raw }),
					(error: unknown) => ({ raw: null, error })
				);
				const guess = table ?? (parsed.raw ? recogniseTable(f.name, parsed.raw.columns) : null);
				return { f, parsed, order: loadOrder(guess) };
			})
		);
		planned.sort((a, b) => a.order - b.order);
		const outcomes: FileOutcome[] = [];
		for (const { f, parsed } of planned) {
			try {
				if (!parsed.raw) throw parsed.error;
				const report = await loadParsed(conn, parsed.raw, { mode, table });
				await storeFile({ name: f.name, table: report.table, mode, bytes: f.bytes, loadedAt: new Date().toISOString() }).catch((e) => storage.refused(e));
				outcomes.push({ file: f.name, report });
			} catch (e) {
				const issues = e instanceof LoadError ? e.issues : [{ file: f.name, row: null, column: null, message: (e as Error).message }];
				outcomes.push({ file: f.name, issues });
			}
		}
		if (outcomes.some((o) => o.report)) this.version++;
		return outcomes;
	}

	/** Forget the user's files and go back to the bundled data. */
	async restoreBundled(): Promise<void> {
		const conn = await this.connector();
		await clearStoredFiles().catch((e) => storage.refused(e));
		await this.#loadBundled(conn);
		this.replayIssues = [];
		this.version++;
	}
}

export const app = new AppData();
