/**
 * Preliminary observations as a Word document, one section (a new page) per State. Heavy (`docx`),
 * so pages load it on demand: `const { observationsDocx } = await import('$lib/observations/docx')`.
 */
import { localDay } from '$lib/data/day';
import {
	AlignmentType,
	Document,
	HeadingLevel,
	Packer,
	Paragraph,
	SectionType,
	Table,
	TableCell,
	TableRow,
	TextRun,
	WidthType
} from 'docx';
import { xmlSafe } from '$lib/export/text';
import { shownActions, statusText, words, type FactLine, type ObservationsContext } from './formats';
import type { ObservationDraft } from './types';

export type { FactLine };

export interface DocxContext extends ObservationsContext {
	factsFor(iso3: string): FactLine[];
	/** The date line's date, already formatted by the caller; today's ISO date by default. */
	generatedOn?: string;
}

// Noto Sans covers Latin, Greek and Cyrillic; Arabic is a complex script in Word and takes the `cs`
// font. Neither is installed everywhere, so the font table names Arial as the alternative name
// (altName; Arial has all three scripts on Windows and macOS) and declares the family, so a missing
// font is replaced by a sans-serif. LibreOffice 7.4 ignores altName and substitutes through
// fontconfig (DejaVu Sans on Linux), which also covers the three scripts.
const LATIN = 'Noto Sans';
const ARABIC_FONT = 'Noto Sans Arabic';
const FONTS = { ascii: LATIN, hAnsi: LATIN, eastAsia: LATIN, cs: ARABIC_FONT };
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const fontEntry = (name: string) =>
	`<w:font w:name="${name}"><w:altName w:val="Arial"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>`;
