import { describe, expect, it } from 'vitest';
import { fitTable, headerSignature, mappingGaps, normaliseName, proposeMapping, recognise } from './recognise';
import { columnNames } from './schema';

describe('recognising a file’s table from its column names', () => {
	it('ignores case, spaces, underscores, hyphens, dots and a byte-order mark', () => {
		expect(['\uFEFFIndicator ID', 'ISO-3', 'Year', ' value ', 'So.urce'].map(normaliseName)).toEqual(['indicatorid', 'iso3', 'year', 'value', 'source']);
		expect(recognise('x.csv', ['Indicator ID', 'ISO3', 'YEAR', 'Value']).table).toBe('indicator_values');
	});

	it('names the nearest table, what is missing and what is unknown', () => {
		const header = ['indicator_id', 'action', 'label', 'polarity', 'applies_to', 'unit_fr'];
		const r = recognise('upload.csv', header);
		expect(r.table).toBeNull();
		expect(r.best).toMatchObject({ table: 'indicators', missing: ['unit'], unknown: ['unit_fr'] });
	});

	it('accepts a file without source (optional), and prefers the table named in the file name among exact fits', () => {
		expect(recognise('x.csv', columnNames('indicators').filter((c) => c !== 'source')).table).toBe('indicators');
		expect(recognise('deadlines-2024.csv', ['iso3', 'article']).table).toBe('deadlines');
	});

	it('a column named twice is not an exact fit', () => {
		const f = fitTable('states', ['iso3', 'name', 'Name', 'region']);
		expect(f.duplicates).toEqual(['Name']);
		expect(recognise('s.csv', ['iso3', 'name', 'Name', 'region']).table).toBeNull();
	});

	it('proposes a mapping by name and says what a mapping still lacks', () => {
		const m = proposeMapping('indicator_values', ['Land', 'indicator_id', 'Year', 'Value', 'notes']);
		expect(m.columns).toEqual([null, 'indicator_id', 'year', 'value', null]);
		expect(mappingGaps(m)).toEqual({ missing: ['iso3'], twice: [] });
		// Likely names are proposed too: "Country" for iso3, "Indicator" for indicator_id.
		expect(proposeMapping('indicator_values', ['Country', 'Indicator', 'Year', 'Value']).columns).toEqual(['iso3', 'indicator_id', 'year', 'value']);
		expect(mappingGaps({ table: 'indicator_values', columns: ['iso3', 'indicator_id', 'year', 'value', 'value'] }).twice).toEqual(['value']);
		expect(headerSignature(['ISO 3', 'Year'])).toBe(headerSignature(['iso3', 'year']));
	});
});
