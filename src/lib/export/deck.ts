// Browser only, loaded on demand from /basket: the basket as a PowerPoint deck or as a ZIP of PNGs.
// pptxgenjs and fflate are imported dynamically, so neither is in the main bundle.
import type { BasketItem } from './basket-store';
import { SLIDE_BOXES } from './deck-layout';
import { numberedFileNames } from './filenames';
import { svgToPng } from './raster';
import { isRtl, xmlSafe } from './text';

/** Slide text font: Noto Sans where installed (the export font), the usual fallbacks otherwise. */
const SLIDE_FONT = 'Noto Sans';

async function dataUrl(blob: Blob): Promise<string> {
	return new Promise((resolve, reject) => {
		const r = new FileReader();
		r.onload = () => resolve(String(r.result));
		r.onerror = () => reject(r.error);
		r.readAsDataURL(blob);
	});
}

/** One slide per chart: title (and subtitle) as text, the chart as a 2× PNG, the sources as footer and in the notes. */
export async function deckBlob(items: readonly BasketItem[], meta: { title: string; author: string }): Promise<Blob> {
	const { default: PptxGenJS } = await import('pptxgenjs');
	const pptx = new PptxGenJS();
	pptx.layout = 'LAYOUT_WIDE';
	pptx.title = xmlSafe(meta.title);
	pptx.author = xmlSafe(meta.author);
	for (const stored of items) {
		// Slide texts are XML inside the .pptx: no character XML forbids may reach them.
		const item = { ...stored, title: xmlSafe(stored.title), subtitle: xmlSafe(stored.subtitle), footer: xmlSafe(stored.footer) };
		// Text sits on the interface's side; each text's own direction decides its bidi order (an English
		// indicator label in the Arabic interface stays left to right).
		const text = (t: string) => ({ fontFace: SLIDE_FONT, rtlMode: isRtl(t), align: item.dir === 'rtl' ? 'right' : 'left', lang: item.lang, margin: 0 }) as const;
		const slide = pptx.addSlide();
		slide.background = { color: 'FFFFFF' };
		slide.addText(item.title, { ...SLIDE_BOXES.title, ...text(item.title), fontSize: 26, bold: true, color: '1B1F24', valign: 'top', fit: 'shrink' });
		if (item.subtitle) slide.addText(item.subtitle, { ...SLIDE_BOXES.subtitle, ...text(item.subtitle), fontSize: 13, color: '5B6470', valign: 'top', fit: 'shrink' });
		const png = await svgToPng(item.slideSvg, item.slideSize.width, item.slideSize.height);
		slide.addImage({ data: await dataUrl(png), ...SLIDE_BOXES.image, altText: item.title });
		slide.addText(item.footer, { ...SLIDE_BOXES.footer, ...text(item.footer), fontSize: 10, color: '5B6470', valign: 'bottom', fit: 'shrink' });
		slide.addNotes(`${item.title}\n${item.subtitle ? `${item.subtitle}\n` : ''}${item.footer}`);
	}
	return (await pptx.write({ outputType: 'blob' })) as Blob;
}

/** The panel images (title, plot and footer, 1920×1080) as numbered PNGs in one ZIP. */
export async function pngZipBlob(items: readonly BasketItem[]): Promise<Blob> {
	const { zipSync } = await import('fflate');
	const names = numberedFileNames(items.map((i) => i.title), 'png');
	const files: Record<string, Uint8Array> = {};
	for (const [i, item] of items.entries()) {
		const png = await svgToPng(item.panelSvg, 1920, 1080);
		// PNG is compressed already: store, do not deflate again.
		files[names[i]] = new Uint8Array(await png.arrayBuffer());
	}
	return new Blob([zipSync(files, { level: 0 })], { type: 'application/zip' });
}
