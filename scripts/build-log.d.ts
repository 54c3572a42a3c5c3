export function logStep(text: string): void;
export function timed<T>(text: string | ((result: T) => string), work: () => Promise<T>): Promise<T>;
export function buildSteps(): import('vite').Plugin;
export interface BuildFigures {
	bytes: number;
	files: number;
	cache: string;
}
export function recordBuild(figures: BuildFigures): void;
export function lastBuild(): (BuildFigures & { at: string; seconds: number }) | null;
