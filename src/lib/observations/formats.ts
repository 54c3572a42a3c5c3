/**
 * Files of preliminary observations: CSV and JSON out and in (validated with the same contract as
 * every other table), and a Markdown rendering for pasting into e-mails or documents.
 */
import { parseCsvText } from '$lib/data/parse-csv';
import { fileIssue, LoadError, type LoadIssue, type RawTable } from '$lib/data/raw';
import { columnNames, TABLES } from '$lib/data/schema';
import { validateTable } from '$lib/data/validate';
import { csvText, unneutralise } from '$lib/export/csv';
import type { Assessment, ObservationDraft, ObservationRow, ObservationStatus } from './types';

const TABLE = 'preliminary_observations';
export const JSON_FORMAT = 'oap-preliminary-observations';
export const JSON_VERSION = 1;

/**
 * The contract's columns in order, written by the one CSV writer (export/csv.ts): UTF-8 BOM, CRLF line
 * ends, and in every column text a spreadsheet would run as a formula gets a leading apostrophe, which
 * parseObservationsFile takes off again, so a round trip is exact.
 */
export function toCsv(rows: ObservationRow[]): string {
	const cols = columnNames(TABLE) as (keyof ObservationRow)[];
	return csvText(cols, rows.map((r) => cols.map((c) => r[c])));
}

export function toJson(rows: ObservationRow[]): string {
	const cols = columnNames(TABLE) as (keyof ObservationRow)[];
	// Keys in contract order, so files diff cleanly whatever built the row objects.
	const ordered = rows.map((r) => Object.fromEntries(cols.map((c) => [c, r[c] ?? null])));
	return JSON.stringify({ format: JSON_FORMAT, version: JSON_VERSION, rows: ordered }, null, 2) + '\n';
}

/**
 * Read a CSV or JSON file of observations. JSON is recognised by a leading `{` or `[` (after BOM and
 * spaces); it may be the object written by toJson or a bare array of rows. JSON rows go through the
 * same validateTable as CSV, so errors read the same: row numbers are array index + 2, as if the
 * array were a spreadsheet whose header is row 1; keys outside the contract are reported on row 1.
 * Throws LoadError.
 */
export function parseObservationsFile(name: string, text: string): ObservationRow[] {
	const body = text.replace(/^\uFEFF/, '').trimStart();
	if (body.startsWith('{') || body.startsWith('[')) return validRows(jsonTable(name, body));
	const rows = validRows(parseCsvText(name, text)) as unknown as Record<string, unknown>[];
	for (const r of rows) for (const [k, v] of Object.entries(r)) if (typeof v === 'string') r[k] = unneutralise(v);
	return rows as unknown as ObservationRow[];
}

function jsonTable(file: string, body: string): RawTable {
	let data: unknown;
	try {
		data = JSON.parse(body);
	} catch (e) {
		throw fileIssue(file, 'not_json');
	}
	if (!Array.isArray(data)) {
		const o = data as { format?: unknown; version?: unknown; rows?: unknown };
		if (o.format !== undefined && o.format !== JSON_FORMAT) throw fileIssue(file, 'not_observations', { format: String(o.format) });
		if (typeof o.version === 'number' && o.version > JSON_VERSION) throw fileIssue(file, 'newer_version', { version: o.version });
		if (!Array.isArray(o.rows)) throw fileIssue(file, 'no_rows_array');
		data = o.rows;
	}
	const items = data as unknown[];
	const bad = items.findIndex((x) => x === null || typeof x !== 'object' || Array.isArray(x));
	if (bad >= 0) throw new LoadError([{ file, row: bad + 2, column: null, rule: 'row_not_object', params: {} }]);
	// The contract's columns, then any other key met, so validateTable names unknown keys.
	const columns = columnNames(TABLE);
	for (const x of items as Record<string, unknown>[]) for (const k of Object.keys(x)) if (!columns.includes(k)) columns.push(k);
	const rows = (items as Record<string, unknown>[]).map((x) => columns.map((c) => x[c] ?? null));
	const wrong = wrongTypes(file, columns, rows);
	if (wrong.length) throw new LoadError(wrong);
	// RawTable.format names the reader; validateTable ignores it, and JSON cells are typed like Parquet's.
	return { file, format: 'parquet', columns, rows };
}

