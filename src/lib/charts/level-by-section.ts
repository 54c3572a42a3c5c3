import { horizontalBarFrame, STYLE, type Spec } from './axes';

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
	return ({ width, locale, plot: Plot }) => {
		const { nameAxis, ...frame } = horizontalBarFrame(sections, totals, { plot: Plot, width, locale, share: 0.45, edge: 16, minRow: 26, rowPad: 8, integer: true });
		return {
			...frame,
			color: { domain: labels.map((l) => l[0]), range: labels.map((l) => TONE[l[1]] ?? TONE.none), legend: true },
			style: STYLE,
			marks: [
				Plot.barX(rows, Plot.stackX({ x: 'actions', y: 'section', fill: 'label', order: order, tip: true, title: (d: LevelCountRow) => `${d.section}\n${d.label}: ${d.actions}` })),
				Plot.ruleX([0]),
				// Long section headings wrap inside the margin instead of being cut.
				nameAxis
			]
		};
	};
}
