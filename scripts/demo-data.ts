/**
 * DEMONSTRATION data generator: indicators, indicator_values, and the 'victims' and 'article3'
 * rows of state_obligations. Nothing here is an official fact; every row has source = 'demonstration'.
 * Deterministic: each series draws from its own mulberry32 stream seeded by a hash of its name,
 * so adding an indicator or a State never changes the other series.
 */
import { DEMO_INDICATORS } from './lib-demo-indicators.ts';
import type { DemoIndicator, ModelSeries } from './lib-demo-indicators.ts';
import type { Row } from './lib-io.ts';
import { isParty as isPartyOn, partyDay } from '../src/lib/model/method.ts';

const SEED = 20191129; // the day the OAP was adopted
export const YEARS = [2019, 2020, 2021, 2022, 2023, 2024];
const DEMO = 'demonstration';

export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** FNV-1a: a stable 32-bit hash of a stream name. */
function hash(s: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
	return h >>> 0;
}

function rngFor(...parts: (string | number)[]): () => number {
	return mulberry32(hash(parts.join('|')) ^ SEED);
}

const uniform = (r: () => number, lo: number, hi: number) => lo + (hi - lo) * r();
const logUniform = (r: () => number, lo: number, hi: number) => Math.exp(uniform(r, Math.log(lo), Math.log(hi)));
const round = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;

/** Per-State size (0–1), shared by its magnitudes so contamination, casualties and funding move together. */
const scaleOf = (iso3: string) => rngFor('scale', iso3)();
/** Log-uniform draw pulled towards the State's size. */
const scaled = (r: () => number, iso3: string, lo: number, hi: number) =>
	Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * (0.65 * scaleOf(iso3) + 0.35 * r()));

/** Seeded Fisher–Yates on a sorted copy, so the pick does not depend on input order. */
function pick<T extends string>(items: T[], n: number, stream: string): T[] {
	const a = [...items].sort();
	const r = rngFor(stream);
	for (let i = a.length - 1; i > 0; i--) {
		const j = Math.floor(r() * (i + 1));
		[a[i], a[j]] = [a[j], a[i]];
	}
	return a.slice(0, n).sort();
}

/** The app's one party rule (docs/METHOD.md §1.1), asked about 31 December of the year. */
function isParty(s: Row, year: number): boolean {
	return isPartyOn({ iso3: String(s.iso3), entry_into_force: (s.entry_into_force as string) || null, withdrawal_effective: (s.withdrawal_effective as string) || null }, partyDay(year));
}

const firstYear = (s: Row) => Math.max(1999, Number(String(s.entry_into_force).slice(0, 4)));

/** 'victims' = the Article 5 States plus a few others; 'article3' = about 60 States Parties. */
export function demoObligations(states: Row[], article5Iso: string[]): Row[] {
	const byIso = new Map(states.map((s) => [String(s.iso3), s]));
	const parties = states.filter((s) => isParty(s, 2024)).map((s) => String(s.iso3));
	const a5 = [...new Set(article5Iso)].filter((i) => byIso.get(i)?.entry_into_force);
	const others = pick(parties.filter((i) => !a5.includes(i)), 5, 'victims-extra');
	const rows: Row[] = [];
	for (const iso3 of [...a5, ...others].sort()) {
		rows.push({ iso3, obligation: 'victims', from_year: firstYear(byIso.get(iso3)!), to_year: null, source: DEMO });
	}
	const early = states.filter((s) => isParty(s, 2019)).map((s) => String(s.iso3));
	for (const iso3 of pick(early, 60, 'article3')) {
		const r = rngFor('article3-end', iso3);
		// About one in ten stops retaining mines during the OAP period, so the group changes over time.
		const to = r() < 0.1 ? 2020 + Math.floor(r() * 4) : null;
		rows.push({ iso3, obligation: 'article3', from_year: firstYear(byIso.get(iso3)!), to_year: to, source: DEMO });
	}
	return rows;
}

/** Which demonstration indicator plays which role (schema INDICATOR_ROLES). */
const ROLES: Record<string, string> = {
	'A18.1': 'remaining_area',
	'A21.1': 'area_released',
	'A48.1': 'article7_submitted',
	'A5.1': 'article7_on_time',
	'A36.1': 'casualties',
	'A13.1': 'stockpile_remaining',
	'A16.1': 'retained_mines',
	'A16.2': 'retained_used'
};

