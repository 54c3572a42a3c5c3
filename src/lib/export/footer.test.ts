import { describe, expect, it } from 'vitest';
import { dataDateOf, footerLine, footerText, isDemonstration } from './footer';

const labels = { source: 'Source', noSource: 'not stated', dataUpTo: 'Data up to {date}', exported: 'exported {date}', appName: 'Oslo Action Plan progress', demo: 'Demonstration data' };
const exportedOn = new Date('2025-03-01T10:00:00Z');

describe('footerText', () => {
	it('names the sources, the data date, the export date and the dashboard', () => {
		const f = footerText({ sources: ['Article 7 reports', 'ISU'], dataDate: '2024', exportedOn, labels });
		expect(f.sources).toBe('Source: Article 7 reports; ISU');
		expect(f.meta).toBe('Data up to 2024 · exported 2025-03-01 · Oslo Action Plan progress');
		expect(f.demo).toBeNull();
	});

	it('says demonstration data when a source is demonstration', () => {
		const f = footerText({ sources: ['demonstration', 'ISU'], dataDate: null, exportedOn, labels });
		expect(f.demo).toBe('Demonstration data');
		expect(f.meta).toBe('exported 2025-03-01 · Oslo Action Plan progress');
	});

	it('says when no source is stated, and lists each source once', () => {
		expect(footerText({ sources: [], dataDate: null, exportedOn, labels }).sources).toBe('Source: not stated');
		expect(footerText({ sources: ['a', ' a', 'b'], dataDate: null, exportedOn, labels }).sources).toBe('Source: a; b');
	});

	it('reads as one line for slide footers and notes', () => {
		const f = footerText({ sources: ['demonstration'], dataDate: '2024', exportedOn, labels });
		expect(footerLine(f)).toBe('Demonstration data · Source: demonstration · Data up to 2024 · exported 2025-03-01 · Oslo Action Plan progress');
	});
});

describe('data date and demonstration', () => {
	it('takes the stated date, else the latest year in the rows', () => {
		expect(dataDateOf([{ year: 2021 }, { year: 2024 }, { year: null }])).toBe('2024');
		expect(dataDateOf([{ year: 2021 }], '2024-12-31')).toBe('2024-12-31');
		expect(dataDateOf([{ name: 'x' }])).toBeNull();
	});

	it('recognises the data contract’s demonstration source, in any case', () => {
		expect(isDemonstration(['Demonstration '])).toBe(true);
		expect(isDemonstration(['demonstration data from elsewhere'])).toBe(false);
	});
});
