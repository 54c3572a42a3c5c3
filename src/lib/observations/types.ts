/**
 * A committee's preliminary observation on one State for one meeting, as the editor holds it.
 * One draft flattens to rows of the `preliminary_observations` table: the general text
 * (action empty) plus one row per assessed action.
 */
import type { Assessment, Committee, ObservationStatus, Row } from '$lib/data/schema';

export type { Assessment, ObservationStatus };

export interface ActionAssessment {
	assessment: Assessment;
	/** Optional note on this action. */
	text: string;
}

export interface ObservationDraft {
	meeting: string;
	committee: Committee;
	iso3: string;
	status: ObservationStatus;
	/** The general observation text (action empty in the table). */
	text: string;
	/** By action number. */
	actions: Record<number, ActionAssessment>;
	/** ISO timestamp of the last change. */
	updated_at: string;
	author: string;
	/** Stored drafts only: raised by every save, so two tabs never save over each other unseen (store.ts). Not exported. */
	revision?: number;
}

/** A row of the `preliminary_observations` table (docs/DATA.md). */
export type ObservationRow = Row<'preliminary_observations'>;

export function draftKey(d: Pick<ObservationDraft, 'meeting' | 'committee' | 'iso3'>): string {
	return `${d.meeting}|${d.committee}|${d.iso3}`;
}

export function emptyDraft(meeting: string, committee: Committee, iso3: string): ObservationDraft {
	return { meeting, committee, iso3, status: 'draft', text: '', actions: {}, updated_at: '', author: '' };
}
