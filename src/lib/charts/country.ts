import type { CountryPoint, PeerRow } from '$lib/model/country';
import { FONT, horizontalBarFrame, laneLayout, lineCount, MIN_FONT, numberAxis, STYLE, textWidth, valueFormat, yAxisMargin, yearTicks, type Spec } from './axes';

const INK = '#1d4e89';
const SYMBOLS = { entry_into_force: 'circle', original_deadline: 'square', extension: 'triangle', current_deadline: 'diamond', request: 'cross', completion: 'star' } as const;
const KINDS = ['entry_into_force', 'original_deadline', 'extension', 'current_deadline', 'request', 'completion'] as const;
/** The two day lines: the date the status speaks for (red, dashed) and the date the facts are known to (grey). */
export const TIMELINE_LINES = { on: { stroke: '#b42318', dash: '4,3' }, asOf: { stroke: '#6b7280', dash: '1,2' } } as const;

export interface TimelineEvent {
	/** 'YYYY-MM-DD'; with precision 'year', the year's first day. */
	date: string;
	precision: 'day' | 'year';
	kind: (typeof KINDS)[number];
	label: string;
}

const utc = (d: string) => new Date(d + 'T00:00:00Z');
const DAY = 86_400_000;
const SIDE = 16;

/**
 * Article 5 (or 4) timeline: entry into force, the original deadline, each extension, a request, completion.
 * An event known only by its year is a band over that year, never a day. Two lines (their dates are in
 * the chart's subtitle): the date the status speaks for and the date the facts are known to. Labels are
 * laid out in lanes above and below the line so none touches another, and kept inside the frame.
 */
export function deadlineTimelineSpec(events: TimelineEvent[], dates: { on: string; asOf: string | null }, labels: Record<TimelineEvent['kind'], string>): Spec {
	const rows = events.map((e) => ({ ...e, kindLabel: labels[e.kind], when: utc(e.precision === 'year' ? `${e.date.slice(0, 4)}-07-01` : e.date) }));
	const lines = [{ date: dates.on, ...TIMELINE_LINES.on }, ...(dates.asOf ? [{ date: dates.asOf, ...TIMELINE_LINES.asOf }] : [])];
	const times = [...rows.map((r) => r.when.getTime()), ...lines.map((l) => utc(l.date).getTime())];
	const kinds = KINDS.filter((k) => rows.some((e) => e.kind === k && e.precision === 'day'));
	return ({ width, plot: Plot }) => {
		const lo = Math.min(...times);
		const hi = Math.max(...times);
		const pad = Math.max(180 * DAY, (hi - lo) * 0.03);
		const [t0, t1] = [lo - pad, hi + pad];
		const inner = width - 2 * SIDE;
		const px = (t: number) => ((t - t0) / (t1 - t0)) * inner;
		const wrap = Math.min(130, Math.max(60, inner / 3));
		const boxes = rows.map((r) => {
			const w = Math.min(wrap, textWidth(r.label, MIN_FONT));
			// Centred on its event, moved inwards where it would cross the frame's edge.
			const cx = Math.min(Math.max(px(r.when.getTime()), w / 2 + 2), inner - w / 2 - 2);
			return { x: cx, width: w, lines: lineCount(r.label, wrap, MIN_FONT) };
		});
		const lanes = laneLayout(boxes);
		const laneHeight = Math.max(1, ...boxes.map((b) => b.lines)) * MIN_FONT * 1.2 + 10;
		const above = Math.max(1, ...lanes);
		const below = Math.max(1, ...lanes.map((l) => -l));
		const labelled = rows.map((r, i) => ({ ...r, lane: lanes[i], at: new Date(t0 + (boxes[i].x / inner) * (t1 - t0)) }));
		const years = rows.filter((r) => r.precision === 'year').map((r) => ({ ...r, from: utc(`${r.date.slice(0, 4)}-01-01`), to: utc(`${r.date.slice(0, 4)}-12-31`) }));
		const y0 = new Date(t0).getUTCFullYear();
		const y1 = new Date(t1).getUTCFullYear();
		return {
			marginLeft: SIDE,
			marginRight: SIDE,
			marginTop: 6,
			marginBottom: FONT + 18,
			height: (above + below + 1) * laneHeight + FONT + 24,
			x: { type: 'utc', domain: [new Date(t0), new Date(t1)], label: null, grid: true, ticks: yearTicks(y0, y1, inner).map((y) => new Date(Date.UTC(y, 0, 1))), tickFormat: (d: Date) => String(d.getUTCFullYear()) },
			y: { axis: null, domain: [-(below + 0.5), above + 0.5] },
			symbol: { domain: kinds.map((k) => labels[k]), range: kinds.map((k) => SYMBOLS[k]), legend: kinds.length > 0 },
			style: STYLE,
			marks: [
				Plot.ruleY([0], { stroke: '#9aa3ad' }),
				Plot.rectX(years, { x1: 'from', x2: 'to', y1: -0.2, y2: 0.2, fill: INK, fillOpacity: 0.25, title: (d: (typeof years)[number]) => `${d.date.slice(0, 4)}: ${d.label}` }),
				...lines.map((l) => Plot.ruleX([utc(l.date)], { stroke: l.stroke, strokeDasharray: l.dash })),
				Plot.dot(
					rows.filter((r) => r.precision === 'day'),
					{ x: 'when', y: 0, symbol: 'kindLabel', fill: INK, r: 6, tip: true, title: (d: (typeof rows)[number]) => `${d.date}: ${d.label}` }
				),
				// A thin leader from the label to its event when the lane is not the first.
				Plot.link(
					labelled.filter((r) => Math.abs(r.lane) > 1),
					{ x1: 'when', x2: 'at', y1: (d: { lane: number }) => Math.sign(d.lane) * 0.25, y2: (d: { lane: number }) => d.lane - Math.sign(d.lane) * 0.45, stroke: '#9aa3ad', strokeWidth: 0.75 }
				),
				Plot.text(labelled, { x: 'at', y: 'lane', text: 'label', fontSize: MIN_FONT, lineWidth: wrap / MIN_FONT, fill: '#1b1f24', stroke: 'white', strokeWidth: 4, paintOrder: 'stroke' })
			]
		};
	};
}

