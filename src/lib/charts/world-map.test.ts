import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import * as Plot from '@observablehq/plot';
import { Window } from 'happy-dom';
import { beforeAll, describe, expect, it } from 'vitest';
import { centroids, loadWorld, numericToIso3, worldFeatures, worldLoaded, type World } from '$lib/geo/world';
import { SMALL_STATES } from '$lib/geo/small-states';
import { categoricalMapSpec, choroplethSpec, mapAspect } from './world-map';

const states = Papa.parse<Record<string, string>>(fs.readFileSync(path.resolve('data/states.csv'), 'utf8'), {
	header: true,
	skipEmptyLines: true
}).data.map((r) => ({ iso3: r.iso3.trim(), name: r.name.trim() }));

let world: World;
beforeAll(async () => {
	world = await loadWorld();
});

type AnyMark = { constructor: { name: string }; data?: unknown };
const marksOf = (o: Plot.PlotOptions) => (o.marks ?? []).flat(Infinity as 1) as AnyMark[];
const kinds = (o: Plot.PlotOptions) => marksOf(o).map((m) => (typeof m === 'function' ? 'function' : m.constructor.name));
const dataLength = (m: AnyMark) => (Array.isArray(m.data) ? m.data.length : -1);

describe('world geometry', () => {
	it('maps ISO numeric ids to alpha-3, zero-padded or not', () => {
		expect(numericToIso3('116')).toBe('KHM');
		expect(numericToIso3('004')).toBe('AFG');
		expect(numericToIso3(4)).toBe('AFG');
		expect(numericToIso3('4')).toBe('AFG');
		expect(numericToIso3(undefined)).toBeUndefined();
		expect(numericToIso3('-99')).toBeUndefined();
		expect(numericToIso3('999')).toBeUndefined();
	});

	it('loads once and is then available synchronously', async () => {
		expect(worldLoaded()).toBe(true);
		expect(worldFeatures()).toBe(world);
		expect(await loadWorld()).toBe(world);
	});

	it('has > 170 countries with an iso3, including KHM, AFG and BIH', () => {
		const coded = world.countries.filter((f) => f.properties.iso3);
		expect(coded.length).toBeGreaterThan(170);
		for (const iso3 of ['KHM', 'AFG', 'BIH']) expect(world.byIso3.get(iso3)?.properties.iso3).toBe(iso3);
		// Features without a code stay on the map, drawn as neutral land.
		const uncoded = world.countries.filter((f) => f.properties.iso3 === null).map((f) => f.properties.name);
		expect(uncoded.sort()).toEqual(['Kosovo', 'N. Cyprus', 'Somaliland']);
		expect(world.borders.type).toBe('MultiLineString');
		expect(world.borders.coordinates.length).toBeGreaterThan(100);
	});

	it('can place every State of data/states.csv: a 110m feature or a small-state dot', () => {
		expect(states.length).toBeGreaterThan(190);
		const small = new Set(SMALL_STATES.map((s) => s.iso3));
		const leftOver = states.filter((s) => !world.byIso3.has(s.iso3) && !small.has(s.iso3));
		if (leftOver.length) console.error('States neither in countries-110m nor in small-states.ts:', leftOver.map((s) => `${s.iso3} ${s.name}`).join(', '));
		expect(leftOver.map((s) => s.iso3)).toEqual([]);
	});

	it('small-states.ts is consistent: only States of states.csv, missing ones really missing, points on the globe', () => {
		const known = new Set(states.map((s) => s.iso3));
		for (const s of SMALL_STATES) {
			expect(known.has(s.iso3), s.iso3).toBe(true);
			expect(world.byIso3.has(s.iso3), s.iso3).toBe(s.reason === 'tiny');
			expect(Math.abs(s.lon) <= 180 && Math.abs(s.lat) <= 90, s.iso3).toBe(true);
		}
		for (const iso3 of ['TON', 'MHL', 'MDV', 'MLT']) expect(small_(iso3)).toBe('missing');
	});

	it('has a centroid for every State', () => {
		const c = centroids(world);
		for (const s of states) expect(c.has(s.iso3), s.iso3).toBe(true);
		const [lon, lat] = c.get('KHM')!;
		expect(lon).toBeCloseTo(105, 0);
		expect(lat).toBeCloseTo(12.7, 0);
		expect(centroids(world)).toBe(c);
	});
});

function small_(iso3: string) {
	return SMALL_STATES.find((s) => s.iso3 === iso3)?.reason;
}

