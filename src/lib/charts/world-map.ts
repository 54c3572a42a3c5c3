import type * as P from '@observablehq/plot';
import { geoArea, geoEqualEarth, geoPath } from 'd3-geo';
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { CountryFeature, SmallState, World } from '$lib/geo/world';
import type { PlotApi } from './axes';

/**
 * World maps as pure spec functions for Chart.svelte. The world comes from `loadWorld()`
 * ($lib/geo/world); the specs only read it.
 *
 * - Equal Earth, framed on the land without Antarctica (which is not drawn).
 * - Countries not in `rows` (and features without a code: Kosovo, N. Cyprus, Somaliland) are neutral land.
 * - States too small for the 1:110m map (small-states.ts) are drawn as dots (r 3) in the same fill.
 * - Choropleth: a row with `value: null` is hatched, with its own legend entry ("not reported").
 */

export type MapWorld = Pick<World, 'countries' | 'borders' | 'smallStates'>;
type Size = { width: number; height?: number; plot: PlotApi };

export interface ChoroplethRow {
	iso3: string;
	value: number | null;
	/** Name shown in the tip; defaults to the State's name from the map data. */
	label?: string;
}

export interface ChoroplethOptions {
	/** Legend title and the value's name in the tip. */
	legendLabel: string;
	/** A Plot sequential scheme ('blues', 'ylorrd', …); default 'blues'. */
	scheme?: P.ColorScheme | (string & {});
	reverse?: boolean;
	domain?: [number, number];
	/** Legend text for rows with `value: null`; default 'not reported'. */
	notReportedLabel?: string;
	/** When set, a legend entry for the neutral land (States not in the rows), e.g. 'not concerned'. */
	neutralLabel?: string;
	/** Formats a value in the tip; default: en, up to 2 decimals. */
	format?: (value: number) => string;
}

export interface CategoricalMapRow {
	iso3: string;
	category: string;
	label?: string;
}

export interface CategoricalMapOptions {
	/** Categories in legend order, and their colours. */
	domain: string[];
	range: string[];
	legendLabel: string;
	/** When set, a legend entry for the neutral land (States not in the rows), e.g. 'not concerned'. */
	neutralLabel?: string;
}

/** Colours shared with the other charts (level-by-section's 'none' tone for the hatch). */
export const MAP_COLOURS = { land: '#e3e6ea', border: '#ffffff', hatch: '#7d8793', dotStroke: '#3f4650' } as const;

/** Small States' dots: r 3, outlined so a pale fill still shows on the white sea. */
const DOT = { x: 'lon', y: 'lat', r: 3, stroke: MAP_COLOURS.dotStroke, strokeWidth: 0.75 } as const;

