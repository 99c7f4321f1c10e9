import fc from 'fast-check';
import { kolmogorovLimitSf } from '../../src/stats/distributions/kolmogorov-limit-sf.js';
import { kolmogorovLimitPValue, ksTwoSample } from '../../src/stats/ks-two-sample.js';

const sample = fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 1, maxLength: 25 });

describe('ksTwoSample', () => {
  test('rejects empty samples, NaN and unknown options with actionable errors', () => {
    expect(() => ksTwoSample([], [1])).toThrow(/x must hold at least 1 value/);
    expect(() => ksTwoSample([1], [Number.NaN])).toThrow(/y\[0\] must be a number/);
    expect(() => ksTwoSample([1], [2], { method: 'fast' as never })).toThrow(/options.method must be one of/);
    expect(() => ksTwoSample([1], [2], { alternative: 'both' as never })).toThrow(/options.alternative/);
  });

  test('identical samples: D = 0 and p = 1 under every method', () => {
    const x = [3, 1, 4, 1, 5, 9, 2, 6];
    for (const method of ['exact', 'asymp', 'auto'] as const) {
      const result = ksTwoSample(x, [...x].reverse(), { method });
      expect(result.statistic).toBe(0);
      expect(result.pValue).toBe(1);
    }
  });

  test('disjoint samples of 4 and 4: D = 1 and the exact p is 2/C(8,4)', () => {
    const result = ksTwoSample([1, 2, 3, 4], [5, 6, 7, 8], { method: 'exact' });
    expect(result.statistic).toBe(1);
    expect(result.pValue).toBeCloseTo(2 / 70, 15);
    // one-sided: only the single arrangement with every x below every y
    expect(ksTwoSample([1, 2, 3, 4], [5, 6, 7, 8], { method: 'exact', alternative: 'greater' }).pValue).toBeCloseTo(1 / 70, 15);
  });

  test('n = 1 each: D = 1, exact p = 1 (both orders are equally likely)', () => {
    const result = ksTwoSample([0], [1]);
    expect(result.statistic).toBe(1);
    expect(result.pValue).toBe(1);
  });

  test('asymp with one value per sample: effective n rounds to 0 and p is NaN (as SciPy)', () => {
    const result = ksTwoSample([0], [1], { method: 'asymp' });
    expect(result.kstwoN).toBe(0);
    expect(result.pValue).toBeNaN();
  });

  test('ties are counted on both sides (right-continuous ECDFs)', () => {
    // F_x jumps to 1 at 1; F_y is 0.5 at 1 → D = 0.5
    expect(ksTwoSample([1, 1], [1, 2]).statistic).toBe(0.5);
  });

  test("asymp uses kstwo with round-half-to-even of n·m/(n+m) and reports the Kolmogorov limit", () => {
    const x = [0.1, 0.4, 0.5, 0.9, 1.3];
    const y = [0.2, 0.25, 0.3, 0.35, 0.45];
    const result = ksTwoSample(x, y, { method: 'asymp' });
    expect(result.effectiveN).toBe(2.5);
    expect(result.kstwoN).toBe(2);
    expect(result.pValueKolmogorovLimit).toBe(kolmogorovLimitSf(Math.sqrt(2.5) * result.statistic));
    expect(ksTwoSample(x, y, { method: 'exact' }).kstwoN).toBeUndefined();
  });

  test("'auto' is exact up to max(n, m) = 10 000 and asymptotic above", () => {
    expect(ksTwoSample([1, 2, 3], [2, 3, 4, 5]).method).toBe('exact');
    const large = Array.from({ length: 10_001 }, (_, i) => i / 10_001);
    const result = ksTwoSample(large, [0.5, 0.25, 0.75]);
    expect(result.method).toBe('asymp');
    expect(result.fellBack).toBe(false);
  });

  test('two-sided D is symmetric in x and y, p-values lie in [0, 1]', () => {
    fc.assert(
      fc.property(sample, sample, fc.constantFrom('exact', 'asymp') as fc.Arbitrary<'exact' | 'asymp'>, (x, y, method) => {
        fc.pre(method === 'exact' || x.length + y.length > 2);
        const forward = ksTwoSample(x, y, { method });
        const backward = ksTwoSample(y, x, { method });
        expect(forward.statistic).toBe(backward.statistic);
        expect(forward.pValue).toBeCloseTo(backward.pValue, 12);
        expect(forward.pValue).toBeGreaterThanOrEqual(0);
        expect(forward.pValue).toBeLessThanOrEqual(1);
      }),
    );
  });

  test("'less' for (x, y) is 'greater' for (y, x)", () => {
    fc.assert(
      fc.property(sample, sample, (x, y) => {
        const less = ksTwoSample(x, y, { alternative: 'less' });
        const greater = ksTwoSample(y, x, { alternative: 'greater' });
        expect(less.statistic).toBe(greater.statistic);
        expect(less.pValue).toBeCloseTo(greater.pValue, 12);
      }),
    );
  });

  test('the exact p-value never exceeds the two one-sided ones added up, and is at least each', () => {
    fc.assert(
      fc.property(sample, sample, (x, y) => {
        const two = ksTwoSample(x, y, { method: 'exact' });
        const less = ksTwoSample(x, y, { method: 'exact', alternative: 'less' });
        const greater = ksTwoSample(x, y, { method: 'exact', alternative: 'greater' });
        const atD = Math.max(less.statistic, greater.statistic);
        if (atD === two.statistic && less.statistic === greater.statistic) {
          expect(two.pValue).toBeLessThanOrEqual(less.pValue + greater.pValue + 1e-12);
        }
        expect(two.pValue).toBeGreaterThanOrEqual(Math.min(less.pValue, greater.pValue) - 1e-12);
      }),
    );
  });
});

describe('kolmogorovLimitPValue', () => {
  test('is Q_KS(√(nm/(n+m))·D) and validates its arguments', () => {
    expect(kolmogorovLimitPValue(0.2, 30, 20)).toBe(kolmogorovLimitSf(Math.sqrt(12) * 0.2));
    expect(() => kolmogorovLimitPValue(1.5, 3, 3)).toThrow(/d must be in \[0, 1\]/);
    expect(() => kolmogorovLimitPValue(0.5, 0, 3)).toThrow(/sizeX must be a positive integer/);
  });
});
