import * as Plot from '@observablehq/plot';

export interface LevelCountRow {
	section: string;
	level: string;
	/** Text shown for the level (icon + words, from the translation layer). */
	label: string;
	token: string;
	actions: number;
}

const TONE: Record<string, string> = { good: '#1a7f4b', mid: '#c8930a', bad: '#b42318', none: '#9aa3ad' };

/** Stacked bars: how many actions of each section are in each level status. */
export function levelBySectionSpec(rows: LevelCountRow[], sections: string[], order: string[], xLabel: string): (size: { width: number }) => Plot.PlotOptions {
	const labels = [...new Map(rows.map((r) => [r.label, r.token])).entries()].sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]));
	return ({ width }) => ({
		marginLeft: Math.min(240, width * 0.45),
		x: { label: xLabel, grid: true },
		y: { domain: sections, label: null, axis: null },
		color: { domain: labels.map((l) => l[0]), range: labels.map((l) => TONE[l[1]] ?? TONE.none), legend: true },
		style: { fontSize: '12px' },
		marks: [
			Plot.barX(rows, Plot.stackX({ x: 'actions', y: 'section', fill: 'label', order: order, tip: true, title: (d: LevelCountRow) => `${d.section}\n${d.label}: ${d.actions}` })),
			Plot.ruleX([0]),
			// Long section headings wrap inside the margin instead of being cut.
			Plot.axisY({ lineWidth: (Math.min(240, width * 0.45) - 10) / 12, tickSize: 0, label: null })
		]
	});
}
