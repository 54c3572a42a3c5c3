/** Problems and load notes in the reader's language; the problems file written by the one CSV writer. */
import type { ProblemGroup, ProblemRule } from '$lib/data/problems';
import type { IssueRule, LoadIssue } from '$lib/data/raw';
import type { ProblemRow } from '$lib/db/load/loader';
import { toCsv } from '$lib/export/csv';
import { t } from '$lib/i18n/locale.svelte';

/** What is wrong, in words: "not a number", "not in table “states” (column iso3)…". */
export function problemWhat(rule: IssueRule, params: Record<string, string | number>, value: string | null = null): string {
	return t(`problem.${rule}`, { ...params, value: value ?? '', row: params.row ?? '' });
}

export function problemCount(n: number): string {
	return t('problem.count', { n });
}

/** The sentence for a group: "not a number — 2,314 rows, e.g. row 7: “twelve”". */
export function problemParts(p: ProblemGroup): { what: string; count: string | null; example: string | null; rows: string | null } {
	const first = p.rows[0];
	const what = problemWhat(p.rule, { ...p.params, row: first ?? '' }, p.example);
	if (p.rows.length === 0) return { what, count: null, example: null, rows: null };
	return {
		what,
		count: problemCount(p.count),
		example: p.example !== null && p.example !== 'NULL' ? t('problem.example', { row: String(first), value: p.example }) : null,
		rows: p.rows.length > 1 ? t('problem.rows', { rows: p.rows.join(', ') + (p.count > p.rows.length ? ', …' : '') }) : null
	};
}

/** Every problem of a rejected file as a CSV the reader can sort and filter (file, row, column, value, problem). */
export function problemsCsv(file: string, rows: ProblemRow[], params: (rule: ProblemRule, column: string | null) => Record<string, string | number>): string {
	return toCsv(
		rows.map((r) => ({ file, row: r.row, column: r.column, value: r.value, problem: problemWhat(r.rule, params(r.rule, r.column), r.value) })),
		[
			{ key: 'file', label: t('data.load.csv.file') },
			{ key: 'row', label: t('data.load.csv.row') },
			{ key: 'column', label: t('data.load.csv.column') },
			{ key: 'value', label: t('data.load.csv.value') },
			{ key: 'problem', label: t('data.load.csv.problem') }
		]
	);
}

/** One issue of a file read outside the loader, in words, with the value as the file wrote it. */
export function issueText(i: LoadIssue): string {
	const what = problemWhat(i.rule, i.params);
	return i.params.value !== undefined && i.params.value !== '' ? `${what}: “${i.params.value}”` : what;
}

/** Why a file was not kept, in words: the codes the storage layer gives, else the browser's own message. */
export function storageReason(reason: string | null | undefined): string {
	if (reason === 'quota') return t('data.storage.full');
	if (reason === 'no_indexeddb') return t('storage.reason.no_indexeddb');
	return reason ?? '';
}
