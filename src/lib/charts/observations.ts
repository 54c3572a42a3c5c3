import * as Plot from '@observablehq/plot';

const ASSESSMENT_COLOURS: Record<string, string> = {
	progress: '#1a7f4b',
	information_requested: '#c8930a',
	concern: '#b42318',
	no_assessment: '#9aa3ad'
};

/** States × actions, each cell the committee's assessment (colour) with its icon (so not colour alone). */
export function assessmentMatrixSpec(
	cells: { state: string; action: number; assessment: string; label: string; icon: string }[],
	actions: number[],
	states: string[]
): (size: { width: number }) => Plot.PlotOptions {
	const labels = [...new Map(cells.map((c) => [c.label, c.assessment])).entries()];
	return () => ({
		marginLeft: 140,
		x: { domain: actions, label: null, axis: 'top' },
		y: { domain: states, label: null },
		color: { domain: labels.map((l) => l[0]), range: labels.map((l) => ASSESSMENT_COLOURS[l[1]]), legend: true },
		style: { fontSize: '11px' },
		marks: [
			Plot.cell(cells, { x: 'action', y: 'state', fill: 'label', inset: 1, tip: true, title: (d: (typeof cells)[number]) => `${d.state} · ${d.action}\n${d.label}` }),
			Plot.text(cells, { x: 'action', y: 'state', text: 'icon', fill: 'white', fontWeight: 'bold' })
		]
	});
}

/** Horizontal bars of counts, one colour per category, the count written at the end of each bar. */
export function countBarsSpec(rows: { label: string; key: string; count: number }[], colours: Record<string, string> = ASSESSMENT_COLOURS): (size: { width: number }) => Plot.PlotOptions {
	return () => ({
		marginLeft: 170,
		x: { label: null, grid: true },
		y: { domain: rows.map((r) => r.label), label: null },
		style: { fontSize: '12px' },
		marks: [
			Plot.barX(rows, { x: 'count', y: 'label', fill: (d: { key: string }) => colours[d.key] ?? '#1d4e89' }),
			Plot.text(rows, { x: 'count', y: 'label', text: 'count', dx: 8, textAnchor: 'start' }),
			Plot.ruleX([0])
		]
	});
}

export const CHANGE_COLOURS: Record<string, string> = { improved: '#1a7f4b', unchanged: '#9aa3ad', worsened: '#b42318', new: '#1d4e89' };