export function demoIndicatorRows(): Row[] {
	return DEMO_INDICATORS.map((d) => ({
		indicator_id: d.id,
		action: Number(/^A(\d+)\./.exec(d.id)![1]),
		label: d.label,
		unit: d.unit,
		polarity: d.polarity,
		applies_to: d.applies,
		target: d.target ?? null,
		disaggregated: d.gen.kind === 'persons',
		role: ROLES[d.id] ?? null,
		source: DEMO
	}));
}

type Series = Map<number, number>;

/** One coherent per-State story for clearance, stockpiles and retained mines; indicators read slices of it. */
function modelSeries(kind: 'clearance' | 'stock' | 'retained', iso3: string, completeYear: number | null): Record<string, Series> {
	const r = rngFor(kind, iso3);
	const out: Record<string, Series> = {};
	const put = (k: string, y: number, v: number) => (out[k] ??= new Map()).set(y, v);
	if (kind === 'clearance') {
		let remaining = round(scaled(r, iso3, 0.3, 900), 2);
		const growing = r() < 0.2; // new contamination outpaces release for a few States
		const density = logUniform(r, 20, 3000);
		for (const y of YEARS) {
			const done = y === completeYear;
			const released = done ? remaining : remaining * (growing ? uniform(r, 0.02, 0.1) : uniform(r, 0.05, 0.3));
			const found = done ? 0 : growing ? remaining * uniform(r, 0.15, 0.5) : r() < 0.1 ? remaining * uniform(r, 0, 0.1) : 0;
			const a = uniform(r, 0.15, 0.5);
			const cancelled = round(released * a, 2);
			const reduced = round(released * (1 - a) * uniform(r, 0.1, 0.3), 2);
			const cleared = Math.max(0, round(released - cancelled - reduced, 2));
			const total = round(cancelled + reduced + cleared, 2);
			remaining = done || completeYear !== null && y > completeYear ? 0 : round(Math.max(0, remaining - total + found), 2);
			put('released_km2', y, total);
			put('cancelled_km2', y, cancelled);
			put('reduced_km2', y, reduced);
			put('cleared_km2', y, cleared);
			put('mines_destroyed', y, Math.round(cleared * density * uniform(r, 0.6, 1.4)));
			put('remaining_km2', y, remaining);
		}
	} else if (kind === 'stock') {
		let stock = Math.round(logUniform(r, 2e5, 4e6));
		for (const y of YEARS) {
			const destroyed = r() < 0.35 ? 0 : Math.round(stock * uniform(r, 0.01, 0.12));
			stock -= destroyed;
			put('stock_destroyed', y, destroyed);
			put('stock_remaining', y, stock);
		}
	} else {
		let kept = Math.round(logUniform(r, 50, 6000));
		for (const y of YEARS) {
			const used = Math.round(kept * uniform(r, 0, 0.12));
			kept -= used;
			put('retained_used', y, used);
			put('retained', y, kept);
		}
	}
	return out;
}

interface Point {
	total: number;
	parts?: [string, string, number][]; // sex, age_group, value
}

/** Splits a total into female/male × child/adult integers that add up to it exactly. */
function split(total: number, f: number, c: number): [string, string, number][] {
	const female = Math.round(total * f);
	const male = total - female;
	const fc = Math.round(female * c);
	const mc = Math.round(male * c);
	return [
		['female', 'child', fc],
		['female', 'adult', female - fc],
		['male', 'child', mc],
		['male', 'adult', male - mc]
	];
}

function genericSeries(d: DemoIndicator, iso3: string): Map<number, Point> {
	const r = rngFor('indicator', d.id, iso3);
	const g = d.gen;
	const out = new Map<number, Point>();
	if (g.kind === 'yes_no') {
		let v = r() < g.p0 ? 1 : 0;
		const change = v === 0 ? (r() < g.p1 ? 2020 + Math.floor(r() * 5) : 0) : r() < 0.04 ? 2020 + Math.floor(r() * 5) : 0;
		for (const y of YEARS) {
			if (y === change) v = 1 - v;
			out.set(y, { total: v });
		}
	} else if (g.kind === 'percent') {
		let v = uniform(r, g.lo, g.hi);
		for (const y of YEARS) {
			out.set(y, { total: round(Math.min(100, Math.max(0, v)), 1) });
			v += uniform(r, -1, g.slope) + uniform(r, -2, 2);
		}
	} else if (g.kind === 'count' || g.kind === 'persons') {
		let level = scaled(r, iso3, Math.max(1, g.lo), g.hi);
		const f = g.kind === 'persons' ? uniform(r, ...g.female) : 0;
		const c = g.kind === 'persons' ? uniform(r, ...g.child) : 0;
		for (const y of YEARS) {
			const total = Math.max(g.lo, Math.round(level));
			const point: Point = { total };
			if (g.kind === 'persons') point.parts = split(total, f + uniform(r, -0.03, 0.03), c + uniform(r, -0.03, 0.03));
			out.set(y, point);
			level *= Math.exp(g.trend + uniform(r, -0.25, 0.25));
		}
	} else if (g.kind === 'usd') {
		const active = r() < g.share;
		let level = scaled(r, iso3, g.lo, g.hi);
		for (const y of YEARS) {
			out.set(y, { total: active ? Math.round(level / 1000) * 1000 : 0 });
			level *= Math.exp(uniform(r, -0.2, 0.25));
		}
	}
	return out;
}

