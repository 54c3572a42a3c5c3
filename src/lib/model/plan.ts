/**
 * The plan's data as the method needs it, fetched once per data version and shared by every page,
 * and the questions pages ask of it ("how is each action doing in 2024?").
 */
import { unitInfo } from '$lib/data/units';
import type { Connector } from '$lib/db/connector';
import type { Row } from '$lib/data/schema';
import { baselineOf } from './defaults';
import { isParty, partyDay, partyStatus, type IndicatorDef, type StateObligation, type StateRecord } from './method';
import { actionStatus, type ActionInput, type ActionStatus } from './method-action';
import { applicableLookup, valueLookup, valueSourceLookup, type ValueRecord } from './method-lookup';

/** An action: its title is a short paraphrase unless title_kind says 'official'; null where no source ties content to the number. */
export type ActionRow = Pick<Row<'actions'>, 'action' | 'section' | 'section_title' | 'committee' | 'title' | 'title_kind' | 'source'>;
export type IndicatorRow = IndicatorDef & Pick<Row<'indicators'>, 'action' | 'label' | 'disaggregated' | 'role' | 'source'>;
export type StateRow = StateRecord & Pick<Row<'states'>, 'name' | 'region'>;

export interface PlanData {
	actions: ActionRow[];
	indicators: IndicatorRow[];
	states: StateRow[];
	obligations: StateObligation[];
	values: ValueRecord[];
	/** Years with at least one indicator value, ascending. */
	years: number[];
	/** Sources of the indicator values, most rows first. */
	valueSources: string[];
	applicable: ActionInput['applicable'];
	value: ActionInput['value'];
	/** Sources of the values themselves (the demonstration label follows these, not the definition's). */
	valueSourcesOf: (indicatorId: string, iso3?: string, year?: number) => string[];
}

export async function loadPlanData(conn: Connector): Promise<PlanData> {
	const [actions, indicators, states, obligations, values, sources] = await Promise.all([
		conn.query<ActionRow>(`SELECT action, section, section_title, committee, title, title_kind, source FROM actions WHERE plan = 'OAP' ORDER BY action`),
		conn.query<IndicatorRow>(
			`SELECT indicator_id, action, label, unit, polarity, applies_to, target, disaggregated, role, source FROM indicators ORDER BY action, indicator_id`
		),
		conn.query<StateRow>(`SELECT iso3, name, region, entry_into_force, withdrawal_effective FROM states ORDER BY name`),
		conn.query<StateObligation>(`SELECT iso3, obligation, from_year, to_year FROM state_obligations`),
		conn.query<ValueRecord>(`SELECT indicator_id, iso3, year, value, sex, age_group, source FROM indicator_values`),
		conn.query<{ source: string }>(`SELECT source FROM indicator_values GROUP BY source ORDER BY count(*) DESC`)
	]);
	const years = [...new Set(values.map((v) => v.year))].sort((a, b) => a - b);
	// Units are open: a known unit under any of its spellings ("%", "km²") is given its canonical code.
	for (const i of indicators) i.unit = unitInfo(i.unit).code;
	return {
		actions,
		indicators,
		states,
		obligations,
		values,
		years,
		valueSources: sources.map((s) => s.source),
		applicable: applicableLookup(indicators, states, obligations),
		value: valueLookup(values, indicators),
		valueSourcesOf: valueSourceLookup(values)
	};
}

/** The baseline the method uses, or the first year with data when the data start later (defaults.ts). */
export function baselineFor(data: PlanData): number {
	return baselineOf(data.years);
}

export function indicatorsOf(data: PlanData, action: number): IndicatorRow[] {
	return data.indicators.filter((i) => i.action === action);
}

export interface ActionOverview {
	action: ActionRow;
	indicators: IndicatorRow[];
	status: ActionStatus;
}

/** Every action's status in `year`, trend measured from `baseline`. */
export function overview(data: PlanData, year: number, baseline = baselineFor(data)): ActionOverview[] {
	return data.actions.map((action) => {
		const indicators = indicatorsOf(data, action.action);
		const status = actionStatus({ indicators, applicable: data.applicable, value: data.value, year, baseline });
		return { action, indicators, status };
	});
}

export interface KeyFigures {
	year: number;
	parties: number;
	article5: number;
	reported: number;
	concerned: number;
	indicators: number;
}

/** Headline counts for a year, all computed from the loaded tables (withdrawals, which speak for a day: `withdrawnBy`). */
export function keyFigures(data: PlanData, year: number): KeyFigures {
	const parties = new Set(data.states.filter((s) => isParty(s, partyDay(year))).map((s) => s.iso3));
	const article5 = new Set(
		data.obligations
			.filter((o) => o.obligation === 'article5' && o.from_year <= year && (o.to_year === null || o.to_year >= year) && parties.has(o.iso3))
			.map((o) => o.iso3)
	);
	const concerned = new Set<string>();
	const reported = new Set<string>();
	// The record of Article 7 reports exists for every party every year (0 = none): it is not a report.
	for (const ind of data.indicators.filter((i) => !i.role?.startsWith('article7'))) {
		for (const iso3 of data.applicable(ind.indicator_id, year)) {
			concerned.add(iso3);
			if (data.value(ind.indicator_id, iso3, year) !== null) reported.add(iso3);
		}
	}
	return {
		year,
		parties: parties.size,
		article5: article5.size,
		reported: reported.size,
		concerned: concerned.size,
		indicators: data.indicators.length
	};
}

/** States whose withdrawal has taken effect by `day` ('YYYY-MM-DD'). */
export function withdrawnBy(states: readonly StateRecord[], day: string): number {
	return states.filter((s) => partyStatus(s, day) === 'withdrawn').length;
}

/**
 * What a chart or table of an indicator cites: the values' own sources first (the demonstration label
 * follows them), then the definition's.
 */
export function indicatorSources(data: PlanData, ind: Pick<IndicatorRow, 'indicator_id' | 'source'>, iso3?: string, year?: number): string[] {
	return [...new Set([...data.valueSourcesOf(ind.indicator_id, iso3, year), ind.source].filter((s) => s && s.trim()))];
}
