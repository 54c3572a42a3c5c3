/**
 * Load a list of files (a deployment's manifest, the bundled files) through the one loader, in order.
 * The same function runs in the browser (files fetched from data-files/) and at build time in Node
 * (the bundled files, checked before they are shipped): one way in for both.
 */
import { fileProblem, type ProblemGroup } from '$lib/data/problems';
import type { TableName } from '$lib/data/schema';
import type { Loader, LoadOutcome } from './loader';

/** One listed file: what a manifest entry says about it. */
export interface ListedFile {
	/** Path relative to the list. */
	file: string;
	/** The table, when recognition from the columns should not decide. */
	table?: TableName;
	/** Source of rows without one (default: "<file>, loaded <date>"). */
	source?: string;
	sheet?: string;
	headerRow?: number;
}

/** Add every file (a file that cannot be read or fails a rule is reported and skipped); the problems found. */
export async function loadListed(loader: Loader, files: ListedFile[], read: (f: ListedFile) => Promise<Blob>, loadedAt: string): Promise<ProblemGroup[]> {
	const problems: ProblemGroup[] = [];
	// Fetched all at once, loaded one after the other (later files may name rows of earlier ones).
	const blobs = await Promise.all(files.map((f) => read(f).catch((err: Error) => err)));
	for (const [i, f] of files.entries()) {
		const data = blobs[i];
		if (data instanceof Error) {
			problems.push(fileProblem(f.file, 'engine', { reason: data.message }));
			continue;
		}
		const outcome = await loader.load({ name: f.file, data, mode: 'add', table: f.table, sheet: f.sheet, headerRow: f.headerRow, provenance: f.source, loadedAt });
		problems.push(...problemsOf(outcome));
	}
	return problems;
}

/** The problems an outcome reports, for the lists of files that could not be loaded at start. */
export function problemsOf(outcome: LoadOutcome): ProblemGroup[] {
	if (outcome.status === 'rejected') return outcome.problems;
	if (outcome.status === 'loaded' || outcome.status === 'cancelled') return [];
	return [fileProblem(outcome.file, 'no_table')];
}
