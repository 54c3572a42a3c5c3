/**
 * The pages prerendered with their first answer (issue 11): each page's path, the question it asks and
 * the parameters of its address without a query. The build (state/answers.server.ts) runs these on
 * the bundled data in Node; the page asks the same question with the same parameters in the browser
 * (state/view.svelte.ts), so the two answers are the same unless the loaded data differ.
 */
import { COMMITTEES } from '$lib/data/schema';
import { actionParams, actionView } from './action';
import { committeeParams, committeesView, committeeView } from './committee';
import { countriesParams, countriesView } from './countries';
import { countryParams, countryView } from './country';
import { midtermParams, midtermView } from './midterm';
import { overviewParams, overviewView } from './overview';
import { NO_QUERY, planOf, type Source } from './source';

/** The name each page's question goes by in the prerendered answer. */
export const VIEW = {
	overview: 'overview',
	action: 'action',
	midterm: 'midterm',
	countries: 'countries',
	country: 'country',
	committees: 'committees',
	committee: 'committee'
} as const;

export interface PrerenderedPage {
	/** The page's path without the base path, e.g. '/actions/21'. */
	path: string;
	name: string;
	params: unknown;
	answer: () => Promise<unknown>;
}

/** Every page that ships its first answer, for the loaded data's actions, States and committees. */
export async function prerenderedPages(src: Source): Promise<PrerenderedPage[]> {
	const data = await planOf(src);
	const page = <P>(path: string, name: string, params: P, question: (src: Source, p: P) => Promise<unknown>): PrerenderedPage => ({ path, name, params, answer: () => question(src, params) });
	return [
		page('/', VIEW.overview, overviewParams(NO_QUERY), overviewView),
		page('/midterm', VIEW.midterm, midtermParams(NO_QUERY), midtermView),
		page('/countries', VIEW.countries, countriesParams(NO_QUERY), countriesView),
		page('/committees', VIEW.committees, null, committeesView),
		...Array.from({ length: 50 }, (_, i) => page(`/actions/${i + 1}`, VIEW.action, actionParams(i + 1, NO_QUERY), actionView)),
		...data.states.map((s) => page(`/countries/${s.iso3}`, VIEW.country, countryParams(s.iso3, NO_QUERY), countryView)),
		...COMMITTEES.map((id) => page(`/committees/${id}`, VIEW.committee, committeeParams(id, NO_QUERY), committeeView))
	];
}
