// Browser only: measuring text with the export font, SVG → PNG through a canvas, saving a file.
import { EXPORT_FAMILY } from './fonts';
import type { Measure } from './text';

/** Text widths as the export font draws them (the font must be loaded first: loadExportFont). */
export function canvasMeasure(): Measure {
	const ctx = document.createElement('canvas').getContext('2d');
	if (!ctx) throw new Error('no 2D canvas');
	return (text, font) => {
		ctx.font = `${font.weight} ${font.size}px "${EXPORT_FAMILY}", sans-serif`;
		return ctx.measureText(text).width;
	};
}

/** Draw a standalone SVG (fonts embedded) at `scale` × its intrinsic size, on white, as PNG. */
export async function svgToPng(svg: string, width: number, height: number): Promise<Blob> {
	const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
	try {
		const img = new Image();
		img.src = url;
		await img.decode();
		const canvas = document.createElement('canvas');
		canvas.width = Math.round(width);
		canvas.height = Math.round(height);
		const ctx = canvas.getContext('2d');
		if (!ctx) throw new Error('no 2D canvas');
		ctx.fillStyle = '#ffffff';
		ctx.fillRect(0, 0, canvas.width, canvas.height);
		ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
		return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
	} finally {
		URL.revokeObjectURL(url);
	}
}

/** Offer `blob` as a download named `name` (an <a download> click: no navigation, no server). */
export function saveFile(blob: Blob, name: string): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	a.rel = 'noopener';
	document.body.append(a);
	a.click();
	a.remove();
	// The download has started reading the blob by the next task; keep it a little longer for slow machines.
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
