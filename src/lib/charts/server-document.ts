/**
 * The document charts are drawn into while the build prerenders pages (Observable Plot draws into any
 * DOM it is given): hooks.server.ts provides one (linkedom) so a prerendered page carries its charts.
 * In the browser the page's own document is used and this stays unset.
 */
let serverDocument: Document | undefined;

export function useServerDocument(doc: Document): void {
	serverDocument = doc;
}

/** The document to draw into: the page's, else the prerendering one, else none (nothing is drawn). */
export function chartDocument(): Document | undefined {
	return typeof document !== 'undefined' ? document : serverDocument;
}
