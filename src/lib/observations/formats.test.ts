import { describe, expect, it } from 'vitest';
import { LoadError } from '$lib/data/raw';
import { translate } from '$lib/i18n/locale.svelte';
import { parseObservationsFile, toCsv, toJson, toMarkdown, type ObservationsContext } from './formats';
import { draftToRows, rowsToDrafts } from './rows';
import type { ObservationDraft } from './types';

const khm: ObservationDraft = {
	meeting: 'IM2024',
	committee: 'article5',
	iso3: 'KHM',
	status: 'agreed',
	text: 'Cambodia reported progress, "steady"; see below.\n\nSecond paragraph, with a comma.',
	actions: {
		18: { assessment: 'progress', text: '=HYPERLINK("http://x")' },
		21: { assessment: 'concern', text: '' },
		27: { assessment: 'no_assessment', text: '' }
	},
	updated_at: '2024-06-01T10:00:00Z',
	author: '@committee'
};
const yem: ObservationDraft = {
	...khm,
	iso3: 'YEM',
	status: 'draft',
	text: "نلاحظ التقدم المحرز في المسح.\n'=already quoted",
	actions: { 2: { assessment: 'information_requested', text: '-5 km² less | +3 teams' } },
	author: ''
};
const rows = [...draftToRows(khm), ...draftToRows(yem)];

function loadError(f: () => unknown): LoadError {
	try {
		f();
	} catch (e) {
		if (e instanceof LoadError) return e;
		throw e;
	}
	throw new Error('expected a LoadError');
}

describe('toCsv', () => {
	const csv = toCsv(rows);
	it('writes BOM, the contract header, CRLF and RFC 4180 quoting', () => {
		expect(csv.startsWith('\uFEFFmeeting,committee,iso3,action,assessment,status,text,updated_at,author\r\n')).toBe(true);
		expect(csv.endsWith('\r\n')).toBe(true);
		expect(csv).toContain('"Cambodia reported progress, ""steady""; see below.\n\nSecond paragraph, with a comma."');
	});
	it('neutralises formula-looking text and author cells with one apostrophe', () => {
		expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
		expect(csv).toContain(`,'@committee\r\n`);
		expect(csv).toContain(`"'-5 km² less | +3 teams"`);
		expect(csv).toContain(`'=already quoted`); // inside the Arabic text cell: not at the start, untouched
		expect(csv).not.toContain(`''=already`);
	});
	it('neutralises every column: a meeting or a timestamp from a link, a tab- or CR-prefixed note', () => {
		const d: ObservationDraft = { ...khm, meeting: '=1+2', updated_at: '+cmd|x', actions: { 3: { assessment: 'concern', text: '\tnote' } } };
		const lines = toCsv(draftToRows(d)).split('\r\n');
		expect(lines[1].startsWith(`'=1+2,`)).toBe(true);
		expect(lines[1]).toContain(`,"'+cmd|x",`);
		expect(lines[2]).toContain(`,"'\tnote",`);
		for (const line of lines.slice(1, -1)) for (const cell of line.split(',')) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+@\t\r]/);
	});
	it('leaves the non-text columns as they are', () => {
		expect(csv).toContain('IM2024,article5,KHM,18,progress,agreed,');
	});
});

