export function bundledManifest(dataDir: string, tableNames: readonly string[]): { files: { file: string; table: string }[] };
export function dataFiles(options: { dataDir: string; tableNames: readonly string[] }): import('vite').Plugin;
