/**
 * Builders for the two lookups ActionInput needs, from plain rows (SQL results or fixtures).
 * Results are memoised per key, so one lookup can serve all 50 actions and every year.
 */
import type { Row } from '$lib/data/schema';
import type { ActionInput } from './method-action';
import {
	applicableStates,
	stateValue,
	type IndicatorDef,
	type StateObligation,
	type StateRecord,
	type ValueRow
} from './method';

/** A row of `indicator_values` (total or disaggregated). */
/** A row of `indicator_values` (total or disaggregated); its own source ('demonstration' for generated values) is optional in fixtures. */
export type ValueRecord = ValueRow & Pick<Row<'indicator_values'>, 'indicator_id' | 'iso3' | 'year'> & { source?: string | null };

const key = (...parts: (string | number)[]) => parts.join('|');

/**
 * `value` lookup from raw `indicator_values` rows: groups rows by indicator, State and year and
 * applies stateValue (§2) with the indicator's unit. Rows of an unknown indicator give their
 * total only (no unit, so no sum).
 */
export function valueLookup(
	rows: readonly ValueRecord[],
	indicators: readonly Pick<IndicatorDef, 'indicator_id' | 'unit'>[]
): ActionInput['value'] {
	const units = new Map(indicators.map((i) => [i.indicator_id, i.unit]));
	// Indicator → State → year: a page asks tens of thousands of times per change, so no key strings are built.
	const groups = new Map<string, Map<string, Map<number, ValueRecord[]>>>();
	for (const r of rows) {
		const g = within(within(groups, r.indicator_id), r.iso3);
		const list = g.get(r.year);
		if (list) list.push(r);
		else g.set(r.year, [r]);
	}
	const memo = new Map<string, Map<string, Map<number, number | null>>>();
	return (indicatorId, iso3, year) => {
		const known = within(within(memo, indicatorId), iso3);
		let v = known.get(year);
		if (v === undefined) {
			// An unknown indicator is treated as non-additive ('percent'): its total or nothing.
			v = stateValue(groups.get(indicatorId)?.get(iso3)?.get(year) ?? [], units.get(indicatorId) ?? 'percent');
			known.set(year, v);
		}
		return v;
	};
}

/** The inner map of `outer` at `k`, made when missing. */
function within<K, K2, V>(outer: Map<K, Map<K2, V>>, k: K): Map<K2, V> {
	let inner = outer.get(k);
	if (!inner) outer.set(k, (inner = new Map()));
	return inner;
}

/** `applicable` lookup computed from `states` and `state_obligations` (§1). */
export function applicableLookup(
	indicators: readonly Pick<IndicatorDef, 'indicator_id' | 'applies_to'>[],
	states: readonly StateRecord[],
	obligations: readonly StateObligation[]
): ActionInput['applicable'] {
	const defs = new Map(indicators.map((i) => [i.indicator_id, i]));
	const memo = new Map<string, string[]>();
	return (indicatorId, year) => {
		const k = key(indicatorId, year);
		let list = memo.get(k);
		if (!list) {
			const def = defs.get(indicatorId);
			list = def ? applicableStates(def, states, obligations, year) : [];
			memo.set(k, list);
		}
		return list;
	};
}

/** `applicable` lookup from rows already computed elsewhere (e.g. in SQL): one row per pair. */
export function applicableFromRows(
	rows: readonly { indicator_id: string; iso3: string; year: number }[]
): ActionInput['applicable'] {
	const lists = new Map<string, string[]>();
	for (const r of rows) {
		const k = key(r.indicator_id, r.year);
		const l = lists.get(k);
		if (l) l.push(r.iso3);
		else lists.set(k, [r.iso3]);
	}
	return (indicatorId, year) => lists.get(key(indicatorId, year)) ?? [];
}

/**
 * The sources of the values themselves (not of the indicator's definition): distinct, most rows first,
 * for an indicator, optionally narrowed to one State and/or one year.
 */
export function valueSourceLookup(rows: readonly ValueRecord[]): (indicatorId: string, iso3?: string, year?: number) => string[] {
	const byIndicator = new Map<string, ValueRecord[]>();
	for (const r of rows) {
		const g = byIndicator.get(r.indicator_id);
		if (g) g.push(r);
		else byIndicator.set(r.indicator_id, [r]);
	}
	const memo = new Map<string, string[]>();
	return (indicatorId, iso3, year) => {
		const k = key(indicatorId, iso3 ?? '*', year ?? '*');
		let list = memo.get(k);
		if (!list) {
			const counts = new Map<string, number>();
			for (const r of byIndicator.get(indicatorId) ?? [])
				if ((iso3 === undefined || r.iso3 === iso3) && (year === undefined || r.year === year) && r.source)
					counts.set(r.source, (counts.get(r.source) ?? 0) + 1);
			list = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([s]) => s);
			memo.set(k, list);
		}
		return list;
	};
}
