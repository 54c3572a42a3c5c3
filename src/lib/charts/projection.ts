import type { ProjectionPoint } from '$lib/model/projection';
import { FONT, numberAxis, STYLE, textWidth, valueFormat, yAxisMargin, yearTicks, type Spec } from './axes';

/**
 * Remaining mined area as reported (solid) and as projected (dashed), with the deadline marked.
 * `deadlineYear` is decimal (end of the deadline day), so 31 Dec 2025 sits at the start of 2026.
 * Year ticks thin out to fit the width (a projection may run 30 years).
 */
export function projectionSpec(path: ProjectionPoint[], deadlineYear: number | null, labels: { reported: string; projected: string; deadline: string }): Spec {
	const rows = path.map((p) => ({ ...p, series: p.kind === 'reported' ? labels.reported : labels.projected }));
	const years = rows.map((r) => r.year).concat(deadlineYear ? [deadlineYear] : []);
	const from = years.length ? Math.min(...years) : 0;
	const to = (years.length ? Math.max(...years) : 1) + 0.5;
	return ({ width, height, locale, plot: Plot }) => {
		const y = numberAxis(
			rows.map((r) => r.value),
			{ length: height - 60, orientation: 'y', zero: true, locale }
		);
		const marginLeft = yAxisMargin(y);
		const inner = width - marginLeft - 16;
		const at = deadlineYear === null ? 0 : ((deadlineYear - from) / (to - from)) * inner;
		// The deadline's word beside its line, on the side where it stays inside the frame.
		const anchor = at - textWidth(labels.deadline) - 4 < 0 ? 'start' : 'end';
		return {
			marginLeft,
			marginRight: 16,
			marginTop: FONT + 12,
			x: { label: null, domain: [from, to], ticks: yearTicks(from, to, inner), tickFormat: (v: number) => String(v) },
			y: { domain: y.domain, ticks: y.ticks, tickFormat: y.format, label: null, grid: true },
			color: { domain: [labels.reported, labels.projected], range: ['#1d4e89', '#b5651d'], legend: true },
			style: STYLE,
			marks: [
				...(deadlineYear
					? [
							Plot.ruleX([deadlineYear], { stroke: '#b42318', strokeWidth: 2 }),
							Plot.text([deadlineYear], { x: (d: number) => d, frameAnchor: 'top', text: () => labels.deadline, dy: -(FONT + 4), dx: anchor === 'end' ? -4 : 4, textAnchor: anchor, fill: '#b42318' })
						]
					: []),
				Plot.line(
					rows.filter((r) => r.kind === 'reported'),
					{ x: 'year', y: 'value', stroke: 'series', strokeWidth: 2 }
				),
				Plot.line(
					rows.filter((r) => r.kind === 'projected'),
					{ x: 'year', y: 'value', stroke: 'series', strokeDasharray: '6,4', strokeWidth: 2 }
				),
				Plot.dot(
					rows.filter((r) => r.kind === 'reported'),
					{ x: 'year', y: 'value', fill: 'series', r: 3.5, tip: true, title: (d: (typeof rows)[number]) => `${d.year} · ${d.series}: ${valueFormat(locale)(d.value)}` }
				),
				Plot.ruleY([0])
			]
		};
	};
}
