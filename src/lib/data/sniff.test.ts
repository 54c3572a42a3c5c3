import { describe, expect, it } from 'vitest';
import { detectEncoding, detectFormat, hasParquetFooter, sniffCsv } from './sniff';

const enc = (s: string) => new TextEncoder().encode(s);

describe('what a file is, from its first bytes', () => {
	it('tells Parquet, workbooks and text apart', () => {
		expect(detectFormat(enc('PAR1xxxx'))).toBe('parquet');
		expect(detectFormat(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1]))).toBe('workbook');
		expect(detectFormat(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1]))).toBe('workbook');
		expect(detectFormat(enc('a,b\n'))).toBe('text');
		expect(hasParquetFooter(enc('....PAR1'))).toBe(true);
		expect(hasParquetFooter(enc('....PAR'))).toBe(false);
	});

	it('finds the encoding: UTF-16 by its mark, UTF-8 even when the sample cuts a character, else Windows-1252; NUL bytes are not text', () => {
		expect(detectEncoding(new Uint8Array([0xff, 0xfe, 0x61, 0]), true)).toBe('utf-16');
		const cut = enc('naïve').slice(0, 3); // ends inside "ï"
		expect(detectEncoding(cut, false)).toBe('utf-8');
		expect(detectEncoding(new Uint8Array([0x43, 0xf4, 0x74, 0x65]), true)).toBe('windows-1252');
		expect(detectEncoding(new Uint8Array([0x61, 0, 0x62]), true)).toBeNull();
	});

	it('finds the separator and the header of locale CSVs', () => {
		expect(sniffCsv('iso3;name;value\nKHM;"a;b";12,5\n')).toEqual({ delimiter: ';', header: ['iso3', 'name', 'value'] });
		expect(sniffCsv('iso3\tname\nKHM\tx\n')?.delimiter).toBe('\t');
		expect(sniffCsv('"iso 3",name\r\nKHM,x\r\n')?.header).toEqual(['iso 3', 'name']);
		expect(sniffCsv('\n\n')).toBeNull();
	});
});