const MODEL_KIND: Record<ModelSeries, 'clearance' | 'stock' | 'retained'> = {
	remaining_km2: 'clearance',
	released_km2: 'clearance',
	cancelled_km2: 'clearance',
	reduced_km2: 'clearance',
	cleared_km2: 'clearance',
	mines_destroyed: 'clearance',
	stock_remaining: 'stock',
	stock_destroyed: 'stock',
	retained: 'retained',
	retained_used: 'retained'
};

const ARTICLE7_SUBMITTED = 'A48.1';
const ARTICLE7_ON_TIME = 'A5.1';

/** Values for 2019–2024, only where the State is a party and in the indicator's group that year. */
export function demoValues(states: Row[], obligations: Row[]): Row[] {
	const inGroup = (iso3: string, group: string, y: number) =>
		group === 'all' ||
		obligations.some(
			(o) => o.iso3 === iso3 && o.obligation === group && Number(o.from_year) <= y && (o.to_year === null || o.to_year === '' || Number(o.to_year) >= y)
		);
	// A completion inside the period ends the clearance story at zero remaining.
	const completeYear = (iso3: string): number | null => {
		const rows = obligations.filter((o) => o.iso3 === iso3 && o.obligation === 'article5');
		const lastRow = rows.sort((a, b) => Number(b.from_year) - Number(a.from_year))[0];
		const to = lastRow && lastRow.to_year !== null && lastRow.to_year !== '' ? Number(lastRow.to_year) : null;
		return to !== null && to >= YEARS[0] && to <= YEARS[YEARS.length - 1] ? to : null;
	};
	// Each State has its own reporting rate: 10–30% of its years carry no values at all.
	const reports = (iso3: string, y: number) => rngFor('gap', iso3, y)() >= 0.1 + 0.2 * rngFor('gaprate', iso3)();

	const models = new Map<string, Record<string, Series>>();
	const rows: Row[] = [];
	const sorted = [...states].sort((a, b) => String(a.iso3).localeCompare(String(b.iso3)));
	for (const d of DEMO_INDICATORS) {
		for (const s of sorted) {
			const iso3 = String(s.iso3);
			// The record of Article 7 reports is kept for every party every year: 1 in the years the
			// State reported (the years it has values), 0 otherwise; "on time" only for submitted reports.
			if (d.id === ARTICLE7_SUBMITTED || d.id === ARTICLE7_ON_TIME) {
				const series = genericSeries(d, iso3);
				for (const y of YEARS.filter((y) => isParty(s, y))) {
					const submitted = reports(iso3, y) ? 1 : 0;
					const value = d.id === ARTICLE7_SUBMITTED ? submitted : submitted && series.get(y)!.total;
					rows.push({ indicator_id: d.id, iso3, year: y, value, sex: null, age_group: null, source: DEMO });
				}
				continue;
			}
			const years = YEARS.filter((y) => isParty(s, y) && inGroup(iso3, d.applies, y) && reports(iso3, y));
			if (!years.length) continue;
			let series: Map<number, Point>;
			if (d.gen.kind === 'model') {
				const kind = MODEL_KIND[d.gen.series];
				const key = `${kind}|${iso3}`;
				if (!models.has(key)) models.set(key, modelSeries(kind, iso3, kind === 'clearance' ? completeYear(iso3) : null));
				const m = models.get(key)![d.gen.series];
				series = new Map([...m].map(([y, v]) => [y, { total: v }]));
			} else series = genericSeries(d, iso3);
			for (const y of years) {
				const p = series.get(y)!;
				rows.push({ indicator_id: d.id, iso3, year: y, value: p.total, sex: null, age_group: null, source: DEMO });
				for (const [sex, age, v] of p.parts ?? []) {
					rows.push({ indicator_id: d.id, iso3, year: y, value: v, sex, age_group: age, source: DEMO });
				}
			}
		}
	}
	return rows;
}
