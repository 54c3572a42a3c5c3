import type { FooterText } from './footer';
import { escapeXml, isRtl, wrap, xmlSafe, type Font, type Measure } from './text';
import type { Dir } from './types';

/**
 * The composed export figure as one standalone SVG: title, subtitle, legends rebuilt as SVG, the plot,
 * and the footer, on an explicit white background with an explicit font stack (the bundled Noto Sans
 * first), so neither dark mode nor the fonts of the machine that opens it change the picture.
 * Layout is pure (a measure function is passed in), so it is tested in Node.
 */
export const FONT_FAMILY = "'OAP Export Sans', 'Noto Sans', 'Noto Sans Arabic', 'DejaVu Sans', Arial, sans-serif";
export const COLOURS = { ink: '#1b1f24', muted: '#5b6470', demo: '#9a6700', paper: '#ffffff', rule: '#d8dde3' } as const;

const TITLE: Font = { size: 18, weight: 700 };
const SUBTITLE: Font = { size: 13, weight: 400 };
const FOOTER: Font = { size: 11, weight: 400 };
const DEMO: Font = { size: 11, weight: 700 };
const LINE = 1.3;
const GAP = 8;

/** One legend swatch as Plot draws it (a small SVG) with its label. */
export interface SwatchItem {
	svg: string;
	width: number;
	height: number;
	label: string;
}
export type LegendBlock = { kind: 'swatches'; items: SwatchItem[]; fontSize: number } | { kind: 'svg'; svg: string; width: number; height: number };

export interface FigureInput {
	width: number;
	/** Fixed total height (a panel slide): the plot gets what is left. Otherwise the plot's own height counts. */
	height?: number;
	chartHeight: number;
	padding: number;
	/** Omitted for slide bodies, whose title and footer are slide text. */
	title?: string;
	subtitle?: string;
	legends: LegendBlock[];
	footer?: FooterText;
	/** The side texts sit on: the interface's direction (Arabic: right). */
	align: Dir;
	measure: Measure;
}

export interface PlacedText {
	text: string;
	x: number;
	y: number;
	font: Font;
	fill: string;
	anchor: 'start' | 'end';
	rtl: boolean;
}
export interface FigureLayout {
	width: number;
	height: number;
	texts: PlacedText[];
	svgs: { svg: string; x: number; y: number }[];
	chart: { x: number; y: number; width: number; height: number };
	ruleY: number | null;
}

export function layoutFigure(input: FigureInput): FigureLayout {
	const { width, padding: pad, measure } = input;
	const inner = width - 2 * pad;
	const texts: PlacedText[] = [];
	const svgs: FigureLayout['svgs'] = [];
	const onRight = input.align === 'rtl';

	// A block of wrapped text, on the interface's side; each line's direction from its own letters.
	const block = (text: string | null | undefined, font: Font, fill: string, top: number): number => {
		if (!text) return top;
		for (const line of wrap(text, inner, font, measure)) {
			const rtl = isRtl(line);
			texts.push({ text: line, x: onRight ? width - pad : pad, y: top + font.size, font, fill, anchor: onRight === rtl ? 'start' : 'end', rtl });
			top += font.size * LINE;
		}
		return top;
	};

	let y = pad;
	y = block(input.title, TITLE, COLOURS.ink, y);
	if (input.subtitle) y = block(input.subtitle, SUBTITLE, COLOURS.muted, y + 2);
	if (input.title || input.subtitle) y += GAP;

	// Legends stay left to right, as the plot itself (the dashboard draws plots in a dir="ltr" box).
	for (const legend of input.legends) {
		if (legend.kind === 'svg') {
			svgs.push({ svg: legend.svg, x: pad, y });
			y += legend.height + 4;
			continue;
		}
		const font = { size: legend.fontSize, weight: 400 };
		let x = pad;
		let rowHeight = 0;
		for (const item of legend.items) {
			const itemHeight = Math.max(item.height, font.size * LINE);
			const itemWidth = item.width + 6 + measure(item.label, font);
			if (x > pad && x + itemWidth > width - pad) {
				x = pad;
				y += rowHeight + 4;
				rowHeight = 0;
			}
			rowHeight = Math.max(rowHeight, itemHeight);
			svgs.push({ svg: item.svg, x, y: y + (itemHeight - item.height) / 2 });
			const rtl = isRtl(item.label);
			texts.push({ text: item.label, x: x + item.width + 6, y: y + itemHeight / 2 + font.size * 0.35, font, fill: COLOURS.ink, anchor: rtl ? 'end' : 'start', rtl });
			x += itemWidth + 16;
		}
		y += rowHeight + GAP;
	}

	const chartTop = y;
	const footerLines = input.footer
		? [input.footer.demo, input.footer.sources, input.footer.meta].filter(Boolean).reduce((n, text, i) => n + wrap(text as string, inner, i === 0 && input.footer?.demo ? DEMO : FOOTER, measure).length, 0)
		: 0;
	const footerHeight = input.footer ? GAP + 6 + footerLines * FOOTER.size * LINE + pad - 4 : pad;
	const chartHeight = input.height === undefined ? input.chartHeight : Math.max(60, input.height - chartTop - footerHeight);
	const height = input.height ?? Math.ceil(chartTop + chartHeight + footerHeight);

	let ruleY: number | null = null;
	if (input.footer) {
		ruleY = chartTop + chartHeight + GAP;
		let fy = ruleY + 4;
		fy = block(input.footer.demo, DEMO, COLOURS.demo, fy);
		fy = block(input.footer.sources, FOOTER, COLOURS.muted, fy);
		block(input.footer.meta, FOOTER, COLOURS.muted, fy);
	}
	return { width, height, texts, svgs, chart: { x: pad, y: chartTop, width: inner, height: chartHeight }, ruleY };
}

