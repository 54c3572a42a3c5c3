// A static app: every page is prerendered as an empty shell and drawn in the browser,
// where DuckDB-WASM runs. Nothing runs on a server.
export const prerender = true;
export const ssr = false;
