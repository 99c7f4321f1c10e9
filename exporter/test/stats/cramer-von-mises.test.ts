import fc from 'fast-check';
import { cramerVonMisesTwoSample } from '../../src/stats/cramer-von-mises.js';
import { cramerVonMisesLimitCdf } from '../../src/stats/distributions/cramer-von-mises-limit-cdf.js';

describe('cramerVonMisesTwoSample', () => {
  test('fully separated samples of 4 and 4: the exact p is 2/C(8,4)', () => {
    const result = cramerVonMisesTwoSample([1, 2, 3, 4], [5, 6, 7, 8]);
    expect(result.methodUsed).toBe('exact');
    expect(result.statistic).toBeCloseTo(0.6875, 14); // scipy cramervonmises_2samp
    expect(result.pValue).toBeCloseTo(2 / 70, 14);
  });

  test('identical samples give the smallest statistic and p = 1 (exact)', () => {
    const result = cramerVonMisesTwoSample([1, 2, 3], [1, 2, 3], 'exact');
    expect(result.pValue).toBe(1);
  });

  test("'auto' switches to the asymptotic law above 20 observations per sample", () => {
    const x = Array.from({ length: 21 }, (_, i) => i);
    expect(cramerVonMisesTwoSample(x, [1, 2, 3]).methodUsed).toBe('asymptotic');
    expect(cramerVonMisesTwoSample(x.slice(0, 20), [1, 2, 3]).methodUsed).toBe('exact');
  });

  test('symmetric in x and y; p within [0, 1] under both methods', () => {
    const sample = fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 2, maxLength: 12 });
    fc.assert(
      fc.property(sample, sample, fc.constantFrom('exact', 'asymptotic') as fc.Arbitrary<'exact' | 'asymptotic'>, (x, y, method) => {
        const forward = cramerVonMisesTwoSample(x, y, method);
        const backward = cramerVonMisesTwoSample(y, x, method);
        expect(backward.statistic).toBeCloseTo(forward.statistic, 12);
        expect(backward.pValue).toBeCloseTo(forward.pValue, 12);
        expect(forward.pValue).toBeGreaterThanOrEqual(0);
        expect(forward.pValue).toBeLessThanOrEqual(1);
      }),
      { numRuns: 60 },
    );
  });

  test('rejects samples with fewer than 2 values and unknown methods', () => {
    expect(() => cramerVonMisesTwoSample([1], [1, 2])).toThrow(/x must hold at least 2 values/);
    expect(() => cramerVonMisesTwoSample([1, 2], [1, 2], 'permutation' as never)).toThrow(/method must be one of/);
  });
});

describe('cramerVonMisesLimitCdf', () => {
  test('known quantiles of the limiting ω² law (Anderson & Darling 1952): 0.46136 → 0.95, 0.74346 → 0.99', () => {
    expect(cramerVonMisesLimitCdf(0.46136)).toBeCloseTo(0.95, 4);
    expect(cramerVonMisesLimitCdf(0.74346)).toBeCloseTo(0.99, 4);
  });
});