const num = (v: number) => String(Math.round(v * 100) / 100);

function textElement(t: PlacedText): string {
	const dir = t.rtl ? ' direction="rtl" unicode-bidi="embed"' : '';
	return `<text x="${num(t.x)}" y="${num(t.y)}" font-size="${t.font.size}" font-weight="${t.font.weight}" fill="${t.fill}" text-anchor="${t.anchor}"${dir}>${escapeXml(t.text)}</text>`;
}

/**
 * Where the plot goes in its box: as it is when it fits, else scaled down to fit and centred. A spec
 * may fix its own height (the world map's follows its width), so a fixed frame cannot always choose it.
 */
export function fitChart(box: FigureLayout['chart'], size: { width: number; height: number }): { x: number; y: number; scale: number } {
	const scale = Math.min(1, box.width / size.width, box.height / size.height);
	return { x: box.x + (box.width - size.width * scale) / 2, y: box.y, scale };
}

/**
 * The figure as SVG text. `scale` sets the intrinsic size (a 960×540 layout at scale 2 is a
 * 1920×1080 image); `fontCss` embeds the fonts (data: URLs) so the file renders the same anywhere.
 */
export function figureSvg(layout: FigureLayout, chartSvg: string, opts: { title: string; scale?: number; fontCss?: string; chartSize?: { width: number; height: number } }): string {
	const { width: w, height: h } = layout;
	const scale = opts.scale ?? 1;
	const c = layout.chart;
	const fit = fitChart(c, opts.chartSize ?? c);
	const place = fit.scale === 1 ? `translate(${num(fit.x)},${num(fit.y)})` : `translate(${num(fit.x)},${num(fit.y)}) scale(${fit.scale.toFixed(4)})`;
	// The plot and legends come serialized from the DOM, where a control character in a label is kept
	// as it is: the whole document goes through xmlSafe, so no label can make the file ill-formed.
	return xmlSafe([
		`<svg xmlns="http://www.w3.org/2000/svg" width="${num(w * scale)}" height="${num(h * scale)}" viewBox="0 0 ${num(w)} ${num(h)}" font-family="${escapeXml(FONT_FAMILY)}" style="color:${COLOURS.ink}">`,
		`<title>${escapeXml(opts.title)}</title>`,
		opts.fontCss ? `<style>${opts.fontCss}</style>` : '',
		`<rect width="${num(w)}" height="${num(h)}" fill="${COLOURS.paper}"/>`,
		...layout.texts.map(textElement),
		layout.ruleY === null ? '' : `<line x1="${num(c.x)}" x2="${num(c.x + c.width)}" y1="${num(layout.ruleY)}" y2="${num(layout.ruleY)}" stroke="${COLOURS.rule}"/>`,
		...layout.svgs.map((s) => `<g transform="translate(${num(s.x)},${num(s.y)})">${s.svg}</g>`),
		`<g transform="${place}">${chartSvg}</g>`,
		'</svg>'
	].join(''));
}

/** The text an SVG shows (tags, styles and entities removed): to choose which font subsets to embed. */
export function svgText(svg: string): string {
	return svg
		.replace(/<style[\s\S]*?<\/style>/g, ' ')
		.replace(/<[^>]*>/g, ' ')
		.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (m, e: string) => {
			const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
			if (named[e.toLowerCase()]) return named[e.toLowerCase()];
			const code = e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
			return Number.isFinite(code) ? String.fromCodePoint(code) : m;
		});
}
