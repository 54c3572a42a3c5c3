import { describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { FSI, isolate, isolateChartText, isRtl, LRI, PDI } from './bidi';

describe('isolate', () => {
	it('makes text with letters one unit in its own direction', () => {
		expect(isolate('2RC')).toBe(`${FSI}2RC${PDI}`);
		expect(isolate('كمبوديا')).toBe(`${FSI}كمبوديا${PDI}`);
	});
	it('keeps several numbers left to right, and leaves one number alone', () => {
		expect(isolate('18–32')).toBe(`${LRI}18–32${PDI}`);
		expect(isolate('2030-12-31')).toBe(`${LRI}2030-12-31${PDI}`);
		expect(isolate('2024')).toBe('2024');
	});
	it('reads the direction from the first strong letter', () => {
		expect(isRtl(`${FSI}الممنوح في 2RC${PDI}`)).toBe(true);
		expect(isRtl('2RC الممنوح')).toBe(false);
	});
});

describe('isolateChartText', () => {
	const chart = (html: string) => {
		const doc = new Window().document;
		const root = doc.createElement('figure');
		root.innerHTML = html;
		// Plot puts a <style> in its SVG (happy-dom's parser drops what follows one, so it is added after).
		const style = doc.createElement('style');
		style.textContent = '.x{fill:red}';
		root.querySelector('svg')?.prepend(style);
		return root as unknown as Element;
	};
	const svg = `<div class="plot-swatches"><span>✓ على المسار</span></div><svg><g><text>تمديد المهلة رقم 1، الممنوح في ${FSI}2RC${PDI}</text><text><tspan>2024</tspan></text></g></svg>`;

	it('isolates every text of a right-to-left chart, not its styles, and lets legends flow right to left', () => {
		const root = chart(svg);
		isolateChartText(root, true);
		const texts = [...root.querySelectorAll('text, span')].map((e) => e.textContent);
		expect(texts).toEqual([`${FSI}✓ على المسار${PDI}`, `${FSI}تمديد المهلة رقم 1، الممنوح في ${FSI}2RC${PDI}${PDI}`, `${FSI}2024${PDI}`]);
		expect(root.querySelector('style')?.textContent).toBe('.x{fill:red}');
		expect(root.querySelector('.plot-swatches')?.getAttribute('dir')).toBe('rtl');
	});

	it('in a left-to-right language isolates only texts that hold right-to-left letters', () => {
		const root = chart(svg);
		isolateChartText(root, false);
		expect(root.querySelectorAll('text')[1].textContent).toBe('2024');
		expect(root.querySelector('span')?.textContent?.startsWith(FSI)).toBe(true);
		expect(root.querySelector('.plot-swatches')?.hasAttribute('dir')).toBe(false);
	});
});
