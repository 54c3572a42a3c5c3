/**
 * `/countries`: every State with its obligations and the meetings' groups in a year, the filters and
 * order the reader chose, and the world map (by party status, or by an indicator's values).
 */
import type { Obligation, Region } from '$lib/data/schema';
import { countryList, STATE_GROUPS, type CountryRow, type StateGroup } from '../countries';
import { choose, currentYear, endedYears, type Chosen } from '../defaults';
import { partyDay, partyStatus, type PartyStatus } from '../method';
import { indicatorSources, type IndicatorRow } from '../plan';
import { sortRows, type SortOrder } from '../sort';
import { intOf, planOf, type Query, type Source } from './source';

export interface CountriesParams {
	year: number | null;
	/** `?map=`: an indicator to colour the map by; null = party status. */
	map: string | null;
}

export const countriesParams = (q: Query): CountriesParams => ({ year: intOf(q('year')), map: q('map') === 'status' ? null : q('map') });

/** One State of the list: what the table, the filters and the map use. */
export type CountryListRow = Pick<CountryRow, 'iso3' | 'name' | 'region' | 'entry_into_force' | 'withdrawal_effective' | 'obligations' | 'groups' | 'latestReport' | 'source'>;

export type MapIndicator = Pick<IndicatorRow, 'indicator_id' | 'label' | 'unit' | 'polarity'>;

export interface IndicatorMap {
	indicator: MapIndicator;
	/** The States the indicator concerns in the year; null = not reported. */
	values: { iso3: string; value: number | null }[];
	sources: string[];
}

export interface CountriesView {
	year: Chosen<number>;
	states: CountryListRow[];
	/** Indicators the map can be coloured by (not yes/no). */
	mapIndicators: MapIndicator[];
	/** The map by the indicator `?map=` names; null = by party status. */
	map: IndicatorMap | null;
}

export async function countriesView(src: Source, params: CountriesParams): Promise<CountriesView> {
	const data = await planOf(src);
	const year = choose(params.year, currentYear(data.years));
	const list = await countryList(src.conn, year.value);
	const states = list.map(({ iso3, name, region, entry_into_force, withdrawal_effective, obligations, groups, latestReport, source }) => ({ iso3, name, region, entry_into_force, withdrawal_effective, obligations, groups, latestReport, source }));
	const mapIndicators = data.indicators.filter((i) => i.unit !== 'yes_no').map(({ indicator_id, label, unit, polarity }) => ({ indicator_id, label, unit, polarity }));
	const ind = data.indicators.find((i) => i.indicator_id === params.map && i.unit !== 'yes_no');
	const concerned = ind ? new Set(data.applicable(ind.indicator_id, year.value)) : null;
	const map =
		ind && concerned
			? {
					indicator: { indicator_id: ind.indicator_id, label: ind.label, unit: ind.unit, polarity: ind.polarity },
					values: states.filter((s) => concerned.has(s.iso3)).map((s) => ({ iso3: s.iso3, value: data.value(ind.indicator_id, s.iso3, year.value) })),
					sources: indicatorSources(data, ind, undefined, year.value)
				}
			: null;
	return { year, states, mapIndicators, map };
}

export interface CountryFilters {
	region: string;
	obligation: string;
	group: string;
	/** Party status on `today`. */
	status: string;
	/** Part of the name, or the whole ISO code. */
	q: string;
}

export const COUNTRY_SORTS = ['name', 'region', 'eif', 'report'] as const;
export type CountrySort = (typeof COUNTRY_SORTS)[number];
export const PARTY_STATUSES: readonly PartyStatus[] = ['party', 'not_party', 'withdrawn'];

/** The years the list can speak for on `today`: the years already ended (a count at the end of a year), and the one shown. */
export function yearChoices(today: string, shown: number): number[] {
	return [...new Set([...endedYears(today), shown])].sort((a, b) => a - b);
}

/** The regions present in the list, alphabetically (the filter's choices). */
export function regionsOf(states: readonly Pick<CountryListRow, 'region'>[]): Region[] {
	return [...new Set(states.map((s) => s.region))].sort();
}

/**
 * The list as the reader filtered and ordered it; the status filter speaks for `today` (METHOD.md §1.1).
 * `nameOf` is the name the reader sees (their language's): the search matches it as well as the data's
 * name, and the list is in its alphabetical order.
 */
export function countryRows(states: readonly CountryListRow[], f: CountryFilters, order: SortOrder<CountrySort>, today: string, nameOf: (s: CountryListRow) => string = (s) => s.name): CountryListRow[] {
	const needle = f.q.trim().toLowerCase();
	const shown = states.filter(
		(s) =>
			(!f.region || s.region === f.region) &&
			(!f.obligation || s.obligations.includes(f.obligation as Obligation)) &&
			(!f.group || s.groups.includes(f.group as StateGroup)) &&
			(!f.status || partyStatus(s, today) === f.status) &&
			(!needle || s.name.toLowerCase().includes(needle) || nameOf(s).toLowerCase().includes(needle) || s.iso3.toLowerCase() === needle)
	);
	return sortRows(
		shown,
		order,
		{ name: nameOf, region: (s) => s.region, eif: (s) => s.entry_into_force ?? '9999', report: (s) => s.latestReport ?? 0 },
		nameOf
	);
}

/** Each State's party status at the end of `year`, for the map by status. */
export function statusAtYearEnd(states: readonly CountryListRow[], year: number): { iso3: string; name: string; status: PartyStatus }[] {
	const day = partyDay(year);
	return states.map((s) => ({ iso3: s.iso3, name: s.name, status: partyStatus(s, day) }));
}

export { STATE_GROUPS };
