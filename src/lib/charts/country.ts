import * as Plot from '@observablehq/plot';
import { formatNumber } from '$lib/i18n/locale.svelte';
import type { CountryPoint, PeerRow } from '$lib/model/country';

const INK = '#1d4e89';

const SYMBOLS = { entry_into_force: 'circle', original_deadline: 'square', extension: 'triangle', current_deadline: 'diamond', request: 'cross', completion: 'star' } as const;
const KINDS = ['entry_into_force', 'original_deadline', 'extension', 'current_deadline', 'request', 'completion'] as const;

export interface TimelineEvent {
	/** 'YYYY-MM-DD'; with precision 'year', the year's first day. */
	date: string;
	precision: 'day' | 'year';
	kind: (typeof KINDS)[number];
	label: string;
}

const utc = (d: string) => new Date(d + 'T00:00:00Z');

/**
 * Article 5 (or 4) timeline: entry into force, the original deadline, each extension, a request, completion.
 * An event known only by its year is a band over that year, never a day. Two lines: the date the status
 * speaks for (red, dashed) and the date the facts are known to (grey).
 */
export function deadlineTimelineSpec(
	events: TimelineEvent[],
	dates: { today: string; asOf: string | null },
	labels: Record<TimelineEvent['kind'] | 'today' | 'asOf', string>
): (size: { width: number }) => Plot.PlotOptions {
	const rows = events.map((e, i) => ({ ...e, kindLabel: labels[e.kind], when: utc(e.precision === 'year' ? `${e.date.slice(0, 4)}-07-01` : e.date), lane: i % 2 }));
	const years = rows.filter((r) => r.precision === 'year').map((r) => ({ ...r, from: utc(`${r.date.slice(0, 4)}-01-01`), to: utc(`${r.date.slice(0, 4)}-12-31`) }));
	const days = rows.filter((r) => r.precision === 'day');
	const kinds = KINDS.filter((k) => days.some((e) => e.kind === k));
	const marks = [{ date: dates.today, label: labels.today, stroke: '#b42318', dash: '4,3' }, ...(dates.asOf ? [{ date: dates.asOf, label: labels.asOf, stroke: '#6b7280', dash: '1,2' }] : [])];
	return () => ({
		marginLeft: 50,
		marginRight: 50,
		x: { type: 'utc', label: null, grid: true },
		y: { axis: null, domain: [-1, 2] },
		symbol: { domain: kinds.map((k) => labels[k]), range: kinds.map((k) => SYMBOLS[k]), legend: kinds.length > 0 },
		style: { fontSize: '12px' },
		marks: [
			Plot.ruleY([0], { stroke: '#9aa3ad' }),
			Plot.rectX(years, { x1: 'from', x2: 'to', y1: -0.25, y2: 0.25, fill: INK, fillOpacity: 0.25, title: (d: (typeof years)[number]) => `${d.date.slice(0, 4)}: ${d.label}` }),
			...marks.map((m) => Plot.ruleX([utc(m.date)], { stroke: m.stroke, strokeDasharray: m.dash })),
			Plot.text(marks, { x: (m: (typeof marks)[number]) => utc(m.date), y: (_: unknown, i: number) => 1.8 - i * 0.45, text: 'label', fontSize: 9, fill: (m: (typeof marks)[number]) => m.stroke, textAnchor: 'end', dx: -3 }),
			Plot.dot(days, { x: 'when', y: 0, symbol: 'kindLabel', fill: INK, r: 6, tip: true, title: (d: (typeof rows)[number]) => `${d.date}: ${d.label}` }),
			Plot.text(rows, { x: 'when', y: (d: (typeof rows)[number]) => (d.lane ? -0.6 : 0.6), text: 'label', fontSize: 10, lineWidth: 10, fill: '#1b1f24' })
		]
	});
}

/** The State's own values over the years; with sex/age rows, stacked bars of the breakdown. */
/** `years` is every year of the data, so a year the State did not report shows as a gap. */
export function countrySeriesSpec(points: CountryPoint[], yLabel: string, years: number[], groupOf: (p: CountryPoint) => string, format: (v: number) => string): (size: { width: number }) => Plot.PlotOptions {
	const totals = points.filter((p) => !p.sex && !p.age_group);
	const parts = points.filter((p) => p.sex || p.age_group).map((p) => ({ ...p, group: groupOf(p) }));
	return () => ({
		x: { label: null, tickFormat: 'd', type: 'band', domain: years },
		y: { label: yLabel, grid: true, zero: true },
		color: parts.length ? { legend: true, range: ['#1d4e89', '#6c9bd2', '#b5651d', '#e8a96b', '#7a7a7a', '#b0b0b0'] } : undefined,
		style: { fontSize: '12px' },
		marks: parts.length
			? [Plot.barY(parts, { x: 'year', y: 'value', fill: 'group', tip: true, title: (d: CountryPoint & { group: string }) => `${d.year} · ${d.group}: ${format(d.value)}` }), Plot.ruleY([0])]
			: [
					Plot.barY(totals, { x: 'year', y: 'value', fill: INK, fillOpacity: 0.85, tip: true, title: (d: CountryPoint) => `${d.year}: ${format(d.value)}` }),
					Plot.text(totals, { x: 'year', y: 'value', text: (d: CountryPoint) => format(d.value), dy: -8, fontSize: 10 }),
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
			Plot.barX(rows, { x: 'value', y: 'name', fill: (d: PeerRow) => (d.self ? '#b5651d' : '#6c9bd2'), tip: true, title: (d: PeerRow) => `${d.name}: ${formatNumber(d.value, 2)}` }),
			Plot.ruleX([0])
		]
	});
}
