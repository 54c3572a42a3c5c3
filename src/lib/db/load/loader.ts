/**
 * The one way data gets into the tables: bundled files, a deployment's files, dropped files, files
 * replayed from the browser's storage and test files all come here. Open (per format) → recognise and
 * map → stage in one SQL pass → numbers' format decided → the contract's rules as grouped SQL checks →
 * orphans asked about → one transaction. Until that transaction, the tables are untouched; a cancel
 * or a rejection leaves them exactly as they were.
 */
import type { Decoders } from '$lib/data/decode/decoders';
import type { SheetPreview } from '$lib/data/decode/workbook';
import { fileProblem, type ProblemGroup, type ProblemRule } from '$lib/data/problems';
import { fitTable, isExact, mappingGaps, proposeMapping, recognise, type ColumnMapping, type TableFit } from '$lib/data/recognise';
import { TABLE_NAMES, TABLES, type TableName } from '$lib/data/schema';
import { ident, type Connector } from '../connector';
import { allProblems, checkStage } from './checks';
import { decideNumbers, type NumberFormat } from './number-format';
import { openSource, reopenAsLegacy, type Opened } from './source';
import { emptyRowsSql, stageExtras, stageInPlaceSql, stageSql, stageView, stageViewSql, type StagePlan } from './stage';

export type LoadMode = 'add' | 'replace';

export interface LoadProgress {
	phase: 'reading' | 'checking' | 'saving';
	/** 0–1 when known. */
	fraction: number | null;
}

export interface LoadRequest {
	name: string;
	data: Blob;
	mode: LoadMode;
	/** The table, when the user chose it. */
	table?: TableName;
	/** The column mapping, when the user chose it (or it was remembered for this header). */
	mapping?: ColumnMapping;
	sheet?: string;
	headerRow?: number;
	/** Day of the load (YYYY-MM-DD), for the source of rows that have none. */
	loadedAt: string;
	/** Source for rows that have none, instead of "<file name>, loaded <date>". */
	provenance?: string;
	/** A mapping remembered for a header (used when the file fits no table as it is). */
	remembered?: (header: string[]) => ColumnMapping | null;
	/** The user agreed that a Replace leaves rows of other tables pointing at nothing. */
	confirmOrphans?: boolean;
	signal?: AbortSignal;
	onProgress?: (p: LoadProgress) => void;
}

export interface Orphans {
	table: TableName;
	column: string;
	rows: number;
}

export interface ProblemRow {
	row: number;
	column: string | null;
	value: string | null;
	rule: ProblemRule;
}

export type LoadOutcome =
	| { status: 'loaded'; file: string; table: TableName; rows: number; mode: LoadMode; mapping: ColumnMapping; header: string[]; remembered: boolean; ignored: string[]; numberFormat: NumberFormat | null; encoding: string | null; sheet: string | null; headerRow: number | null; orphans: Orphans[] }
	| { status: 'rejected'; file: string; table: TableName | null; problems: ProblemGroup[]; allProblems: (() => Promise<ProblemRow[]>) | null }
	| { status: 'needs-mapping'; file: string; header: string[]; proposal: ColumnMapping; best: TableFit | null }
	| { status: 'needs-sheet'; file: string; sheets: SheetPreview[] }
	| { status: 'needs-confirmation'; file: string; table: TableName; orphans: Orphans[] }
	| { status: 'cancelled'; file: string };

/** The most rows the problems file lists. */
export const PROBLEM_ROWS_LIMIT = 1_000_000;

export function defaultProvenance(file: string, loadedAt: string): string {
	return `${file}, loaded ${loadedAt}`;
}

/** Each step's time as a performance measure (`oap-load:<step>`), read by `npm run bench`. */
async function step<T>(name: string, work: () => Promise<T>): Promise<T> {
	const start = performance.now();
	try {
		return await work();
	} finally {
		performance.measure(`oap-load:${name}`, { start, end: performance.now() });
	}
}

const isAbort = (e: unknown) => (e as Error)?.name === 'AbortError' || /interrupt|cancel/i.test((e as Error)?.message ?? '');

