import * as Plot from '@observablehq/plot';
import { categoryMargin, FONT, numberAxis, STYLE, xAxisEdge, type Spec } from './axes';

export interface LevelCountRow {
	section: string;
	level: string;
	/** Text shown for the level (icon + words, from the translation layer). */
	label: string;
	token: string;
	actions: number;
}

const TONE: Record<string, string> = { good: '#1a7f4b', mid: '#c8930a', bad: '#b42318', none: '#9aa3ad' };

/** Stacked bars: how many actions of each section are in each level status (counts: integer ticks). */
export function levelBySectionSpec(rows: LevelCountRow[], sections: string[], order: string[]): Spec {
	const labels = [...new Map(rows.map((r) => [r.label, r.token])).entries()].sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]));
	const totals = sections.map((s) => rows.filter((r) => r.section === s).reduce((n, r) => n + r.actions, 0));
	return ({ width, locale }) => {
		const names = categoryMargin(sections, width, 0.45);
		const x = numberAxis(totals, { length: width - names.margin - 16, orientation: 'x', zero: true, integer: true, locale });
		const row = Math.max(26, names.lines * FONT * 1.2 + 8);
		return {
			marginLeft: names.margin,
			marginRight: Math.max(16, xAxisEdge(x)),
			height: 40 + sections.length * row,
			x: { domain: x.domain, ticks: x.ticks, tickFormat: x.format, label: null, grid: true },
			y: { domain: sections, label: null, axis: null },
			color: { domain: labels.map((l) => l[0]), range: labels.map((l) => TONE[l[1]] ?? TONE.none), legend: true },
			style: STYLE,
			marks: [
				Plot.barX(rows, Plot.stackX({ x: 'actions', y: 'section', fill: 'label', order: order, tip: true, title: (d: LevelCountRow) => `${d.section}\n${d.label}: ${d.actions}` })),
				Plot.ruleX([0]),
				// Long section headings wrap inside the margin instead of being cut.
				Plot.axisY({ lineWidth: names.lineWidthEm, tickSize: 0, label: null })
			]
		};
	};
}