const FONT_TABLE = {
	path: 'word/fontTable.xml',
	data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="${W}">${fontEntry(LATIN)}${fontEntry(ARABIC_FONT)}</w:fonts>`
};

const ARABIC_CHARS = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/g;

/** More than half of the letters are Arabic script: the paragraph is set right-to-left. */
export function isMostlyArabic(text: string): boolean {
	const letters = text.match(/\p{L}/gu)?.length ?? 0;
	return letters > 0 && (text.match(ARABIC_CHARS)?.length ?? 0) * 2 > letters;
}

type RunStyle = { bold?: boolean; italics?: boolean };

/** A paragraph of plain text: single line breaks kept, direction from the text's script. */
function para(text: string, opts: { heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]; bullet?: boolean; run?: RunStyle; extra?: TextRun[] } = {}): Paragraph {
	// Every text of the document reaches Word as XML: characters XML forbids are dropped here.
	text = xmlSafe(text);
	const rtl = isMostlyArabic(text);
	const children = text.split('\n').map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0, rightToLeft: rtl, ...opts.run }));
	return new Paragraph({
		heading: opts.heading,
		bullet: opts.bullet ? { level: 0 } : undefined,
		bidirectional: rtl,
		// START follows the paragraph direction: right for Arabic, left otherwise.
		alignment: AlignmentType.START,
		children: [...children, ...(opts.extra ?? [])]
	});
}

/** Free text → paragraphs split on blank lines (how people separate paragraphs in a text box). */
function paragraphs(text: string): Paragraph[] {
	return text
		.replace(/\r\n?/g, '\n')
		.split(/\n\s*\n/)
		.map((p) => p.trim())
		.filter(Boolean)
		.map((p) => para(p));
}

// A4 with the default 1-inch margins leaves 9026 twips; fixed widths render the same in Word and LibreOffice.
const COLUMNS = [1300, 2600, 5126];

function cell(text: string, width: number, header = false): TableCell {
	return new TableCell({
		width: { size: width, type: WidthType.DXA },
		children: header ? [para(text, { run: { bold: true } })] : text.trim() ? paragraphs(text) : [new Paragraph('')]
	});
}

function actionsTable(d: ObservationDraft, ctx: DocxContext): Table | null {
	const w = words(ctx);
	const actions = shownActions(d);
	if (!actions.length) return null;
	const header = new TableRow({ tableHeader: true, children: [w.action, w.assessment, w.note].map((t, i) => cell(t, COLUMNS[i], true)) });
	const rows = actions.map(
		([n, a]) => new TableRow({ cantSplit: true, children: [String(n), ctx.assessmentLabel(a.assessment), a.text].map((t, i) => cell(t, COLUMNS[i])) })
	);
	return new Table({ width: { size: 9026, type: WidthType.DXA }, columnWidths: COLUMNS, rows: [header, ...rows] });
}

function stateChildren(d: ObservationDraft, ctx: DocxContext): (Paragraph | Table)[] {
	const w = words(ctx);
	const out: (Paragraph | Table)[] = [
		para(`${ctx.stateName(d.iso3)} (${d.iso3})`, { heading: HeadingLevel.HEADING_1 }),
		new Paragraph({ children: [new TextRun({ text: xmlSafe(`${w.status}: `), bold: true }), new TextRun(xmlSafe(statusText(ctx, d.status)))] })
	];
	const text = paragraphs(d.text);
	out.push(...(text.length ? text : [para(w.noText, { run: { italics: true } })]));
	const table = actionsTable(d, ctx);
	if (table) out.push(para(w.actions, { heading: HeadingLevel.HEADING_2 }), table);
	const facts = ctx.factsFor(d.iso3);
	if (facts.length) {
		out.push(para(w.figures, { heading: HeadingLevel.HEADING_2 }));
		for (const f of facts)
			out.push(para(f.sentence, { bullet: true, extra: [new TextRun({ text: xmlSafe(` — ${w.source}: ${f.source}`), italics: true })] }));
	}
	return out;
}

function buildDocument(drafts: ObservationDraft[], ctx: DocxContext): Document {
	const w = words(ctx);
	const title = w.title.replace('{committee}', ctx.committeeName).replace('{meeting}', ctx.meetingName);
	const front = [
		para(title, { heading: HeadingLevel.TITLE }),
		para(w.generated.replace('{date}', ctx.generatedOn ?? localDay()), { run: { italics: true } })
	];
	// One Word section per State: each starts on a new page and can be moved or deleted as a block.
	const sections = drafts.length
		? drafts.map((d, i) => ({ properties: { type: SectionType.NEXT_PAGE }, children: [...(i === 0 ? front : []), ...stateChildren(d, ctx)] }))
		: [{ children: front }];
	return new Document({
		title: xmlSafe(title),
		creator: xmlSafe(ctx.committeeName),
		styles: {
			default: {
				document: { run: { font: FONTS, size: 21 }, paragraph: { spacing: { after: 120 } } },
				title: { run: { font: FONTS, size: 36, bold: true } },
				heading1: { run: { font: FONTS, size: 30, bold: true, color: '1F3864' }, paragraph: { spacing: { before: 240, after: 120 } } },
				heading2: { run: { font: FONTS, size: 24, bold: true, color: '1F3864' }, paragraph: { spacing: { before: 240, after: 80 } } }
			}
		},
		sections
	});
}

/** The document as a Blob, for a download link in the browser. */
export function observationsDocx(drafts: ObservationDraft[], ctx: DocxContext): Promise<Blob> {
	return Packer.toBlob(buildDocument(drafts, ctx), false, [FONT_TABLE]);
}

/**
 * The document as bytes, for Node (tests, scripts). toArrayBuffer rather than toBuffer: it needs no
 * Node `Buffer`, so the same call also works in the browser.
 */
export async function observationsDocxBuffer(drafts: ObservationDraft[], ctx: DocxContext): Promise<Uint8Array> {
	return new Uint8Array(await Packer.toArrayBuffer(buildDocument(drafts, ctx), false, [FONT_TABLE]));
}
