// Browser only: draw a chart's Plot spec offscreen and take it apart into SVG pieces for composing.
import * as Plot from '$lib/charts/plot-api';
import { isolateChartText } from '$lib/i18n/bidi';
import { COLOURS, FONT_FAMILY, type LegendBlock, type SwatchItem } from './svg-compose';
import type { ChartSpec } from './types';

export interface PlotPieces {
	/** The plot's own <svg>, serialized, with the export font and ink colour. */
	chart: string;
	width: number;
	height: number;
	/** Legends: Plot's HTML swatches rebuilt as SVG swatches plus text; ramps kept as the SVG they are. */
	legends: LegendBlock[];
	/** Plot's own title, subtitle or caption (specs may set them), as text. */
	notes: string[];
}

const serializer = () => new XMLSerializer();

function size(el: Element, name: 'width' | 'height'): number {
	return Number(el.getAttribute(name)) || 0;
}

/** The plot's font size: its style option (e.g. 12px), else Plot's default of 10. */
function fontSizeOf(svg: SVGSVGElement): number {
	return parseFloat(svg.style.fontSize) || Number(svg.getAttribute('font-size')) || 10;
}

function asStandalone(svg: SVGSVGElement): string {
	svg.setAttribute('font-family', FONT_FAMILY);
	svg.style.color = COLOURS.ink;
	svg.style.background = COLOURS.paper;
	return serializer().serializeToString(svg);
}

/**
 * Plot renders ordinal legends as HTML (spans with a small SVG swatch and a text). Reading those spans
 * keeps exactly Plot's colours, symbols and order, whatever the legend options; only the text moves into SVG.
 */
function swatches(div: Element, fontSize: number): LegendBlock {
	const items: SwatchItem[] = [];
	for (const span of div.querySelectorAll(':scope > span')) {
		const svg = span.querySelector('svg');
		if (!svg) continue;
		const copy = svg.cloneNode(true) as SVGSVGElement;
		copy.setAttribute('overflow', 'visible');
		items.push({ svg: serializer().serializeToString(copy), width: size(svg, 'width') || 15, height: size(svg, 'height') || 15, label: (span.textContent ?? '').trim() });
	}
	return { kind: 'swatches', items, fontSize };
}

/** Render `spec` at `width`×`height` exactly as the chart wrapper does (texts isolated alike), and split the result. */
export function renderPlot(spec: ChartSpec, width: number, height: number, rtl = false): PlotPieces {
	const el = Plot.plot({ width, height, ...spec({ width, height, plot: Plot }) }) as Element;
	isolateChartText(el, rtl);
	const legends: LegendBlock[] = [];
	const notes: string[] = [];
	let chart: SVGSVGElement | null = el instanceof SVGSVGElement ? el : null;
	if (!chart) {
		// A <figure>: legends and titles first, the plot's own <svg> last (the one that is not a ramp).
		const svgs = [...el.children].filter((c): c is SVGSVGElement => c instanceof SVGSVGElement);
		chart = svgs.filter((s) => ![...s.classList].some((c) => c.endsWith('-ramp'))).at(-1) ?? svgs.at(-1) ?? null;
		if (!chart) throw new Error('the chart has no SVG to export');
		const fontSize = fontSizeOf(chart);
		for (const child of el.children) {
			if (child === chart) continue;
			if (child instanceof SVGSVGElement) legends.push({ kind: 'svg', svg: asStandalone(child), width: size(child, 'width'), height: size(child, 'height') });
			else if ([...child.classList].some((c) => c.endsWith('-swatches'))) legends.push(swatches(child, fontSize));
			else if (child.textContent?.trim()) notes.push(child.textContent.trim());
		}
	}
	return { chart: asStandalone(chart), width: size(chart, 'width') || width, height: size(chart, 'height') || height, legends, notes };
}
