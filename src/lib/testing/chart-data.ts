// Generated values for the charts' property tests (axes.test.ts, specs.test.ts).
import fc from 'fast-check';

/** Values as files bring them: ordinary, zero, huge, tiny, negative, missing, and not numbers at all. */
export const value = fc.oneof(
	{ weight: 6, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
	{ weight: 2, arbitrary: fc.constant(0) },
	{ weight: 2, arbitrary: fc.double({ min: 1e6, max: 1e13, noNaN: true }) },
	{ weight: 1, arbitrary: fc.double({ min: -1e-3, max: 1e-3, noNaN: true }) },
	{ weight: 1, arbitrary: fc.integer({ min: 0, max: 60 }) },
	{ weight: 2, arbitrary: fc.constantFrom(null, undefined, NaN, Infinity, -Infinity) }
);
export const values = fc.oneof(fc.array(value, { maxLength: 30 }), fc.tuple(value, fc.integer({ min: 1, max: 12 })).map(([v, n]) => Array<typeof v>(n).fill(v)));
