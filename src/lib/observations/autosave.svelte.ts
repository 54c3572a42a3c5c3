/**
 * Saves a draft shortly after every change (well within a second) and at once when the page is
 * hidden or closed. `saved` only turns true once the store has confirmed the write of the latest text.
 *
 * Two tabs on the same draft: a save only goes over the revision this editor started from
 * (store.saveDraftOver). When another tab saved first, nothing is written: `conflict` holds the other
 * version, the editor shows both, and the author chooses (keepMine / takeTheirs). Tabs also tell each
 * other of every save (BroadcastChannel), so an editor with no unsaved change simply shows the newer
 * text, and one with unsaved changes shows the conflict at once rather than at its next save.
 */
import { getDraft, saveDraftOver } from './store';
import { draftKey, type ObservationDraft } from './types';

export const SAVE_DELAY_MS = 250;
const CHANNEL = 'oap-drafts';

export class Autosave {
	state = $state<'saved' | 'saving' | 'error' | 'conflict'>('saved');
	savedAt = $state<string | null>(null);
	error = $state<string | null>(null);
	/** The version another tab saved, while this tab's differs from it. */
	conflict = $state.raw<ObservationDraft | null>(null);
	/** Set when the text shown was replaced by a newer version from another tab (no unsaved change here). */
	updatedElsewhere = $state(false);
	#timer: ReturnType<typeof setTimeout> | null = null;
	#pending: ObservationDraft | null = null;
	#version = 0;
	/** The stored revision this editor's text builds on. */
	#base = 0;
	#channel: BroadcastChannel | null = null;

	readonly #key: string;

	/**
	 * `id` names the draft; `adopt` puts a newer version from another tab into the editor when this one
	 * has nothing unsaved. Call `start(draft)` with the draft as read from the store.
	 */
	constructor(
		private readonly id: Pick<ObservationDraft, 'meeting' | 'committee' | 'iso3'>,
		private readonly adopt: (draft: ObservationDraft) => void
	) {
		this.#key = draftKey(id);
	}

	start(draft: ObservationDraft): void {
		this.#base = draft.revision ?? 0;
		if (typeof BroadcastChannel === 'undefined') return;
		this.#channel = new BroadcastChannel(CHANNEL);
		this.#channel.onmessage = (e: MessageEvent<{ key: string; revision: number }>) => {
			if (e.data?.key === this.#key && e.data.revision > this.#base) void this.#otherSaved();
		};
	}

	stop(): void {
		this.#channel?.close();
		this.#channel = null;
	}

	/** Call after every change with the whole draft. */
	changed(draft: ObservationDraft): void {
		this.#pending = draft;
		this.#version++;
		this.updatedElsewhere = false;
		if (this.state === 'conflict') return; // nothing is saved until the author has chosen
		this.state = 'saving';
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = setTimeout(() => this.flush(), SAVE_DELAY_MS);
	}

	async flush(): Promise<void> {
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
		const draft = this.#pending;
		if (!draft || this.state === 'conflict') return;
		const version = this.#version;
		try {
			const outcome = await saveDraftOver($state.snapshot(draft) as ObservationDraft, this.#base);
			if (!outcome.saved) {
				this.conflict = outcome.theirs;
				this.state = 'conflict';
				return;
			}
			this.#base = outcome.revision;
			this.#channel?.postMessage({ key: this.#key, revision: outcome.revision });
			// A later change may have arrived while writing: only then is it still unsaved.
			if (version === this.#version) {
				this.#pending = null;
				this.state = 'saved';
				this.savedAt = new Date().toISOString();
				this.error = null;
			}
		} catch (e) {
			this.state = 'error';
			this.error = (e as Error).message;
		}
	}

	/** Keep this tab's text: it is saved over the other version. */
	async keepMine(draft: ObservationDraft): Promise<void> {
		if (!this.conflict) return;
		this.#base = this.conflict.revision ?? 0;
		this.conflict = null;
		this.state = 'saving';
		this.#pending = draft;
		this.#version++;
		await this.flush();
	}

	/** Take the other version: it goes into the editor, and this tab's text is dropped. */
	takeTheirs(): void {
		const theirs = this.conflict;
		if (!theirs) return;
		this.#base = theirs.revision ?? 0;
		this.conflict = null;
		this.#pending = null;
		this.state = 'saved';
		this.adopt(theirs);
	}

	async #otherSaved(): Promise<void> {
		const theirs = await getDraft(this.id.meeting, this.id.committee, this.id.iso3);
		if (!theirs || (theirs.revision ?? 0) <= this.#base) return;
		if (this.#pending || this.state === 'conflict') {
			this.conflict = theirs;
			this.state = 'conflict';
			if (this.#timer) clearTimeout(this.#timer);
			return;
		}
		this.#base = theirs.revision ?? 0;
		this.updatedElsewhere = true;
		this.adopt(theirs);
	}
}
