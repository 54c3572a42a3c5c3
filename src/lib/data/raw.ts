/** A file as read, before validation: a header and rows of cells (strings from CSV, typed from Parquet). */
export interface RawTable {
	file: string;
	format: 'csv' | 'parquet';
	columns: string[];
	rows: unknown[][];
}

/** A problem with an input file, located as a spreadsheet user would find it. */
export interface LoadIssue {
	file: string;
	/** Spreadsheet row number: the header is row 1, the first data row is row 2. Null = whole file. */
	row: number | null;
	/** Column name, or null when the problem is not about one column. */
	column: string | null;
	message: string;
}

export class LoadError extends Error {
	constructor(public readonly issues: LoadIssue[]) {
		super(issues.map(formatIssue).join('\n'));
		this.name = 'LoadError';
	}
}

export function formatIssue(i: LoadIssue): string {
	const where = [i.file, i.row !== null ? `row ${i.row}` : null, i.column !== null ? `column “${i.column}”` : null]
		.filter(Boolean)
		.join(', ');
	return `${where}: ${i.message}`;
}

export function fileIssue(file: string, message: string): LoadError {
	return new LoadError([{ file, row: null, column: null, message }]);
}
