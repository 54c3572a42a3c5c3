/**
 * What can be wrong with a loaded file, as codes the interface turns into sentences in the reader's
 * language. Problems are grouped by column and rule, so 10,000 bad rows are one line with a count.
 */

export const PROBLEM_RULES = [
	// the file as a whole
	'empty_file',
	'not_text',
	'not_parquet',
	'parquet_unreadable',
	'not_workbook',
	'no_header',
	'no_rows',
	'duplicate_column',
	'no_table',
	'csv_structure',
	'engine',
	// a row
	'extra_fields',
	// a cell
	'required',
	'not_number',
	'not_whole_number',
	'too_large',
	'not_exact',
	'not_finite',
	'number_format',
	'ambiguous_separator',
	'mixed_separators',
	'not_date',
	'time_of_day',
	'not_boolean',
	'wrong_type',
	'not_allowed',
	'out_of_range',
	'not_iso3',
	'percent_range',
	'yes_no',
	'negative',
	'before',
	'unknown_reference',
	'duplicate_in_file',
	'already_loaded'
] as const;
export type ProblemRule = (typeof PROBLEM_RULES)[number];

/** Problems of one rule in one column: how many, the first rows, an example value. */
export interface ProblemGroup {
	file: string;
	/** Contract column (or the file's column for header problems); null = the whole row or file. */
	column: string | null;
	rule: ProblemRule;
	count: number;
	/** Spreadsheet row numbers (header = 1), the first five at most, ascending. */
	rows: number[];
	/** The value of the first row, as written in the file. */
	example: string | null;
	/** Details the message needs (allowed values, range, the other table…). */
	params: Record<string, string | number>;
}

export function fileProblem(file: string, rule: ProblemRule, params: Record<string, string | number> = {}, column: string | null = null): ProblemGroup {
	return { file, column, rule, count: 1, rows: [], example: null, params };
}

/** A problem that stops a load; carries the grouped problems to report. */
export class LoadRejected extends Error {
	constructor(public readonly problems: ProblemGroup[]) {
		super(problems.map((p) => `${p.file}: ${p.column ?? ''} ${p.rule} ×${p.count}`).join('; '));
		this.name = 'LoadRejected';
	}
}
