// Module resolution for dependency-cruiser (.dependency-cruiser.cjs): SvelteKit's $lib alias, so the
// imports of .svelte files are resolved and checked like those of .ts files.
const path = require('node:path');

module.exports = { resolve: { alias: { $lib: path.resolve(__dirname, '../src/lib') } } };
