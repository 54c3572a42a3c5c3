import { describe, expect, it } from 'vitest';
import { link, queryString, routePath } from './link';

const hostile = '../../sql?q=DROP TABLE states';

describe('link: values from data stay one path segment or one query value', () => {
	it('encodes a planted State code into one segment of /countries/[iso3]', () => {
		const path = routePath('/countries/[iso3]', { iso3: hostile });
		expect(path).toBe('/countries/..%2F..%2Fsql%3Fq%3DDROP%20TABLE%20states');
		const url = new URL(path, 'https://example.org/app/');
		expect(url.pathname).toBe('/countries/..%2F..%2Fsql%3Fq%3DDROP%20TABLE%20states');
		expect(url.search).toBe('');
		expect(decodeURIComponent(url.pathname.split('/')[2])).toBe(hostile);
	});

	it('keeps a query value whole: & = # cannot add parameters or a fragment', () => {
		const q = queryString({ meeting: 'IM2024&q=DROP TABLE states#x', state: 'KHM' });
		const url = new URL('/committees/article5/draft' + q, 'https://example.org');
		expect([...url.searchParams.keys()]).toEqual(['meeting', 'state']);
		expect(url.searchParams.get('meeting')).toBe('IM2024&q=DROP TABLE states#x');
		expect(url.hash).toBe('');
	});

	it('leaves out empty query values, writes numbers as they are', () => {
		expect(queryString({ a: null, b: undefined, c: '', year: 2024 })).toBe('?year=2024');
		expect(queryString({})).toBe('');
	});

	it('a code made only of dots can climb one level at most, never reach a query', () => {
		const url = new URL(routePath('/countries/[iso3]/brief', { iso3: '..' }) + queryString({ year: 2023 }), 'https://example.org');
		expect(url.pathname).toBe('/brief');
		expect([...url.searchParams.keys()]).toEqual(['year']);
	});

	it('refuses a link with a missing parameter', () => {
		expect(() => routePath('/countries/[iso3]', {})).toThrow(/iso3/);
	});

	it('link() prefixes the base path', () => {
		expect(link('/countries/[iso3]', { iso3: 'KHM' }, { year: 2023 })).toMatch(/\/countries\/KHM\?year=2023$/);
	});
});
