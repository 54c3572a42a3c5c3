import Papa from 'papaparse';

/** What the first bytes of a file say it is. */
export type FileFormat = 'parquet' | 'workbook' | 'text';
export type TextEncoding = 'utf-8' | 'utf-16' | 'windows-1252';

/** How much of a file is read to decide its format, encoding, separator and header. */
export const SAMPLE_BYTES = 256 * 1024;

const PAR1 = [0x50, 0x41, 0x52, 0x31];

export function detectFormat(head: Uint8Array): FileFormat {
	if (PAR1.every((b, i) => head[i] === b)) return 'parquet';
	// .xlsx/.ods are zip files ("PK\3\4"); .xls is an OLE compound file.
	if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'workbook';
	if ([0xd0, 0xcf, 0x11, 0xe0].every((b, i) => head[i] === b)) return 'workbook';
	return 'text';
}

/** A Parquet file ends with the same magic; a cut-off download does not. */
export function hasParquetFooter(tail: Uint8Array): boolean {
	return tail.length >= 4 && PAR1.every((b, i) => tail[tail.length - 4 + i] === b);
}

/**
 * The text encoding: UTF-16 when it starts with its byte-order mark, UTF-8 when the sample decodes as
 * UTF-8, otherwise Windows-1252 (what Excel writes as "CSV" in Western European Windows).
 * Null when the sample holds NUL bytes outside UTF-16: not a text file.
 */
export function detectEncoding(sample: Uint8Array, complete: boolean): TextEncoding | null {
	if ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff)) return 'utf-16';
	if (sample.includes(0)) return null;
	try {
		// A sample cut inside a multi-byte character is still UTF-8: decode in streaming mode.
		new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: !complete });
		return 'utf-8';
	} catch {
		return 'windows-1252';
	}
}

export function decodeSample(sample: Uint8Array, encoding: TextEncoding): string {
	const label = encoding === 'utf-16' ? (sample[0] === 0xfe ? 'utf-16be' : 'utf-16le') : encoding;
	return new TextDecoder(label).decode(sample, { stream: true }).replace(/^\uFEFF/, '');
}

export interface CsvDialect {
	delimiter: string;
	/** The header row's cells, as written (quotes removed). */
	header: string[];
}

const DELIMITERS = [',', ';', '\t', '|'];

/**
 * The separator and header of CSV text, from its first lines: spreadsheets write comma, semicolon
 * or tab separated files depending on the locale. Null when there is no header line.
 */
export function sniffCsv(text: string): CsvDialect | null {
	// Only whole lines: the sample may end inside a record.
	const cut = text.lastIndexOf('\n');
	const lines = cut > 0 ? text.slice(0, cut) : text;
	const parsed = Papa.parse<string[]>(lines, { delimitersToGuess: DELIMITERS, preview: 50, skipEmptyLines: 'greedy' });
	const header = parsed.data[0];
	if (!header || header.every((h) => h.trim() === '')) return null;
	return { delimiter: parsed.meta.delimiter, header: header.map((h) => h.trim()) };
}
