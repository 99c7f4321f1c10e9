import fc from 'fast-check';
import { chiSquaredContingency } from '../../src/stats/chi-squared-contingency.js';
import { twoProportionZTest } from '../../src/stats/two-proportion-z-test.js';

const trials = fc.integer({ min: 1, max: 5000 }).chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n })));

describe('twoProportionZTest', () => {
  test('equal rates: z = 0 and p = 1', () => {
    const result = twoProportionZTest(30, 100, 60, 200);
    expect(result.z).toBe(0);
    expect(result.pValue).toBe(1);
  });

  test('a pooled rate of 0 or 1 gives NaN z and p', () => {
    expect(twoProportionZTest(0, 10, 0, 20).pValue).toBeNaN();
    expect(twoProportionZTest(10, 10, 20, 20).z).toBeNaN();
  });

  test('swapping the groups flips the sign of z and keeps p; z² is the 2×2 Pearson chi-squared', () => {
    fc.assert(
      fc.property(trials, trials, ([nA, sA], [nB, sB]) => {
        const ab = twoProportionZTest(sA, nA, sB, nB);
        const ba = twoProportionZTest(sB, nB, sA, nA);
        if (Number.isNaN(ab.z)) return;
        expect(ba.z).toBeCloseTo(-ab.z, 10);
        expect(ba.pValue).toBeCloseTo(ab.pValue, 12);
        expect(ab.pValue).toBeGreaterThanOrEqual(0);
        expect(ab.pValue).toBeLessThanOrEqual(1);
        const table = [[sA, nA - sA], [sB, nB - sB]];
        if (table.flat().every((c) => c > 0)) {
          const chi = chiSquaredContingency(table);
          expect(ab.z ** 2).toBeCloseTo(chi.statistic, 6);
          expect(ab.pValue).toBeCloseTo(chi.pValue, 9);
        }
      }),
    );
  });

  test('rejects impossible counts', () => {
    expect(() => twoProportionZTest(1, 0, 1, 2)).toThrow(/nA must be a positive integer/);
    expect(() => twoProportionZTest(3, 2, 1, 2)).toThrow(/successesA must be an integer in \[0, 2\]/);
    expect(() => twoProportionZTest(1, 2, 0.5, 2)).toThrow(/successesB/);
  });
});