/** Tables and columns whose rows name rows of `table`. */
function referrers(table: TableName): { table: TableName; column: string; target: string }[] {
	return TABLE_NAMES.flatMap((t) =>
		TABLES[t].columns.flatMap((c) => {
			const [rt, rc] = c.references?.split('.') ?? [];
			return rt === table && t !== table ? [{ table: t, column: c.name, target: rc }] : [];
		})
	);
}

export class Loader {
	#id = 0;
	/** The stage kept after a rejection, for the problems file; dropped by the next load. */
	#kept: (() => Promise<void>) | null = null;

	/** `conn` is the pages' connection (for the final transaction), `work` a fork for the long steps. */
	constructor(
		private readonly conn: Connector,
		private readonly work: Connector,
		private readonly decoders: Decoders
	) {}

	/** Get the decoders ready before a file arrives (the reader is on the page where files are chosen). */
	async warm(): Promise<void> {
		await this.decoders.warmParquet();
	}

	async load(req: LoadRequest): Promise<LoadOutcome> {
		await this.releaseKept();
		const id = ++this.#id;
		const stage = `__stage_${id}`;
		const file = req.name;
		const progress = (phase: LoadProgress['phase'], fraction: number | null = null) => req.onProgress?.({ phase, fraction });
		let opened: Opened | null = null;
		let keep = false;
		const dropStage = () => this.work.exec(`DROP VIEW IF EXISTS ${ident(stageView(stage))}; DROP TABLE IF EXISTS ${ident(stage)}`);
		try {
			progress('reading');
			const result = await step('open', () => openSource(this.work, this.decoders, file, req.data, { id, sheet: req.sheet, headerRow: req.headerRow, signal: req.signal, onProgress: (f) => progress('reading', f) }));
			if (result.kind === 'needs-sheet') return { status: 'needs-sheet', file, sheets: result.sheets };
			if (result.kind === 'rejected') return { status: 'rejected', file, table: req.table ?? null, problems: result.problems, allProblems: null };
			opened = result.opened;

			const mapping = this.#mapping(req, opened.header);
			if ('status' in mapping) return mapping;
			const plan: StagePlan = { table: mapping.table, mapping: mapping.columns, provenance: req.provenance ?? defaultProvenance(file, req.loadedAt) };

			opened = await step('stage', () => this.#stage(req, opened!, stage, plan, id));
			await this.work.exec(stageViewSql(stage, opened.source));
			progress('checking');
			const numbers = await step('numbers', () => decideNumbers(this.work, file, stage, opened!.source, plan));
			if (numbers.kind === 'comma') {
				await dropStage();
				await this.work.run(stageSql(stage, opened.source, plan, ','), { signal: req.signal });
				await this.work.exec(stageViewSql(stage, opened.source));
			} else if (numbers.kind === 'point' && numbers.update) await this.work.run(numbers.update, { signal: req.signal });

			const problems: ProblemGroup[] = [];
			const empty = emptyRowsSql(stage, opened.source, plan);
			// As a WHERE, not count_if: the scan skips what the columns' statistics rule out (all of a file without blank rows).
			const [{ n, blank }] = await this.work.query<{ n: number; blank: number }>(`SELECT (SELECT count(*) FROM ${ident(stage)})::INTEGER AS n, (SELECT count(*) FROM ${ident(stage)} WHERE ${empty})::INTEGER AS blank`);
			if (blank > 0) await this.work.exec(`DELETE FROM ${ident(stage)} WHERE ${empty}`);
			const rows = n - blank;
			if (rows > 0) problems.push(...(await step('checks', () => checkStage(this.work, file, stage, opened!.source, plan, req.mode))));
			if (numbers.kind === 'rejected') {
				// The cells the number format could not settle are reported by it, not again as "not in the file's format".
				const columns = new Set(numbers.problems.map((p) => p.column));
				problems.splice(0, problems.length, ...numbers.problems, ...problems.filter((p) => !(p.rule === 'number_format' && columns.has(p.column))));
			}
			// Stage rows count only the records DuckDB's reader accepted; the ones it refused are numbered by the reader itself.
			const shift = await this.#rowShift(opened);
			for (const p of problems) p.rows = p.rows.map(shift);
			problems.unshift(...(await this.#csvRejects(file, opened)));
			if (rows === 0 && problems.length === 0) problems.push(fileProblem(file, 'no_rows'));
			if (problems.length) {
				const source = opened.source;
				const rejects = opened.rejects;
				keep = true;
				const release = opened.release;
				this.#kept = async () => {
					await dropStage();
					await release();
				};
				return {
					status: 'rejected',
					file,
					table: plan.table,
					problems,
					allProblems: async () => {
						const rows = (await allProblems(this.work, stage, source, plan, req.mode, PROBLEM_ROWS_LIMIT)).map((r) => ({ ...r, row: shift(Number(r.row)) }));
						const refused = rejects ? await this.work.query<ProblemRow>(`SELECT DISTINCT line::INTEGER AS row, NULL AS "column", csv_line AS value, 'csv_structure' AS rule FROM ${ident(rejects)}`) : [];
						return [...refused, ...rows].sort((a, b) => a.row - b.row);
					}
				};
			}

			const orphans = req.mode === 'replace' ? await step('orphans', () => this.#orphans(plan.table, stage)) : [];
			if (orphans.length && !req.confirmOrphans) return { status: 'needs-confirmation', file, table: plan.table, orphans };
			if (req.signal?.aborted) return { status: 'cancelled', file };

			progress('saving');
			await step('commit', () => this.#commit(stage, plan, opened!, req.mode));
			return {
				status: 'loaded',
				file,
				table: plan.table,
				rows,
				mode: req.mode,
				mapping: { table: mapping.table, columns: mapping.columns },
				header: opened.header,
				remembered: mapping.remembered === true,
				ignored: opened.header.filter((_, i) => !mapping.columns[i] && opened!.header[i].trim() !== ''),
				numberFormat: numbers.kind === 'point' || numbers.kind === 'comma' ? numbers.format : null,
				encoding: opened.encoding,
				sheet: opened.sheet,
				headerRow: opened.headerRow,
				orphans
			};
		} catch (e) {
			if (isAbort(e) || req.signal?.aborted) return { status: 'cancelled', file };
			return { status: 'rejected', file, table: req.table ?? null, problems: [fileProblem(file, 'engine', { reason: (e as Error).message.split('\n')[0] })], allProblems: null };
		} finally {
			if (!keep) {
				await dropStage().catch(() => undefined);
				await opened?.release().catch(() => undefined);
			}
		}
	}

	/** Forget the stage kept for a rejected file's problems. */
	async releaseKept(): Promise<void> {
		const kept = this.#kept;
		this.#kept = null;
		await kept?.().catch(() => undefined);
	}

	#mapping(req: LoadRequest, header: string[]): (ColumnMapping & { remembered?: boolean }) | Extract<LoadOutcome, { status: 'needs-mapping' }> {
		const ask = (proposal: ColumnMapping, best: TableFit | null) => ({ status: 'needs-mapping' as const, file: req.name, header, proposal, best });
		if (req.mapping) {
			const gaps = mappingGaps(req.mapping);
			if (req.mapping.columns.length !== header.length || gaps.missing.length || gaps.twice.length) return ask(req.mapping, null);
			return req.mapping;
		}
		const found = recognise(req.name, header);
		const table = req.table ?? found.table;
		if (table && (req.table ? isExact(fitTable(table, header)) : true)) return proposeMapping(table, header);
		const remembered = req.remembered?.(header);
		if (remembered && (!req.table || remembered.table === req.table) && !mappingGaps(remembered).missing.length) return { ...remembered, remembered: true };
		const target = req.table ?? found.best?.table ?? 'indicator_values';
		return ask(proposeMapping(target, header), req.table ? fitTable(req.table, header) : found.best);
	}

	async #stage(req: LoadRequest, opened: Opened, stage: string, plan: StagePlan, id: number): Promise<Opened> {
		const run = (o: Opened) => this.work.run(stageSql(stage, o.source, plan, '.'), { signal: req.signal });
		const inPlace = stageInPlaceSql(stage, opened.source, plan);
		if (inPlace) {
			for (const sql of inPlace) await this.work.run(sql, { signal: req.signal });
			return opened;
		}
		try {
			await run(opened);
			return opened;
		} catch (e) {
			// A byte that is not UTF-8 beyond the sample: the file is in the legacy Windows encoding.
			if (opened.format !== 'text' || opened.encoding || !/unicode|utf-?8/i.test((e as Error).message)) throw e;
			const legacy = await reopenAsLegacy(this.work, this.decoders, req.name, req.data, opened, id);
			await run(legacy);
			return legacy;
		}
	}

	/** CSV rows DuckDB's reader refused, grouped by what was wrong. */
	async #csvRejects(file: string, opened: Opened): Promise<ProblemGroup[]> {
		if (!opened.rejects) return [];
		const rows = await this.work.query<{ error_type: string; n: number; rows: string; ex: string }>(
			`SELECT error_type, count(DISTINCT line)::INTEGER AS n, array_to_string(list_sort(list_distinct(list(line::INTEGER)))[1:5], ',') AS rows, arg_min(csv_line, line) AS ex FROM ${ident(opened.rejects)} GROUP BY 1 ORDER BY min(line)`
		);
		return rows.map((r) => ({ file, column: null, rule: 'csv_structure', count: r.n, rows: r.rows.split(',').map(Number), example: (r.ex ?? '').trim().slice(0, 200), params: { error: r.error_type.toLowerCase() } }));
	}

	/**
	 * Row numbers of the stage count only the rows DuckDB's reader accepted; rows it refused sit
	 * between them in the file. Map a stage row number to the file's.
	 */
	async #rowShift(opened: Opened): Promise<(row: number) => number> {
		if (!opened.rejects) return (r) => r;
		const lines = (await this.work.query<{ line: number }>(`SELECT DISTINCT line::INTEGER AS line FROM ${ident(opened.rejects)} ORDER BY 1`)).map((r) => r.line);
		if (lines.length === 0) return (r) => r;
		return (row) => {
			let r = row;
			for (const l of lines) if (l <= r) r++;
			return r;
		};
	}

