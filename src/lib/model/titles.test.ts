// Action titles only where a source ties content to the number, synced from the corrected reference
// (../shared/reference/oap_actions.csv, SOURCES.md §1 third pass), each marked as a paraphrase (issue 10).
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import Papa from 'papaparse';
import { useBundledPlan } from '$lib/testing/bundled-db';
import { cite } from './sources';

const ctx = useBundledPlan();
const read = (file: string) => Papa.parse<Record<string, string>>(fs.readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true }).data;
const REFERENCE = '../shared/reference/oap_actions.csv';

describe('action titles', () => {
	it('has a title only for the 11 actions a source ties to their number, all paraphrases', () => {
		const titled = ctx.data.actions.filter((a) => a.title).map((a) => a.action);
		expect(titled).toEqual([1, 6, 15, 17, 18, 20, 23, 24, 34, 38, 50]);
		for (const a of ctx.data.actions) expect(a.title_kind, `action ${a.action}`).toBe(a.title ? 'paraphrase' : null);
	});

	it('gives Action 34 the paraphrase of the words meeting document 003 quotes, and 33, 35–37, 39 none', () => {
		const byNumber = new Map(ctx.data.actions.map((a) => [a.action, a]));
		expect(byNumber.get(34)?.title).toBe("Address victims' needs and rights through multi-sectoral efforts and national policy and legal frameworks, in line with the CRPD");
		expect(byNumber.get(34)?.source).toMatch(/meeting document 003/);
		for (const n of [33, 35, 36, 37, 39]) expect(byNumber.get(n)?.title, `action ${n}`).toBeNull();
	});

	it('cites, for an untitled action, only what ties its section and committee to the number', () => {
		const a21 = ctx.data.actions.find((a) => a.action === 21)!;
		expect(cite(a21.source).documents).toEqual([expect.stringMatching(/^Section and committee: /)]);
		expect(a21.source).not.toMatch(/not retrieved/);
	});

	it.skipIf(!fs.existsSync(REFERENCE))('matches the reference’s short titles one for one', () => {
		const ref = read(REFERENCE);
		const bundled = read('data/actions.csv');
		expect(bundled.map((a) => [a.action, a.title])).toEqual(ref.map((r) => [r.action, r.short_title]));
	});
});
