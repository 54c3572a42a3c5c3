/**
 * Projected Article 5 completion (docs/METHOD.md §12): from a State's remaining mined area and its
 * recent area released, the year clearance would end at a constant rate, compared with the State's
 * current Article 5 deadline. Rules are numbered as in the specification; projection.test.ts
 * tests every rule and edge. Pure functions on plain objects: no I/O, no Svelte, no DuckDB.
 */
import { END_YEAR, isValue, rounded } from './method';

/** §12.2: the rate is the mean of the last 3 release values… */
export const RATE_POINTS = 3;
/** …and never a projection from fewer (§12.3 rule 6). */
export const MIN_RATE_POINTS = 3;
/** §12.2: release values count only within the 5 calendar years ending at the base year. */
export const RATE_WINDOW_YEARS = 5;
/** §12.3: a projection ends this many years after the base year (longer = beyond the horizon). */
export const HORIZON_YEARS = 30;
/** §12.3 rule 10: 'on_track' needs at least one whole year between projected completion and deadline. */
export const MARGIN_YEARS = 1;

export const PROJECTION_STATUSES = [
	'completed',
	'on_track',
	'at_risk',
	'beyond_deadline',
	'no_progress',
	'no_deadline',
	'insufficient_data'
] as const;
export type ProjectionStatus = (typeof PROJECTION_STATUSES)[number];

export const PROJECTION_REASONS = [
	'completion_declared', 'remaining_zero', 'reopened', 'no_remaining', 'stale_remaining',
	'too_few_points', 'gaps', 'no_release', 'growing', 'deadline_passed', 'no_deadline', 'beyond_horizon'
] as const;
export type ProjectionReason = (typeof PROJECTION_REASONS)[number];

/** One year of a series; a missing or non-finite value is skipped, never zero. */
export interface YearValue {
	year: number;
	value: number | null;
}

export interface ProjectionInput {
	/** Indicator with role remaining_area: km² still to release at the END of each year. */
	remaining: readonly YearValue[];
	/** Indicator with role area_released: km² released DURING each year. */
	released: readonly YearValue[];
	/** `deadlines.current_deadline` (article 5), 'YYYY-MM-DD'; null = none confirmed. */
	deadline: string | null;
	/** `deadlines.completion_declared`. */
	completionDeclared?: string | null;
	/** `deadlines.status` (its value at the end of END_YEAR): 'completed' counts as a declaration. */
	deadlineStatus?: string | null;
	/** Last year considered; default: the last year with a remaining-area value. */
	asOfYear?: number | null;
}

export interface ProjectionPoint {
	year: number;
	value: number;
	kind: 'reported' | 'projected';
}

export interface Projection {
	status: ProjectionStatus;
	/** Year in which the remaining area reaches 0 at the rate; null when not projected or beyond the horizon. */
	projectedYear: number | null;
	/** km² per year (mean release over rateYears); null with fewer than MIN_RATE_POINTS values. */
	rate: number | null;
	/** Latest remaining area (km²) at or before asOfYear, and the year it describes (the base year). */
	remaining: number | null;
	baseYear: number | null;
	asOfYear: number | null;
	/** Release values used for the rate, and their years (ascending). */
	pointsUsed: number;
	rateYears: number[];
	deadline: string | null;
	/** Years from the end of the projected year to the end of the deadline day; < 0 = after it. */
	marginYears: number | null;
	reasons: ProjectionReason[];
	/** Reported remaining area, then (kind 'projected') the base value again and each projected year. */
	path: ProjectionPoint[];
}

function isoDay(d: string | null | undefined): string | null {
	const s = d?.trim().slice(0, 10) ?? '';
	return /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : null;
}

/** §12.3: the end of day d as a decimal year (end of 31 December Y = Y + 1; 1 March 2030 ≈ 2030.164). */
export function endOfDayAsYear(d: string): number {
	const y = Number(d.slice(0, 4));
	const start = Date.UTC(y, 0, 1);
	const t = Date.UTC(y, Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)) + 1);
	return y + (t - start) / (Date.UTC(y + 1, 0, 1) - start);
}

/** Valid values with year ≤ last, one per year (the last given wins), ascending by year. */
function series(values: readonly YearValue[], last: number | null): { year: number; value: number }[] {
	const byYear = new Map<number, number>();
	for (const v of values)
		if (Number.isInteger(v.year) && isValue(v.value) && (last === null || v.year <= last)) byYear.set(v.year, v.value);
	return [...byYear].sort((a, b) => a[0] - b[0]).map(([year, value]) => ({ year, value }));
}

