// The demonstration label travels with the numbers: every chart export has a `source` column and a
// file name that says "demonstration" when any exported value is (issue 10).
import { describe, expect, it } from 'vitest';
import { parquetReadObjects } from 'hyparquet';
import { toCsv } from './csv';
import { chartFileName } from './filenames';
import { toParquet } from './parquet';
import { hasDemonstrationValues, tableRows, withRowSources, withSourceColumn } from './rows';
import { footerText } from './footer';

const columns = [
	{ key: 'year', label: 'Year' },
	{ key: 'value', label: 'km²', numeric: true }
];
const rows = [
	{ year: 2023, value: 1.27, source: 'demonstration' },
	{ year: 2024, value: 0.9, source: 'Article 7 report 2025' },
	{ year: 2022, value: 2 }
];

function exported(chartSources: string[]) {
	const cols = withSourceColumn(columns, 'source');
	return { cols, rows: withRowSources(tableRows(rows, cols), chartSources) };
}

describe('chart exports carry their source', () => {
	it('adds a source column at the end, once', () => {
		expect(withSourceColumn(columns, 'source').map((c) => c.key)).toEqual(['year', 'value', 'source']);
		expect(withSourceColumn([...columns, { key: 'source', label: 'Src' }], 'source').filter((c) => c.key === 'source')).toHaveLength(1);
	});

	it('gives every row its own source, or the chart’s when it has none', () => {
		const { rows: out } = exported(['demonstration', 'ISU']);
		expect(out.map((r) => r.source)).toEqual(['demonstration', 'Article 7 report 2025', 'demonstration; ISU']);
	});

	it('writes the source column into the CSV, demonstration rows saying so', () => {
		const { cols, rows: out } = exported(['ISU']);
		const lines = toCsv(out, cols).replace(/^\uFEFF/, '').split('\r\n');
		expect(lines[0]).toBe('Year,km²,source');
		expect(lines[1]).toBe('2023,1.27,demonstration');
		expect(lines[3]).toBe('2022,2,ISU');
	});

	it('writes the source column into the Parquet file', async () => {
		const { cols, rows: out } = exported(['ISU']);
		const read = await parquetReadObjects({ file: toParquet(out, cols, { title: 't', sources: ['ISU'] }) });
		expect(read.map((r) => r.source)).toEqual(['demonstration', 'Article 7 report 2025', 'ISU']);
	});

	it('names the file "demonstration" when any exported value is, by a row or by the chart', () => {
		const real = [{ year: 2024, value: 1, source: 'Article 7 report 2025' }];
		expect(chartFileName({ title: 'Remaining area', rows: real, sources: ['ISU'] }, 'csv')).toBe('remaining-area.csv');
		// The definition is sourced, one value is not: the label follows the value.
		expect(chartFileName({ title: 'Remaining area', rows: [...real, { year: 2023, value: 2, source: 'demonstration' }], sources: ['ISU'] }, 'csv')).toBe('remaining-area-demonstration.csv');
		expect(chartFileName({ title: 'Remaining area', rows: real, sources: ['demonstration; ISU'] }, 'png', '2x')).toBe('remaining-area-demonstration-2x.png');
		expect(hasDemonstrationValues(real, ['Demonstration'])).toBe(true);
	});

	it('labels an image footer from a combined source string too', () => {
		const labels = { source: 'Source', noSource: '–', dataUpTo: 'Data up to {date}', exported: 'exported {date}', appName: 'OAP', demo: 'Demonstration data' };
		expect(footerText({ sources: ['demonstration; ISU'], dataDate: null, exportedOn: new Date(0), labels }).demo).toBe('Demonstration data');
		expect(footerText({ sources: ['ISU'], dataDate: null, exportedOn: new Date(0), labels }).demo).toBeNull();
	});
});
