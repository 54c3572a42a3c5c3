import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { dataFiles } from './scripts/data-files-plugin.js';
import { TABLE_NAMES } from './src/lib/data/schema';

export default defineConfig({
	plugins: [sveltekit(), dataFiles({ dataDir: 'data', tableNames: TABLE_NAMES })],
	// DuckDB-WASM ships its own workers and wasm; pre-bundling would rewrite their URLs.
	optimizeDeps: { exclude: ['@duckdb/duckdb-wasm', 'parquet-wasm'] },
	server: { fs: { allow: ['data'] } },
	// Data files stay files: a small one inlined as a data: URL would be a fetch the CSP (connect-src 'self') refuses.
	build: { chunkSizeWarningLimit: 2000, assetsInlineLimit: (file) => (/\.(csv|parquet|json)$/.test(file) ? false : undefined) },
	worker: { format: 'es' },
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
		environment: 'node',
		testTimeout: 120000,
		// Test files that start with the bundled data load it through the validating loader first.
		hookTimeout: 180000
	}
});
