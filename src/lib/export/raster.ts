// Browser only: measuring text with the export font, SVG → PNG through a canvas, saving a file.
import { EXPORT_FAMILY } from './fonts';
import { PROBE_CELL, withProbes } from './font-probe';
import { xmlSafe, type Measure } from './text';

/** Text widths as the export font draws them (the font must be loaded first: loadExportFont). */
export function canvasMeasure(): Measure {
	const ctx = document.createElement('canvas').getContext('2d');
	if (!ctx) throw new Error('no 2D canvas');
	return (text, font) => {
		ctx.font = `${font.weight} ${font.size}px "${EXPORT_FAMILY}", sans-serif`;
		return ctx.measureText(text).width;
	};
}

const PROBE_TIMEOUT_MS = 5000;

function hasInk(ctx: CanvasRenderingContext2D, x: number, y: number, size: number): boolean {
	const d = ctx.getImageData(x, y, size, size).data;
	for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && d[i] < 128) return true;
	return false;
}

/**
 * Draw a standalone SVG (fonts embedded) at `width`×`height` pixels, on white, as PNG. Waits until the
 * embedded fonts have loaded in the image (see font-probe.ts), at most a few seconds.
 */
export async function svgToPng(svg: string, width: number, height: number): Promise<Blob> {
	const w = Math.round(width);
	const h = Math.round(height);
	// Basket snapshots made before xmlSafe existed may still hold characters XML forbids.
	const probed = withProbes(xmlSafe(svg), w, h, EXPORT_FAMILY);
	const url = URL.createObjectURL(new Blob([probed.svg], { type: 'image/svg+xml' }));
	try {
		const img = new Image();
		img.src = url;
		await img.decode();
		const canvas = document.createElement('canvas');
		canvas.width = Math.max(w, probed.probes.length * PROBE_CELL);
		canvas.height = h + probed.band;
		const ctx = canvas.getContext('2d', { willReadFrequently: true });
		if (!ctx) throw new Error('no 2D canvas');
		const draw = () => {
			ctx.fillStyle = '#ffffff';
			ctx.fillRect(0, 0, canvas.width, canvas.height);
			ctx.drawImage(img, 0, 0);
		};
		const started = performance.now();
		for (;;) {
			draw();
			if (probed.probes.every((p) => hasInk(ctx, p.x, h, PROBE_CELL))) break;
			if (performance.now() - started > PROBE_TIMEOUT_MS) break; // draw what there is rather than nothing
			await new Promise((r) => setTimeout(r, 20));
		}
		const out = document.createElement('canvas');
		out.width = w;
		out.height = h;
		out.getContext('2d')!.drawImage(canvas, 0, 0, w, h, 0, 0, w, h);
		return await new Promise<Blob>((resolve, reject) => out.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
	} finally {
		URL.revokeObjectURL(url);
	}
}

