import * as Plot from '@observablehq/plot';
import { formatNumber } from '$lib/i18n/locale.svelte';
import type { ProjectionPoint } from '$lib/model/projection';

/** Remaining mined area as reported (solid) and as projected (dashed), with the deadline marked. */
/** `deadlineYear` is decimal (end of the deadline day), so 31 Dec 2025 sits at the start of 2026. */
export function projectionSpec(path: ProjectionPoint[], deadlineYear: number | null, labels: { reported: string; projected: string; deadline: string; y: string }): (size: { width: number }) => Plot.PlotOptions {
	const rows = path.map((p) => ({ ...p, series: p.kind === 'reported' ? labels.reported : labels.projected }));
	const years = rows.map((r) => r.year).concat(deadlineYear ? [deadlineYear] : []);
	return () => ({
		x: { label: null, tickFormat: 'd', domain: [Math.min(...years), Math.max(...years) + 0.5], ticks: integerYears(Math.min(...years), Math.max(...years) + 0.5) },
		y: { label: labels.y, grid: true, zero: true },
		color: { domain: [labels.reported, labels.projected], range: ['#1d4e89', '#b5651d'], legend: true },
		style: { fontSize: '12px' },
		marks: [
			...(deadlineYear
				? [
						Plot.ruleX([deadlineYear], { stroke: '#b42318', strokeWidth: 2 }),
						Plot.text([deadlineYear], { x: (d: number) => d, frameAnchor: 'top', text: () => labels.deadline, dy: 6, dx: -4, textAnchor: 'end', fill: '#b42318' })
					]
				: []),
			Plot.line(rows.filter((r) => r.kind === 'reported'), { x: 'year', y: 'value', stroke: 'series', strokeWidth: 2 }),
			Plot.line(rows.filter((r) => r.kind === 'projected'), { x: 'year', y: 'value', stroke: 'series', strokeDasharray: '6,4', strokeWidth: 2 }),
			Plot.dot(rows.filter((r) => r.kind === 'reported'), { x: 'year', y: 'value', fill: 'series', r: 3.5, tip: true, title: (d: (typeof rows)[number]) => `${d.year} · ${d.series}: ${formatNumber(d.value, 2)}` }),
			Plot.ruleY([0])
		]
	});
}

function integerYears(from: number, to: number): number[] {
	const span = Math.ceil(to) - Math.floor(from);
	const step = span > 24 ? 5 : span > 12 ? 2 : 1;
	const out: number[] = [];
	for (let y = Math.ceil(from); y <= to; y += step) out.push(y);
	return out;
}
