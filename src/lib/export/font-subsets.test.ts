import { describe, expect, it } from 'vitest';
import { CJK_SLICES, sampleOf, subsetsFor } from './font-subsets';

describe('subsetsFor', () => {
	it('always includes Latin (digits, punctuation)', () => {
		expect(subsetsFor('')).toEqual(['latin']);
		expect(subsetsFor('Actions 2024 – km²')).toEqual(['latin']);
	});

	it('adds Cyrillic for Russian and Arabic for Arabic text', () => {
		expect(subsetsFor('Камбоджа')).toEqual(['latin', 'cyrillic']);
		expect(subsetsFor('الإجراءات حسب المستوى')).toEqual(['latin', 'arabic']);
		expect(subsetsFor('Türkiye, Côte d’Ivoire, Łódź, Россия, مصر')).toEqual(['latin', 'latin-ext', 'cyrillic', 'arabic']);
	});

	it('adds only the Chinese slices the text uses, and none for other scripts', () => {
		expect(CJK_SLICES.size).toBeGreaterThan(90);
		const used = subsetsFor('2 个图表 · 缔约国');
		const cjk = used.filter((s) => s.startsWith('cjk-'));
		expect(used[0]).toBe('latin');
		expect(cjk.length).toBeGreaterThan(0);
		expect(cjk.length).toBeLessThan(6);
		// Every Chinese character of the text has a glyph in one of them; the probe glyphs are Chinese too.
		expect(cjk.every((s) => /\p{Script=Han}/u.test(sampleOf(s)))).toBe(true);
		expect(subsetsFor('Камбоджа — Cambodge · كمبوديا').some((s) => s.startsWith('cjk-'))).toBe(false);
	});
});
