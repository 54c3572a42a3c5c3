// Browser only. The export font files are emitted by Vite as assets of the build (same origin, offline).
import latin400 from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import latin700 from '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2?url';
import latinExt400 from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';
import latinExt700 from '@fontsource/noto-sans/files/noto-sans-latin-ext-700-normal.woff2?url';
import cyrillic400 from '@fontsource/noto-sans/files/noto-sans-cyrillic-400-normal.woff2?url';
import cyrillic700 from '@fontsource/noto-sans/files/noto-sans-cyrillic-700-normal.woff2?url';
import arabic400 from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff2?url';
import arabic700 from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-700-normal.woff2?url';
import { CJK_SLICES, SUBSETS, subsetsFor, UNICODE_RANGES, type Subset } from './font-subsets';

/** The family name the export uses; distinct from the page's fonts so the page never changes. */
export const EXPORT_FAMILY = 'OAP Export Sans';

// Noto Sans SC's slices as files of the build; only the slices a chart's text needs are ever fetched.
// One weight: bold Chinese is drawn from it (the bold files would double the build for little).
const CJK_FILES = import.meta.glob('/node_modules/@fontsource/noto-sans-sc/files/noto-sans-sc-*-400-normal.woff2', { query: '?url', import: 'default', eager: true }) as Record<string, string>;
const cjkFile = (slice: string) => CJK_FILES[`/node_modules/@fontsource/noto-sans-sc/files/noto-sans-sc-${slice.slice(4)}-400-normal.woff2`];

const FILES: Record<Subset, Partial<Record<400 | 700, string>>> = {
	latin: { 400: latin400, 700: latin700 },
	'latin-ext': { 400: latinExt400, 700: latinExt700 },
	cyrillic: { 400: cyrillic400, 700: cyrillic700 },
	arabic: { 400: arabic400, 700: arabic700 },
	...Object.fromEntries([...CJK_SLICES.keys()].map((s) => [s, { 400: cjkFile(s) }]))
};
const WEIGHTS = [400, 700] as const;

/**
 * Faces in the order they are declared. Where two subsets share a character (punctuation), CSS takes
 * the face declared last: Chinese slices first, so Noto Sans keeps the characters it has.
 */
const ORDER = (subsets: Subset[]) => [...subsets.filter((s) => s.startsWith('cjk-')), ...subsets.filter((s) => !s.startsWith('cjk-'))];
const filesOf = (subset: Subset) => WEIGHTS.flatMap((weight) => (FILES[subset][weight] ? [{ weight, url: FILES[subset][weight]! }] : []));

// Start-once: the faces are added to the document a single time, whoever asks first.
let registered: Promise<void> | null = null;
const base64 = new Map<string, Promise<string>>();

/**
 * Add the bundled faces to the document (nothing is fetched until text needs a face). The page falls
 * back to them too (app.css), so Chinese reads on a machine without a Chinese font.
 */
export function register(): Promise<void> {
	registered ??= Promise.resolve().then(() => {
		// A registered face is fetched only when text in its range is measured or drawn.
		for (const subset of ORDER(SUBSETS))
			for (const { weight, url } of filesOf(subset))
				document.fonts.add(new FontFace(EXPORT_FAMILY, `url(${url}) format('woff2')`, { weight: String(weight), unicodeRange: UNICODE_RANGES[subset] }));
	});
	return registered;
}

/**
 * Load the export font for `text` into the document, so canvas measuring (and drawing) uses it:
 * a face not loaded yet would silently measure with a fallback font.
 */
export async function loadExportFont(text: string): Promise<void> {
	await register();
	await Promise.all(WEIGHTS.map((w) => document.fonts.load(`${w} 16px "${EXPORT_FAMILY}"`, text)));
}

function fileBase64(url: string): Promise<string> {
	let hit = base64.get(url);
	if (!hit) {
		hit = fetch(url)
			.then((r) => {
				if (!r.ok) throw new Error(`font ${url}: HTTP ${r.status}`);
				return r.arrayBuffer();
			})
			.then((buf) => {
				const bytes = new Uint8Array(buf);
				let s = '';
				for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
				return btoa(s);
			});
		hit.catch(() => base64.delete(url));
		base64.set(url, hit);
	}
	return hit;
}

/** @font-face rules with the font files inlined, for the subsets `text` uses: an SVG that carries its font. */
export async function embeddedFontCss(text: string): Promise<string> {
	const rules = await Promise.all(
		ORDER(subsetsFor(text)).flatMap((subset) =>
			filesOf(subset).map(async ({ weight, url }) => {
				const data = await fileBase64(url);
				return `@font-face{font-family:'${EXPORT_FAMILY}';font-style:normal;font-weight:${weight};src:url(data:font/woff2;base64,${data}) format('woff2');unicode-range:${UNICODE_RANGES[subset]}}`;
			})
		)
	);
	return rules.join('');
}
