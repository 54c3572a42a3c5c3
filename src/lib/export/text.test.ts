import { describe, expect, it } from 'vitest';
import { approximateMeasure, escapeXml, isRtl, wrap, xmlSafe } from './text';

describe('isRtl', () => {
	it('decides by the first strong letter, as dir="auto"', () => {
		expect(isRtl('الإجراءات حسب المستوى')).toBe(true);
		expect(isRtl('2024: الإجراءات')).toBe(true);
		expect(isRtl('A21.1 · المساحة')).toBe(false);
		expect(isRtl('Камбоджа')).toBe(false);
		expect(isRtl('123 —')).toBe(false);
	});
});

describe('escapeXml', () => {
	it('escapes markup characters and drops controls XML cannot hold', () => {
		expect(escapeXml('<b> & "x"\u0007')).toBe('&lt;b&gt; &amp; &quot;x&quot;');
	});
});

describe('xmlSafe', () => {
	it.each([
		['\u0000', 'NUL'],
		['\u0001', 'U+0001'],
		['\u0008', 'U+0008'],
		['\u000B', 'vertical tab'],
		['\u000C', 'form feed'],
		['\u000E', 'U+000E'],
		['\u001F', 'U+001F'],
		['\uFFFE', 'U+FFFE'],
		['\uFFFF', 'U+FFFF'],
		['\uD800', 'a lone high surrogate'],
		['\uDC00', 'a lone low surrogate']
	])('drops %j (%s)', (c) => {
		expect(xmlSafe(`Cam${c}bodia${c}`)).toBe('Cambodia');
	});

	it('keeps tab, line feed, carriage return, surrogate pairs and every script', () => {
		const text = 'a\tb\nc\rd 😀 𝐀 اليمن Камбоджа \uE000 \uFFFD';
		expect(xmlSafe(text)).toBe(text);
	});
});

describe('wrap', () => {
	const font = { size: 10, weight: 400 };
	const measure = approximateMeasure; // 5.5 px a character at 10 px

	it('keeps whole words on lines no wider than the width', () => {
		const lines = wrap('one two three four five six', 60, font, measure);
		expect(lines.join(' ')).toBe('one two three four five six');
		for (const l of lines) expect(measure(l, font)).toBeLessThanOrEqual(60);
		expect(lines.length).toBeGreaterThan(1);
	});

	it('cuts a word longer than the width', () => {
		const lines = wrap('x'.repeat(30), 55, font, measure);
		expect(lines.join('')).toBe('x'.repeat(30));
		for (const l of lines) expect(measure(l, font)).toBeLessThanOrEqual(55);
	});

	it('gives no line for empty text', () => {
		expect(wrap('  ', 100, font, measure)).toEqual([]);
	});
});
