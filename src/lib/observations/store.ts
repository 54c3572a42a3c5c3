/**
 * Drafts live in IndexedDB, in a store of their own, one record per State × committee × meeting:
 * written on every change, so a reload, a closed tab or a crash loses nothing.
 */
import { createStore, del, get, set, values, type UseStore } from 'idb-keyval';
import { draftKey, type ObservationDraft } from './types';

let store: UseStore | null = null;
// Created on first use: IndexedDB exists only in the browser.
const db = () => (store ??= createStore('oap-observations', 'drafts'));

export function getDraft(meeting: string, committee: string, iso3: string): Promise<ObservationDraft | undefined> {
	return get<ObservationDraft>(`${meeting}|${committee}|${iso3}`, db());
}

export function saveDraft(draft: ObservationDraft): Promise<void> {
	return set(draftKey(draft), draft, db());
}

export function deleteDraft(draft: ObservationDraft): Promise<void> {
	return del(draftKey(draft), db());
}

export async function allDrafts(filter: Partial<Pick<ObservationDraft, 'meeting' | 'committee'>> = {}): Promise<ObservationDraft[]> {
	const all = await values<ObservationDraft>(db());
	return all.filter((d) => (!filter.meeting || d.meeting === filter.meeting) && (!filter.committee || d.committee === filter.committee));
}
