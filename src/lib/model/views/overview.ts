/** `/`: Actions 1–50 by section in a year, the key figures, and the chart's counts of levels. */
import type { Committee, Section } from '$lib/data/schema';
import { choose, currentYear, type Chosen } from '../defaults';
import { actionSummary, type ActionLevel, type ActionSummary } from '../method-action';
import type { StateRecord } from '../method';
import { baselineFor, keyFigures, overview, type ActionRow, type KeyFigures } from '../plan';
import { intOf, planOf, type Query, type Source } from './source';

export interface OverviewParams {
	/** `?year=`; null = the current year (the latest with data). */
	year: number | null;
}

export const overviewParams = (q: Query): OverviewParams => ({ year: intOf(q('year')) });

export interface OverviewTile {
	action: ActionRow;
	/** Number of indicators measuring the action. */
	indicators: number;
	status: ActionSummary;
}

export interface OverviewSection {
	section: Section;
	title: string;
	/** Committees following the actions of the section, in plan order. */
	committees: Committee[];
	tiles: OverviewTile[];
}

/** Actions at each level in each section (the chart). */
export interface LevelCount {
	section: Section;
	title: string;
	level: ActionLevel;
	actions: number;
}

export interface OverviewView {
	year: Chosen<number>;
	years: number[];
	baseline: number;
	valueSources: string[];
	figures: KeyFigures;
	/** The States with a withdrawal date: the count "by today" is made where today is known (`withdrawnBy`). */
	withdrawals: StateRecord[];
	sections: OverviewSection[];
	levels: LevelCount[];
}

/** Tiles grouped by section, in plan order. */
export function bySection(tiles: readonly OverviewTile[]): OverviewSection[] {
	const groups = new Map<Section, OverviewSection>();
	for (const tile of tiles) {
		const { section, section_title, committee } = tile.action;
		const g = groups.get(section) ?? { section, title: section_title, committees: [], tiles: [] };
		if (!g.committees.includes(committee)) g.committees.push(committee);
		g.tiles.push(tile);
		groups.set(section, g);
	}
	return [...groups.values()];
}

/** How many actions of each section are at each level. */
export function levelCounts(sections: readonly OverviewSection[]): LevelCount[] {
	return sections.flatMap(({ section, title, tiles }) => {
		const counts = new Map<ActionLevel, number>();
		for (const t of tiles) counts.set(t.status.level, (counts.get(t.status.level) ?? 0) + 1);
		return [...counts].map(([level, actions]) => ({ section, title, level, actions }));
	});
}

export async function overviewView(src: Source, params: OverviewParams): Promise<OverviewView> {
	const data = await planOf(src);
	const year = choose(params.year, currentYear(data.years));
	const baseline = baselineFor(data);
	const tiles = overview(data, year.value, baseline).map((t) => ({ action: t.action, indicators: t.indicators.length, status: actionSummary(t.status) }));
	const sections = bySection(tiles);
	return {
		year,
		years: data.years,
		baseline,
		valueSources: data.valueSources,
		figures: keyFigures(data, year.value),
		withdrawals: data.states.filter((s) => s.withdrawal_effective).map((s) => ({ iso3: s.iso3, entry_into_force: s.entry_into_force, withdrawal_effective: s.withdrawal_effective })),
		sections,
		levels: levelCounts(sections)
	};
}
