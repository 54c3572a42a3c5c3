// Property tests of the chart kit: generated values of every shape (none, zero, constant, negative,
// huge, missing) must give a drawable axis whose labels are distinct, short and spaced to fit.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { values } from '$lib/testing/chart-data';
import { categoryMargin, FONT, laneLayout, lineCount, numberAxis, stepTicks, symlogTicks, textWidth, yearTicks, type AxisOptions } from './axes';

const options = fc.record({
	length: fc.integer({ min: 60, max: 1400 }),
	orientation: fc.constantFrom('x' as const, 'y' as const),
	zero: fc.boolean(),
	integer: fc.boolean(),
	percent: fc.boolean(),
	signed: fc.boolean(),
	locale: fc.constantFrom('en', 'fr', 'ar-u-nu-latn', 'ru', 'zh', 'es')
});

describe('numberAxis survives any values', () => {
	it('a finite, non-empty domain holding every finite value (and zero when asked), with distinct short labels that fit', () => {
		fc.assert(
			fc.property(values, options, (vs, o: AxisOptions) => {
				const a = numberAxis(vs, o);
				const finite = vs.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
				expect(Number.isFinite(a.domain[0]) && Number.isFinite(a.domain[1])).toBe(true);
				expect(a.domain[0]).toBeLessThan(a.domain[1]);
				// Values within 0.0001 of zero count as zero.
				const eps = Math.max((a.domain[1] - a.domain[0]) * 1e-9, 1e-4);
				for (const v of finite) expect(v >= a.domain[0] - eps && v <= a.domain[1] + eps).toBe(true);
				if (o.zero) expect(a.domain[0] <= 0 && a.domain[1] >= 0).toBe(true);
				// Two ticks at least on a vertical axis; one on a horizontal axis too short for two labels.
				expect(a.ticks.length).toBeGreaterThanOrEqual(o.orientation === 'y' ? 2 : 1);
				for (let i = 1; i < a.ticks.length; i++) expect(a.ticks[i]).toBeGreaterThan(a.ticks[i - 1]);
				for (const t of a.ticks) expect(t >= a.domain[0] - eps && t <= a.domain[1] + eps).toBe(true);
				if (o.integer) for (const t of a.ticks) expect(Number.isInteger(t)).toBe(true);
				const labels = a.ticks.map(a.format);
				expect(new Set(labels).size).toBe(labels.length);
				for (const l of labels) {
					expect(l).not.toMatch(/NaN|Infinity|undefined|e[+-]\d/);
					expect(l.length).toBeLessThanOrEqual(16);
				}
				// Spaced so that labels never touch (a single label has nothing to touch).
				const room = o.orientation === 'y' ? a.ticks.length * (FONT + 8) : a.ticks.length * (a.labelWidth + 10);
				expect(room <= o.length || a.ticks.length === 1).toBe(true);
			}),
			{ numRuns: 600 }
		);
	});

	it('the shapes named in issue 13: all zero, constant, one point, negative, huge, nothing', () => {
		const y = (vs: (number | null)[], o: Partial<AxisOptions> = {}) => numberAxis(vs, { length: 200, orientation: 'y', zero: true, ...o });
		expect(y([0, 0, 0]).domain).toEqual([0, 1]);
		expect(y([0, 0, 0]).ticks.map(y([0, 0, 0]).format)).not.toContain('0000');
		expect(y([]).domain).toEqual([0, 1]);
		expect(y([null, null]).domain).toEqual([0, 1]);
		const c = y([5, 5, 5]);
		expect(c.domain[0]).toBe(0);
		expect(c.domain[1]).toBeGreaterThanOrEqual(5);
		const free = numberAxis([5, 5], { length: 200, orientation: 'y' });
		expect(free.domain[0]).toBeLessThan(5);
		expect(free.domain[1]).toBeGreaterThan(5);
		const one = numberAxis([42], { length: 200, orientation: 'y' });
		expect(one.domain[0]).toBeLessThan(42);
		expect(one.domain[1]).toBeGreaterThan(42);
		const neg = y([-30, 12]);
		expect(neg.domain[0]).toBeLessThanOrEqual(-30);
		expect(neg.ticks).toContain(0);
		const huge = y([1_250_000_000, 3_400_000_000]);
		expect(huge.ticks.map(huge.format)).toEqual(expect.arrayContaining(['1B', '2B', '3B']));
		expect(huge.ticks.map(huge.format).join(' ')).not.toMatch(/,000/);
	});

	it('counts step by whole numbers, never 0.2', () => {
		const a = numberAxis([0, 1, 2], { length: 400, orientation: 'x', zero: true, integer: true });
		expect(a.ticks).toEqual([0, 1, 2]);
		expect(numberAxis([1], { length: 800, orientation: 'x', zero: true, integer: true }).ticks).toEqual([0, 1]);
	});

	it('shares on a signed axis read +25%, symmetric around zero', () => {
		const a = numberAxis([], { length: 600, orientation: 'x', symmetric: 0.5, percent: true, signed: true });
		expect(a.domain).toEqual([-0.5, 0.5]);
		expect(a.ticks.map(a.format)).toEqual(expect.arrayContaining(['−50%', '0%', '+50%'].map((s) => s.replace('−', '-'))));
	});

	it('steps are computed from integers: no 0.30000000000000004', () => {
		expect(stepTicks(0, 0.5, 0.1)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5]);
	});
});

