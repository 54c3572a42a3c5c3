import * as Plot from '@observablehq/plot';
import type { BreakdownPoint, SeriesPoint } from '$lib/model/action';
import { formatNumber } from '$lib/i18n/locale.svelte';

/** The indicator summarised per year; years with too few reports are drawn hollow. */
export function indicatorSeriesSpec(points: SeriesPoint[], yLabel: string, baseline: number, year: number): (size: { width: number }) => Plot.PlotOptions {
	const drawn = points.filter((p) => p.value !== null);
	return () => ({
		x: { label: null, tickFormat: 'd', ticks: points.map((p) => p.year) },
		y: { label: yLabel, grid: true, zero: true },
		style: { fontSize: '12px' },
		marks: [
			Plot.ruleX([baseline, year].filter((v, i, a) => a.indexOf(v) === i), { stroke: '#9aa3ad', strokeDasharray: '3,3' }),
			Plot.lineY(drawn, { x: 'year', y: 'value', stroke: '#1d4e89', strokeWidth: 2 }),
			Plot.dot(drawn, {
				x: 'year',
				y: 'value',
				r: 4,
				fill: (d: SeriesPoint) => (d.reporting * 2 >= d.applicable ? '#1d4e89' : 'white'),
				stroke: '#1d4e89',
				tip: true,
				title: (d: SeriesPoint) => `${d.year}: ${formatNumber(d.value, 2)} (${d.reporting}/${d.applicable})`
			}),
			Plot.text(drawn, { x: 'year', y: 'value', text: (d: SeriesPoint) => `${d.reporting}/${d.applicable}`, dy: -12, fontSize: 10, fill: '#5b6470' })
		]
	});
}

const SEX_AGE_COLOURS = ['#1d4e89', '#6c9bd2', '#b5651d', '#e8a96b', '#7a7a7a', '#b0b0b0'];

/** Stacked bars of the disaggregated totals, by sex and age group. */
export function breakdownSpec(points: BreakdownPoint[], labelOf: (p: BreakdownPoint) => string): (size: { width: number }) => Plot.PlotOptions {
	const rows = points.map((p) => ({ ...p, group: labelOf(p) }));
	const groups = [...new Set(rows.map((r) => r.group))];
	return () => ({
		x: { label: null, tickFormat: 'd', type: 'band' },
		y: { grid: true, label: null },
		color: { domain: groups, range: SEX_AGE_COLOURS, legend: true },
		style: { fontSize: '12px' },
		marks: [Plot.barY(rows, { x: 'year', y: 'value', fill: 'group', tip: true, title: (d: BreakdownPoint & { group: string }) => `${d.year} · ${d.group}: ${formatNumber(d.value, 2)}` }), Plot.ruleY([0])]
	});
}

/** Each State's value per year (dots) over a box plot, so spread and outliers show, not only the summary. */
export function distributionSpec(points: { year: number; value: number; name: string }[], xLabel: string, years: number[], skewed = false): (size: { width: number }) => Plot.PlotOptions {
	return () => ({
		marginLeft: 50,
		// Areas, people and money span orders of magnitude between States: symlog keeps small States visible.
		x: { label: xLabel, grid: true, type: skewed ? 'symlog' : 'linear' },
		y: { domain: years.map(String), label: null },
		style: { fontSize: '12px' },
		marks: [
			Plot.boxX(points, { x: 'value', y: (d: { year: number }) => String(d.year), fill: '#dbe6f3', stroke: '#1d4e89', r: 0 }),
			Plot.dot(points, { x: 'value', y: (d: { year: number }) => String(d.year), r: 2.5, fill: '#1d4e89', fillOpacity: 0.5, tip: true, title: (d: { name: string; value: number; year: number }) => `${d.name} ${d.year}: ${formatNumber(d.value, 2)}` })
		]
	});
}
