import { beforeEach, describe, expect, it } from 'vitest';
import { browserKeyValue, memoryKeyValue, storage } from '$lib/state/storage.svelte';
import { allDrafts, getDraft, saveDraft, saveDraftOver, useDraftStore } from './store';
import { emptyDraft, type ObservationDraft } from './types';

const draft = (text: string): ObservationDraft => ({ ...emptyDraft('IM2024', 'article5', 'KHM'), text });

describe('saveDraftOver: two editors of one draft never save over each other unseen', () => {
	beforeEach(() => useDraftStore(memoryKeyValue()));

	it('saves over the revision it started from, and raises it', async () => {
		expect(await saveDraftOver(draft('one'), 0)).toEqual({ saved: true, revision: 1 });
		expect(await saveDraftOver(draft('two'), 1)).toEqual({ saved: true, revision: 2 });
		expect(await getDraft('IM2024', 'article5', 'KHM')).toMatchObject({ text: 'two', revision: 2 });
	});

	it('writes nothing when another editor saved since, and gives back that version', async () => {
		await saveDraftOver(draft('tab A'), 0); // tab A: revision 1
		const outcome = await saveDraftOver(draft('tab B'), 0); // tab B also started from nothing
		expect(outcome).toEqual({ saved: false, theirs: expect.objectContaining({ text: 'tab A', revision: 1 }) });
		expect(await getDraft('IM2024', 'article5', 'KHM')).toMatchObject({ text: 'tab A', revision: 1 });
	});

	it('an import (saveDraft) raises the revision too, so an open editor sees it', async () => {
		await saveDraftOver(draft('editor'), 0);
		await saveDraft(draft('imported'));
		expect(await saveDraftOver(draft('editor again'), 1)).toMatchObject({ saved: false, theirs: { text: 'imported', revision: 2 } });
	});

	it('a draft stored before revisions existed counts as revision 0', async () => {
		const kv = memoryKeyValue();
		useDraftStore(kv);
		await kv.set('IM2024|article5|KHM', draft('old'));
		expect(await saveDraftOver(draft('new'), 0)).toEqual({ saved: true, revision: 1 });
	});
});

describe('without IndexedDB', () => {
	it('keeps drafts in the tab and says so', async () => {
		expect(typeof indexedDB).toBe('undefined');
		useDraftStore(browserKeyValue('oap-observations', 'drafts'));
		await saveDraftOver(draft('kept in memory'), 0);
		expect(await getDraft('IM2024', 'article5', 'KHM')).toMatchObject({ text: 'kept in memory' });
		expect(await allDrafts({ committee: 'article5' })).toHaveLength(1);
		expect(storage.status).toBe('tab');
	});
});
