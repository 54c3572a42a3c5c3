import type { Assessment } from './types';

/** Icons beside the assessment words: the meaning never rests on colour alone. */
export const ASSESSMENT_ICON: Record<Assessment, string> = {
	progress: '✓',
	information_requested: '?',
	concern: '!',
	no_assessment: '–'
};
export const ASSESSMENTS: readonly Assessment[] = ['progress', 'concern', 'information_requested', 'no_assessment'];