describe('year ticks fit the width', () => {
	it('are increasing years within the range, spaced for their labels, never run together', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1990, max: 2060 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 80, max: 1400 }), (from, span, length) => {
				const ticks = yearTicks(from, from + span, length);
				expect(ticks.length).toBeGreaterThanOrEqual(1);
				for (const t of ticks) expect(Number.isInteger(t) && t >= from && t <= from + span).toBe(true);
				for (let i = 1; i < ticks.length; i++) expect(ticks[i]).toBeGreaterThan(ticks[i - 1]);
				expect(ticks.length === 1 || ticks.length * (textWidth('2030') + 12) <= length).toBe(true);
			})
		);
		// The brief's projection, 2019–2045 in a 300 px column: not every year.
		expect(yearTicks(2019, 2045, 300).length).toBeLessThan(8);
	});

	it('symlog ticks include small values (0, 1, 2, 5…) and never exceed the maximum', () => {
		expect(symlogTicks(60, 400)).toEqual([0, 1, 2, 5, 10, 20, 50]);
		const narrow = symlogTicks(1e6, 150);
		expect(narrow[0]).toBe(0);
		expect(narrow.length).toBeLessThanOrEqual(Math.max(2, Math.floor(150 / 44)) + 1);
		for (const t of symlogTicks(123, 1000)) expect(t).toBeLessThanOrEqual(123);
	});
});

describe('labels placed without touching', () => {
	it('lanes: no two labels in one lane overlap', () => {
		const item = fc.record({ x: fc.double({ min: 0, max: 1000, noNaN: true }), width: fc.double({ min: 5, max: 200, noNaN: true }) });
		fc.assert(
			fc.property(fc.array(item, { maxLength: 14 }), (items) => {
				const lanes = laneLayout(items);
				expect(lanes).toHaveLength(items.length);
				for (let i = 0; i < items.length; i++)
					for (let j = i + 1; j < items.length; j++) {
						if (lanes[i] !== lanes[j]) continue;
						const [a, b] = [items[i], items[j]];
						expect(Math.abs(a.x - b.x)).toBeGreaterThanOrEqual((a.width + b.width) / 2);
					}
				for (const l of lanes) expect(l).not.toBe(0);
			})
		);
	});

	it('category margins grow with the labels up to a share of the width, and say how many lines the longest wraps to', () => {
		const short = categoryMargin(['Chad', 'Peru'], 800);
		expect(short.margin).toBeGreaterThanOrEqual(textWidth('Chad'));
		expect(short.lines).toBe(1);
		const long = categoryMargin(['Survey and clearance of mined areas and the release of land'], 390, 0.4);
		expect(long.margin).toBeLessThanOrEqual(390 * 0.4 + 12);
		expect(long.lines).toBeGreaterThan(1);
		expect(lineCount('a b c', 1000)).toBe(1);
	});

	it('text widths: wider for wide scripts, longer for longer text', () => {
		expect(textWidth('柬埔寨')).toBeGreaterThan(textWidth('KHM'));
		expect(textWidth('Cambodia', 11)).toBeLessThan(textWidth('Cambodia', 12));
		fc.assert(
			fc.property(fc.string(), fc.string(), (a, b) => {
				expect(textWidth(a + b)).toBeGreaterThanOrEqual(textWidth(a));
			})
		);
	});
});
