/**
 * Flattening a draft into rows of the `preliminary_observations` table and back.
 *
 * A draft becomes:
 * - the general row (action null, assessment null, text = the general text) — ALWAYS written, even
 *   when the text is empty, because it is the row that carries the status of a State's observation;
 * - one row per entry of `actions`, in ascending action order.
 * Status, updated_at and author are copied to every row. Empty strings are written as null (the table
 * has no empty strings: validation reads an empty cell as null), so `''` ⇄ `null` for text,
 * updated_at and author.
 *
 * Normalised draft (the round trip rowsToDrafts(draftToRows(d)) deep-equals d exactly for these):
 * - `actions` keys are whole numbers 1–50 (the contract's range); an action's `text` is '' when
 *   there is no note, never undefined;
 * - `text`, `updated_at`, `author` are strings ('' when absent), never null;
 * - no leading/trailing spaces in text fields if the rows go through a CSV or JSON file, because
 *   validation trims VARCHAR cells (rows.ts itself does not trim).
 */
import type { Assessment, ObservationDraft, ObservationRow, ObservationStatus } from './types';
import { draftKey } from './types';

const orNull = (s: string): string | null => (s === '' ? null : s);

export function draftToRows(d: ObservationDraft): ObservationRow[] {
	const base = {
		meeting: d.meeting,
		committee: d.committee,
		iso3: d.iso3,
		status: d.status,
		updated_at: orNull(d.updated_at),
		author: orNull(d.author)
	};
	const general: ObservationRow = { ...base, action: null, assessment: null, text: orNull(d.text) };
	const actions = Object.keys(d.actions)
		.map(Number)
		.sort((a, b) => a - b)
		.map((n): ObservationRow => ({ ...base, action: n, assessment: d.actions[n].assessment, text: orNull(d.actions[n].text) }));
	return [general, ...actions];
}

/** Timestamps compare as instants when both parse (ISO with different offsets), else as strings. */
function newer(a: string | null, b: string | null): boolean {
	const ta = Date.parse(a ?? ''), tb = Date.parse(b ?? '');
	if (!isNaN(ta) && !isNaN(tb)) return ta > tb;
	if (!isNaN(ta) !== !isNaN(tb)) return !isNaN(ta); // a real date beats a missing/garbled one
	return (a ?? '') > (b ?? '');
}

/**
 * Rows (any order, any mix of States) → one draft per meeting+committee+iso3, sorted by that key.
 * - No general row: text '' and status 'agreed' only if every action row is agreed (a single draft
 *   row keeps the whole observation a draft, so nothing is presented as agreed by accident).
 * - An action row with no assessment reads as 'no_assessment'.
 * - updated_at and author come from the newest row (ties: the first row met).
 * - Duplicate keys cannot reach here through validateTable; if they do, the later row wins.
 */
export function rowsToDrafts(rows: ObservationRow[]): ObservationDraft[] {
	const groups = new Map<string, ObservationRow[]>();
	for (const r of rows) {
		const k = draftKey(r);
		const g = groups.get(k);
		if (g) g.push(r);
		else groups.set(k, [r]);
	}
	return [...groups.keys()].sort().map((k) => toDraft(groups.get(k)!));
}

function toDraft(group: ObservationRow[]): ObservationDraft {
	const first = group[0];
	const general = group.filter((r) => r.action === null).at(-1);
	const actionRows = group.filter((r) => r.action !== null).sort((a, b) => a.action! - b.action!);
	let newest = first;
	for (const r of group) if (newer(r.updated_at, newest.updated_at)) newest = r;

	const status: ObservationStatus = general
		? general.status
		: actionRows.every((r) => r.status === 'agreed')
			? 'agreed'
			: 'draft';
	const actions: ObservationDraft['actions'] = {};
	for (const r of actionRows)
		actions[r.action!] = { assessment: r.assessment ?? ('no_assessment' satisfies Assessment), text: r.text ?? '' };
	return {
		meeting: first.meeting,
		committee: first.committee,
		iso3: first.iso3,
		status,
		text: general?.text ?? '',
		actions,
		updated_at: newest.updated_at ?? '',
		author: newest.author ?? ''
	};
}
