/**
 * How each status of the progress method is shown (docs/METHOD.md §7): a glyph that carries
 * meaning without colour, a message key for the translation layer, and a CSS token for colour.
 * Colour only reinforces; the text (looked up by key) is always shown or is the accessible
 * name, and the glyph is decorative (aria-hidden) beside it.
 */
import type { StateLevel, StateTrend } from './method';
import type { ActionLevel, ActionTrend, StateActionLevel } from './method-action';

export const STATUS_TOKENS = ['good', 'mid', 'bad', 'none'] as const;
export type StatusToken = (typeof STATUS_TOKENS)[number];

export interface StatusDisplay<K extends string = StatusMessageKey> {
	/** Unicode glyph; distinct within each kind of status. */
	icon: string;
	/** Short text key, e.g. 'status.level.on_track'. */
	key: K;
	/** Explanation key: `${key}.help`. */
	helpKey: `${K}.help`;
	/** CSS token: good | mid | bad | none (none = no judgement, neutral colour). */
	token: StatusToken;
}

/** English text and explanation for every key (copied into the translation files). */
const TEXT = {
	'status.level.on_track': ['On track', 'At least 75% of the targets reported on are met.'],
	'status.level.partial': ['Partly on track', 'At least 40% but fewer than 75% of the targets reported on are met.'],
	'status.level.off_track': ['Off track', 'Fewer than 40% of the targets reported on are met.'],
	'status.level.trend_only': ['No target — trend only', 'No indicator of this action that concerns a State this year has a target; see the trend.'],
	'status.level.insufficient_data': ['Too few reports', 'Fewer than half of the States concerned reported, or none reported on an indicator with a target.'],
	'status.level.no_indicators': ['No indicator', 'No indicator measures this action yet.'],
	'status.level.not_applicable': ['No State concerned', 'No State Party is concerned by the indicators of this action in this year.'],

	'status.trend.improving': ['Improving', 'Since the baseline, cases of improvement outnumber cases of worsening by at least 10% of all comparable cases.'],
	'status.trend.stable': ['Stable', 'Since the baseline, improvement and worsening balance within 10% of all comparable cases.'],
	'status.trend.worsening': ['Worsening', 'Since the baseline, cases of worsening outnumber cases of improvement by at least 10% of all comparable cases.'],
	'status.trend.insufficient_data': ['Not enough data to compare', 'Fewer than half of the States concerned have a value both at baseline and in this year, or this year is not after the baseline.'],
	'status.trend.insufficient': ['Cannot compare', 'A value is missing at baseline or in this year, or the State was not concerned at baseline.'],
	'status.trend.no_indicators': ['No indicator', 'No indicator measures this action yet.'],
	'status.trend.not_applicable': ['No State concerned', 'No State Party is concerned by the indicators of this action in this year.'],

	'status.value.met': ['Target met', 'The value reaches the target (at or above it, or at or below it when lower is better).'],
	'status.value.not_met': ['Target not met', 'The value does not reach the target.'],
	'status.value.not_reported': ['Not reported', 'No value was reported for this year. Not reported is never counted as zero.'],
	'status.value.no_target': ['No target', 'This indicator has no target; only its trend is assessed.'],

	'status.stateLevel.met_all': ['All targets met', 'The State met every target it reported on this year.'],
	'status.stateLevel.met_some': ['Some targets met', 'The State met some, but not all, of the targets it reported on this year.'],
	'status.stateLevel.met_none': ['No target met', 'The State met none of the targets it reported on this year.'],
	'status.stateLevel.not_reported': ['Not reported', 'The State reported no value this year for the indicators with a target that concern it.'],
	'status.stateLevel.trend_only': ['No target — trend only', 'None of the indicators concerning this State has a target; see the trend.'],
	'status.stateLevel.no_indicators': ['No indicator', 'No indicator measures this action yet.'],
	'status.stateLevel.not_applicable': ['Not concerned', 'This State is not concerned by the indicators of this action in this year.'],

	// Coverage is shown next to every status (placeholders filled by t()).
	'status.coverage': ['{reported} of {applicable} States concerned reported', 'States Parties concerned by at least one indicator of the action that reported at least one of them this year.'],
	'status.stateCoverage': ['{reported} of {applicable} indicators reported', 'Indicators of the action that concern this State and for which it reported a value this year.']
} as const satisfies Record<string, readonly [string, string]>;

export type StatusMessageKey = keyof typeof TEXT;

/** Flat key → English text, with `${key}.help` → explanation. */
export const STATUS_TEXT_EN = Object.fromEntries(
	Object.entries(TEXT).flatMap(([k, [text, help]]) => [
		[k, text],
		[`${k}.help`, help]
	])
) as Record<StatusMessageKey | `${StatusMessageKey}.help`, string>;

/** A status's display: its glyph, its text key (and that key's `.help`), its colour token. */
export function statusDisplay<K extends string>(icon: string, key: K, token: StatusToken): StatusDisplay<K> {
	return { icon, key, helpKey: `${key}.help`, token };
}
const d = (icon: string, key: StatusMessageKey, token: StatusToken) => statusDisplay(icon, key, token);

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
