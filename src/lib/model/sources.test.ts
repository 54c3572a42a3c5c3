import { describe, expect, it } from 'vitest';
import { cite, isDemonstrationSource, shortCitation } from './sources';

describe('sources as people cite them', () => {
	it('puts the documents first and the addresses they were read at second, each once', () => {
		const c = cite('Extension granted by the 22MSP (2025); https://a.example/x; Original deadline: Article 5.1', 'https://a.example/x; www.b.example');
		expect(c.documents).toEqual(['Extension granted by the 22MSP (2025)', 'Original deadline: Article 5.1']);
		expect(c.addresses).toEqual(['https://a.example/x', 'www.b.example']);
	});

	it('keeps a semicolon inside a document name that is not a separator', () => {
		expect(cite('Meeting;no space').documents).toEqual(['Meeting;no space']);
	});

	it('cites a source by its first document, or by its address when it names none', () => {
		expect(shortCitation('Extension granted by the 4RC (2019); https://x.example')).toBe('Extension granted by the 4RC (2019)');
		expect(shortCitation('https://x.example; https://y.example')).toBe('https://x.example');
		expect(shortCitation(null)).toBe('');
	});

	it('recognises demonstration rows whatever their case and spacing', () => {
		expect(isDemonstrationSource(' Demonstration ')).toBe(true);
		expect(isDemonstrationSource('demonstration data from a report')).toBe(false);
	});
});
