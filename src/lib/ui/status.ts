/**
 * How each status code of the model is shown (docs/METHOD.md §7, §12.5): a glyph that carries meaning
 * without colour, a message key for the translation layer (its `.help` key explains it), and a CSS
 * colour token. Colour only reinforces; the text (looked up by key) is always shown or is the
 * accessible name, and the glyph is decorative (aria-hidden) beside it. The model returns the codes
 * only; the words are in src/lib/i18n/messages/status.en.ts and its translations.
 */
import type { Assessment } from '$lib/data/schema';
import type { StateLevel, StateTrend } from '$lib/model/method';
import type { ActionLevel, ActionTrend, StateActionLevel } from '$lib/model/method-action';
import type { ProjectionReason, ProjectionStatus } from '$lib/model/projection';
import type { MessageKey } from '$lib/i18n/keys';

export const STATUS_TOKENS = ['good', 'mid', 'bad', 'none'] as const;
export type StatusToken = (typeof STATUS_TOKENS)[number];

export interface StatusDisplay {
	/** Unicode glyph; distinct within each kind of status. */
	icon: string;
	/** Short text key, e.g. 'status.level.on_track'. */
	key: MessageKey;
	/** Explanation key: `${key}.help`. */
	helpKey: MessageKey;
	/** CSS token: good | mid | bad | none (none = no judgement, neutral colour). */
	token: StatusToken;
}

/** The keys that have an explanation under `${key}.help`. */
type Explained = Extract<MessageKey, `${string}.help`> extends `${infer K}.help` ? Extract<K, MessageKey> : never;

const d = (icon: string, key: Explained, token: StatusToken): StatusDisplay => ({ icon, key, helpKey: `${key}.help`, token });

/** An action in a year (overview tiles). */
export const ACTION_LEVEL_DISPLAY: Record<ActionLevel, StatusDisplay> = {
	on_track: d('✓', 'status.level.on_track', 'good'),
	partial: d('◐', 'status.level.partial', 'mid'),
	off_track: d('✗', 'status.level.off_track', 'bad'),
	trend_only: d('○', 'status.level.trend_only', 'none'),
	insufficient_data: d('?', 'status.level.insufficient_data', 'none'),
	no_indicators: d('–', 'status.level.no_indicators', 'none'),
	not_applicable: d('∅', 'status.level.not_applicable', 'none')
};

/** Trend of an action, or of one State on one action, since the baseline. */
export const ACTION_TREND_DISPLAY: Record<ActionTrend, StatusDisplay> = {
	improving: d('↑', 'status.trend.improving', 'good'),
	stable: d('→', 'status.trend.stable', 'mid'),
	worsening: d('↓', 'status.trend.worsening', 'bad'),
	insufficient_data: d('?', 'status.trend.insufficient_data', 'none'),
	no_indicators: d('–', 'status.trend.no_indicators', 'none'),
	not_applicable: d('∅', 'status.trend.not_applicable', 'none')
};

/** One State's value on one indicator against its target. */
export const STATE_LEVEL_DISPLAY: Record<StateLevel, StatusDisplay> = {
	met: d('✓', 'status.value.met', 'good'),
	not_met: d('✗', 'status.value.not_met', 'bad'),
	not_reported: d('?', 'status.value.not_reported', 'none'),
	no_target: d('○', 'status.value.no_target', 'none')
};

/** One State's trend on one indicator. */
export const STATE_TREND_DISPLAY: Record<StateTrend, StatusDisplay> = {
	improving: d('↑', 'status.trend.improving', 'good'),
	stable: d('→', 'status.trend.stable', 'mid'),
	worsening: d('↓', 'status.trend.worsening', 'bad'),
	insufficient: d('?', 'status.trend.insufficient', 'none')
};

/** One State on one action (country pages, action tables). */
export const STATE_ACTION_LEVEL_DISPLAY: Record<StateActionLevel, StatusDisplay> = {
	met_all: d('✓', 'status.stateLevel.met_all', 'good'),
	met_some: d('◐', 'status.stateLevel.met_some', 'mid'),
	met_none: d('✗', 'status.stateLevel.met_none', 'bad'),
	not_reported: d('?', 'status.stateLevel.not_reported', 'none'),
	trend_only: d('○', 'status.stateLevel.trend_only', 'none'),
	no_indicators: d('–', 'status.stateLevel.no_indicators', 'none'),
	not_applicable: d('∅', 'status.stateLevel.not_applicable', 'none')
};

/** §12.5: the projected Article 5 completion. */
export const PROJECTION_DISPLAY: Record<ProjectionStatus, StatusDisplay> = {
	completed: d('●', 'status.projection.completed', 'good'),
	on_track: d('✓', 'status.projection.on_track', 'good'),
	at_risk: d('!', 'status.projection.at_risk', 'mid'),
	beyond_deadline: d('✗', 'status.projection.beyond_deadline', 'bad'),
	no_progress: d('⊘', 'status.projection.no_progress', 'bad'),
	no_deadline: d('○', 'status.projection.no_deadline', 'none'),
	insufficient_data: d('?', 'status.projection.insufficient_data', 'none')
};

/** Why a projection is what it is, in words. */
export const projectionReasonKey = (r: ProjectionReason): MessageKey => `projection.reason.${r}`;

/** Icons beside a committee's assessment words: the meaning never rests on colour alone. */
export const ASSESSMENT_ICON: Record<Assessment, string> = {
	progress: '✓',
	information_requested: '?',
	concern: '!',
	no_assessment: '–'
};

/** A status as one line of text: its glyph, then its words (chart labels, legends). */
export function statusText(display: StatusDisplay, t: (key: MessageKey) => string): string {
	return `${display.icon} ${t(display.key)}`;
}