describe('map specs', () => {
	const rows = [
		{ iso3: 'KHM', value: 12.5, label: 'Cambodia' },
		{ iso3: 'AFG', value: 40 },
		{ iso3: 'BIH', value: null },
		{ iso3: 'TON', value: 3 },
		{ iso3: 'MHL', value: null },
		{ iso3: 'XXX', value: 1 }
	];

	it('choropleth: geo marks, small States as dots, hatched "not reported", ~ width/2 high', () => {
		const o = choroplethSpec(rows, world, { legendLabel: 'Area cleared (km²)', domain: [0, 50] })({ width: 900, plot: Plot });
		expect(o.projection).toMatchObject({ type: 'equal-earth' });
		expect(o.height).toBeGreaterThan(900 * 0.4);
		expect(o.height).toBeLessThan(900 * 0.55);
		expect(o.color).toMatchObject({ legend: true, label: 'Area cleared (km²)', domain: [0, 50], scheme: 'blues' });
		const k = kinds(o);
		expect(k).toContain('Geo');
		expect(k).toContain('Dot');
		const marks = marksOf(o);
		const geos = marks.filter((m) => m.constructor.name === 'Geo');
		// land, valued shapes (KHM, AFG), not reported (BIH), borders
		expect(geos.map(dataLength)).toEqual([world.countries.length - 1, 2, 1, -1]);
		const dots = marks.filter((m) => m.constructor.name === 'Dot');
		// TON (valued), MHL (not reported), then the legend swatch
		expect(dots.map(dataLength)).toEqual([1, 1, 1]);
		expect(mapAspect(world)).toBeGreaterThan(0.4);
	});

	it('choropleth without small States or nulls has no dots and no legend swatch', () => {
		const o = choroplethSpec([{ iso3: 'KHM', value: 1 }], world, { legendLabel: 'x' })({ width: 600, plot: Plot });
		expect(kinds(o)).not.toContain('Dot');
		expect(kinds(o)).toContain('Geo');
	});

	it('categorical map: ordinal colours, dots for small States, unknown categories left neutral', () => {
		const o = categoricalMapSpec(
			[
				{ iso3: 'KHM', category: 'at_risk' },
				{ iso3: 'AFG', category: 'beyond_deadline' },
				{ iso3: 'TON', category: 'on_track' },
				{ iso3: 'FRA', category: 'something else' }
			],
			world,
			{ domain: ['on_track', 'at_risk', 'beyond_deadline'], range: ['#1a7f4b', '#c8930a', '#b42318'], legendLabel: 'Status', neutralLabel: 'not concerned' }
		)({ width: 800, plot: Plot });
		expect(o.color).toMatchObject({ type: 'ordinal', domain: ['on_track', 'at_risk', 'beyond_deadline'], legend: true });
		const marks = marksOf(o);
		expect(marks.filter((m) => m.constructor.name === 'Geo').map(dataLength)).toEqual([world.countries.length - 1, 2, -1]);
		expect(marks.filter((m) => m.constructor.name === 'Dot').map(dataLength)).toEqual([1, 1]);
	});
});

// Rendering needs a DOM: happy-dom, a dev dependency, gives Plot a document in Node.
describe('map specs render with Plot', () => {
	function makeDocument(): Document {
		return new Window().document as unknown as Document;
	}
	it('renders both maps to SVG: shapes, dots, the hatch pattern and the legend swatches', () => {
		const document = makeDocument();
		// The colour ramp legend draws on a <canvas>, which a Node DOM lacks: render it without the ramp.
		const o = choroplethSpec(rows(), world, { legendLabel: 'value', neutralLabel: 'not concerned' })({ width: 800, plot: Plot });
		const svg = Plot.plot({ ...o, color: { ...o.color, legend: false }, document }) as unknown as SVGSVGElement;
		expect(svg.tagName.toLowerCase()).toBe('svg');
		expect(svg.querySelectorAll('path').length).toBeGreaterThan(170);
		const pattern = svg.querySelector('pattern');
		expect(pattern).not.toBeNull();
		expect(svg.querySelector(`[fill="url(#${pattern!.id})"]`)).not.toBeNull();
		expect(svg.querySelectorAll('circle').length).toBeGreaterThanOrEqual(1); // Tonga
		expect(svg.textContent).toContain('not reported');
		expect(svg.textContent).toContain('not concerned');

		const c = categoricalMapSpec([{ iso3: 'KHM', category: 'a' }, { iso3: 'MLT', category: 'b' }], world, {
			domain: ['a', 'b'],
			range: ['red', 'blue'],
			legendLabel: 'status'
		})({ width: 600, plot: Plot });
		const fig = Plot.plot({ ...c, document }) as unknown as HTMLElement; // swatch legend + svg in a <figure>
		expect(fig.querySelectorAll('svg path[fill="red"]').length).toBe(1);
		expect(fig.querySelectorAll('svg circle[fill="blue"]').length).toBe(1);
	});
	function rows() {
		return [
			{ iso3: 'KHM', value: 10 },
			{ iso3: 'TON', value: 5 },
			{ iso3: 'BIH', value: null }
		];
	}
});
