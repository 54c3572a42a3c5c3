/**
 * Importing observations into the ones already held: nothing is overwritten silently. A State's
 * observation that differs in any way that matters (general text, status, any action's assessment or
 * note, an action present on one side only) comes back as a conflict for the user to settle.
 */
import { draftKey, type ObservationDraft } from './types';

export interface ObservationConflict {
	key: string;
	mine: ObservationDraft;
	theirs: ObservationDraft;
}

export interface ImportMerge {
	/** Incoming drafts for a meeting+committee+State not held yet. */
	added: ObservationDraft[];
	/** Incoming drafts equal to the one held (ignoring updated_at and author): nothing to do. */
	identical: ObservationDraft[];
	conflicts: ObservationConflict[];
}

/**
 * Texts compare after trimming and with CRLF read as LF: an export re-imported goes through
 * validation (which trims cells) and possibly a spreadsheet (which may rewrite line ends); neither is
 * a change the user made, and flagging them would bury real conflicts.
 */
const norm = (s: string) => s.replace(/\r\n?/g, '\n').trim();

/** Equal in content: text, status and every action (assessment and note); updated_at/author ignored. */
export function sameContent(a: ObservationDraft, b: ObservationDraft): boolean {
	if (a.status !== b.status || norm(a.text) !== norm(b.text)) return false;
	const ka = Object.keys(a.actions), kb = Object.keys(b.actions);
	if (ka.length !== kb.length) return false;
	return ka.every((k) => {
		const x = a.actions[Number(k)], y = b.actions[Number(k)];
		return y !== undefined && x.assessment === y.assessment && norm(x.text) === norm(y.text);
	});
}

/**
 * Sort `incoming` against `existing` by meeting+committee+iso3. A key that comes twice (two files of
 * one import about the same State) is compared with the copy added before it, so the second never
 * replaces the first unseen: it is identical, or a conflict whose "mine" is the first file's version.
 */
export function mergeImport(existing: ObservationDraft[], incoming: ObservationDraft[]): ImportMerge {
	const held = new Map(existing.map((d) => [draftKey(d), d]));
	const out: ImportMerge = { added: [], identical: [], conflicts: [] };
	for (const theirs of incoming) {
		const key = draftKey(theirs);
		const mine = held.get(key);
		if (!mine) {
			out.added.push(theirs);
			held.set(key, theirs);
		} else if (sameContent(mine, theirs)) out.identical.push(theirs);
		else out.conflicts.push({ key, mine, theirs });
	}
	return out;
}

/** The chosen side, copied so later edits in the editor never reach the other list. */
export function resolve(conflict: ObservationConflict, choice: 'mine' | 'theirs'): ObservationDraft {
	const d = conflict[choice];
	const actions: ObservationDraft['actions'] = {};
	for (const [n, a] of Object.entries(d.actions)) actions[Number(n)] = { ...a };
	return { ...d, actions };
}
