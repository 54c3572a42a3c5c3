import { describe, expect, it } from 'vitest';
import { formatMessage } from './icu';

const EN = { intl: 'en', rtl: false };
const AR = { intl: 'ar-u-nu-latn', rtl: true };

describe('formatted messages from memory', () => {
	it('gives the same text the second time, and never another value’s text', () => {
		const text = '{n, plural, one {# chart} other {# charts}} of {name}';
		const first = [1, 2, 1, 12345].map((n) => formatMessage(text, EN, { n, name: 'KHM' }));
		const again = [1, 2, 1, 12345].map((n) => formatMessage(text, EN, { n, name: 'KHM' }));
		expect(first).toEqual(['1 chart of KHM', '2 charts of KHM', '1 chart of KHM', '12,345 charts of KHM']);
		expect(again).toEqual(first);
	});

	it('keeps apart values that print alike: a number and a string, NaN and a missing value, a language and its direction', () => {
		const text = 'value {v}';
		expect(formatMessage(text, EN, { v: 1 })).toBe('value 1');
		expect(formatMessage(text, EN, { v: '1' })).toBe('value 1');
		expect(formatMessage(text, EN, {})).toBe('value {v}');
		expect(formatMessage(text, EN, { v: Number.NaN })).toBe('value NaN');
		expect(formatMessage(text, EN, {})).toBe('value {v}');
		// Arabic isolates a text value with a letter; English does not — the memory keeps the languages apart.
		expect(formatMessage('في {m}', AR, { m: '2RC' })).toBe('في \u20682RC\u2069');
		expect(formatMessage('في {m}', EN, { m: '2RC' })).toBe('في 2RC');
	});

	it('plural forms of six-form Arabic come out right when repeated', () => {
		const text = '{n, plural, zero {zero} one {one} two {two} few {few} many {many} other {other}}';
		const forms = () => [0, 1, 2, 3, 11, 100].map((n) => formatMessage(text, AR, { n }));
		expect(forms()).toEqual(['zero', 'one', 'two', 'few', 'many', 'other']);
		expect(forms()).toEqual(['zero', 'one', 'two', 'few', 'many', 'other']);
	});
});