/** A mark only when there is something to draw (no empty <g> in the SVG). */
function nonEmpty<T>(xs: T[], mark: (xs: T[]) => P.Markish): P.Markish {
	return xs.length ? mark(xs) : null;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const ANTARCTICA = 'ATA';

/** Land without Antarctica: the projection's domain, and what is drawn. */
function framed(world: MapWorld): { land: CountryFeature[]; domain: FeatureCollection<Polygon | MultiPolygon> } {
	const land = world.countries.filter((f) => f.properties.iso3 !== ANTARCTICA);
	return { land, domain: { type: 'FeatureCollection', features: land } };
}

const aspectCache = new WeakMap<object, number>();

/** height ÷ width of the framed land in Equal Earth (≈ 0.45 without Antarctica). */
export function mapAspect(world: MapWorld): number {
	let a = aspectCache.get(world);
	if (a === undefined) {
		const [[x0, y0], [x1, y1]] = geoPath(geoEqualEarth()).bounds(framed(world).domain);
		a = (y1 - y0) / (x1 - x0);
		aspectCache.set(world, a);
	}
	return a;
}

/**
 * Map height for a width (≈ 0.45 × width + 24 px for the in-map legend entries). Note: Chart.svelte
 * spreads the spec first and then sets its own `height`, so this only takes effect if the wrapper lets
 * the spec's height win (or is given `height={mapHeight(world, width)}`).
 */
export function mapHeight(world: MapWorld, width: number): number {
	return Math.round(width * mapAspect(world)) + 24;
}

let hatchSeq = 0;

/** A mark that only adds the hatch pattern's <defs> to the plot's SVG. */
function hatchDefs(id: string): P.RenderFunction {
	return (_index, _scales, _values, _dimensions, context) => {
		const doc = context.document;
		const el = (name: string, attrs: Record<string, string | number>) => {
			const e = doc.createElementNS(SVG_NS, name);
			for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
			return e;
		};
		const defs = el('defs', {});
		const pattern = el('pattern', { id, width: 4, height: 4, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' });
		pattern.append(el('rect', { width: 4, height: 4, fill: MAP_COLOURS.land }), el('line', { x1: 0, y1: 0, x2: 0, y2: 4, stroke: MAP_COLOURS.hatch, 'stroke-width': 1.5 }));
		defs.append(pattern);
		return defs as SVGElement;
	};
}

/** In-map legend entries (square swatch + text), stacked at the bottom left. */
function swatches(Plot: PlotApi, entries: { fill: string; text: string }[]): P.Markish[] {
	return entries.flatMap((e, i) => {
		const dy = -6 - i * 16;
		return [
			Plot.dot([e], { frameAnchor: 'bottom-left', dx: 8, dy, symbol: 'square', r: 5, fill: e.fill, stroke: MAP_COLOURS.dotStroke, strokeWidth: 0.5 }),
			Plot.text([e], { frameAnchor: 'bottom-left', dx: 18, dy, text: 'text', textAnchor: 'start', fill: 'currentColor', fontSize: 11 })
		];
	});
}

function nameOf(f: CountryFeature | SmallState, label?: string): string {
	if (label) return label;
	return 'properties' in f ? f.properties.name || f.properties.iso3 || '' : f.name;
}

const anchorCache = new WeakMap<CountryFeature, Polygon>();

/** Where a State's tip points: its largest polygon (metropolitan France, not France + French Guiana). */
function anchorOf(f: CountryFeature): Polygon {
	let a = anchorCache.get(f);
	if (!a) {
		const g = f.geometry;
		const polys: Polygon[] = g.type === 'Polygon' ? [g] : g.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }));
		a = polys.reduce((x, y) => (geoArea(y) > geoArea(x) ? y : x));
		anchorCache.set(f, a);
	}
	return a;
}

/**
 * One tip for the whole map (per-mark tips would show two at once where a dot sits on a shape):
 * an invisible pointer over each State's anchor, the dot's point for small States.
 */
function tipMark<R>(Plot: PlotApi, placed: { shapes: (Placed<R> & { feature: CountryFeature })[]; dots: (Placed<R> & { lon: number; lat: number })[] }, title: (d: Placed<R>) => string): P.Markish {
	const dotted = new Set(placed.dots.map((d) => d.row));
	const items: (Placed<R> & { anchor: Polygon | Point })[] = [
		...placed.shapes.filter((d) => !dotted.has(d.row)).map((d) => ({ ...d, anchor: anchorOf(d.feature) })),
		...placed.dots.map((d) => ({ ...d, anchor: { type: 'Point', coordinates: [d.lon, d.lat] } as Point }))
	];
	if (!items.length) return null;
	return Plot.tip(items, Plot.pointer(Plot.centroid({ geometry: (d: (typeof items)[number]) => d.anchor, title: (d: Placed<R>) => title(d) })));
}

interface Placed<R> {
	row: R;
	name: string;
}

/** The rows' States split into shapes (features) and dots (small States); unknown codes are dropped. */
function place<R extends { iso3: string; label?: string }>(rows: readonly R[], world: MapWorld, land: CountryFeature[]) {
	const byIso = new Map<string, R>();
	for (const r of rows) byIso.set(r.iso3, r);
	const shapes: (Placed<R> & { feature: CountryFeature })[] = [];
	for (const f of land) {
		const row = f.properties.iso3 ? byIso.get(f.properties.iso3) : undefined;
		if (row) shapes.push({ row, feature: f, name: nameOf(f, row.label) });
	}
	const dots: (Placed<R> & { lon: number; lat: number })[] = [];
	for (const s of world.smallStates) {
		const row = byIso.get(s.iso3);
		if (row) dots.push({ row, lon: s.lon, lat: s.lat, name: nameOf(s, row.label) });
	}
	return { shapes, dots };
}

function base(world: MapWorld, width: number) {
	const { land, domain } = framed(world);
	return {
		land,
		options: {
			width,
			height: mapHeight(world, width),
			margin: 0,
			projection: { type: 'equal-earth', domain, inset: 4 },
			style: { fontSize: '12px' }
		} satisfies P.PlotOptions
	};
}

