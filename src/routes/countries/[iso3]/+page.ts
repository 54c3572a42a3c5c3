import type { EntryGenerator, PageLoad } from './$types';

// A prerendered page for every bundled State, so deep links work on any static server; States a
// user loads later are served by the SPA fallback. Read only at build time (dynamic imports: the
// CSV reader and the file stay out of the page's JavaScript).
export const entries: EntryGenerator = async () => {
	const [{ csvColumn }, { default: csv }] = await Promise.all([import('$lib/data/parse-csv'), import('../../../../data/states.csv?raw')]);
	return csvColumn('states.csv', csv, 'iso3').map((iso3) => ({ iso3 }));
};

export const load: PageLoad = ({ params }) => ({ iso3: params.iso3.toUpperCase() });
