import { describe, expect, it } from 'vitest';
import { toCsv } from './lib-io';

describe('scripts/lib-io toCsv: the data files through the one CSV writer', () => {
	it('writes the schema header, LF line ends and no BOM, empty cells for null and ""', () => {
		const csv = toCsv('meetings', [{ code: 'IM2024', type: 'intersessional', name: null, start_date: '', source: 'a, b' }]);
		const [header, row, end] = csv.split('\n');
		expect(csv.startsWith('\uFEFF')).toBe(false);
		expect(header.split(',')[0]).toBe('code');
		expect(row.startsWith('IM2024,intersessional,,')).toBe(true);
		expect(row.endsWith(',"a, b"')).toBe(true);
		expect(end).toBe('');
	});

	it('neutralises text a spreadsheet would run, in any column; numbers stay numbers', () => {
		const csv = toCsv('states', [{ iso3: 'ZZZ', name: '=1+2', region: '@x', note: '\tx', source: '-cmd', subregion: '-5' }]);
		const row = csv.split('\n')[1];
		expect(row).toContain(",'=1+2,");
		expect(row).toContain(",'@x,");
		expect(row).toContain(`,"'\tx",`);
		expect(row).toContain(",-5,");
		expect(row.endsWith(",'-cmd")).toBe(true);
	});
});
