import type { EntryGenerator, PageLoad } from './$types';

// Prerender a shell for every action, so deep links work on any static server.
export const entries: EntryGenerator = () => Array.from({ length: 50 }, (_, i) => ({ n: String(i + 1) }));

export const load: PageLoad = ({ params }) => ({ n: Number(params.n) });
