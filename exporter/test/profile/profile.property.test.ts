import fc from 'fast-check';
import { buildProfile, parseProfile, ProfileBuilder } from '../../src/profile/index.js';

const cell = fc.oneof(
  fc.double(),
  fc.integer({ min: -5, max: 5 }),
  fc.boolean(),
  fc.constantFrom('a', 'b', 'c', '', 'true', '0'),
  fc.string({ maxLength: 4 }),
  fc.constantFrom(null, undefined, Number.NaN, Infinity, -Infinity),
);

const columnName = fc.constantFrom('x', 'y', 'z', '1', 'my col', 'label');
const table = fc.array(fc.dictionary(columnName, cell, { maxKeys: 4 }), { maxLength: 40 });
const options = fc.record(
  {
    binCount: fc.integer({ min: 1, max: 12 }),
    maxCategories: fc.integer({ min: 1, max: 5 }),
    maxExactValues: fc.integer({ min: 1, max: 50 }),
    zeroOneAsBoolean: fc.boolean(),
  },
  { requiredKeys: [] },
);

describe('buildProfile on any table', () => {
  it('builds a profile that passes parseProfile, also after a JSON round trip', () => {
    fc.assert(
      fc.property(table, options, (rows, opts) => {
        const profile = buildProfile(rows, { ...opts, createdAt: '2026-01-01T00:00:00Z' });
        expect(() => parseProfile(profile)).not.toThrow();
        expect(() => parseProfile(JSON.parse(JSON.stringify(profile)))).not.toThrow();
        expect(profile.rowCount).toBe(rows.length);
      }),
      { numRuns: 300 },
    );
  });

  it('gives a valid profile from the streaming builder in both passes', () => {
    fc.assert(
      fc.property(table, options, fc.integer({ min: 1, max: 10 }), (rows, opts, inferenceRows) => {
        const first = new ProfileBuilder({ ...opts, kindInferenceRows: inferenceRows });
        for (const row of rows) first.add(row);
        expect(() => parseProfile(first.finish())).not.toThrow();
        const second = first.edgesFromFirstPass();
        for (const row of rows) second.add(row);
        const profile = second.finish();
        expect(() => parseProfile(profile)).not.toThrow();
        expect(profile.featureOrder).toEqual(first.finish().featureOrder);
      }),
      { numRuns: 200 },
    );
  });
});
