import fc from 'fast-check';
import { andersonDarlingKSample, ANDERSON_DARLING_SIGNIFICANCE_LEVELS } from '../../src/stats/anderson-darling.js';

describe('andersonDarlingKSample', () => {
  test('SciPy 1.17.1 anderson_ksamp([[1..5], [6..10]]): statistic and interpolated level', () => {
    const result = andersonDarlingKSample([[1, 2, 3, 4, 5], [6, 7, 8, 9, 10]]);
    expect(result.statistic).toBeCloseTo(4.726015467264128, 12);
    expect(result.significanceLevel).toBeCloseTo(0.0043559779665065, 14);
    expect(result.cap).toBe('none');
  });

  test('identical samples: the level is capped at 0.25 and says so', () => {
    const x = [0.3, 1.2, -0.4, 2.2, 0.9, -1.1];
    const result = andersonDarlingKSample([x, [...x].reverse()]);
    expect(result.cap).toBe('capped_at_0.25');
    expect(result.significanceLevel).toBe(0.25);
  });

  test('critical values are decreasing in the significance level they belong to', () => {
    for (const k of [2, 3, 5]) {
      const samples = Array.from({ length: k }, (_, i) => [i, i + 0.5, i + 1.25, i + 2]);
      const { criticalValues } = andersonDarlingKSample(samples);
      expect(criticalValues).toHaveLength(ANDERSON_DARLING_SIGNIFICANCE_LEVELS.length);
      for (let i = 1; i < criticalValues.length; i++) expect(criticalValues[i]).toBeGreaterThan(criticalValues[i - 1] as number);
    }
  });

  test('invariant to the order of the samples; level always within [0.001, 0.25]', () => {
    const sample = fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 2, maxLength: 30 });
    fc.assert(
      fc.property(sample, sample, fc.boolean(), (x, y, midrank) => {
        fc.pre(new Set([...x, ...y]).size >= 2);
        const forward = andersonDarlingKSample([x, y], { midrank });
        const backward = andersonDarlingKSample([y, x], { midrank });
        expect(backward.statistic).toBeCloseTo(forward.statistic, 10);
        expect(forward.significanceLevel).toBeGreaterThanOrEqual(0.001);
        expect(forward.significanceLevel).toBeLessThanOrEqual(0.25);
      }),
    );
  });

  test('rejects too few samples, empty samples and a single distinct value', () => {
    expect(() => andersonDarlingKSample([[1, 2, 3]])).toThrow(/at least 2 samples/);
    expect(() => andersonDarlingKSample([[1, 2, 3], []])).toThrow(/samples\[1\] must hold at least 1 value/);
    expect(() => andersonDarlingKSample([[1, 1], [1, 1, 1]])).toThrow(/at least 2 distinct values/);
    expect(() => andersonDarlingKSample([[1], [2, 3]])).toThrow(/at least 4 observations/);
  });
});
