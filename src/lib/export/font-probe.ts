import { sampleOf, subsetsFor } from './font-subsets';
import { svgText } from './svg-compose';

/**
 * Chromium draws an SVG image before the fonts embedded in it have loaded (its text is then simply
 * missing from the canvas), and offers no event for them. So the SVG is drawn inside a wrapper with a
 * band below it holding one probe glyph per embedded face; the PNG is taken once every probe shows ink.
 */
export const PROBE_CELL = 48;

export interface Probe {
	text: string;
	weight: number;
	x: number;
}

export interface ProbedSvg {
	svg: string;
	/** Height of the band of probes below the picture (pixels). */
	band: number;
	probes: Probe[];
}

/** Give the root <svg> of `svg` the intrinsic size `w`×`h` (its viewBox keeps the layout). */
export function sized(svg: string, w: number, h: number): string {
	return svg.replace(/^(<svg\b[^>]*?)\swidth="[^"]*"\s+height="[^"]*"/, `$1 width="${w}" height="${h}"`);
}

export function withProbes(svg: string, width: number, height: number, family: string): ProbedSvg {
	const faces = [...svg.matchAll(/font-weight:(\d+)/g)].map((m) => Number(m[1]));
	const weights = [...new Set(faces.length ? faces : [400])];
	const probes = subsetsFor(svgText(svg)).flatMap((s) => weights.map((weight) => ({ text: sampleOf(s), weight })));
	const placed = probes.map((p, i) => ({ ...p, x: i * PROBE_CELL }));
	const band = PROBE_CELL;
	const total = height + band;
	const wide = Math.max(width, placed.length * PROBE_CELL);
	const texts = placed
		.map((p) => `<text x="${p.x + PROBE_CELL / 2}" y="${height + PROBE_CELL * 0.75}" font-size="${PROBE_CELL * 0.6}" font-weight="${p.weight}" text-anchor="middle" fill="#000">${p.text}</text>`)
		.join('');
	return {
		svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${wide}" height="${total}" viewBox="0 0 ${wide} ${total}">${sized(svg, width, height)}<g font-family="'${family}'">${texts}</g></svg>`,
		band,
		probes: placed
	};
}
