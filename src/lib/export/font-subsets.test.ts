import { describe, expect, it } from 'vitest';
import { subsetsFor } from './font-subsets';

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
});
