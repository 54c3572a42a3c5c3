import { categoryMargin, FONT, MIN_FONT, numberAxis, STYLE, textWidth, xAxisEdge, type Spec } from './axes';

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
 * The half-width of the net-trend axis for every section of the page (one scale, so sections compare by
 * eye): the largest |net trend| of any row, rounded up to 10%, at least ±25%.
 */
export function netTrendExtent(rows: readonly Pick<NetTrendRow, 'to' | 'latest'>[]): number {
	const m = Math.max(0, ...rows.flatMap((r) => [Math.abs(r.to ?? 0), Math.abs(r.latest ?? 0)]));
	return Math.max(0.25, Math.ceil(m * 10 - 1e-9) / 10);
}

/**
 * Dumbbell per action: the net trend since the baseline at the comparison year (filled) and at the
 * latest year (hollow); reporting coverage at the three points is written beside every row. `page` is
 * every row of the page: its sections share one half-width and one set of margins, so the same net
 * trend sits at the same place in every section. Left is always worse, right better.
 */
export function netTrendSpec(rows: NetTrendRow[], labels: { to: string; latest: string }, page: readonly NetTrendRow[] = rows): Spec {
	const statuses = [...new Map(rows.map((r) => [r.status, r.token])).entries()];
	const extent = netTrendExtent([...page, ...rows]);
	return ({ width, locale, plot: Plot }) => {
		const all = [...page, ...rows];
		const coverageWidth = Math.max(0, ...all.map((r) => textWidth(r.coverage, MIN_FONT)));
		// On a phone the reporting counts go under each action's name, leaving the width to the trend.
		const stacked = width < 560;
		const names = categoryMargin(
			all.map((r) => r.label),
			width,
			stacked ? 0.45 : 0.3
		);
		const marginLeft = stacked ? Math.min(Math.max(names.margin, coverageWidth + 12), Math.floor(width * 0.45)) : names.margin;
		const right = stacked ? 16 : coverageWidth + 14;
		const x = numberAxis([], { length: width - marginLeft - right, orientation: 'x', symmetric: extent, percent: true, signed: true, locale });
		const marginRight = Math.max(right, xAxisEdge(x));
		const format = new Intl.NumberFormat(locale ?? 'en', { style: 'percent', maximumFractionDigits: 0, signDisplay: 'exceptZero' });
		const fmt = (v: number | null) => (v === null ? '–' : format.format(v));
		const row = stacked ? Math.max(40, names.lines * FONT * 1.2 + MIN_FONT * 1.2 + 12) : Math.max(24, names.lines * FONT * 1.2 + 8);
		// "27 → 27 → 22 / 33" reads left to right in every language (isolated, so Arabic does not reorder it).
		const ltr = (d: NetTrendRow) => `\u2066${d.coverage}\u2069`;
		const coverage = stacked
			? Plot.text(rows, { y: 'label', frameAnchor: 'left', text: ltr, textAnchor: 'end', dx: -12, dy: (names.lines * FONT * 1.2) / 2 + 2, fill: '#5b6470', fontSize: MIN_FONT })
			: Plot.text(rows, { x: extent, y: 'label', text: ltr, textAnchor: 'start', dx: 12, fill: '#5b6470', fontSize: MIN_FONT });
		return {
			marginLeft,
			marginRight,
			marginBottom: FONT + 18,
			height: 40 + rows.length * row,
			x: { domain: x.domain, ticks: x.ticks, tickFormat: x.format, label: null, grid: true },
			y: { domain: rows.map((r) => r.label), label: null, axis: null },
			color: { domain: statuses.map((s) => s[0]), range: statuses.map((s) => TONE[s[1]] ?? TONE.none), legend: true },
			style: STYLE,
			marks: [
				Plot.axisY({ lineWidth: (marginLeft - 12) / FONT, tickSize: 0, label: null, ...(stacked ? { dy: -(MIN_FONT * 0.6 + 1) } : {}) }),
				Plot.ruleX([0], { stroke: '#5b6470' }),
				Plot.link(
					rows.filter((r) => r.to !== null && r.latest !== null),
					{ x1: 'to', x2: 'latest', y1: 'label', y2: 'label', stroke: '#9aa3ad', strokeWidth: 2 }
				),
				Plot.dot(
					rows.filter((r) => r.latest !== null),
					{ x: 'latest', y: 'label', r: 5, stroke: 'status', fill: 'white', strokeWidth: 2, title: (d: NetTrendRow) => `${labels.latest}: ${fmt(d.latest)}` }
				),
				Plot.dot(
					rows.filter((r) => r.to !== null),
					{ x: 'to', y: 'label', r: 5, fill: 'status', tip: true, title: (d: NetTrendRow) => `${d.label} · ${d.status}\n${labels.to}: ${fmt(d.to)} · ${labels.latest}: ${fmt(d.latest)}\n${d.coverage}` }
				),
				Plot.text(
					rows.filter((r) => r.to === null),
					{ x: 0, y: 'label', text: () => '?', fill: '#5b6470', fontWeight: 'bold' }
				),
				coverage
			]
		};
	};
}
