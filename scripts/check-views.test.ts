import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { viewScript } from '$lib/state/answers.server';
import { checkViews, viewBlock } from './check-views';

const answer = { name: 'country', params: { iso3: 'KHM' }, view: { note: 'a </script><script>alert(1)</script> \u2028 here' }, demo: 3 };

describe('the prerendered answer in a page', () => {
	it('is a JSON data block that no text of the data can close', () => {
		const script = viewScript(answer);
		expect(script.startsWith('<script type="application/json" id="oap-view">')).toBe(true);
		expect(script.match(/<\/script>/g)).toHaveLength(1);
		const json = script.slice(script.indexOf('>') + 1, -'</script>'.length);
		expect(JSON.parse(json)).toEqual(answer);
		expect(viewBlock(`<head>${script}</head>`)).toBe(script);
	});

	it('is checked on every page that must carry one', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'views-'));
		const page = (file: string, withAnswer: boolean) => {
			fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
			fs.writeFileSync(path.join(dir, file), `<html><head>${withAnswer ? viewScript(answer) : ''}</head></html>`);
		};
		page('index.html', true);
		page('countries/KHM.html', true);
		page('committees/article5/draft.html', false);
		page('data.html', false);
		expect(checkViews(dir, ['/', '/countries/KHM']).join('\n')).toMatch(/\/countries\/…\s+1 page/);
		page('actions/21.html', false);
		expect(() => checkViews(dir, ['/', '/countries/KHM', '/actions/21'])).toThrow(/actions\/21\.html/);
		expect(() => checkViews(dir, ['/', '/actions/22'])).toThrow(/actions\/22\.html/);
		expect(() => checkViews(dir, [])).toThrow(/no page/);
	});
});
