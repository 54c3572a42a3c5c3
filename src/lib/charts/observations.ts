import { categoryMargin, FONT, MIN_FONT, numberAxis, STYLE, textWidth, xAxisEdge, type Spec } from './axes';

const ASSESSMENT_COLOURS: Record<string, string> = {
	progress: '#1a7f4b',
	information_requested: '#c8930a',
	concern: '#b42318',
	no_assessment: '#9aa3ad'
};

/** States × actions, each cell the committee's assessment (colour) with its icon (so not colour alone). */
export function assessmentMatrixSpec(cells: { state: string; action: number; assessment: string; label: string; icon: string }[], actions: number[], states: string[]): Spec {
	const labels = [...new Map(cells.map((c) => [c.label, c.assessment])).entries()];
	return ({ width, plot: Plot }) => {
		const names = categoryMargin(states, width, 0.35);
		const row = Math.max(24, names.lines * FONT * 1.2 + 6);
		return {
			marginLeft: names.margin,
			marginTop: FONT + 18,
			height: FONT + 30 + states.length * row,
			x: { domain: actions, label: null, axis: 'top', tickFormat: (v: number) => String(v) },
			y: { domain: states, label: null, axis: null },
			color: { domain: labels.map((l) => l[0]), range: labels.map((l) => ASSESSMENT_COLOURS[l[1]]), legend: true },
			style: STYLE,
			marks: [
				Plot.axisY({ lineWidth: names.lineWidthEm, tickSize: 0, label: null }),
				Plot.cell(cells, { x: 'action', y: 'state', fill: 'label', inset: 1, tip: true, title: (d: (typeof cells)[number]) => `${d.state} · ${d.action}\n${d.label}` }),
				Plot.text(cells, { x: 'action', y: 'state', text: 'icon', fill: 'white', fontWeight: 'bold', fontSize: FONT })
			]
		};
	};
}

/** Horizontal bars of counts (integer ticks), one colour per category, the count written at the end of each bar. */
export function countBarsSpec(rows: { label: string; key: string; count: number }[], colours: Record<string, string> = ASSESSMENT_COLOURS): Spec {
	return ({ width, locale, plot: Plot }) => {
		const names = categoryMargin(
			rows.map((r) => r.label),
			width,
			0.4
		);
		const right = Math.max(0, ...rows.map((r) => textWidth(String(r.count), MIN_FONT))) + 14;
		const x = numberAxis(
			rows.map((r) => r.count),
			{ length: width - names.margin - right, orientation: 'x', zero: true, integer: true, locale }
		);
		const row = Math.max(24, names.lines * FONT * 1.2 + 8);
		return {
			marginLeft: names.margin,
			marginRight: Math.max(right, xAxisEdge(x)),
			height: 40 + rows.length * row,
			x: { domain: x.domain, ticks: x.ticks, tickFormat: x.format, label: null, grid: true },
			y: { domain: rows.map((r) => r.label), label: null, axis: null },
			style: STYLE,
			marks: [
				Plot.axisY({ lineWidth: names.lineWidthEm, tickSize: 0, label: null }),
				Plot.barX(rows, { x: 'count', y: 'label', fill: (d: { key: string }) => colours[d.key] ?? '#1d4e89' }),
				Plot.text(rows, { x: 'count', y: 'label', text: (d: { count: number }) => x.format(d.count), dx: 6, textAnchor: 'start', fontSize: MIN_FONT }),
				Plot.ruleX([0])
			]
		};
	};
}

export const CHANGE_COLOURS: Record<string, string> = { improved: '#1a7f4b', unchanged: '#9aa3ad', worsened: '#b42318', new: '#1d4e89' };
