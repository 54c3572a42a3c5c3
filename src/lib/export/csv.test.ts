import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { csvCell, csvText, neutralise, toCsv, unneutralise } from './csv';
import { tableRows } from './rows';

const columns = [
	{ key: 'name', label: 'State' },
	{ key: 'value', label: 'Value', numeric: true }
];

describe('csvCell: formula-like text is neutralised (OWASP CSV injection)', () => {
	it.each(['=HYPERLINK("http://x","y")', '+SUM(A1)', '-2+3+cmd|" /C calc"!A0', '@SUM(A1)', '\tx', '\rx'])('prefixes %j with an apostrophe', (text) => {
		expect(csvCell(text).replace(/^"/, '')).toMatch(/^'/);
	});

	it('leaves numbers as numbers, negative ones too', () => {
		expect(csvCell(-5)).toBe('-5');
		expect(csvCell(-0.25)).toBe('-0.25');
		expect(csvCell(1e21)).toBe('1e+21');
	});

	it('leaves text that is only a number as it is ("-5" cannot hold a formula)', () => {
		expect(csvCell('-5')).toBe('-5');
		expect(csvCell('+1.5e3')).toBe('+1.5e3');
		expect(csvCell('-5+cmd')).toBe("'-5+cmd");
	});

	it('quotes commas, quotes and line breaks, doubling quotes', () => {
		expect(csvCell('a,b')).toBe('"a,b"');
		expect(csvCell('say "hi"')).toBe('"say ""hi"""');
		expect(csvCell('two\nlines')).toBe('"two\nlines"');
		expect(csvCell('=1,2')).toBe('"\'=1,2"');
	});

	it('writes empty cells for null, true/false for booleans', () => {
		expect(csvCell(null)).toBe('');
		expect(csvCell(true)).toBe('true');
	});
});

describe('toCsv', () => {
	const rows = tableRows(
		[
			{ name: 'Камбоджа', value: 12.5, extra: 'not a column' },
			{ name: 'العراق', value: -3 },
			{ name: '=1+1', value: null }
		],
		columns
	);
	const csv = toCsv(rows, columns);

	it('starts with a UTF-8 byte order mark and ends lines with CRLF', () => {
		expect(csv.startsWith('\uFEFF')).toBe(true);
		expect(csv.endsWith('\r\n')).toBe(true);
		expect(csv.split('\r\n')).toHaveLength(5);
		expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
	});

	it('has the labels as header and exactly the columns, in order', () => {
		expect(csv.slice(1).split('\r\n')).toEqual(['State,Value', 'Камбоджа,12.5', 'العراق,-3', "'=1+1,", '']);
	});

	it('is UTF-8 text whose bytes begin EF BB BF', () => {
		expect([...new TextEncoder().encode(csv).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	});
});

describe('tableRows', () => {
	it('keeps only the columns, as plain values', () => {
		const [r] = tableRows([{ name: 'x', value: Number.NaN, other: 1 }], columns);
		expect(r).toEqual({ name: 'x', value: null });
	});

	it('turns dates into ISO text and missing keys into null', () => {
		const [r] = tableRows([{ name: new Date('2024-01-02T00:00:00Z') }], columns);
		expect(r).toEqual({ name: '2024-01-02T00:00:00.000Z', value: null });
	});
});

describe('the one writer, for any text (fast-check)', () => {
	const text = fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', "'", '"', ',', ';', '|', ' ', 'a', '1', '.', 'é', 'ع') });

	it('never lets a cell start with = + - @ tab or CR, unless it is only a number', () => {
		fc.assert(
			fc.property(text, (s) => {
				const n = neutralise(s);
				return !/^[=+\-@\t\r]/.test(n) || /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(n);
			})
		);
	});

	it('unneutralise gives back exactly what was written', () => {
		fc.assert(fc.property(text, (s) => unneutralise(neutralise(s)) === s));
	});

	it('PapaParse reads back the header and every cell, in place, after one apostrophe less', () => {
		fc.assert(
			fc.property(fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 5 }), (rows) => {
				const csv = csvText(['a', 'b'], rows, { bom: false });
				const parsed = Papa.parse<string[]>(csv, { delimiter: ',', newline: '\r\n' });
				const back = parsed.data.slice(0, -1).map((r) => r.map(unneutralise));
				expect(parsed.errors).toEqual([]);
				expect(back).toEqual([['a', 'b'], ...rows]);
			})
		);
	});
});
