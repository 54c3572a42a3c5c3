import { describe, expect, it } from 'vitest';
import { unitInfo, unitRange } from './units';

describe('open units', () => {
	it('recognises known units under their usual spellings', () => {
		expect(['%', 'Percent', 'per  cent'].map((u) => unitInfo(u).code)).toEqual(['percent', 'percent', 'percent']);
		expect(['m²', 'area_m2', 'sq m'].map((u) => unitInfo(u))).toEqual(Array(3).fill({ kind: 'area', code: 'm2', additive: true }));
		expect(unitInfo('Hectares')).toEqual({ kind: 'area', code: 'ha', additive: true });
		expect(unitInfo('yes/no')).toEqual({ kind: 'yes_no', code: 'yes_no', additive: false });
		expect(unitInfo('EUR')).toEqual({ kind: 'currency', code: 'eur', additive: true });
	});

	it('keeps any other unit as written, with no range', () => {
		expect(unitInfo(' sessions ')).toEqual({ kind: 'other', code: 'sessions', additive: false });
		expect(unitRange('other')).toBeNull();
		expect(unitRange('percent')).toEqual({ min: 0, max: 100 });
	});
});
