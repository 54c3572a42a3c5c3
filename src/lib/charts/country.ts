import * as Plot from '@observablehq/plot';
import type { CountryPoint, PeerRow } from '$lib/model/country';

const INK = '#1d4e89';

const SYMBOLS = { entry_into_force: 'circle', original_deadline: 'square', extension: 'triangle', current_deadline: 'diamond', completion: 'star' } as const;

export interface TimelineEvent {
	date: string;
	kind: 'entry_into_force' | 'original_deadline' | 'extension' | 'current_deadline' | 'completion';
	label: string;
}

/** Article 5 (or 4) timeline: entry into force, the original deadline, each extension, completion. */
export function deadlineTimelineSpec(events: TimelineEvent[], today: string, kindLabels: Record<TimelineEvent['kind'], string>): (size: { width: number }) => Plot.PlotOptions {
	const rows = events.map((e, i) => ({ ...e, kindLabel: kindLabels[e.kind], when: new Date(e.date + 'T00:00:00Z'), lane: i % 2 }));
	const kinds = (['entry_into_force', 'original_deadline', 'extension', 'current_deadline', 'completion'] as const).filter((k) => events.some((e) => e.kind === k));
	return () => ({
		marginLeft: 50,
		marginRight: 50,
		x: { type: 'utc', label: null, grid: true },
		y: { axis: null, domain: [-1, 2] },
		symbol: { domain: kinds.map((k) => kindLabels[k]), range: kinds.map((k) => SYMBOLS[k]), legend: true },
		style: { fontSize: '12px' },
		marks: [
			Plot.ruleY([0], { stroke: '#9aa3ad' }),
			Plot.ruleX([new Date(today + 'T00:00:00Z')], { stroke: '#b42318', strokeDasharray: '4,3' }),
			Plot.dot(rows, { x: 'when', y: 0, symbol: 'kindLabel', fill: INK, r: 6, tip: true, title: (d: (typeof rows)[number]) => `${d.date}: ${d.label}` }),
			Plot.text(rows, { x: 'when', y: (d: (typeof rows)[number]) => (d.lane ? -0.6 : 0.6), text: 'label', fontSize: 10, lineWidth: 10, fill: '#1b1f24' })
		]
	});
}

/** The State's own values over the years; with sex/age rows, stacked bars of the breakdown. */
/** `years` is every year of the data, so a year the State did not report shows as a gap. */
export function countrySeriesSpec(points: CountryPoint[], yLabel: string, years: number[]): (size: { width: number }) => Plot.PlotOptions {
	const totals = points.filter((p) => !p.sex && !p.age_group);
	const parts = points.filter((p) => p.sex || p.age_group).map((p) => ({ ...p, group: `${p.sex ?? '–'} · ${p.age_group ?? '–'}` }));
	return () => ({
		x: { label: null, tickFormat: 'd', type: 'band', domain: years },
		y: { label: yLabel, grid: true, zero: true },
		color: parts.length ? { legend: true, range: ['#1d4e89', '#6c9bd2', '#b5651d', '#e8a96b', '#7a7a7a', '#b0b0b0'] } : undefined,
		style: { fontSize: '12px' },
		marks: parts.length
			? [Plot.barY(parts, { x: 'year', y: 'value', fill: 'group', tip: true }), Plot.ruleY([0])]
			: [
					Plot.barY(totals, { x: 'year', y: 'value', fill: INK, fillOpacity: 0.85, tip: true }),
					Plot.text(totals, { x: 'year', y: 'value', text: (d: CountryPoint) => d.value.toLocaleString(), dy: -8, fontSize: 10 }),
					Plot.ruleY([0])
				]
	});
}

/** The State among its peers on one indicator: one bar each, the State itself highlighted. */
export function peersSpec(rows: PeerRow[], xLabel: string): (size: { width: number }) => Plot.PlotOptions {
	return ({ width }) => ({
		marginLeft: Math.min(180, width * 0.35),
		x: { label: xLabel, grid: true },
		y: { domain: rows.map((r) => r.name), label: null },
		style: { fontSize: '11px' },
		marks: [
			Plot.barX(rows, { x: 'value', y: 'name', fill: (d: PeerRow) => (d.self ? '#b5651d' : '#6c9bd2'), tip: true }),
			Plot.ruleX([0])
		]
	});
}
