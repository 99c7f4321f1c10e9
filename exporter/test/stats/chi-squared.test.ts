import fc from 'fast-check';
import { chiSquaredContingency } from '../../src/stats/chi-squared-contingency.js';
import { chiSquaredGoodnessOfFit } from '../../src/stats/chi-squared-goodness-of-fit.js';
import { chiSquaredSf } from '../../src/stats/distributions/chi-squared-sf.js';

describe('chiSquaredSf', () => {
  test('dof 2 is exp(-x/2); the ends of the support', () => {
    expect(chiSquaredSf(3, 2)).toBeCloseTo(Math.exp(-1.5), 14);
    expect(chiSquaredSf(0, 3)).toBe(1);
    expect(chiSquaredSf(Infinity, 3)).toBe(0);
    expect(chiSquaredSf(Number.NaN, 3)).toBeNaN();
    expect(() => chiSquaredSf(1, 0)).toThrow(/dof must be a positive number/);
  });
});

describe('chiSquaredGoodnessOfFit', () => {
  test('counts exactly proportional to the reference: statistic 0, p 1', () => {
    const result = chiSquaredGoodnessOfFit([20, 30, 50], [0.2, 0.3, 0.5]);
    expect(result.statistic).toBe(0);
    expect(result.pValue).toBe(1);
    expect(result.dof).toBe(2);
    expect(result.expected).toEqual([20, 30, 50]);
  });

  test('an unseen reference category: Infinity/p=0 when observed, NaN when not; smoothing makes it finite', () => {
    const seen = chiSquaredGoodnessOfFit([5, 5, 1], [0.5, 0.5, 0]);
    expect(seen.statistic).toBe(Infinity);
    expect(seen.pValue).toBe(0);
    const unseen = chiSquaredGoodnessOfFit([5, 5, 0], [0.5, 0.5, 0]);
    expect(unseen.statistic).toBeNaN();
    expect(unseen.pValue).toBeNaN();
    const smoothed = chiSquaredGoodnessOfFit([5, 5, 1], [0.5, 0.5, 0], { zeroProportionEpsilon: 1e-4 });
    expect(Number.isFinite(smoothed.statistic)).toBe(true);
    expect(smoothed.expected.reduce((a, b) => a + b, 0)).toBeCloseTo(11, 12);
  });

  test('rejects bad arguments with actionable messages', () => {
    expect(() => chiSquaredGoodnessOfFit([1, 2], [0.5, 0.4])).toThrow(/must sum to 1/);
    expect(() => chiSquaredGoodnessOfFit([1, 2, 3], [0.5, 0.5])).toThrow(/same length/);
    expect(() => chiSquaredGoodnessOfFit([1, -2], [0.5, 0.5])).toThrow(/observed\[1\] must be a finite number >= 0/);
    expect(() => chiSquaredGoodnessOfFit([1], [1])).toThrow(/at least 2 values/);
    expect(() => chiSquaredGoodnessOfFit([1, 2], [0.5, 0.5], { zeroProportionEpsilon: 0 })).toThrow(/zeroProportionEpsilon/);
  });
});

describe('chiSquaredContingency', () => {
  test('2×2 statistic equals the closed form N(ad - bc)²/(r1 r2 c1 c2), symmetric under row swap', () => {
    const cell = fc.integer({ min: 1, max: 500 });
    fc.assert(
      fc.property(cell, cell, cell, cell, (a, b, c, d) => {
        const result = chiSquaredContingency([[a, b], [c, d]]);
        const n = a + b + c + d;
        const closedForm = (n * (a * d - b * c) ** 2) / ((a + b) * (c + d) * (a + c) * (b + d));
        expect(result.statistic).toBeCloseTo(closedForm, 6);
        expect(chiSquaredContingency([[c, d], [a, b]]).statistic).toBeCloseTo(result.statistic, 9);
        expect(result.pValue).toBeGreaterThanOrEqual(0);
        expect(result.pValue).toBeLessThanOrEqual(1);
      }),
    );
  });

  test('a single column has dof 0: statistic 0, p 1', () => {
    expect(chiSquaredContingency([[5], [7]])).toEqual({ statistic: 0, pValue: 1, dof: 0, expected: [[5], [7]] });
  });

  test('a category absent from both rows raises, as SciPy does', () => {
    expect(() => chiSquaredContingency([[5, 0, 3], [2, 0, 4]])).toThrow(/expected frequency of cell \(0, 1\) is zero/);
  });

  test('rejects ragged or negative tables', () => {
    expect(() => chiSquaredContingency([[1, 2], [3]])).toThrow(/rectangular/);
    expect(() => chiSquaredContingency([[1, -2], [3, 4]])).toThrow(/table\[0\]\[1\]/);
    expect(() => chiSquaredContingency([])).toThrow(/non-empty array of rows/);
  });
});
