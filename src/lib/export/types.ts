import type * as PlotModule from '@observablehq/plot';

/** A column of the chart's data table: the row key, its (translated) heading, and whether it holds numbers. */
export interface ExportColumn {
	key: string;
	label: string;
	numeric?: boolean;
}

/** A row of the data table as exported: only the columns' keys, only plain values (storable in IndexedDB). */
export type PlainValue = string | number | boolean | null;
export type PlainRow = Record<string, PlainValue>;

export type Dir = 'ltr' | 'rtl';

/** Texts of the export frame, already translated by the UI (the export modules do not translate). */
export interface FrameLabels {
	/** e.g. "Source" */
	source: string;
	/** shown when a chart names no source */
	noSource: string;
	/** e.g. "Data up to {date}" */
	dataUpTo: string;
	/** e.g. "Exported {date}" */
	exported: string;
	/** the dashboard's name */
	appName: string;
	/** e.g. "Demonstration data" */
	demo: string;
}

/** A chart's drawing at a size, its numbers in the reader's locale (the chart wrapper binds it). */
/** A chart's drawing at a size, given Observable Plot (the caller's own: the export imports it itself). */
export type ChartSpec = (size: { width: number; height: number; plot: typeof import('$lib/charts/plot-api') }) => PlotModule.PlotOptions;

/** Everything an export needs about one chart, as the chart wrapper knows it. */
export interface ChartSource {
	id: string;
	title: string;
	subtitle: string;
	sources: string[];
	rows: PlainRow[];
	columns: ExportColumn[];
	spec: ChartSpec;
	/** The plot as displayed (CSS px), and the width of the whole chart panel around it. */
	plot: { width: number; height: number };
	frameWidth: number;
	/** The date the data describe (e.g. "2024"); when absent, the latest `year` in the rows. */
	dataDate?: string;
	dir: Dir;
	lang: string;
	labels: FrameLabels;
}
