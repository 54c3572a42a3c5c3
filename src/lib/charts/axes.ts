/**
 * What every chart spec uses to survive its data (issue 13): a numeric axis for any values (none, all
 * zero, constant, negative, huge), ticks that fit the axis's length, labels formatted to stay short
 * (compact notation, integer steps for counts), and text widths to size margins from the labels
 * themselves. Pure (no DOM): tested in Node (axes.test.ts, with generated series).
 */
import type * as PlotModule from '@observablehq/plot';

/**
 * Observable Plot (the part the charts use, ./plot-api.ts), handed to a spec by whoever draws it: specs
 * never import it, so a page's code does not carry Plot's ~90 KiB until a chart is to be drawn in the
 * browser (components/Chart.svelte).
 */
export type PlotApi = typeof import('./plot-api');

/** Chart text size (px) on screen and in exports; no chart text is smaller than MIN_FONT. */
export const FONT = 12;
export const MIN_FONT = 11;
/** Plot's `style` for every chart: the one font size. */
export const STYLE = { fontSize: `${FONT}px` } as const;

// Advance widths (in em) a little wider than DejaVu Sans and Noto Sans, the widest fonts the chart may
// fall back to: margins sized with them are never too small.
const NARROW = /[il.,:;'|!()[\]{}\s\u200e\u200f\u2066-\u2069]/;
const WIDE = /[mwMW@%—–→←↑↓]/;
const FULL = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** Estimated width of `text` in px at `size` px (a safe over-estimate for Latin, Cyrillic, Arabic and CJK). */
export function textWidth(text: string, size = FONT): number {
	let em = 0;
	for (const ch of text) {
		if (FULL.test(ch)) em += 1;
		else if (NARROW.test(ch)) em += 0.34;
		else if (WIDE.test(ch)) em += 0.92;
		else if (/[A-Z]/.test(ch)) em += 0.72;
		else if (/\d/.test(ch)) em += 0.64;
		else em += 0.6;
	}
	return Math.ceil(em * size);
}

/** Lines `text` takes when wrapped at `width` px (words kept whole; a word longer than a line counts its own lines). */
export function lineCount(text: string, width: number, size = FONT): number {
	let lines = 1;
	let used = 0;
	const space = textWidth(' ', size);
	for (const word of text.split(/\s+/).filter(Boolean)) {
		const w = textWidth(word, size);
		if (used > 0 && used + space + w > width) {
			lines++;
			used = 0;
		}
		if (w > width) {
			lines += Math.ceil(w / width) - 1;
			used = w % width;
		} else used += (used > 0 ? space : 0) + w;
	}
	return lines;
}

/** A step of 1, 2 or 5 × 10^k about `span / count` long (d3's rule), at least `min`. */
export function niceStep(span: number, count: number, min = 0): number {
	const raw = span / Math.max(1, count);
	const power = 10 ** Math.floor(Math.log10(raw));
	const error = raw / power;
	const step = (error >= 7.07 ? 10 : error >= 3.16 ? 5 : error >= 1.41 ? 2 : 1) * power;
	return Math.max(step, min);
}

/** Multiples of `step` from `lo` to `hi`, computed from integers so 0.1 + 0.2 never shows as 0.30000000000000004. */
export function stepTicks(lo: number, hi: number, step: number): number[] {
	const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
	const out: number[] = [];
	for (let i = Math.ceil(lo / step - 1e-9); i * step <= hi + step * 1e-9; i++) out.push(Number((i * step).toFixed(decimals)));
	return out;
}

export type Orientation = 'x' | 'y';

export interface AxisOptions {
	/** Length of the axis in px (the plot's inner width or height). */
	length: number;
	orientation: Orientation;
	/** Include zero (bars, totals). */
	zero?: boolean;
	/** Counts: integer ticks only. */
	integer?: boolean;
	/** Values are shares (0.25 = 25%). */
	percent?: boolean;
	/** Show the sign of positive values (+25%). */
	signed?: boolean;
	/** Symmetric around zero (left is worse, right better), at least this far from it. */
	symmetric?: number;
	/** Intl locale for the labels (digits, separators); default 'en'. */
	locale?: string;
}

export interface NumberAxis {
	domain: [number, number];
	ticks: number[];
	format: (v: number) => string;
	/** The widest tick label, px at FONT. */
	labelWidth: number;
}

const finite = (values: Iterable<number | null | undefined>) => [...values].filter((v): v is number => typeof v === 'number' && Number.isFinite(v));

/** The values' extent made drawable: never empty, never a single point. */
function extent(values: number[], o: AxisOptions): [number, number] {
	if (o.symmetric !== undefined) {
		const m = Math.max(o.symmetric, ...values.map(Math.abs));
		return [-m, m];
	}
	if (values.length === 0) return [0, 1];
	let lo = Math.min(...values);
	let hi = Math.max(...values);
	if (o.zero) {
		lo = Math.min(lo, 0);
		hi = Math.max(hi, 0);
	}
	// Values within 0.0001 of zero are drawn as zero (no indicator is read to that precision).
	if (Math.max(Math.abs(lo), Math.abs(hi)) < 1e-4) return [0, 1];
	// All equal, or differing only in digits no one reads: a range of its own around the value.
	if (hi - lo < Math.max(Math.abs(lo), Math.abs(hi)) * 1e-6) {
		const pad = Math.max(Math.abs(lo), Math.abs(hi)) * 0.5;
		return o.zero ? (lo > 0 ? [0, hi + pad] : [lo - pad, 0]) : [lo - pad, hi + pad];
	}
	return [lo, hi];
}

/** Formats a tick: compact for large numbers (12K, 3.4M), as many decimals as the step needs, no duplicates. */
export function tickFormatter(ticks: number[], step: number, o: Pick<AxisOptions, 'percent' | 'signed' | 'locale' | 'integer'>): (v: number) => string {
	const locale = o.locale ?? 'en';
	const signDisplay = o.signed ? ('exceptZero' as const) : ('auto' as const);
	let big = Math.max(...ticks.map(Math.abs)) * (o.percent ? 100 : 1) >= 10_000;
	const stepDigits = (s: number) => Math.max(0, Math.min(4, -Math.floor(Math.log10(s) + 1e-9)));
	for (let extra = 0; extra <= 4; extra++) {
		// Compact labels that cannot tell the ticks apart (1.0000001M) give way to the full numbers.
		if (extra === 4) big = false;
		const options: Intl.NumberFormatOptions = o.percent
			? { style: 'percent', maximumFractionDigits: big ? Math.min(1 + extra, 3) : stepDigits(step * 100) + extra, signDisplay, ...(big ? { notation: 'compact' as const } : {}) }
			: big
				? { notation: 'compact', maximumFractionDigits: Math.min(1 + extra, 3), signDisplay }
				: { maximumFractionDigits: o.integer ? 0 : stepDigits(step) + extra, signDisplay, useGrouping: 'min2' as unknown as boolean };
		const f = new Intl.NumberFormat(locale, options);
		const labels = ticks.map((t) => f.format(t));
		if (new Set(labels).size === labels.length || extra === 4) return (v: number) => f.format(v);
	}
	/* c8 ignore next */
	return String;
}

/**
 * A numeric axis for `values`: domain, ticks and labels. Ticks are spaced ≥ 28 px on a vertical axis and
 * never closer than their labels on a horizontal one, so labels do not touch.
 */
export function numberAxis(values: Iterable<number | null | undefined>, o: AxisOptions): NumberAxis {
	const [lo, hi] = extent(finite(values), o);
	const count = Math.max(2, Math.floor(o.length / (o.orientation === 'y' ? 32 : 60)));
	const symmetric = o.symmetric !== undefined;
	// From the step that gives about `count` ticks, up through 1-2-5 steps until the labels fit.
	for (let step = niceStep(hi - lo, count, o.integer ? 1 : 0); ; step = nextStep(step)) {
		// A symmetric axis keeps its half-width (sections of a page share it); others end on a tick.
		const domain: [number, number] = symmetric ? [lo, hi] : [multiple(lo, step, Math.floor), multiple(hi, step, Math.ceil)];
		let ticks = stepTicks(domain[0], domain[1], step);
		let format = tickFormatter(ticks, step, o);
		const widthOf = (ts: number[]) => Math.max(...ts.map((t) => textWidth(format(t))));
		const room = (ts: number[]) => (o.orientation === 'y' ? ts.length * (FONT + 8) : ts.length * (widthOf(ts) + 10));
		const last = symmetric ? nextStep(step) > hi : step >= 2 * (hi - lo);
		if (room(ticks) <= o.length || ticks.length <= 2 || last) {
			// Still too many for a very short axis: keep zero and the outermost ticks that fit.
			if (room(ticks) > o.length && ticks.length > 1) {
				const keep = [ticks.includes(0) ? 0 : ticks[0], ticks.at(-1)!, ticks[0]].filter((t, i, a) => a.indexOf(t) === i);
				while (keep.length > 1 && room(keep) > o.length) keep.pop();
				ticks = keep.sort((a, b) => a - b);
				format = tickFormatter(ticks, step, o);
			}
			return { domain: [Math.min(domain[0], ticks[0]), Math.max(domain[1], ticks.at(-1)!)], ticks, format, labelWidth: widthOf(ticks) };
		}
	}
}

/** `v` rounded to a multiple of `step` by `round` (floor or ceil), a float error (2.9999999997) counting as the integer. */
function multiple(v: number, step: number, round: (x: number) => number): number {
	const k = v / step;
	return (Math.abs(k - Math.round(k)) < 1e-9 ? Math.round(k) : round(k)) * step;
}

/** The 1-2-5 step after `step`. */
function nextStep(step: number): number {
	const power = 10 ** Math.floor(Math.log10(step) + 1e-9);
	const m = Math.round(step / power);
	return (m < 2 ? 2 : m < 5 ? 5 : 10) * power;
}

/** Year ticks for `from`–`to` that fit `length` px: every year, or every 2nd, 5th, 10th… */
export function yearTicks(from: number, to: number, length: number): number[] {
	const lo = Math.ceil(from);
	const hi = Math.floor(to);
	const per = textWidth('2030') + 12;
	for (const step of [1, 2, 5, 10, 20, 50]) {
		const first = Math.ceil(lo / step) * step;
		const ticks: number[] = [];
		for (let y = step === 1 ? lo : first; y <= hi; y += step) ticks.push(y);
		if (ticks.length * per <= length) return ticks.length ? ticks : [lo];
		if (step === 50) return ticks.slice(0, Math.max(1, Math.floor(length / per)));
	}
	/* c8 ignore next */
	return [lo];
}

/** Ticks for a symlog axis over [0, max]: 0, 1, 2, 5, 10, 20, 50… thinned to fit `length`, compact labels. */
export function symlogTicks(max: number, length: number): number[] {
	const out = [0];
	for (let p = 1; p <= Math.max(1, max) * 1.0001; p *= 10) for (const m of [1, 2, 5]) if (p * m <= Math.max(1, max)) out.push(p * m);
	// Symlog spreads the small ticks widely and crowds the large ones: keep every k-th from the top down.
	const fit = Math.max(2, Math.floor(length / 44));
	if (out.length <= fit) return out;
	const keep = out.filter((v) => v === 0 || /^[1]0*$/.test(String(v)));
	return keep.length <= fit ? keep : keep.filter((_, i) => i % Math.ceil(keep.length / fit) === 0);
}

/**
 * The left margin for category labels (State names, sections): wide enough for the longest label up to
 * `maxShare` of the width; longer labels wrap (`lines` says how many lines the longest takes).
 */
export function categoryMargin(labels: readonly string[], width: number, maxShare = 0.4): { margin: number; lineWidthEm: number; lines: number } {
	const widest = Math.max(20, ...labels.map((l) => textWidth(l)));
	const margin = Math.min(widest, Math.floor(width * maxShare)) + 12;
	const text = margin - 12;
	return { margin, lineWidthEm: text / FONT, lines: Math.max(1, ...labels.map((l) => lineCount(l, text))) };
}

/**
 * Labels along one line (a timeline): each gets the first lane, alternating above and below, where it
 * does not touch a label already placed. `x` and `width` in px; returns a lane per label: 1, -1, 2, -2…
 */
export function laneLayout(items: readonly { x: number; width: number }[], gap = 8): number[] {
	const lanes = new Map<number, [number, number][]>();
	const order = items.map((it, i) => ({ ...it, i })).sort((a, b) => a.x - b.x);
	const out: number[] = new Array(items.length).fill(1);
	for (const it of order) {
		const span: [number, number] = [it.x - it.width / 2 - gap / 2, it.x + it.width / 2 + gap / 2];
		for (let k = 1; ; k++) {
			const lane = k % 2 ? (k + 1) / 2 : -k / 2;
			const taken = lanes.get(lane) ?? [];
			if (taken.every(([a, b]) => span[1] <= a || span[0] >= b)) {
				taken.push(span);
				lanes.set(lane, taken);
				out[it.i] = lane;
				break;
			}
		}
	}
	return out;
}

/** What a spec is drawn at: the plot's size in px and the locale of its numbers (from the chart wrapper). */
export interface ChartSize {
	width: number;
	height: number;
	locale?: string;
	plot: PlotApi;
}
export type Spec = (size: ChartSize) => PlotModule.PlotOptions;

/** A value as a label beside a mark: compact from 10 000 (12K, 3.4M), else up to two decimals. */
export function valueFormat(locale = 'en'): (v: number) => string {
	const small = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
	const big = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
	return (v) => (Math.abs(v) >= 10_000 ? big : small).format(v);
}

/** Left margin for a numeric y axis: its widest label, the tick, and a gap. */
export const yAxisMargin = (axis: NumberAxis) => axis.labelWidth + 14;

/** The least margin at the end of a numeric x axis: half its widest label (centred on the last tick) and a gap. */
export const xAxisEdge = (axis: NumberAxis) => Math.ceil(axis.labelWidth / 2) + 4;

/**
 * The frame of a horizontal bar chart, one row per category: the names wrapped in the left margin (at
 * most `share` of the width; the row grows with their lines), a number axis from zero below, its last
 * label kept inside the frame. `nameAxis` is the mark that draws the wrapped names.
 */
export function horizontalBarFrame(
	categories: readonly string[],
	values: Iterable<number>,
	o: { plot: PlotApi; width: number; locale?: string; share: number; edge: number; minRow: number; rowPad: number; integer?: boolean }
) {
	const names = categoryMargin(categories, o.width, o.share);
	const x = numberAxis(values, { length: o.width - names.margin - o.edge, orientation: 'x', zero: true, integer: o.integer, locale: o.locale });
	const row = Math.max(o.minRow, names.lines * FONT * 1.2 + o.rowPad);
	return {
		marginLeft: names.margin,
		marginRight: Math.max(o.edge, xAxisEdge(x)),
		height: 40 + categories.length * row,
		x: { domain: x.domain, ticks: x.ticks, tickFormat: x.format, label: null, grid: true },
		y: { domain: [...categories], label: null, axis: null },
		nameAxis: o.plot.axisY({ lineWidth: names.lineWidthEm, tickSize: 0, label: null })
	};
}
