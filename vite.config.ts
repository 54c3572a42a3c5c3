import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	// DuckDB-WASM ships its own workers and wasm; pre-bundling would rewrite their URLs.
	optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
	server: { fs: { allow: ['data'] } },
	build: { chunkSizeWarningLimit: 2000 },
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
		environment: 'node',
		testTimeout: 30000
	}
});
