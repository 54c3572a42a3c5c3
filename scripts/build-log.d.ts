export function logStep(text: string): void;
export function timed<T>(text: string | ((result: T) => string), work: () => Promise<T>): Promise<T>;
export function buildSteps(): import('vite').Plugin;
