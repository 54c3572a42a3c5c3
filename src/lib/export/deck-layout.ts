/**
 * Geometry of a panel slide (PowerPoint's 16:9 "wide" layout, 13.333 × 7.5 in): the slide title and
 * subtitle as text, the chart (legend and plot) as one picture, the sources as a small footer.
 * The picture's layout size follows its box, so a chart fills the slide without being stretched.
 */
export const SLIDE = { width: 13.333, height: 7.5 } as const;
const MARGIN = 0.45;

export const SLIDE_BOXES = {
	title: { x: MARGIN, y: 0.25, w: SLIDE.width - 2 * MARGIN, h: 0.75 },
	subtitle: { x: MARGIN, y: 0.95, w: SLIDE.width - 2 * MARGIN, h: 0.45 },
	image: { x: MARGIN, y: 1.45, w: SLIDE.width - 2 * MARGIN, h: 5.3 },
	footer: { x: MARGIN, y: 6.85, w: SLIDE.width - 2 * MARGIN, h: 0.45 }
} as const;

/** Layout size (CSS px) of the chart picture; drawn at 2× for a sharp image on a 1080p projector. */
export const SLIDE_IMAGE = { width: 960, height: Math.round((960 * SLIDE_BOXES.image.h) / SLIDE_BOXES.image.w), scale: 2 } as const;

/** The whole panel image (title, plot, footer): 960×540 laid out, 1920×1080 pixels. */
export const PANEL = { width: 960, height: 540, scale: 2 } as const;
