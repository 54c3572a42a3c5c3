/**
 * Drafts live in IndexedDB, in a store of their own, one record per State × committee × meeting:
 * written on every change, so a reload, a closed tab or a crash loses nothing. Without IndexedDB (or
 * with a full quota) they live in this tab's memory, and the layout says so (state/storage).
 *
 * Every stored draft carries a revision that each save raises. An editor saves only over the revision
 * it started from: when another tab saved meanwhile, nothing is overwritten and the editor is told.
 */
import { browserKeyValue, type KeyValue } from '$lib/state/storage.svelte';
import { draftKey, type ObservationDraft } from './types';

let store: KeyValue | null = null;
// Opened on first use: IndexedDB exists only in the browser.
const db = () => (store ??= browserKeyValue('oap-observations', 'drafts'));

/** For tests: keep drafts in `kv` instead of IndexedDB. */
export function useDraftStore(kv: KeyValue): void {
	store = kv;
}

export function getDraft(meeting: string, committee: string, iso3: string): Promise<ObservationDraft | undefined> {
	return db().get<ObservationDraft>(draftKey({ meeting, committee, iso3 } as ObservationDraft));
}

/** Save whatever is stored (an import, a choice in a conflict); the revision goes up. Returns the saved draft. */
export async function saveDraft(draft: ObservationDraft): Promise<ObservationDraft> {
	let saved = draft;
	await db().update<ObservationDraft>(draftKey(draft), (old) => (saved = { ...draft, revision: (old?.revision ?? 0) + 1 }));
	return saved;
}

export type SaveOutcome = { saved: true; revision: number } | { saved: false; theirs: ObservationDraft };

/**
 * Save `draft` if the stored draft is still at revision `base` (0: none stored yet). Otherwise nothing is
 * written and the stored draft comes back: another tab saved it since this editor read it.
 */
export async function saveDraftOver(draft: ObservationDraft, base: number): Promise<SaveOutcome> {
	let outcome: SaveOutcome = { saved: true, revision: base + 1 };
	await db().update<ObservationDraft>(draftKey(draft), (old) => {
		if ((old?.revision ?? 0) !== base && old) {
			outcome = { saved: false, theirs: old };
			return old;
		}
		outcome = { saved: true, revision: base + 1 };
		return { ...draft, revision: base + 1 };
	});
	return outcome;
}

export function deleteDraft(draft: ObservationDraft): Promise<void> {
	return db().del(draftKey(draft));
}

export async function allDrafts(filter: Partial<Pick<ObservationDraft, 'meeting' | 'committee'>> = {}): Promise<ObservationDraft[]> {
	const all = await db().values<ObservationDraft>();
	return all.filter((d) => (!filter.meeting || d.meeting === filter.meeting) && (!filter.committee || d.committee === filter.committee));
}
