import { describe, expect, it } from 'vitest';
import { figureSvg, fitChart, layoutFigure, svgText, type FigureInput } from './svg-compose';
import { approximateMeasure } from './text';

const footer = { sources: 'Source: demonstration', meta: 'Data up to 2024 · exported 2025-03-01 · Oslo Action Plan progress', demo: 'Demonstration data' };
const swatch = (fill: string) => ({ svg: `<svg width="15" height="15" fill="${fill}"><rect width="100%" height="100%"/></svg>`, width: 15, height: 15 });
const base: FigureInput = {
	width: 640,
	chartHeight: 260,
	padding: 16,
	title: 'Actions by level, per section, 2024',
	subtitle: 'Number of actions in each level status',
	legends: [{ kind: 'swatches', fontSize: 12, items: [{ ...swatch('#1a7f4b'), label: '✓ On track' }, { ...swatch('#b42318'), label: '✗ Off track' }] }],
	footer,
	align: 'ltr',
	measure: approximateMeasure
};

describe('layoutFigure', () => {
	it('stacks title, subtitle, legend, plot and footer; the height follows the plot', () => {
		const l = layoutFigure(base);
		const y = (text: string) => l.texts.find((t) => t.text.includes(text))!.y;
		expect(y('Actions by level')).toBeLessThan(y('Number of actions'));
		expect(y('Number of actions')).toBeLessThan(y('On track'));
		expect(y('On track')).toBeLessThan(l.chart.y);
		expect(l.chart.y + l.chart.height).toBeLessThan(y('Demonstration data'));
		expect(y('Demonstration data')).toBeLessThan(y('Source: demonstration'));
		expect(y('Source: demonstration')).toBeLessThan(y('Oslo Action Plan progress'));
		expect(l.chart.height).toBe(260);
		expect(l.height).toBeGreaterThan(l.chart.y + 260);
		expect(l.chart.width).toBe(640 - 32);
	});

	it('gives the plot what a fixed panel height leaves', () => {
		const l = layoutFigure({ ...base, width: 960, height: 540 });
		expect(l.height).toBe(540);
		const lastText = Math.max(...l.texts.map((t) => t.y));
		expect(lastText).toBeLessThanOrEqual(540 - 16 + 1);
		expect(l.chart.y + l.chart.height).toBeLessThan(lastText);
		expect(l.chart.height).toBeGreaterThan(300);
	});

	it('wraps a long title instead of cutting it', () => {
		const l = layoutFigure({ ...base, title: 'word '.repeat(40) });
		expect(l.texts.filter((t) => t.text.startsWith('word')).length).toBeGreaterThan(1);
		for (const t of l.texts) expect(approximateMeasure(t.text, t.font)).toBeLessThanOrEqual(640 - 32);
	});

	it('puts legend items on a new row when the row is full', () => {
		const items = Array.from({ length: 12 }, (_, i) => ({ ...swatch('#000'), label: `Category number ${i}` }));
		const l = layoutFigure({ ...base, legends: [{ kind: 'swatches', fontSize: 12, items }] });
		const rows = new Set(l.svgs.map((s) => s.y));
		expect(rows.size).toBeGreaterThan(1);
		for (const s of l.svgs) expect(s.x).toBeLessThan(640 - 16);
	});

	it('in a right-to-left interface, sets Arabic text on the right with direction rtl', () => {
		const l = layoutFigure({ ...base, align: 'rtl', title: 'الإجراءات حسب المستوى، 2024' });
		const title = l.texts[0];
		expect(title).toMatchObject({ x: 640 - 16, rtl: true, anchor: 'start' });
		const source = l.texts.find((t) => t.text.startsWith('Source'))!;
		expect(source).toMatchObject({ x: 640 - 16, rtl: false, anchor: 'end' });
	});

	it('omits title and footer for a slide picture', () => {
		const l = layoutFigure({ ...base, title: undefined, subtitle: undefined, footer: undefined, height: 405 });
		expect(l.texts.map((t) => t.text)).toEqual(['✓ On track', '✗ Off track']);
		expect(l.ruleY).toBeNull();
	});
});

describe('figureSvg', () => {
	const layout = layoutFigure({ ...base, title: 'Area <released> & "cleared"' });
	const chart = '<svg xmlns="http://www.w3.org/2000/svg" width="608" height="260"><text>2024</text></svg>';
	const svg = figureSvg(layout, chart, { title: 'Area <released> & "cleared"', scale: 2, fontCss: '@font-face{}' });

	it('is one standalone SVG: namespace, size at scale, white background, font stack, embedded fonts', () => {
		expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
		expect(svg).toContain(`width="1280" height="${layout.height * 2}" viewBox="0 0 640 ${layout.height}"`);
		expect(svg).toContain('fill="#ffffff"');
		expect(svg).toContain("font-family=\"'OAP Export Sans'");
		expect(svg).toContain('<style>@font-face{}</style>');
		expect(svg.endsWith('</svg>')).toBe(true);
	});

	it('escapes the title and holds the legend labels, the plot and the footer as text', () => {
		expect(svg).toContain('<title>Area &lt;released&gt; &amp; &quot;cleared&quot;</title>');
		const text = svgText(svg);
		for (const s of ['Area <released> & "cleared"', '✓ On track', '✗ Off track', '2024', 'Source: demonstration', 'Demonstration data', 'Oslo Action Plan progress']) expect(text).toContain(s);
		expect(text).not.toContain('@font-face');
	});

	it('marks right-to-left lines for bidi shaping', () => {
		const rtl = figureSvg(layoutFigure({ ...base, align: 'rtl', title: 'الإجراءات' }), chart, { title: 'الإجراءات' });
		expect(rtl).toMatch(/<text [^>]*text-anchor="start" direction="rtl" unicode-bidi="embed">الإجراءات<\/text>/);
	});
});

describe('fitChart', () => {
	const box = { x: 20, y: 100, width: 920, height: 380 };

	it('places a plot that fits as it is', () => {
		expect(fitChart(box, { width: 920, height: 300 })).toEqual({ x: 20, y: 100, scale: 1 });
	});

	it('scales a plot taller than its box (a map whose height follows its width) and centres it', () => {
		const f = fitChart(box, { width: 920, height: 438 });
		expect(f.scale).toBeCloseTo(380 / 438);
		expect(f.x).toBeCloseTo(20 + (920 - 920 * f.scale) / 2);
	});
});

describe('figureSvg with characters XML forbids in the data', () => {
	it('drops them from the title, the legend labels and the serialized plot, so the file parses', () => {
		const bad = '\u0001\u000B\uFFFE\uDC00';
		const input: FigureInput = { ...base, title: `Cam${bad}bodia`, legends: [{ kind: 'swatches', fontSize: 12, items: [{ ...swatch('#000'), label: `On${bad} track` }] }] };
		const svg = figureSvg(layoutFigure(input), `<svg><text>Yem${bad}en</text></svg>`, { title: `Cam${bad}bodia` });
		expect(svg).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/);
		expect(svg).toContain('<title>Cambodia</title>');
		expect(svg).toContain('>On track</text>');
		expect(svg).toContain('<text>Yemen</text>');
	});
});
