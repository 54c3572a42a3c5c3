import type { EntryGenerator, PageLoad } from './$types';

// A prerendered shell for every bundled State, so deep links work on any static server; States a
// user loads later are served by the SPA fallback. The CSV is read only at build time.
export const entries: EntryGenerator = async () => {
	const { default: csv } = await import('../../../../data/states.csv?raw');
	return csv
		.split(/\r?\n/)
		.slice(1)
		.filter((l) => /^[A-Z]{3},/.test(l))
		.map((l) => ({ iso3: l.slice(0, 3) }));
};

export const load: PageLoad = ({ params }) => ({ iso3: params.iso3.toUpperCase() });
