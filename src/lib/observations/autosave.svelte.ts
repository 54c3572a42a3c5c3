/**
 * Saves a draft shortly after every change (well within a second) and at once when the page is
 * hidden or closed. `saved` only turns true once IndexedDB has confirmed the write of the latest text.
 */
import { saveDraft } from './store';
import type { ObservationDraft } from './types';

export const SAVE_DELAY_MS = 250;

export class Autosave {
	state = $state<'saved' | 'saving' | 'error'>('saved');
	savedAt = $state<string | null>(null);
	error = $state<string | null>(null);
	#timer: ReturnType<typeof setTimeout> | null = null;
	#pending: ObservationDraft | null = null;
	#version = 0;

	/** Call after every change with the whole draft. */
	changed(draft: ObservationDraft): void {
		this.#pending = draft;
		this.#version++;
		this.state = 'saving';
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = setTimeout(() => this.flush(), SAVE_DELAY_MS);
	}

	async flush(): Promise<void> {
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
		const draft = this.#pending;
		if (!draft) return;
		const version = this.#version;
		try {
			await saveDraft($state.snapshot(draft) as ObservationDraft);
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
}