describe('parseObservationsFile', () => {
	it('round-trips CSV exactly, removing exactly the apostrophe it added', () => {
		const back = parseObservationsFile('obs.csv', toCsv(rows));
		expect(back).toEqual(rows);
		expect(rowsToDrafts(back)).toEqual([khm, yem]);
	});
	it('keeps a user-typed apostrophe before = (it gets a second one on export)', () => {
		const d = { ...khm, text: "'=1+1", actions: {} };
		const csv = toCsv(draftToRows(d));
		expect(csv).toContain(`,''=1+1,`);
		expect(rowsToDrafts(parseObservationsFile('a.csv', csv))).toEqual([d]);
	});
	it('round-trips JSON, wrapped or as a bare array', () => {
		const json = toJson(rows);
		expect(JSON.parse(json)).toMatchObject({ format: 'oap-preliminary-observations', version: 1 });
		expect(parseObservationsFile('obs.json', '\uFEFF  ' + json)).toEqual(rows);
		expect(parseObservationsFile('obs.json', JSON.stringify(JSON.parse(json).rows))).toEqual(rows);
	});
	it('reports JSON errors by file, row (index + 2) and column, like CSV', () => {
		const bad = JSON.parse(toJson(rows)).rows;
		bad[1].assessment = 'great';
		bad[2].action = 99;
		const e = loadError(() => parseObservationsFile('obs.json', JSON.stringify(bad)));
		expect(e.issues).toContainEqual(expect.objectContaining({ file: 'obs.json', row: 3, column: 'assessment' }));
		expect(e.issues).toContainEqual(expect.objectContaining({ file: 'obs.json', row: 4, column: 'action' }));
	});
	it('names unknown JSON keys and missing required values', () => {
		const e = loadError(() => parseObservationsFile('x.json', '[{"meeting":"IM2024","committee":"article5","iso3":"KHM","status":"draft","colour":"red"}]'));
		expect(e.issues[0]).toMatchObject({ row: 1, column: 'colour' });
		const m = loadError(() => parseObservationsFile('x.json', '[{"meeting":"IM2024","committee":"article5","iso3":"KHM"}]'));
		expect(m.issues[0]).toMatchObject({ row: 2, column: 'status', rule: 'required' });
	});
	it('rejects broken JSON, a foreign format and duplicate keys', () => {
		expect(loadError(() => parseObservationsFile('x.json', '{"rows": [')).issues[0]).toMatchObject({ file: 'x.json', rule: 'not_json' });
		expect(loadError(() => parseObservationsFile('x.json', '{"format":"other","rows":[]}')).issues[0]).toMatchObject({ rule: 'not_observations', params: { format: 'other' } });
		const dup = [...rows, rows[0]];
		expect(loadError(() => parseObservationsFile('x.json', toJson(dup))).issues[0]).toMatchObject({ row: dup.length + 1 });
	});
	it('rejects JSON cells of the wrong type, by file, row and column (a text given as an object)', () => {
		const bad = JSON.parse(toJson(rows)).rows;
		bad[0].text = { fr: 'texte' };
		bad[1].action = '18';
		bad[2].author = ['a', 'b'];
		bad[3].status = true;
		const e = loadError(() => parseObservationsFile('obs.json', JSON.stringify(bad)));
		expect(e.issues.map(({ file, row, column, rule, params }) => ({ file, row, column, message: translate('en', `problem.${rule}`, params) }))).toEqual([
			{ file: 'obs.json', row: 2, column: 'text', message: 'expected text, found an object' },
			{ file: 'obs.json', row: 3, column: 'action', message: 'expected a number, found text' },
			{ file: 'obs.json', row: 4, column: 'author', message: 'expected text, found a list' },
			{ file: 'obs.json', row: 5, column: 'status', message: 'expected text, found true/false' }
		]);
	});
	it('reports CSV errors through the project validation', () => {
		const csv = toCsv(rows).replace('KHM,18,progress', 'KHM,eighteen,progress');
		expect(loadError(() => parseObservationsFile('obs.csv', csv)).issues[0]).toMatchObject({ file: 'obs.csv', row: 3, column: 'action' });
	});
});

describe('toMarkdown', () => {
	const ctx: ObservationsContext = {
		stateName: (iso3) => ({ KHM: 'Cambodia', YEM: 'Yemen' })[iso3] ?? iso3,
		committeeName: 'Committee on Article 5',
		meetingName: 'Intersessional Meetings 2024',
		assessmentLabel: (a) => a.replace('_', ' ')
	};
	it('writes one section per State with status, text and assessed actions', () => {
		const md = toMarkdown([khm, yem], ctx);
		expect(md).toContain('# Preliminary observations — Committee on Article 5 — Intersessional Meetings 2024');
		expect(md).toContain('## Cambodia (KHM)\n\n**Status:** Agreed\n\nCambodia reported');
		expect(md).toContain('- Action 18 — progress: =HYPERLINK("http://x")');
		expect(md).toContain('- Action 21 — concern\n');
		expect(md).not.toContain('Action 27'); // no assessment and no note: nothing to say
		expect(md).toContain('## Yemen (YEM)\n\n**Status:** Draft');
	});

	it('lists the facts a draft cites with their full sources, and the text keeps the demonstration mark', () => {
		const cited = { ...khm, text: 'In 2023, Remaining mined area (km²): 1.27. [demonstration data, not reported by the State]' };
		const md = toMarkdown([cited], {
			...ctx,
			factsFor: (iso3) => (iso3 === 'KHM' ? [{ sentence: 'In 2023, Remaining mined area (km²): 1.27. [demonstration data, not reported by the State]', source: 'demonstration' }] : [])
		});
		expect(md).toContain('### Figures and sources\n\n- In 2023, Remaining mined area (km²): 1.27. [demonstration data, not reported by the State] — *Source: demonstration*');
		// The mark is in the text itself, so the CSV and JSON rows carry it too.
		expect(toCsv(draftToRows(cited))).toContain('[demonstration data, not reported by the State]');
		expect(toJson(draftToRows(cited))).toContain('[demonstration data, not reported by the State]');
	});
});

describe('identifiers in imported observations', () => {
	it('an iso3 that is not three capital letters is rejected with its row, like any loaded file', () => {
		const csv = 'meeting,committee,iso3,action,assessment,status,text\nIM2024,article5,KHM,,,draft,ok\nIM2024,article5,../x,,,draft,planted\n';
		const e = loadError(() => parseObservationsFile('obs.csv', csv));
		expect(e.issues).toEqual([expect.objectContaining({ row: 3, column: 'iso3' })]);
	});
});
