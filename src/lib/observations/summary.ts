/** What the committee's drafted assessments add up to: the matrix, the counts, the change since the last meeting. */
import type { Assessment, ObservationDraft } from './types';

export const ASSESSMENT_ORDER: readonly Assessment[] = ['progress', 'information_requested', 'concern', 'no_assessment'];

export interface MatrixCell {
	iso3: string;
	action: number;
	assessment: Assessment;
}

export function assessmentMatrix(drafts: ObservationDraft[]): MatrixCell[] {
	return drafts.flatMap((d) =>
		Object.entries(d.actions).map(([action, a]) => ({ iso3: d.iso3, action: Number(action), assessment: a.assessment }))
	);
}

export function assessmentCounts(drafts: ObservationDraft[]): { assessment: Assessment; count: number }[] {
	const cells = assessmentMatrix(drafts);
	return ASSESSMENT_ORDER.map((assessment) => ({ assessment, count: cells.filter((c) => c.assessment === assessment).length }));
}

export const CHANGES = ['improved', 'unchanged', 'worsened', 'new'] as const;
export type Change = (typeof CHANGES)[number];

// Progress is better than a request for information, which is better than a concern.
const RANK: Partial<Record<Assessment, number>> = { concern: 0, information_requested: 1, progress: 2 };

/** Each State × action assessed now, compared with the same pair at the previous meeting. */
export function changesSince(previous: ObservationDraft[], current: ObservationDraft[]): { change: Change; count: number }[] {
	const before = new Map(assessmentMatrix(previous).map((c) => [`${c.iso3}|${c.action}`, c.assessment]));
	const counts: Record<Change, number> = { improved: 0, unchanged: 0, worsened: 0, new: 0 };
	for (const c of assessmentMatrix(current)) {
		if (c.assessment === 'no_assessment') continue;
		const was = before.get(`${c.iso3}|${c.action}`);
		const a = RANK[c.assessment];
		const b = was === undefined ? undefined : RANK[was];
		if (b === undefined || a === undefined) counts.new++;
		else counts[a > b ? 'improved' : a < b ? 'worsened' : 'unchanged']++;
	}
	return CHANGES.map((change) => ({ change, count: counts[change] }));
}
