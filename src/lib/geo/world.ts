/**
 * The world geometry for the maps: Natural Earth 1:110m countries (world-atlas), as GeoJSON features
 * keyed by ISO 3166-1 alpha-3, plus the interior borders as one mesh and a dot for every State too small
 * for 110m (small-states.ts, generated). Everything is bundled: no tile or CDN request.
 *
 * The ~108 KB TopoJSON is loaded with a dynamic import, so it is a chunk of its own that only pages
 * showing a map fetch: `await loadWorld()` first; after that `worldFeatures()` returns the same object
 * synchronously.
 */
import type { Feature, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { feature, mesh } from 'topojson-client';
import { geoCentroid } from 'd3-geo';
import isoCountries from 'i18n-iso-countries';
import { SMALL_STATES, type SmallState } from './small-states';

export { SMALL_STATES, type SmallState };

export interface CountryProperties {
	/** Natural Earth's short English name ("Dem. Rep. Congo"): a fallback label only. */
	name: string;
	/** ISO 3166-1 alpha-3, or null for features without a code (Kosovo, N. Cyprus, Somaliland). */
	iso3: string | null;
}

export type CountryFeature = Feature<Polygon | MultiPolygon, CountryProperties>;

export interface World {
	/** One feature per country of the 110m file (177), each with `properties.iso3`. */
	countries: CountryFeature[];
	/** Interior borders (shared arcs only, no coastlines) as one geometry. */
	borders: MultiLineString;
	/** The States that have no usable 110m shape, as points (see small-states.ts). */
	smallStates: readonly SmallState[];
	/** Features by alpha-3 (features without a code are left out). */
	byIso3: ReadonlyMap<string, CountryFeature>;
}

type CountriesTopology = Topology<{ countries: GeometryCollection<{ name: string }> }>;

/** ISO numeric ("116", "004", 4) → alpha-3 ("KHM", "AFG"); undefined for a missing or unknown code. */
export function numericToIso3(id: string | number | null | undefined): string | undefined {
	if (id === null || id === undefined || id === '') return undefined;
	const s = String(id).trim();
	if (!/^\d{1,3}$/.test(s)) return undefined;
	return isoCountries.numericToAlpha3(s.padStart(3, '0')) ?? undefined;
}

/** Converts the world-atlas countries topology (pure; exported for tests and other resolutions). */
export function worldFromTopology(topology: unknown): World {
	const topo = topology as CountriesTopology;
	const object = topo.objects.countries;
	const collection = feature(topo, object);
	const countries: CountryFeature[] = collection.features.map((f) => ({
		type: 'Feature',
		id: f.id,
		geometry: f.geometry as Polygon | MultiPolygon,
		properties: { name: f.properties?.name ?? '', iso3: numericToIso3(f.id) ?? null }
	}));
	const byIso3 = new Map<string, CountryFeature>();
	for (const c of countries) if (c.properties.iso3) byIso3.set(c.properties.iso3, c);
	const borders = mesh(topo, object, (a, b) => a !== b);
	return { countries, borders, smallStates: SMALL_STATES, byIso3 };
}

let cached: World | undefined;
let pending: Promise<World> | undefined;

/** Loads (once) and converts the 110m world; the JSON is a separate chunk fetched on first call. */
export function loadWorld(): Promise<World> {
	if (cached) return Promise.resolve(cached);
	pending ??= import('world-atlas/countries-110m.json')
		.then((mod) => {
			const topology: unknown = (mod as { default?: unknown }).default ?? mod;
			cached = worldFromTopology(topology);
			return cached;
		})
		.catch((err: unknown) => {
			pending = undefined; // let a later call retry
			throw err;
		});
	return pending;
}

/** The memoised world, synchronously. Throws until `loadWorld()` has resolved once. */
export function worldFeatures(): World {
	if (!cached) throw new Error('worldFeatures(): the world geometry is not loaded yet; await loadWorld() first');
	return cached;
}

/** True once `loadWorld()` has resolved (for components that want to avoid an await). */
export function worldLoaded(): boolean {
	return cached !== undefined;
}

const centroidCache = new WeakMap<World, ReadonlyMap<string, [number, number]>>();

/**
 * [lon, lat] of every State: the spherical centroid (d3-geo) of its 110m feature, or the point of the
 * small-states table for States missing from 110m (and, for the tiny ones, the table's point, which lies
 * on the State's largest polygon). Memoised per world.
 */
export function centroids(world: World): ReadonlyMap<string, [number, number]> {
	let out = centroidCache.get(world);
	if (!out) {
		const m = new Map<string, [number, number]>();
		for (const [iso3, f] of world.byIso3) m.set(iso3, geoCentroid(f) as [number, number]);
		for (const s of world.smallStates) m.set(s.iso3, [s.lon, s.lat]);
		centroidCache.set(world, m);
		out = m;
	}
	return out;
}
