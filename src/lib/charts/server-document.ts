/**
 * What charts are drawn with while the build prerenders pages (Observable Plot draws into any DOM it is
 * given): hooks.server.ts provides a document (linkedom) and Plot itself, so a prerendered page carries
 * its charts. In the browser this stays unset: the page's document is used and Plot is loaded when a
 * chart is first drawn there (charts/plot-loader.ts).
 */
import type { PlotApi } from './axes';

let server: { document: Document; plot: PlotApi } | undefined;

export function useServerDocument(document: Document, plot: PlotApi): void {
	server = { document, plot };
}

/** The prerendering document and Plot, else none (nothing is drawn on the server). */
export function serverDrawing(): { document: Document; plot: PlotApi } | undefined {
	return typeof document === 'undefined' ? server : undefined;
}