/**
 * The State's own values over the years; with sex/age rows, stacked bars of the breakdown. `years` is
 * every year of the data, so a year the State did not report is an empty band, never a zero bar.
 */
export function countrySeriesSpec(points: CountryPoint[], years: number[], groupOf: (p: CountryPoint) => string, o: { integer?: boolean } = {}): Spec {
	const totals = points.filter((p) => !p.sex && !p.age_group);
	const parts = points.filter((p) => p.sex || p.age_group).map((p) => ({ ...p, group: groupOf(p) }));
	const stacked = years.map((y) => parts.filter((p) => p.year === y).reduce((s, p) => s + Math.max(0, p.value), 0));
	return ({ width, height, locale, plot: Plot }) => {
		const y = numberAxis(parts.length ? stacked : totals.map((p) => p.value), { length: height - 50, orientation: 'y', zero: true, integer: o.integer, locale });
		const marginLeft = yAxisMargin(y);
		const inner = width - marginLeft - 10;
		const band = (inner / Math.max(1, years.length)) * 0.9;
		const format = valueFormat(locale);
		// A value written over its bar only when every label fits in its band.
		const fits = totals.every((p) => textWidth(format(p.value), MIN_FONT) + 2 <= band);
		const label = (sign: 1 | -1) =>
			Plot.text(
				totals.filter((p) => (sign > 0 ? p.value >= 0 : p.value < 0)),
				{ x: 'year', y: 'value', text: (d: CountryPoint) => format(d.value), dy: sign * -(MIN_FONT - 2), fontSize: MIN_FONT, fill: '#1b1f24' }
			);
		return {
			marginLeft,
			marginRight: 10,
			marginTop: FONT + 10,
			marginBottom: FONT + 18,
			x: { label: null, type: 'band', domain: years, ticks: yearTicks(years[0] ?? 0, years.at(-1) ?? 0, inner), tickFormat: (v: number) => String(v) },
			y: { domain: y.domain, ticks: y.ticks, tickFormat: y.format, label: null, grid: true },
			color: parts.length ? { legend: true, range: ['#1d4e89', '#6c9bd2', '#b5651d', '#e8a96b', '#7a7a7a', '#b0b0b0'] } : undefined,
			style: STYLE,
			marks: parts.length
				? [Plot.barY(parts, { x: 'year', y: 'value', fill: 'group', tip: true, title: (d: CountryPoint & { group: string }) => `${d.year} · ${d.group}: ${format(d.value)}` }), Plot.ruleY([0])]
				: [Plot.barY(totals, { x: 'year', y: 'value', fill: INK, fillOpacity: 0.85, tip: true, title: (d: CountryPoint) => `${d.year}: ${format(d.value)}` }), ...(fits ? [label(1), label(-1)] : []), Plot.ruleY([0])]
		};
	};
}

/** The State among its peers on one indicator: one bar each, the State itself highlighted; names wrap in the margin. */
export function peersSpec(rows: PeerRow[]): Spec {
	return ({ width, locale, plot: Plot }) => {
		const { nameAxis, ...frame } = horizontalBarFrame(
			rows.map((r) => r.name),
			rows.map((r) => r.value),
			{ plot: Plot, width, locale, share: 0.4, edge: 20, minRow: 22, rowPad: 6 }
		);
		return {
			...frame,
			style: STYLE,
			marks: [
				Plot.barX(rows, { x: 'value', y: 'name', fill: (d: PeerRow) => (d.self ? '#b5651d' : '#6c9bd2'), tip: true, title: (d: PeerRow) => `${d.name}: ${valueFormat(locale)(d.value)}` }),
				Plot.ruleX([0]),
				nameAxis
			]
		};
	};
}
