import { describe, expect, it } from 'vitest';
import { htmlFile, viewScript, withView } from './prerender-views';

const answer = { name: 'country', params: { iso3: 'KHM' }, view: { note: 'a </script><script>alert(1)</script> \u2028 here' }, demo: 3 };

describe('the prerendered answer in a page', () => {
	it('is a JSON data block that no text of the data can close', () => {
		const script = viewScript(answer);
		expect(script.startsWith('<script type="application/json" id="oap-view">')).toBe(true);
		expect(script.match(/<\/script>/g)).toHaveLength(1);
		const json = script.slice(script.indexOf('>') + 1, -'</script>'.length);
		expect(JSON.parse(json)).toEqual(answer);
	});

	it('goes into the head once, and replaces an earlier one', () => {
		const html = '<html><head><title>x</title></head><body><div>%app%</div></body></html>';
		const once = withView(html, viewScript(answer));
		expect(once).toContain('id="oap-view"');
		expect(once.indexOf('oap-view')).toBeLessThan(once.indexOf('</head>'));
		const again = withView(once, viewScript({ ...answer, demo: 0 }));
		expect(again.match(/oap-view/g)).toHaveLength(1);
		expect(again).toContain('"demo":0');
		expect(() => withView('<html><body></body></html>', viewScript(answer))).toThrow(/head/);
	});

	it('names the prerendered file of each page path', () => {
		expect(htmlFile('build', '/')).toBe('build/index.html');
		expect(htmlFile('build', '/actions/21')).toBe('build/actions/21.html');
		expect(htmlFile('build', '/countries/KHM')).toBe('build/countries/KHM.html');
	});
});
