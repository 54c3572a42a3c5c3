import { describe, expect, it } from 'vitest';
import { sized, withProbes } from './font-probe';

const css = '@font-face{font-weight:400}@font-face{font-weight:700}';
const figure = (title: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="960" height="540" viewBox="0 0 960 540"><style>${css}</style><text>${title}</text></svg>`;

describe('withProbes', () => {
	it('resizes the picture to the output size, keeping its viewBox', () => {
		expect(sized(figure('x'), 1920, 1080)).toContain('width="1920" height="1080" viewBox="0 0 960 540"');
	});

	it('adds one probe per embedded subset and weight, in a band below the picture', () => {
		const p = withProbes(figure('Камбоджа · العراق'), 1920, 1080, 'OAP Export Sans');
		expect(p.probes.map((x) => `${x.text}${x.weight}`)).toEqual(['H400', 'H700', 'Ж400', 'Ж700', 'ب400', 'ب700']);
		expect(p.svg).toContain(`height="${1080 + p.band}"`);
		expect(p.svg).toContain("font-family=\"'OAP Export Sans'\"");
	});

	it('probes Latin only for a Latin picture', () => {
		expect(withProbes(figure('Area released'), 100, 50, 'F').probes.map((x) => x.text)).toEqual(['H', 'H']);
	});
});
