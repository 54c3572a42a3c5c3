import { describe, expect, it } from 'vitest';
import { ASSESSMENTS } from '$lib/data/schema';
import en from '$lib/i18n/messages/en';
import { STATE_LEVELS, STATE_TRENDS } from '$lib/model/method';
import { ACTION_LEVELS, ACTION_TRENDS, STATE_ACTION_LEVELS } from '$lib/model/method-action';
import { PROJECTION_REASONS, PROJECTION_STATUSES } from '$lib/model/projection';
import {
	ACTION_LEVEL_DISPLAY,
	ACTION_TREND_DISPLAY,
	ASSESSMENT_ICON,
	PROJECTION_DISPLAY,
	projectionReasonKey,
	STATE_ACTION_LEVEL_DISPLAY,
	STATE_LEVEL_DISPLAY,
	STATE_TREND_DISPLAY,
	STATUS_TOKENS,
	type StatusDisplay
} from './status';

const text = en as Record<string, string>;
const kinds: [string, readonly string[], Record<string, StatusDisplay>][] = [
	['action level', ACTION_LEVELS, ACTION_LEVEL_DISPLAY],
	['action trend', ACTION_TRENDS, ACTION_TREND_DISPLAY],
	['state level on an indicator', STATE_LEVELS, STATE_LEVEL_DISPLAY],
	['state trend on an indicator', STATE_TRENDS, STATE_TREND_DISPLAY],
	['state level on an action', STATE_ACTION_LEVELS, STATE_ACTION_LEVEL_DISPLAY],
	['projection status (§12.5)', PROJECTION_STATUSES, PROJECTION_DISPLAY]
];

describe.each(kinds)('display of each %s', (_name, statuses, display) => {
	it('covers every status code of the model, and nothing else', () => {
		expect(Object.keys(display).sort()).toEqual([...statuses].sort());
	});
	it('gives every status a glyph, an English text and an explanation (never colour alone)', () => {
		for (const s of statuses) {
			const d = display[s];
			expect(d.icon.trim()).not.toBe('');
			expect(text[d.key]).toBeTruthy();
			expect(d.helpKey).toBe(`${d.key}.help`);
			expect(text[d.helpKey]).toBeTruthy();
			expect(STATUS_TOKENS).toContain(d.token);
		}
	});
	it('uses a different glyph and a different text for each status', () => {
		const icons = statuses.map((s) => display[s].icon);
		const words = statuses.map((s) => text[display[s].key]);
		expect(new Set(icons).size).toBe(icons.length);
		expect(new Set(words).size).toBe(words.length);
	});
});

describe('the words of the statuses', () => {
	it("says 'Too few reports' for an action without enough coverage, as the overview promises", () => {
		expect(text[ACTION_LEVEL_DISPLAY.insufficient_data.key]).toBe('Too few reports');
	});
	it('has an English sentence for every reason a projection gives', () => {
		for (const r of PROJECTION_REASONS) expect(text[projectionReasonKey(r)]).toBeTruthy();
	});
	it('has a distinct glyph for every assessment a committee can give', () => {
		expect(Object.keys(ASSESSMENT_ICON).sort()).toEqual([...ASSESSMENTS].sort());
		expect(new Set(Object.values(ASSESSMENT_ICON)).size).toBe(ASSESSMENTS.length);
	});
});
