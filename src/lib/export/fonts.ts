// Browser only. The export font files are emitted by Vite as assets of the build (same origin, offline).
import latin400 from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import latin700 from '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2?url';
import latinExt400 from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';
import latinExt700 from '@fontsource/noto-sans/files/noto-sans-latin-ext-700-normal.woff2?url';
import cyrillic400 from '@fontsource/noto-sans/files/noto-sans-cyrillic-400-normal.woff2?url';
import cyrillic700 from '@fontsource/noto-sans/files/noto-sans-cyrillic-700-normal.woff2?url';
import arabic400 from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff2?url';
import arabic700 from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-700-normal.woff2?url';
import { subsetsFor, UNICODE_RANGES, type Subset } from './font-subsets';

/** The family name the export uses; distinct from the page's fonts so the page never changes. */
export const EXPORT_FAMILY = 'OAP Export Sans';

const FILES: Record<Subset, Record<400 | 700, string>> = {
	latin: { 400: latin400, 700: latin700 },
	'latin-ext': { 400: latinExt400, 700: latinExt700 },
	cyrillic: { 400: cyrillic400, 700: cyrillic700 },
	arabic: { 400: arabic400, 700: arabic700 }
};
const WEIGHTS = [400, 700] as const;

// Start-once: the faces are added to the document a single time, whoever asks first.
let registered: Promise<void> | null = null;
const base64 = new Map<string, Promise<string>>();

function register(): Promise<void> {
	registered ??= Promise.resolve().then(() => {
		for (const subset of Object.keys(FILES) as Subset[])
			for (const weight of WEIGHTS)
				document.fonts.add(new FontFace(EXPORT_FAMILY, `url(${FILES[subset][weight]}) format('woff2')`, { weight: String(weight), unicodeRange: UNICODE_RANGES[subset] }));
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
		subsetsFor(text).flatMap((subset) =>
			WEIGHTS.map(async (weight) => {
				const data = await fileBase64(FILES[subset][weight]);
				return `@font-face{font-family:'${EXPORT_FAMILY}';font-style:normal;font-weight:${weight};src:url(data:font/woff2;base64,${data}) format('woff2');unicode-range:${UNICODE_RANGES[subset]}}`;
			})
		)
	);
	return rules.join('');
}
