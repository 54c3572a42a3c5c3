import { writeFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { isMostlyArabic, observationsDocx, observationsDocxBuffer, type DocxContext } from './docx';
import type { ObservationDraft } from './types';

const ARABIC = 'تلاحظ اللجنة التقدم المحرز في المسح غير التقني.';
const yem: ObservationDraft = {
	meeting: 'IM2024',
	committee: 'article5',
	iso3: 'YEM',
	status: 'draft',
	text: `${ARABIC}\n\nوتطلب اللجنة معلومات إضافية عن المناطق المتبقية.`,
	actions: { 27: { assessment: 'information_requested', text: 'يرجى تقديم خطة عمل محدثة.' } },
	updated_at: '',
	author: ''
};
const khm: ObservationDraft = {
	...yem,
	iso3: 'KHM',
	status: 'agreed',
	text: '=SUM(A1:A9) looks like a formula but is the committee’s text.\n\nCambodia released 52.3 km² in 2023 & kept its plan <on track>.',
	actions: {
		18: { assessment: 'progress', text: 'Survey completed in 3 provinces.' },
		21: { assessment: 'concern', text: '' },
		40: { assessment: 'no_assessment', text: '' }
	}
};

const ctx: DocxContext = {
	stateName: (iso3) => ({ KHM: 'Cambodia', YEM: 'Yemen' })[iso3] ?? iso3,
	committeeName: 'Committee on the Implementation of Article 5',
	meetingName: 'Intersessional Meetings 2024',
	assessmentLabel: (a) => ({ progress: 'Progress', concern: 'Concern', information_requested: 'Information requested', no_assessment: 'No assessment' })[a],
	generatedOn: '2024-06-18',
	factsFor: (iso3) =>
		iso3 === 'KHM'
			? [
					{ sentence: 'Remaining contaminated area: 712.4 km² (2023).', source: 'Article 7 report 2024, Form D' },
					{ sentence: 'Area released in 2023: 52.3 km².', source: 'Extension request 2019, annex 2' }
				]
			: [{ sentence: 'Casualties in 2023: 499.', source: 'Landmine Monitor 2024' }]
};

function documentXml(bytes: Uint8Array): string {
	return strFromU8(unzipSync(bytes)['word/document.xml']);
}

describe('isMostlyArabic', () => {
	it('reads the majority script of the letters', () => {
		expect(isMostlyArabic(ARABIC)).toBe(true);
		expect(isMostlyArabic(`${ARABIC} (Article 5, 2025)`)).toBe(true);
		expect(isMostlyArabic('Yemen — اليمن')).toBe(false);
		expect(isMostlyArabic('2024 – 52.3')).toBe(false);
	});
});

describe('observationsDocx', () => {
	it('writes a document with each State, its text, actions, figures and sources', async () => {
		const bytes = await observationsDocxBuffer([khm, yem], ctx);
		// For a look in Word or LibreOffice: DOCX_OUT=some/file.docx npx vitest run src/lib/observations/docx.test.ts
		if (process.env.DOCX_OUT) writeFileSync(process.env.DOCX_OUT, bytes);
		const xml = documentXml(bytes);
		expect(xml).toContain('Preliminary observations — Committee on the Implementation of Article 5 — Intersessional Meetings 2024');
		expect(xml).toContain('Generated on 2024-06-18');
		expect(xml).toContain('Cambodia (KHM)');
		expect(xml).toContain('Yemen (YEM)');
		expect(xml).toContain('=SUM(A1:A9) looks like a formula'); // Word runs no formulas: kept as written
		expect(xml).toContain('52.3 km² in 2023 &amp; kept its plan &lt;on track&gt;.');
		expect(xml).toContain(ARABIC);
		expect(xml).toContain('يرجى تقديم خطة عمل محدثة.');
		for (const f of [...ctx.factsFor('KHM'), ...ctx.factsFor('YEM')]) {
			expect(xml).toContain(f.sentence);
			expect(xml).toContain(f.source);
		}
		expect(xml).toContain('Survey completed in 3 provinces.');
		expect(xml).toContain('Information requested');
		expect(xml).not.toContain('No assessment'); // action 40: nothing assessed, no note
	});

	it('sets Arabic paragraphs right-to-left, and only those', async () => {
		const xml = documentXml(await observationsDocxBuffer([khm, yem], ctx));
		const paragraphOf = (text: string) => xml.slice(xml.lastIndexOf('<w:p>', xml.indexOf(text)), xml.indexOf(text));
		expect(paragraphOf(ARABIC)).toContain('<w:bidi/>');
		expect(paragraphOf(ARABIC)).toContain('<w:rtl/>');
		expect(paragraphOf('=SUM(A1:A9)')).not.toContain('<w:bidi/>');
	});

	it('starts one section per State and names a font with Arabic and Cyrillic coverage', async () => {
		const files = unzipSync(await observationsDocxBuffer([khm, yem], ctx));
		expect(strFromU8(files['word/document.xml']).match(/<w:sectPr/g)).toHaveLength(2);
		expect(strFromU8(files['word/styles.xml'])).toContain('w:ascii="Noto Sans"');
		expect(strFromU8(files['word/fontTable.xml'])).toContain('<w:altName w:val="Arial"/>');
	});

	it('also gives a Blob (the browser path)', async () => {
		const blob = await observationsDocx([khm], ctx);
		expect(blob.size).toBeGreaterThan(1000);
		expect(documentXml(new Uint8Array(await blob.arrayBuffer()))).toContain('Cambodia (KHM)');
	});

	it('drops characters XML forbids from every text (State names, notes, sources, titles)', async () => {
		const bad = '\u0001\u000B\uFFFE\uD800';
		const draft: ObservationDraft = { ...khm, text: `Cam${bad}bodia first.\n\nSecond${bad}.`, actions: { 18: { assessment: 'progress', text: `note${bad}` } } };
		const hostile: DocxContext = {
			...ctx,
			stateName: () => `Camb${bad}odia`,
			committeeName: `Committee${bad}`,
			factsFor: () => [{ sentence: `Area${bad}: 1 km².`, source: `Report${bad}` }]
		};
		const files = unzipSync(await observationsDocxBuffer([draft], hostile));
		for (const [name, bytes] of Object.entries(files)) {
			if (!name.endsWith('.xml')) continue;
			const xml = strFromU8(bytes);
			expect(xml, name).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uFFFD]/);
		}
		const xml = documentXml(await observationsDocxBuffer([draft], hostile));
		expect(xml).toContain('Cambodia (KHM)');
		expect(xml).toContain('Camfirst.'.replace('first', 'bodia first'));
		expect(xml).toContain('note</w:t>');
		expect(xml).toContain(' — Source: Report</w:t>');
	});
});