const KIND = (v: unknown) => (Array.isArray(v) ? 'list' : typeof v === 'object' ? 'object' : typeof v === 'boolean' ? 'boolean' : typeof v === 'number' ? 'number' : 'text');

/**
 * JSON cells whose type is not the column's: a text given as an object or a list would otherwise be
 * written "[object Object]", a number given as text would pass as another number. Rejected, located.
 */
function wrongTypes(file: string, columns: string[], rows: unknown[][]): LoadIssue[] {
	const types = new Map(TABLES[TABLE].columns.map((c) => [c.name, c.type]));
	const issues: LoadIssue[] = [];
	rows.forEach((r, i) =>
		columns.forEach((c, j) => {
			const type = types.get(c);
			const v = r[j];
			if (v === null || type === undefined) return;
			const want = type === 'VARCHAR' ? 'string' : type === 'BOOLEAN' ? 'boolean' : 'number';
			if (typeof v !== want) issues.push({ file, row: i + 2, column: c, rule: 'json_type', params: { want: want === 'string' ? 'text' : want, found: KIND(v) } });
		})
	);
	return issues;
}

function validRows(raw: RawTable): ObservationRow[] {
	const v = validateTable(raw, TABLE);
	const cols = columnNames(TABLE);
	return Array.from({ length: v.rowCount }, (_, i) => Object.fromEntries(cols.map((c) => [c, v.columns[c][i]])) as unknown as ObservationRow);
}

/** A figure cited in a draft, as the caller wrote it (in the reader's language), with its full source. */
export interface FactLine {
	sentence: string;
	source: string;
}

/** Everything a rendering needs from the caller, so all words can come in the user's language. */
export interface ObservationsContext {
	stateName(iso3: string): string;
	committeeName: string;
	meetingName: string;
	assessmentLabel(a: Assessment): string;
	/** Defaults to 'Draft' / 'Agreed'. */
	statusLabel?(s: ObservationStatus): string;
	/** The few fixed words; English by default. */
	words?: Partial<typeof WORDS>;
	/** The facts a State's draft cites, listed with their sources after it (Markdown and Word). */
	factsFor?(iso3: string): FactLine[];
}

export const WORDS = {
	title: 'Preliminary observations — {committee} — {meeting}',
	status: 'Status',
	action: 'Action',
	assessment: 'Assessment',
	note: 'Note',
	actions: 'Actions',
	figures: 'Figures and sources',
	source: 'Source',
	generated: 'Generated on {date}',
	noText: 'No general observation yet.'
};

export function words(ctx: ObservationsContext): typeof WORDS {
	return { ...WORDS, ...ctx.words };
}

export function statusText(ctx: ObservationsContext, s: ObservationStatus): string {
	return ctx.statusLabel?.(s) ?? (s === 'agreed' ? 'Agreed' : 'Draft');
}

/** Actions worth showing: anything assessed, or 'no_assessment' with a note (the note is content). */
export function shownActions(d: ObservationDraft): [number, ObservationDraft['actions'][number]][] {
	return Object.entries(d.actions)
		.map(([n, a]) => [Number(n), a] as [number, typeof a])
		.filter(([, a]) => a.assessment !== 'no_assessment' || a.text.trim() !== '')
		.sort((a, b) => a[0] - b[0]);
}

/** One `## State (ISO3)` section per draft, in the order given (the caller sorts). */
export function toMarkdown(drafts: ObservationDraft[], ctx: ObservationsContext): string {
	const w = words(ctx);
	const out = [`# ${w.title.replace('{committee}', ctx.committeeName).replace('{meeting}', ctx.meetingName)}`];
	for (const d of drafts) {
		out.push('', `## ${ctx.stateName(d.iso3)} (${d.iso3})`, '', `**${w.status}:** ${statusText(ctx, d.status)}`);
		if (d.text.trim()) out.push('', d.text.trim());
		const actions = shownActions(d);
		if (actions.length) out.push('');
		for (const [n, a] of actions) {
			const note = a.text.trim() ? `: ${a.text.trim().replace(/\n/g, '\n  ')}` : '';
			out.push(`- ${w.action} ${n} — ${ctx.assessmentLabel(a.assessment)}${note}`);
		}
		const facts = ctx.factsFor?.(d.iso3) ?? [];
		if (facts.length) out.push('', `### ${w.figures}`, '', ...facts.map((f) => `- ${f.sentence} — *${w.source}: ${f.source}*`));
	}
	return out.join('\n') + '\n';
}
