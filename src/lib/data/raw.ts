import type { ProblemRule } from './problems';

/** A file as read, before validation: a header and rows of cells (strings from CSV, typed from Parquet). */
export interface RawTable {
	file: string;
	format: 'csv' | 'parquet';
	columns: string[];
	rows: unknown[][];
}

/**
 * What can be wrong with a file read outside the one loader (a colleague's preliminary observations):
 * the loader's problem codes plus a few of this reader's own. The interface says them in the reader's
 * language (`problem.<rule>` in the catalogues), with `params`.
 */
export type IssueRule =
	| ProblemRule
	| 'not_utf8'
	| 'unmatched_quote'
	| 'unknown_column'
	| 'missing_column'
	| 'duplicate_row'
	| 'not_json'
	| 'not_observations'
	| 'newer_version'
	| 'no_rows_array'
	| 'row_not_object'
	| 'json_type';

/** A problem with an input file, located as a spreadsheet user would find it. */
export interface LoadIssue {
	file: string;
	/** Spreadsheet row number: the header is row 1, the first data row is row 2. Null = whole file. */
	row: number | null;
	/** Column name, or null when the problem is not about one column. */
	column: string | null;
	rule: IssueRule;
	/** What the sentence needs: the value as written, the allowed values, the range… */
	params: Record<string, string | number>;
}

export class LoadError extends Error {
	constructor(public readonly issues: LoadIssue[]) {
		super(issues.map(formatIssue).join('\n'));
		this.name = 'LoadError';
	}
}

/** The issue as one line for logs and errors (codes, not sentences: the interface words them). */
export function formatIssue(i: LoadIssue): string {
	const where = [i.file, i.row !== null ? `row ${i.row}` : null, i.column !== null ? `column “${i.column}”` : null]
		.filter(Boolean)
		.join(', ');
	const params = Object.entries(i.params).map(([k, v]) => `${k}=${v}`).join(' ');
	return `${where}: ${i.rule}${params ? ` (${params})` : ''}`;
}

export function fileIssue(file: string, rule: IssueRule, params: Record<string, string | number> = {}): LoadError {
	return new LoadError([{ file, row: null, column: null, rule, params }]);
}
