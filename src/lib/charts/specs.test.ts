// Every chart spec, fed generated series (zero, constant, one point, negative, huge, missing), is drawn
// by Plot in a Node DOM (happy-dom): the drawing must have no NaN, no text under 11 px, distinct tick
// labels that say what the spec chose, and margins at least as wide as the labels they hold.
import fc from 'fast-check';
import * as Plot from '@observablehq/plot';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import type { SeriesPoint } from '$lib/model/action';
import type { CountryPoint, PeerRow } from '$lib/model/country';
import { MIN_FONT, textWidth, type Spec } from './axes';
import { values } from '$lib/testing/chart-data';
import { countrySeriesSpec, deadlineTimelineSpec, peersSpec, type TimelineEvent } from './country';
import { distributionSpec, indicatorSeriesSpec, reportingLabel } from './indicator-series';
import { levelBySectionSpec } from './level-by-section';
import { netTrendExtent, netTrendSpec } from './midterm';
import { countBarsSpec } from './observations';
import { projectionSpec } from './projection';

const document = () => new Window().document as unknown as Document;

/** Draw a spec as the chart wrapper does; return the plot's <svg> (inside Plot's <figure> when it has a legend). */
function draw(spec: Spec, width: number, height = 260) {
	const options = spec({ width, height, locale: 'en', plot: Plot });
	const el = Plot.plot({ width, height, ...options, document: document() }) as unknown as Element;
	const svg = (el.tagName.toLowerCase() === 'svg' ? el : [...el.querySelectorAll('svg')].at(-1)) as SVGSVGElement;
	return { options, el, svg };
}

/** Font size of a <text> as CSS resolves it: the nearest element's style, else its font-size attribute. */
function fontSize(t: Element, svg: Element): number {
	for (let e: Element | null = t; e && e !== svg.parentElement; e = e.parentElement) {
		const style = (e as SVGElement).style?.fontSize;
		if (style) return parseFloat(style);
		const a = e.getAttribute('font-size');
		if (a) return parseFloat(a);
	}
	return 16;
}

/** The last x tick's label, centred on the plot's right edge at most, stays inside the svg. */
function checkXEdge(options: Plot.PlotOptions) {
	const x = options.x as { ticks?: number[]; tickFormat?: (v: number) => string; domain?: number[] } | undefined;
	if (!x?.ticks?.length || !x.tickFormat || !x.domain) return;
	const last = x.ticks.at(-1)!;
	if (last >= x.domain[1] - 1e-9) expect(options.marginRight as number).toBeGreaterThanOrEqual(textWidth(x.tickFormat(last)) / 2);
}

function checkDrawing(svg: SVGSVGElement, el: Element) {
	expect(el.textContent ?? '').not.toMatch(/NaN|Infinity|undefined/);
	for (const a of svg.querySelectorAll('*'))
		for (const name of ['x', 'y', 'x1', 'x2', 'y1', 'y2', 'width', 'height', 'd', 'transform']) expect(a.getAttribute(name) ?? '', `${a.tagName} ${name}`).not.toMatch(/NaN|Infinity/);
	const texts = [...svg.querySelectorAll('text')];
	for (const t of texts) expect(fontSize(t, svg), `font of “${t.textContent}”`).toBeGreaterThanOrEqual(MIN_FONT);
}

/** Tick labels of one axis as drawn. */
const tickLabels = (svg: Element, axis: 'x' | 'y') => [...svg.querySelectorAll(`g[aria-label="${axis}-axis tick label"] text`)].map((t) => t.textContent ?? '');

const years = (n: number) => Array.from({ length: n }, (_, i) => 2019 + i);
const groupOf = (p: { sex: string | null; age_group: string | null }) => `${p.sex ?? '–'} · ${p.age_group ?? '–'}`;
const width = fc.integer({ min: 300, max: 1400 });

