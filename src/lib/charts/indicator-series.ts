import type { BreakdownPoint, SeriesPoint } from '$lib/model/action';
import { FONT, MIN_FONT, numberAxis, STYLE, symlogTicks, textWidth, valueFormat, xAxisEdge, yAxisMargin, yearTicks, type Spec } from './axes';

const INK = '#1d4e89';
const MUTED = '#5b6470';
const SEX_AGE_COLOURS = ['#1d4e89', '#6c9bd2', '#b5651d', '#e8a96b', '#7a7a7a', '#b0b0b0'];

/** The label of a point: how many of the States concerned reported (explained in the chart's subtitle). */
export const reportingLabel = (p: Pick<SeriesPoint, 'reporting' | 'applicable'>) => `${p.reporting}/${p.applicable}`;

/**
 * The indicator summarised per year: a line (broken where no State reported), a point per year (hollow
 * when fewer than half the States concerned reported) and, where there is room, the reporting count
 * above it ("27/33"). Years sit half a step in from the axes, so no point label reaches the y axis.
 */
export function indicatorSeriesSpec(points: SeriesPoint[], o: { baseline: number; year: number; integer?: boolean }): Spec {
	const drawn = points.filter((p) => p.value !== null);
	const years = points.map((p) => p.year);
	return ({ width, height, locale, plot: Plot }) => {
		const y = numberAxis(
			points.map((p) => p.value),
			{ length: height - 60, orientation: 'y', zero: true, integer: o.integer, locale }
		);
		const marginLeft = yAxisMargin(y);
		const inner = width - marginLeft - 16;
		const step = inner / Math.max(1, years.length);
		const widest = Math.max(0, ...drawn.map((p) => textWidth(reportingLabel(p), MIN_FONT)));
		// Every label when each fits in its year's step; else the first and the last only.
		const labelled = widest + 6 <= step ? drawn : [drawn[0], drawn.at(-1)].filter((p, i, a): p is SeriesPoint => !!p && a.indexOf(p) === i);
		const format = valueFormat(locale);
		return {
			marginLeft,
			marginRight: 16,
			marginTop: FONT + 16,
			x: { type: 'point', domain: years, padding: 0.5, label: null, ticks: yearTicks(years[0] ?? 0, years.at(-1) ?? 0, inner), tickFormat: (v: number) => String(v) },
			y: { domain: y.domain, ticks: y.ticks, tickFormat: y.format, label: null, grid: true },
			style: STYLE,
			marks: [
				Plot.ruleX([o.baseline, o.year].filter((v, i, a) => years.includes(v) && a.indexOf(v) === i), { stroke: '#9aa3ad', strokeDasharray: '3,3' }),
				Plot.ruleY([0], { stroke: '#9aa3ad' }),
				// Null values break the line: a year nobody reported is a gap, never a zero.
				Plot.lineY(points, { x: 'year', y: 'value', stroke: INK, strokeWidth: 2 }),
				Plot.dot(drawn, {
					x: 'year',
					y: 'value',
					r: 4,
					fill: (d: SeriesPoint) => (d.reporting * 2 >= d.applicable ? INK : 'white'),
					stroke: INK,
					tip: true,
					title: (d: SeriesPoint) => `${d.year}: ${format(d.value ?? 0)} (${reportingLabel(d)})`
				}),
				Plot.text(labelled, { x: 'year', y: 'value', text: reportingLabel, dy: -(MIN_FONT + 2), fontSize: MIN_FONT, fill: MUTED, stroke: 'white', strokeWidth: 3, paintOrder: 'stroke' })
			]
		};
	};
}

/** Stacked bars of the disaggregated totals, by sex and age group. */
export function breakdownSpec(points: BreakdownPoint[], labelOf: (p: BreakdownPoint) => string, years: number[]): Spec {
	const rows = points.map((p) => ({ ...p, group: labelOf(p) }));
	const groups = [...new Set(rows.map((r) => r.group))];
	const totals = years.map((year) => rows.filter((r) => r.year === year).reduce((s, r) => s + Math.max(0, r.value), 0));
	return ({ width, height, locale, plot: Plot }) => {
		const y = numberAxis(totals, { length: height - 50, orientation: 'y', zero: true, integer: true, locale });
		const marginLeft = yAxisMargin(y);
		return {
			marginLeft,
			marginRight: 16,
			x: { type: 'band', domain: years, label: null, ticks: yearTicks(years[0] ?? 0, years.at(-1) ?? 0, width - marginLeft - 16), tickFormat: (v: number) => String(v) },
			y: { domain: y.domain, ticks: y.ticks, tickFormat: y.format, grid: true, label: null },
			color: { domain: groups, range: SEX_AGE_COLOURS, legend: true },
			style: STYLE,
			marks: [Plot.barY(rows, { x: 'year', y: 'value', fill: 'group', tip: true, title: (d: BreakdownPoint & { group: string }) => `${d.year} · ${d.group}: ${valueFormat(locale)(d.value)}` }), Plot.ruleY([0])]
		};
	};
}

/**
 * Each State's value per year (dots) over a box plot, so spread and outliers show, not only the summary.
 * `skewed`: areas, people and money span orders of magnitude between States, so a symlog axis keeps
 * small States visible; its ticks are 0, 1, 2, 5, 10… so small values can be read too.
 */
export function distributionSpec(points: { year: number; value: number; name: string }[], years: number[], skewed = false): Spec {
	const values = points.map((p) => p.value);
	return ({ width, locale, plot: Plot }) => {
		const marginLeft = textWidth('2030') + 14;
		const length = width - marginLeft - 24;
		const linear = numberAxis(values, { length, orientation: 'x', zero: true, locale });
		const max = Math.max(0, ...values);
		const min = Math.min(0, ...values);
		const negative = min < 0 ? symlogTicks(-min, length / 2).filter((v) => v > 0).map((v) => -v) : [];
		const logTicks = [...negative, ...symlogTicks(max, min < 0 ? length / 2 : length)].sort((a, b) => a - b);
		const format = valueFormat(locale);
		const compact = new Intl.NumberFormat(locale ?? 'en', { notation: 'compact', maximumFractionDigits: 1 });
		return {
			marginLeft,
			marginRight: Math.max(24, xAxisEdge(linear)),
			height: 40 + years.length * Math.max(30, FONT * 2.5),
			x: skewed
				? { type: 'symlog', domain: [Math.min(min, 0), Math.max(max, 1)], ticks: logTicks, tickFormat: (v: number) => compact.format(v), grid: true, label: null }
				: { domain: linear.domain, ticks: linear.ticks, tickFormat: linear.format, grid: true, label: null },
			y: { domain: years.map(String), label: null },
			style: STYLE,
			marks: [
				Plot.boxX(points, { x: 'value', y: (d: { year: number }) => String(d.year), fill: '#dbe6f3', stroke: INK, r: 0 }),
				Plot.dot(points, { x: 'value', y: (d: { year: number }) => String(d.year), r: 2.5, fill: INK, fillOpacity: 0.5, tip: true, title: (d: { name: string; value: number; year: number }) => `${d.name} ${d.year}: ${format(d.value)}` })
			]
		};
	};
}
