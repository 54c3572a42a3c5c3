/**
 * Units are open: an indicator may be in any unit. The ones listed here are recognised under their
 * usual spellings, formatted and translated, and carry range rules; any other unit is shown as written.
 */

export type UnitKind = 'yes_no' | 'percent' | 'count' | 'persons' | 'area' | 'currency' | 'other';

export interface UnitInfo {
	kind: UnitKind;
	/** Canonical code of a known unit (`percent`, `km2`, `usd`…), or the unit as written. */
	code: string;
	/** Disaggregated values add up to the total (METHOD §2). */
	additive: boolean;
}

/** Known units and the spellings they are recognised by (compared lower-case, spaces collapsed). */
const KNOWN: Record<string, { kind: UnitKind; aliases: string[] }> = {
	yes_no: { kind: 'yes_no', aliases: ['yes_no', 'yes/no', 'yesno', 'yes-no', 'y/n', 'boolean'] },
	percent: { kind: 'percent', aliases: ['percent', '%', 'pct', 'percentage', 'per cent'] },
	count: { kind: 'count', aliases: ['count', 'number', 'n', '#'] },
	persons: { kind: 'persons', aliases: ['persons', 'people', 'person', 'individuals'] },
	m2: { kind: 'area', aliases: ['m2', 'm²', 'sq m', 'sqm', 'square metres', 'square meters', 'area_m2'] },
	ha: { kind: 'area', aliases: ['ha', 'hectare', 'hectares', 'area_ha'] },
	km2: { kind: 'area', aliases: ['km2', 'km²', 'sq km', 'square kilometres', 'square kilometers', 'area_km2'] }
};

/** ISO 4217 codes a committee is likely to meet; any other three-letter code Intl knows also counts. */
const CURRENCIES = ['usd', 'eur', 'chf', 'gbp', 'jpy', 'nok', 'sek', 'dkk', 'cad', 'aud', 'nzd', 'cny', 'rub', 'sar', 'aed', 'xof', 'xaf'];

const BY_ALIAS = new Map<string, string>(Object.entries(KNOWN).flatMap(([code, u]) => u.aliases.map((a) => [a, code] as [string, string])));

function key(unit: string): string {
	return unit.trim().toLowerCase().replace(/\s+/g, ' ');
}

let intlCurrencies: Set<string> | null = null;
function isCurrency(k: string): boolean {
	if (!/^[a-z]{3}$/.test(k)) return false;
	if (CURRENCIES.includes(k)) return true;
	intlCurrencies ??= new Set(
		(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : []).map((c) => c.toLowerCase())
	);
	return intlCurrencies.has(k);
}

export function unitInfo(unit: string | null | undefined): UnitInfo {
	const k = key(unit ?? '');
	const code = BY_ALIAS.get(k);
	if (code) {
		const kind = KNOWN[code].kind;
		return { kind, code, additive: kind === 'count' || kind === 'persons' || kind === 'area' };
	}
	if (isCurrency(k)) return { kind: 'currency', code: k, additive: true };
	return { kind: 'other', code: (unit ?? '').trim(), additive: false };
}

/** The range a value in a unit of this kind must be in (null = any finite number). */
export function unitRange(kind: UnitKind): { min: number; max: number | null; only?: readonly number[] } | null {
	switch (kind) {
		case 'yes_no':
			return { min: 0, max: 1, only: [0, 1] };
		case 'percent':
			return { min: 0, max: 100 };
		case 'count':
		case 'persons':
		case 'area':
			return { min: 0, max: null };
		default:
			return null;
	}
}

/**
 * A SQL expression giving the unit kind of the text expression `expr`, from the same table of
 * spellings, so the rules checked in DuckDB are the ones documented here.
 */
export function unitKindSql(expr: string): string {
	const whens = [...BY_ALIAS].map(([alias, code]) => `WHEN '${alias.replaceAll("'", "''")}' THEN '${KNOWN[code].kind}'`);
	const currencies = CURRENCIES.map((c) => `'${c}'`).join(', ');
	const k = `lower(regexp_replace(trim(${expr}), '\\s+', ' ', 'g'))`;
	return `(CASE ${k} ${whens.join(' ')} ELSE CASE WHEN ${k} IN (${currencies}) THEN 'currency' ELSE 'other' END END)`;
}

/** The known units for documentation: canonical code and its spellings. */
export function knownUnits(): { code: string; kind: UnitKind; aliases: string[] }[] {
	return Object.entries(KNOWN).map(([code, u]) => ({ code, kind: u.kind, aliases: u.aliases }));
}
