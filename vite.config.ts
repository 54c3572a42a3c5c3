import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	// DuckDB-WASM ships its own workers and wasm; pre-bundling would rewrite their URLs.
	optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
	server: { fs: { allow: ['data'] } },
	// Data files stay files: a small one inlined as a data: URL would be a fetch the CSP (connect-src 'self') refuses.
	build: { chunkSizeWarningLimit: 2000, assetsInlineLimit: (file) => (/\.(csv|parquet|json)$/.test(file) ? false : undefined) },
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
		environment: 'node',
		testTimeout: 30000
	}
});
