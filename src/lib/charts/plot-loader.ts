/**
 * Observable Plot in the browser, loaded once, when a chart is first drawn there: a prerendered page
 * shows the drawing it came with until then, so Plot (with its d3 modules, ~90 KiB gzip) is not part
 * of what a page needs to show its first view.
 */
import type { PlotApi } from './axes';

let plot: Promise<PlotApi> | undefined;
let loaded: PlotApi | undefined;

export function loadPlot(): Promise<PlotApi> {
	return (plot ??= import('./plot-api').then((m) => (loaded = m)));
}

/** Plot, when it is already loaded (a chart can then be drawn in the same frame). */
export function plotIfLoaded(): PlotApi | undefined {
	return loaded;
}