const defaultFormat = (v: number) => v.toLocaleString('en', { maximumFractionDigits: 2 });

/** A sequential choropleth of one value per State; `null` values are hatched ("not reported"). */
export function choroplethSpec(rows: readonly ChoroplethRow[], world: MapWorld, options: ChoroplethOptions): (size: Size) => P.PlotOptions {
	const { legendLabel, scheme = 'blues', reverse = false, domain, notReportedLabel = 'not reported', neutralLabel, format = defaultFormat } = options;
	const hatch = `oap-map-hatch-${++hatchSeq}`;
	const hatchFill = `url(#${hatch})`;
	const { land } = framed(world);
	const { shapes, dots } = place(rows, world, land);
	type S = (typeof shapes)[number];
	type D = (typeof dots)[number];
	const tip = (d: Placed<ChoroplethRow>) => (d.row.value === null ? `${d.name}\n${notReportedLabel}` : `${d.name}\n${legendLabel}: ${format(d.row.value)}`);
	const valued = <T extends S | D>(xs: T[]) => xs.filter((d) => d.row.value !== null && Number.isFinite(d.row.value));
	const missing = <T extends S | D>(xs: T[]) => xs.filter((d) => d.row.value === null);
	const hasValues = domain !== undefined || valued(shapes).length + valued(dots).length > 0;
	const hasMissing = missing(shapes).length + missing(dots).length > 0;
	const legendEntries = [
		...(hasMissing ? [{ fill: hatchFill, text: notReportedLabel }] : []),
		...(neutralLabel ? [{ fill: MAP_COLOURS.land, text: neutralLabel }] : [])
	];

	return ({ width, plot: Plot }) => {
		const { options: o } = base(world, width);
		return {
			...o,
			color: hasValues ? { type: 'linear', scheme: scheme as P.ColorScheme, reverse, domain, legend: true, label: legendLabel } : undefined,
			marks: [
				hasMissing && hatchDefs(hatch),
				Plot.geo(land, { fill: MAP_COLOURS.land }),
				nonEmpty(valued(shapes), (xs) => Plot.geo(xs, { geometry: (d: S) => d.feature, fill: (d: S) => d.row.value })),
				nonEmpty(missing(shapes), (xs) => Plot.geo(xs, { geometry: (d: S) => d.feature, fill: hatchFill })),
				Plot.geo(world.borders, { stroke: MAP_COLOURS.border, strokeWidth: 0.5 }),
				nonEmpty(valued(dots), (xs) => Plot.dot(xs, { ...DOT, fill: (d: D) => d.row.value })),
				nonEmpty(missing(dots), (xs) => Plot.dot(xs, { ...DOT, fill: hatchFill })),
				...swatches(Plot, legendEntries),
				tipMark(Plot, { shapes, dots }, tip)
			].filter((m) => m !== false && m !== null)
		};
	};
}

/** A map of one category per State (e.g. a deadline status), with a swatch legend. */
export function categoricalMapSpec(rows: readonly CategoricalMapRow[], world: MapWorld, options: CategoricalMapOptions): (size: Size) => P.PlotOptions {
	const { domain, range, legendLabel, neutralLabel } = options;
	const { land } = framed(world);
	const known = new Set(domain);
	const { shapes, dots } = place(
		rows.filter((r) => known.has(r.category)),
		world,
		land
	);
	type S = (typeof shapes)[number];
	type D = (typeof dots)[number];
	const tip = (d: Placed<CategoricalMapRow>) => `${d.name}\n${d.row.category}`;

	return ({ width, plot: Plot }) => {
		const { options: o } = base(world, width);
		return {
			...o,
			color: { type: 'ordinal', domain, range, legend: true, label: legendLabel },
			marks: [
				Plot.geo(land, { fill: MAP_COLOURS.land }),
				nonEmpty(shapes, (xs) => Plot.geo(xs, { geometry: (d: S) => d.feature, fill: (d: S) => d.row.category })),
				Plot.geo(world.borders, { stroke: MAP_COLOURS.border, strokeWidth: 0.5 }),
				nonEmpty(dots, (xs) => Plot.dot(xs, { ...DOT, fill: (d: D) => d.row.category })),
				...swatches(Plot, neutralLabel ? [{ fill: MAP_COLOURS.land, text: neutralLabel }] : []),
				tipMark(Plot, { shapes, dots }, tip)
			].filter((m) => m !== null)
		};
	};
}
