// Browser only: a chart's export figure (standalone SVG, fonts embedded) as displayed, at panel size, or as a slide picture.
import { embeddedFontCss, loadExportFont } from './fonts';
import { dataDateOf, footerText, type FooterText } from './footer';
import { SOURCE_KEY } from './rows';
import { PANEL, SLIDE_IMAGE } from './deck-layout';
import { renderPlot, type PlotPieces } from './plot-figure';
import { canvasMeasure } from './raster';
import { figureSvg, layoutFigure, svgText, type FigureInput } from './svg-compose';
import type { ChartSource } from './types';

export type FigureMode = 'displayed' | 'panel' | 'slide';

export interface ComposedFigure {
	svg: string;
	/** Layout size; the image is width×scale by height×scale pixels. */
	width: number;
	height: number;
	scale: number;
}

/** The footer names the chart's sources and any a row carries itself, so a demonstration value is never unlabelled. */
export function frameFooter(src: ChartSource, exportedOn = new Date()): FooterText {
	const own = src.rows.map((r) => r[SOURCE_KEY]).filter((s): s is string => typeof s === 'string' && s.trim() !== '');
	const sources = [...new Set([...src.sources, ...own])];
	return footerText({ sources, dataDate: dataDateOf(src.rows, src.dataDate), exportedOn, labels: src.labels });
}

function legendText(p: PlotPieces): string {
	return p.legends.flatMap((l) => (l.kind === 'swatches' ? l.items.map((i) => i.label) : [])).join(' ');
}

/** Compose the figure. `displayed` keeps the on-screen size; `panel` and `slide` re-lay out the plot for the frame. */
export async function composeFigure(src: ChartSource, mode: FigureMode, exportedOn = new Date()): Promise<ComposedFigure> {
	const footer = mode === 'slide' ? undefined : frameFooter(src, exportedOn);
	const frame = mode === 'displayed' ? null : mode === 'panel' ? PANEL : SLIDE_IMAGE;
	const padding = mode === 'displayed' ? Math.max(8, (src.frameWidth - src.plot.width) / 2) : mode === 'panel' ? 20 : 4;
	const width = frame ? frame.width : Math.max(src.frameWidth, src.plot.width + 2 * padding);
	const plotWidth = width - 2 * padding;

	const rtl = src.dir === 'rtl';
	let pieces = renderPlot(src.spec, plotWidth, frame ? Math.round(frame.height / 2) : src.plot.height, rtl);
	const subtitle = [src.subtitle, ...pieces.notes].filter(Boolean).join(' · ');
	const heading = mode === 'slide' ? {} : { title: src.title, subtitle };
	const words = [src.title, subtitle, footer?.demo, footer?.sources, footer?.meta, legendText(pieces)].filter(Boolean).join(' ');
	await loadExportFont(words);
	const measure = canvasMeasure();
	const input = (p: PlotPieces): FigureInput => ({
		width,
		height: frame?.height,
		chartHeight: p.height,
		padding,
		...heading,
		legends: p.legends,
		footer,
		align: src.dir,
		measure
	});

	let layout = layoutFigure(input(pieces));
	if (frame && Math.abs(layout.chart.height - pieces.height) > 1) {
		// Second pass: the plot drawn for the height the frame leaves it (legends do not depend on height).
		pieces = renderPlot(src.spec, plotWidth, Math.floor(layout.chart.height), rtl);
		layout = layoutFigure(input(pieces));
	}
	const scale = frame?.scale ?? 1;
	const chartSize = { width: pieces.width, height: pieces.height };
	const draft = figureSvg(layout, pieces.chart, { title: src.title, scale, chartSize });
	const fontCss = await embeddedFontCss(svgText(draft));
	return { svg: figureSvg(layout, pieces.chart, { title: src.title, scale, fontCss, chartSize }), width: layout.width, height: layout.height, scale };
}
