import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { methodHtml, sectionId } from './method-html';

const doc = fs.readFileSync('docs/METHOD.md', 'utf8');

describe('the method page, from docs/METHOD.md', () => {
	const { html, toc } = methodHtml(doc);

	it('anchors every numbered section, so other pages link to /method#s13', () => {
		expect(sectionId('13. Worklist flags')).toBe('s13');
		expect(sectionId('5.1 Pairs and coverage')).toBe('s5-1');
		expect(sectionId('Constants')).toBeNull();
		for (const id of ['s5', 's5-1', 's7', 's12', 's13', 's14', 's15']) expect(html).toContain(`id="${id}"`);
		expect(toc.map((s) => s.id)).toEqual(expect.arrayContaining(['s0', 's1', 's13', 's15']));
	});

	it('links “§5.1” to its section, and every such link has its target', () => {
		expect(html).toContain('<a href="#s5-1">§5.1</a>');
		const targets = [...html.matchAll(/href="#(s[\d-]+)"/g)].map((m) => m[1]);
		expect(targets.length).toBeGreaterThan(20);
		for (const id of new Set(targets)) expect(html, id).toContain(`id="${id}"`);
	});

	it('leaves out what is written for developers: no source file on the page', () => {
		expect(doc).toContain('src/lib/model/');
		expect(html).not.toMatch(/src\/lib|\.ts\b|\.test\b/);
		expect(html).not.toContain('id="s10"'); // §10 Implementation
		expect(html).toContain('Worklist flags');
		// The document's title is the page's own (translated) h1.
		expect(html).not.toContain('<h1');
	});
});