/** §12.3: project completion and compare it with the deadline; rules apply top to bottom. */
export function projectCompletion(input: ProjectionInput): Projection {
	const all = series(input.remaining, null);
	const asOfYear = input.asOfYear ?? all.at(-1)?.year ?? null;
	const remainingSeries = series(input.remaining, asOfYear);
	const latest = remainingSeries.at(-1) ?? null;
	const deadline = isoDay(input.deadline);
	const reasons: ProjectionReason[] = [];
	const why = (r: ProjectionReason) => reasons.push(r);
	const out: Projection = {
		status: 'insufficient_data',
		projectedYear: null,
		rate: null,
		remaining: latest ? rounded(latest.value) : null,
		baseYear: latest?.year ?? null,
		asOfYear,
		pointsUsed: 0,
		rateYears: [],
		deadline,
		marginYears: null,
		reasons,
		path: remainingSeries.map((p) => ({ ...p, kind: 'reported' as const }))
	};
	const done = (status: ProjectionStatus, reason: ProjectionReason): Projection => {
		why(reason);
		return { ...out, status };
	};

	// Rule 1: completion declared (by asOfYear), unless remaining area > 0 was reported for a later year.
	const declared = isoDay(input.completionDeclared);
	if (declared && (asOfYear === null || declared <= `${asOfYear}-12-31`)) {
		const y = Number(declared.slice(0, 4));
		if (!remainingSeries.some((p) => p.year > y && rounded(p.value) > 0)) return done('completed', 'completion_declared');
		why('reopened');
	} else if (!declared && input.deadlineStatus?.trim() === 'completed' && (asOfYear === null || asOfYear >= END_YEAR))
		return done('completed', 'completion_declared');
	// Rules 2–4: a recent remaining area to start from.
	if (!latest || asOfYear === null) return done('insufficient_data', 'no_remaining');
	const remaining = rounded(latest.value);
	if (remaining <= 0) return done('completed', 'remaining_zero');
	const base = latest.year;
	if (base <= asOfYear - RATE_WINDOW_YEARS) return done('insufficient_data', 'stale_remaining');

	// §12.2: the rate, from the last RATE_POINTS release values in base−4 … base (gaps skipped).
	const window = series(input.released, base).filter((p) => p.year > base - RATE_WINDOW_YEARS).slice(-RATE_POINTS);
	out.pointsUsed = window.length;
	out.rateYears = window.map((p) => p.year);
	if (window.length > 1 && window.at(-1)!.year - window[0].year >= window.length) why('gaps');
	const deadlineEnd = deadline === null ? null : endOfDayAsYear(deadline);
	const passed = deadlineEnd !== null && rounded(deadlineEnd) <= base + 1;
	if (window.length < MIN_RATE_POINTS) {
		// Rules 5–6: never a projection from fewer points; a passed deadline needs none.
		why('too_few_points');
		return passed ? done('beyond_deadline', 'deadline_passed') : { ...out, status: 'insufficient_data' };
	}
	const rate = rounded(window.reduce((sum, p) => sum + p.value, 0) / window.length);
	out.rate = rate;
	// §12.2 cross-check: remaining area rose from the start of the window to the base year.
	const before = remainingSeries.find((p) => p.year >= window[0].year - 1 && p.year < base);
	const growing = before !== undefined && remaining > rounded(before.value);
	if (growing) why('growing');
	if (rate <= 0) {
		// Rules 5 and 7: a flat line to the horizon, no projected year.
		why('no_release');
		out.path.push(...line(base, remaining, 0, HORIZON_YEARS));
		return passed ? done('beyond_deadline', 'deadline_passed') : { ...out, status: 'no_progress' };
	}
	// §12.3: years to clear, capped at the horizon.
	const years = Math.ceil(rounded(remaining / rate));
	const beyond = years > HORIZON_YEARS;
	if (beyond) why('beyond_horizon');
	else out.projectedYear = base + years;
	out.path.push(...line(base, remaining, rate, Math.min(years, HORIZON_YEARS)));
	// Margin from the end of the projected year; beyond the horizon it is compared but not shown.
	if (deadlineEnd !== null) {
		const margin = rounded(deadlineEnd - (base + years + 1));
		if (!beyond) out.marginYears = margin;
		if (passed) return done('beyond_deadline', 'deadline_passed'); // rule 5
		if (margin < 0) return { ...out, status: 'beyond_deadline' }; // rule 9
		if (margin >= MARGIN_YEARS && !growing) return { ...out, status: 'on_track' }; // rule 10
		return { ...out, status: 'at_risk' }; // rule 11
	}
	return done('no_deadline', 'no_deadline'); // rule 8
}

/** The projected line: the base value again, then remaining − rate × k at the end of each year k. */
function line(base: number, remaining: number, rate: number, years: number): ProjectionPoint[] {
	return Array.from({ length: years + 1 }, (_, k) => ({
		year: base + k,
		value: Math.max(0, rounded(remaining - rate * k)),
		kind: 'projected' as const
	}));
}