	async #orphans(table: TableName, stage: string): Promise<Orphans[]> {
		const out: Orphans[] = [];
		for (const ref of referrers(table)) {
			const col = ident(ref.column);
			const target = ident(ref.target);
			const [{ n }] = await this.work.query<{ n: number }>(
				`SELECT count(*)::INTEGER AS n FROM ${ident(ref.table)} WHERE ${col} IN (SELECT ${target} FROM ${ident(table)}) AND ${col} NOT IN (SELECT ${target} FROM ${ident(stage)} WHERE ${target} IS NOT NULL)`
			);
			if (n > 0) out.push({ table: ref.table, column: ref.column, rows: n });
		}
		return out;
	}

	/** One transaction on the pages' connection: the pages see the old rows or the new, never half. */
	async #commit(stage: string, plan: StagePlan, opened: Opened, mode: LoadMode): Promise<void> {
		const target = ident(plan.table);
		const cols = TABLES[plan.table].columns.map((c) => ident(c.name)).join(', ');
		const sql =
			mode === 'replace'
				? // The stage already has the table's columns and types: it becomes the table (no copy).
					`BEGIN TRANSACTION; DROP VIEW IF EXISTS ${ident(stageView(stage))}; ${stageExtras(opened.source, plan)
						.map((c) => `ALTER TABLE ${ident(stage)} DROP COLUMN ${ident(c)};`)
						.join(' ')} DROP TABLE ${target}; ALTER TABLE ${ident(stage)} RENAME TO ${target}; COMMIT;`
				: `BEGIN TRANSACTION; INSERT INTO ${target} SELECT ${cols} FROM ${ident(stage)}; COMMIT;`;
		try {
			await this.conn.exec(sql);
		} catch (e) {
			await this.conn.exec('ROLLBACK').catch(() => undefined);
			throw e;
		}
	}
}
