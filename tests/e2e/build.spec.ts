// The build under test is whole: every precompressed file decompresses to its original, so the
// browser tests below never run against a half-written or stale build/.
import { checkBuild } from '../../scripts/check-build.js';
import { expect, test } from './fixtures';

test('build/ is whole (every .br and .gz matches its original)', () => {
	expect(checkBuild('build')).toEqual([]);
});
