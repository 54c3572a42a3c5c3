import type { TableName } from '$lib/data/schema';

// The bundled data/*.csv files, emitted by Vite as assets of the build (served by the app itself).
const urls = import.meta.glob('/data/*.csv', { query: '?url', import: 'default', eager: true }) as Record<string, string>;

export const BUNDLED_CSV: Partial<Record<TableName, string>> = Object.fromEntries(
	Object.entries(urls).map(([path, url]) => [path.replace(/^.*\/(\w+)\.csv$/, '$1'), url])
);
