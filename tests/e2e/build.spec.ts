// The build under test is whole: every precompressed file decompresses to its original, so the
// browser tests below never run against a half-written or stale build/; and it holds nothing unserved.
import { checkBuild, strayFiles } from '../../scripts/check-build.js';
import { expect, test } from './fixtures';

test('build/ is whole (every .br and .gz matches its original)', () => {
	expect(checkBuild('build')).toEqual([]);
});

test('build/ holds only what is served: every file under _app/immutable is named by a served file', () => {
	expect(strayFiles('build')).toEqual([]);
});
