import { describe, expect, it } from 'vitest';
import { STATE_LEVELS, STATE_TRENDS } from './method';
import { ACTION_LEVELS, ACTION_TRENDS, STATE_ACTION_LEVELS } from './method-action';
import {
	ACTION_LEVEL_DISPLAY,
	ACTION_TREND_DISPLAY,
	STATE_ACTION_LEVEL_DISPLAY,
	STATE_LEVEL_DISPLAY,
	STATE_TREND_DISPLAY,
	STATUS_TEXT_EN,
	STATUS_TOKENS,
	type StatusDisplay
} from './status-display';

const kinds: [string, readonly string[], Record<string, StatusDisplay>][] = [
	['action level', ACTION_LEVELS, ACTION_LEVEL_DISPLAY],
	['action trend', ACTION_TRENDS, ACTION_TREND_DISPLAY],
	['state level on an indicator', STATE_LEVELS, STATE_LEVEL_DISPLAY],
	['state trend on an indicator', STATE_TRENDS, STATE_TREND_DISPLAY],
	['state level on an action', STATE_ACTION_LEVELS, STATE_ACTION_LEVEL_DISPLAY]
];

describe.each(kinds)('display of each %s', (_name, statuses, display) => {
	it('covers every status, and nothing else', () => {
		expect(Object.keys(display).sort()).toEqual([...statuses].sort());
	});
	it('gives every status a glyph, an English text and an explanation (never colour alone)', () => {
		for (const s of statuses) {
			const d = display[s];
			expect(d.icon.trim()).not.toBe('');
			expect(STATUS_TEXT_EN[d.key]).toBeTruthy();
			expect(STATUS_TEXT_EN[d.helpKey]).toBeTruthy();
			expect(STATUS_TOKENS).toContain(d.token);
		}
	});
	it('uses a different glyph and a different text for each status', () => {
		const icons = statuses.map((s) => display[s].icon);
		const keys = statuses.map((s) => display[s].key);
		expect(new Set(icons).size).toBe(icons.length);
		expect(new Set(keys).size).toBe(keys.length);
	});
});

describe('STATUS_TEXT_EN', () => {
	it("says 'Too few reports' for an action without enough coverage, as the overview promises", () => {
		expect(STATUS_TEXT_EN[ACTION_LEVEL_DISPLAY.insufficient_data.key]).toBe('Too few reports');
	});
	it('has a help text for every short text', () => {
		const keys = Object.keys(STATUS_TEXT_EN);
		for (const k of keys.filter((k) => !k.endsWith('.help'))) expect(keys).toContain(`${k}.help`);
	});
});
