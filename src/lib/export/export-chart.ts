// Browser only, loaded on demand by the export menu: one chart to a file, or to a basket snapshot.
import { composeFigure, frameFooter } from './compose';
import { toCsv } from './csv';
import { chartFileName as nameFor } from './filenames';
import { footerLine } from './footer';
import { svgToPng } from './raster';
import { saveFile } from './save-file';
import type { BasketItem } from './basket-store';
import type { ChartSource } from './types';

export type FileFormat = 'png2' | 'png3' | 'panel' | 'svg' | 'csv' | 'parquet';

async function png(src: ChartSource, mode: 'displayed' | 'panel', scale: number): Promise<Blob> {
	const fig = await composeFigure(src, mode);
	const s = mode === 'panel' ? fig.scale : scale;
	return svgToPng(fig.svg, fig.width * s, fig.height * s);
}

async function file(format: FileFormat, src: ChartSource): Promise<[Blob, string]> {
	switch (format) {
		case 'png2':
			return [await png(src, 'displayed', 2), nameFor(src, 'png', '2x')];
		case 'png3':
			return [await png(src, 'displayed', 3), nameFor(src, 'png', '3x')];
		case 'panel':
			return [await png(src, 'panel', 2), nameFor(src, 'png', '1920x1080')];
		case 'svg': {
			const fig = await composeFigure(src, 'displayed');
			return [new Blob([fig.svg], { type: 'image/svg+xml;charset=utf-8' }), nameFor(src, 'svg')];
		}
		case 'csv':
			return [new Blob([toCsv(src.rows, src.columns)], { type: 'text/csv;charset=utf-8' }), nameFor(src, 'csv')];
		case 'parquet': {
			// hyparquet-writer only when someone asks for Parquet.
			const { toParquet } = await import('./parquet');
			return [new Blob([toParquet(src.rows, src.columns, { title: src.title, sources: src.sources })], { type: 'application/vnd.apache.parquet' }), nameFor(src, 'parquet')];
		}
	}
}

/** Export `src` as `format` and offer the file for download; returns the file's name. */
export async function exportChart(format: FileFormat, src: ChartSource): Promise<string> {
	const [blob, name] = await file(format, src);
	saveFile(blob, name);
	return name;
}

/**
 * A self-contained snapshot for the panel basket: the panel image (1920×1080 SVG, fonts embedded), the
 * slide picture, the texts and the rows, so the basket never has to query the data again.
 */
export async function basketSnapshot(src: ChartSource): Promise<Omit<BasketItem, 'key'>> {
	const exportedOn = new Date();
	const [panel, slide] = await Promise.all([composeFigure(src, 'panel', exportedOn), composeFigure(src, 'slide', exportedOn)]);
	return {
		chartId: src.id,
		title: src.title,
		subtitle: src.subtitle,
		sources: [...src.sources],
		footer: footerLine(frameFooter(src, exportedOn)),
		dir: src.dir,
		lang: src.lang,
		columns: src.columns.map((c) => ({ ...c })),
		rows: src.rows,
		panelSvg: panel.svg,
		slideSvg: slide.svg,
		slideSize: { width: slide.width * slide.scale, height: slide.height * slide.scale },
		addedAt: exportedOn.toISOString()
	};
}
