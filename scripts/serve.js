// `node scripts/serve.js [dir] [port]`: serve the static build on loopback as a static host would
// (precompressed .br/.gz, SPA fallback). Used by `npm run serve` and the end-to-end tests.
import { serveBuild } from './browser.js';

const [dir = 'build', port = '4173'] = process.argv.slice(2);
const server = await serveBuild(dir, Number(port));
console.log(`serving ${dir}/ at ${server.url}`);
