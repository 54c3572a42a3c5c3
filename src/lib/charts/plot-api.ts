// The part of Observable Plot the charts use, in one module: loaded on demand (plot-loader.ts), so the
// bundler keeps only these (a whole-module dynamic import would keep all of Plot). A spec calling
// anything else fails to type-check (PlotApi, charts/axes.ts).
export { axisY, barX, barY, boxX, cell, centroid, dot, geo, line, lineY, link, plot, pointer, rectX, ruleX, ruleY, stackX, text, tip } from '@observablehq/plot';