describe('indicator series (action pages)', () => {
	const series = fc.tuple(fc.integer({ min: 1, max: 16 }), values, fc.integer({ min: 0, max: 40 })).map(([n, vs, applicable]) =>
		years(n).map((year, i): SeriesPoint => {
			const v = vs[i % Math.max(1, vs.length)];
			const value = typeof v === 'number' && Number.isFinite(v) ? v : null;
			return { indicator_id: 'A1.1', year, value, reporting: value === null ? 0 : Math.min(applicable, i + 1), applicable, source: 'demonstration' };
		})
	);

	it('draws any series: ticks as the spec chose them, point labels clear of the axis and of each other', () => {
		fc.assert(
			fc.property(series, width, fc.boolean(), (points, w, integer) => {
				const spec = indicatorSeriesSpec(points, { baseline: 2019, year: points.at(-1)!.year, integer });
				const { options, el, svg } = draw(spec, w);
				checkDrawing(svg, el);
				const y = options.y as { ticks: number[]; tickFormat: (v: number) => string };
				const labels = tickLabels(svg, 'y');
				expect(labels).toEqual(y.ticks.map(y.tickFormat));
				expect(new Set(labels).size).toBe(labels.length);
				if (integer) for (const t of y.ticks) expect(Number.isInteger(t)).toBe(true);
				// The left margin holds the widest tick label.
				expect(options.marginLeft).toBeGreaterThanOrEqual(Math.max(...labels.map((l) => textWidth(l))));
				// Years half a step in from the axis: a label centred on a point never reaches the y axis
				// when all are shown, and labels never overlap their neighbours.
				const marks = (options.marks as { data?: unknown[]; constructor: { name: string } }[]).filter((m) => m.constructor.name === 'Text');
				const shown = (marks[0]?.data ?? []) as SeriesPoint[];
				const step = (w - (options.marginLeft as number) - (options.marginRight as number)) / points.length;
				const drawn = points.filter((p) => p.value !== null);
				if (shown.length === drawn.length && drawn.length > 2) for (const p of shown) expect(textWidth(reportingLabel(p), MIN_FONT) + 6).toBeLessThanOrEqual(step);
				expect(shown.length === drawn.length || shown.length <= 2).toBe(true);
			}),
			{ numRuns: 120 }
		);
	});

	it('a year nobody reported breaks the line (a gap, never a zero)', () => {
		const points: SeriesPoint[] = [2019, 2020, 2021].map((year, i) => ({ indicator_id: 'A', year, value: i === 1 ? null : 5, reporting: i === 1 ? 0 : 3, applicable: 4, source: '' }));
		const { svg } = draw(indicatorSeriesSpec(points, { baseline: 2019, year: 2021 }), 600);
		const line = svg.querySelector('g[aria-label="line"] path')!.getAttribute('d')!;
		expect(line.match(/M/g)?.length).toBe(2);
	});
});

describe('distribution (action pages)', () => {
	it('draws any values on a linear or symlog axis with readable ticks, small values included', () => {
		const pts = fc.array(fc.record({ year: fc.integer({ min: 2019, max: 2024 }), value: fc.double({ min: -1e9, max: 1e12, noNaN: true }), name: fc.constantFrom('Chad', 'Peru', 'Bosnia and Herzegovina') }), { maxLength: 60 });
		fc.assert(
			fc.property(pts, width, fc.boolean(), (points, w, skewed) => {
				const { el, svg } = draw(distributionSpec(points, years(6), skewed), w);
				checkDrawing(svg, el);
				const labels = tickLabels(svg, 'x');
				expect(new Set(labels).size).toBe(labels.length);
				for (const l of labels) expect(l.length).toBeLessThanOrEqual(8);
			}),
			{ numRuns: 80 }
		);
		// Small States' values (under 10) have ticks of their own on the log scale.
		const { svg } = draw(distributionSpec([{ year: 2019, value: 3, name: 'a' }, { year: 2019, value: 60, name: 'b' }], years(6), true), 800);
		expect(tickLabels(svg, 'x')).toEqual(['0', '1', '2', '5', '10', '20', '50']);
	});
});

