import * as Plot from '@observablehq/plot';

export interface NetTrendRow {
	label: string;
	/** Net trend (improving − worsening) ÷ comparable, from → to; null when too few to compare. */
	to: number | null;
	latest: number | null;
	/** Trend status text (icon + words) for from → to. */
	status: string;
	token: string;
	/** "from → to → latest" reporting, e.g. "28 → 27 → 22 / 33". */
	coverage: string;
}

const TONE: Record<string, string> = { good: '#1a7f4b', mid: '#c8930a', bad: '#b42318', none: '#9aa3ad' };

/**
 * Dumbbell per action: the net trend since the baseline at the comparison year (filled) and at the
 * latest year (hollow); reporting coverage at the three points is written beside every row.
 */
export function netTrendSpec(rows: NetTrendRow[], labels: { x: string; to: string; latest: string }): (size: { width: number }) => Plot.PlotOptions {
	const statuses = [...new Map(rows.map((r) => [r.status, r.token])).entries()];
	// Symmetric around zero so left is always worse and right better; at least ±25%.
	const extent = Math.max(0.25, Math.ceil(Math.max(...rows.flatMap((r) => [Math.abs(r.to ?? 0), Math.abs(r.latest ?? 0)])) * 10) / 10);
	return ({ width }) => ({
		marginLeft: 80,
		marginRight: Math.min(170, width * 0.3),
		x: { domain: [-extent, extent], label: labels.x, grid: true, tickFormat: '+.0%' },
		y: { domain: rows.map((r) => r.label), label: null },
		color: { domain: statuses.map((s) => s[0]), range: statuses.map((s) => TONE[s[1]] ?? TONE.none), legend: true },
		style: { fontSize: '12px' },
		marks: [
			Plot.ruleX([0], { stroke: '#5b6470' }),
			Plot.link(rows.filter((r) => r.to !== null && r.latest !== null), { x1: 'to', x2: 'latest', y1: 'label', y2: 'label', stroke: '#9aa3ad', strokeWidth: 2 }),
			Plot.dot(rows.filter((r) => r.latest !== null), { x: 'latest', y: 'label', r: 5, stroke: 'status', fill: 'white', strokeWidth: 2, title: (d: NetTrendRow) => `${labels.latest}: ${d.latest}` }),
			Plot.dot(rows.filter((r) => r.to !== null), { x: 'to', y: 'label', r: 5, fill: 'status', tip: true, title: (d: NetTrendRow) => `${d.label} · ${d.status}\n${labels.to}: ${fmt(d.to)} · ${labels.latest}: ${fmt(d.latest)}\n${d.coverage}` }),
			Plot.text(rows.filter((r) => r.to === null), { x: 0, y: 'label', text: () => '?', fill: '#5b6470', fontWeight: 'bold' }),
			Plot.text(rows, { x: extent, y: 'label', text: 'coverage', textAnchor: 'start', dx: 12, fill: '#5b6470', fontSize: 10 })
		]
	});
}

function fmt(v: number | null): string {
	return v === null ? '–' : `${v > 0 ? '+' : ''}${Math.round(v * 100)}%`;
}
