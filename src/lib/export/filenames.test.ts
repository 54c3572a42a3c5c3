import { describe, expect, it } from 'vitest';
import { exportFileName, numberedFileNames, slug } from './filenames';

describe('slug', () => {
	it('keeps Latin letters and digits, hyphens the rest', () => {
		expect(slug('A21.1 · Area released during the year (km²)')).toBe('a21-1-area-released-during-the-year-km2');
	});

	it('keeps Cyrillic and Arabic letters (a non-Latin title does not give an empty name)', () => {
		expect(slug('Камбоджа: оставшаяся площадь')).toBe('камбоджа-оставшаяся-площадь');
		expect(slug('الإجراءات حسب المستوى، 2024')).toBe('الإجراءات-حسب-المستوى-2024');
	});

	it('removes characters that file systems refuse and bidi controls', () => {
		expect(slug('a/b\\c:d*e?f"g<h>i|j\u200fk')).toBe('a-b-c-d-e-f-g-h-i-j-k');
	});

	it('falls back to "chart" when nothing is left', () => {
		expect(slug('—/·')).toBe('chart');
	});

	it('cuts long titles at a word, by code points', () => {
		const s = slug('word '.repeat(40));
		expect(Array.from(s).length).toBeLessThanOrEqual(80);
		expect(s.endsWith('word')).toBe(true);
	});
});

describe('file names', () => {
	it('adds the variant and extension', () => {
		expect(exportFileName('Actions by level, 2024', 'png', '2x')).toBe('actions-by-level-2024-2x.png');
		expect(exportFileName('Actions by level, 2024', 'csv')).toBe('actions-by-level-2024.csv');
	});

	it('numbers a set of files in order, so equal titles never collide', () => {
		expect(numberedFileNames(['Same', 'Same'], 'png')).toEqual(['01-same.png', '02-same.png']);
	});
});