describe('country charts', () => {
	it('bars: all zero, constant, negative and huge values; labels only where they fit', () => {
		const pts = fc.tuple(fc.integer({ min: 1, max: 12 }), values).map(([n, vs]) =>
			years(n).flatMap((year, i): CountryPoint[] => {
				const v = vs[i % Math.max(1, vs.length)];
				return typeof v === 'number' && Number.isFinite(v) ? [{ indicator_id: 'A', year, value: v, sex: null, age_group: null, source: null }] : [];
			})
		);
		fc.assert(
			fc.property(pts, width, fc.integer({ min: 1, max: 12 }), (points, w, n) => {
				const { options, el, svg } = draw(countrySeriesSpec(points, years(Math.max(n, points.length)), groupOf), w, 200);
				checkDrawing(svg, el);
				const labels = tickLabels(svg, 'y');
				expect(new Set(labels).size).toBe(labels.length);
				expect(labels).not.toContain('0000');
				expect(options.marginLeft).toBeGreaterThanOrEqual(Math.max(...labels.map((l) => textWidth(l))));
			}),
			{ numRuns: 100 }
		);
		// All zero: a 0–1 axis, not a full-height bar.
		const zero = draw(countrySeriesSpec([0, 0, 0].map((value, i) => ({ indicator_id: 'A', year: 2019 + i, value, sex: null, age_group: null, source: null })), years(3), groupOf), 400, 200);
		expect((zero.options.y as { domain: number[] }).domain).toEqual([0, 1]);
	});

	it('peers: the margin holds the names (wrapped when long), the plot is tall enough for every row', () => {
		const rows = fc.array(fc.record({ iso3: fc.string(), name: fc.constantFrom('Chad', 'Bosnia and Herzegovina', 'Democratic Republic of the Congo', 'Iraq'), value: fc.double({ min: 0, max: 1e9, noNaN: true }), self: fc.boolean(), source: fc.constant('') }), { minLength: 1, maxLength: 30 });
		fc.assert(
			fc.property(rows, width, (list: PeerRow[], w) => {
				const unique = list.filter((r, i) => list.findIndex((x) => x.name === r.name) === i);
				const { options, el, svg } = draw(peersSpec(unique), w);
				checkDrawing(svg, el);
				checkXEdge(options);
				expect(options.height).toBeGreaterThanOrEqual(40 + unique.length * 22);
				expect(options.marginLeft).toBeLessThanOrEqual(w * 0.4 + 12);
			}),
			{ numRuns: 60 }
		);
	});

	it('timeline: labels in lanes that never overlap, inside the frame, 11 px or more', () => {
		const kinds = ['entry_into_force', 'original_deadline', 'extension', 'request', 'completion'] as const;
		const events = fc.array(
			fc.record({
				date: fc.date({ min: new Date('1999-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
				precision: fc.constantFrom('day' as const, 'year' as const),
				kind: fc.constantFrom(...kinds),
				label: fc.constantFrom('Entry into force', 'Extension 2 granted by the 4RC', 'Prolongation 3 accordée par la 22e Assemblée des États parties', 'تمديد 1')
			}),
			{ minLength: 1, maxLength: 8 }
		);
		const labels = { entry_into_force: 'Entry into force', original_deadline: 'Original deadline', extension: 'Extension', current_deadline: 'Deadline', request: 'Request', completion: 'Completion' };
		fc.assert(
			fc.property(events, width, (list: TimelineEvent[], w) => {
				const { options, el, svg } = draw(deadlineTimelineSpec(list, { on: '2026-11-30', asOf: '2025-12-05' }, labels), w);
				checkDrawing(svg, el);
				const text = (options.marks as { constructor: { name: string }; data?: unknown[] }[]).find((m) => m.constructor.name === 'Text')!;
				const rows = text.data as { at: Date; lane: number; label: string }[];
				const [t0, t1] = (options.x as { domain: Date[] }).domain.map((d) => d.getTime());
				const inner = w - 32;
				const box = (r: (typeof rows)[number]) => {
					const cx = ((r.at.getTime() - t0) / (t1 - t0)) * inner;
					const half = Math.min(Math.min(130, Math.max(60, inner / 3)), textWidth(r.label, MIN_FONT)) / 2;
					return [cx - half, cx + half];
				};
				for (const r of rows) {
					const [a, b] = box(r);
					expect(a).toBeGreaterThanOrEqual(0);
					expect(b).toBeLessThanOrEqual(inner);
				}
				for (let i = 0; i < rows.length; i++)
					for (let j = i + 1; j < rows.length; j++) {
						if (rows[i].lane !== rows[j].lane) continue;
						const [a1, b1] = box(rows[i]);
						const [a2, b2] = box(rows[j]);
						expect(b1 <= a2 || b2 <= a1).toBe(true);
					}
			}),
			{ numRuns: 80 }
		);
	});
});

describe('projection, mid-term, overview and committee charts', () => {
	it('projection: year ticks fit the width however long the projection runs (the brief’s column included)', () => {
		const path = fc.tuple(fc.integer({ min: 2015, max: 2024 }), fc.integer({ min: 1, max: 35 }), fc.double({ min: 0, max: 1e6, noNaN: true })).map(([from, n, top]) =>
			Array.from({ length: n }, (_, i) => ({ year: from + i, value: Math.max(0, top - (i * top) / n), kind: (i < 3 ? 'reported' : 'projected') as 'reported' | 'projected' }))
		);
		fc.assert(
			fc.property(path, fc.integer({ min: 240, max: 1400 }), fc.option(fc.double({ min: 2015, max: 2060, noNaN: true })), (p, w, deadline) => {
				const { options, el, svg } = draw(projectionSpec(p, deadline, { reported: 'Reported', projected: 'Projected', deadline: 'Deadline' }), w, 220);
				checkDrawing(svg, el);
				const ticks = (options.x as { ticks: number[] }).ticks;
				expect(ticks.length * (textWidth('2030') + 12)).toBeLessThanOrEqual(Math.max(w - (options.marginLeft as number) - 16, textWidth('2030') + 12));
			}),
			{ numRuns: 80 }
		);
	});

	it('mid-term: one scale for every section, shares labelled +25%, coverage inside the frame', () => {
		const row = fc.record({ label: fc.constantFrom('Action 1', 'Action 27', 'الإجراء 18'), to: fc.option(fc.double({ min: -1, max: 1, noNaN: true })), latest: fc.option(fc.double({ min: -1, max: 1, noNaN: true })), status: fc.constantFrom('↑ Improving', '→ Stable'), token: fc.constantFrom('good', 'mid'), coverage: fc.constantFrom('27 → 27 → 22 / 33', '3 → 2 → 1 / 4') });
		fc.assert(
			fc.property(fc.array(row, { minLength: 1, maxLength: 12 }), fc.array(row, { minLength: 1, maxLength: 12 }), fc.integer({ min: 320, max: 1400 }), (a, b, w) => {
				const unique = <T extends { label: string }>(xs: T[]) => xs.filter((r, i) => xs.findIndex((x) => x.label === r.label) === i);
				const page = [...unique(a), ...unique(b)];
				const [one, two] = [unique(a), unique(b)].map((rows) => draw(netTrendSpec(rows, { to: '2022', latest: '2024' }, page), w));
				for (const d of [one, two]) {
					checkDrawing(d.svg, d.el);
					checkXEdge(d.options);
				}
				// The same domain and margins: the same net trend at the same place in both sections.
				for (const k of ['marginLeft', 'marginRight'] as const) expect(one.options[k]).toBe(two.options[k]);
				expect((one.options.x as { domain: number[] }).domain).toEqual((two.options.x as { domain: number[] }).domain);
				expect((one.options.x as { domain: number[] }).domain[1]).toBe(netTrendExtent(page));
				for (const l of tickLabels(one.svg, 'x')) expect(l).toMatch(/^[+-]?\d+%$|^0%$/);
				// The reporting counts fit beside the plot (wide) or under the names (a phone).
				const widest = Math.max(...page.map((r) => textWidth(r.coverage, MIN_FONT)));
				if (w >= 560) expect(one.options.marginRight).toBeGreaterThanOrEqual(widest + 12);
				else expect(one.options.marginLeft).toBeGreaterThanOrEqual(Math.min(widest + 12, Math.floor(w * 0.45)));
			}),
			{ numRuns: 60 }
		);
	});

	it('counts (overview, committee charts) step by whole numbers', () => {
		fc.assert(
			fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 5 }), width, (counts, w) => {
				const rows = counts.map((count, i) => ({ label: `Kind ${i}`, key: 'progress', count }));
				const { options, el, svg } = draw(countBarsSpec(rows), w, 150);
				checkDrawing(svg, el);
				checkXEdge(options);
				for (const t of (options.x as { ticks: number[] }).ticks) expect(Number.isInteger(t)).toBe(true);
				const level = draw(
					levelBySectionSpec(
						counts.map((n, i) => ({ section: `Section ${i % 3}`, level: 'on_track', label: '✓ On track', token: 'good', actions: n })),
						['Section 0', 'Section 1', 'Section 2'],
						['✓ On track']
					),
					w
				);
				checkDrawing(level.svg, level.el);
				checkXEdge(level.options);
				for (const t of (level.options.x as { ticks: number[] }).ticks) expect(Number.isInteger(t)).toBe(true);
			}),
			{ numRuns: 60 }
		);
	});
});
