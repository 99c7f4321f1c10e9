import { RunningMoments } from '../../src/sketches/index.js';
import { normalSample } from './random-samples.js';

function momentsOf(values: readonly number[]): RunningMoments {
  const moments = RunningMoments.create();
  moments.addMany(values);
  return moments;
}

/**
 * Two-pass reference (numpy.var's algorithm: mean first, then Σ(x - mean)²), on x - x₀ so that
 * the reference itself loses nothing to the large offset (x - x₀ is exact for nearby doubles).
 */
function twoPassVariance(values: readonly number[], ddof: number): number {
  const origin = values[0] as number;
  const shifted = values.map((x) => x - origin);
  const mean = shifted.reduce((s, x) => s + x, 0) / shifted.length;
  return shifted.reduce((s, x) => s + (x - mean) ** 2, 0) / (shifted.length - ddof);
}

describe('RunningMoments (Welford updates, Chan et al. merge)', () => {
  it('gives the textbook values: [2,4,4,4,5,5,7,9] has mean 5, population variance 4', () => {
    const moments = momentsOf([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(moments.mean).toBe(5);
    expect(moments.variance()).toBe(4);
    expect(moments.std()).toBe(2);
    expect(moments.variance(1)).toBeCloseTo(32 / 7, 14);
    expect(moments.min).toBe(2);
    expect(moments.max).toBe(9);
    expect(moments.sum).toBe(40);
  });

  it('is stable on 1e9 + small noise, where Σx² - (Σx)²/n loses every digit', () => {
    const values = normalSample(10_000, 21, 0, 1e-3).map((x) => 1e9 + x);
    const reference = twoPassVariance(values, 1);
    const moments = momentsOf(values);
    expect(Math.abs(moments.variance(1) - reference) / reference).toBeLessThan(1e-9);
    const naive = (values.reduce((s, x) => s + x * x, 0) - values.reduce((s, x) => s + x, 0) ** 2 / values.length) / (values.length - 1);
    expect(Math.abs(naive - reference) / reference).toBeGreaterThan(1); // the adversarial case is real

    const chunks = [values.slice(0, 1), values.slice(1, 4000), values.slice(4000)];
    const merged = chunks.map(momentsOf).reduce((a, b) => a.merge(b));
    expect(merged.count).toBe(10_000);
    expect(Math.abs(merged.variance(1) - reference) / reference).toBeLessThan(1e-9);
    expect(Math.abs(merged.mean - 1e9)).toBeLessThan(1e-4);
  });

  it('keeps a compensated sum: [1e16, 1, -1e16] sums to 1', () => {
    expect(momentsOf([1e16, 1, -1e16]).sum).toBe(1);
    expect(momentsOf([1e16, 1]).merge(momentsOf([-1e16])).sum).toBe(1);
  });

  it('is NaN-valued when empty or when n ≤ ddof, and ignores non-finite values', () => {
    const empty = RunningMoments.create();
    expect(empty.mean).toBeNaN();
    expect(empty.variance()).toBeNaN();
    expect(empty.min).toBeNaN();
    expect(empty.sum).toBe(0);
    const one = momentsOf([3, NaN, Infinity]);
    expect(one.count).toBe(1);
    expect(one.nonFiniteCount).toBe(2);
    expect(one.variance(0)).toBe(0);
    expect(one.variance(1)).toBeNaN();
    expect(() => one.variance(2 as 1)).toThrow(/ddof must be 0 or 1, got 2/);
  });

  it('fromJSON names the bad field', () => {
    const good = momentsOf([1, 2, 3]).toJSON();
    expect(RunningMoments.fromJSON(good).toJSON()).toEqual(good);
    expect(() => RunningMoments.fromJSON({ ...good, count: -1 })).toThrow(/RunningMoments\.fromJSON: count:/);
    expect(() => RunningMoments.fromJSON({ ...good, m2: -1 })).toThrow(/m2:/);
    expect(() => RunningMoments.fromJSON({ ...good, min: null })).toThrow(/min: must be a number when count > 0/);
    expect(() => RunningMoments.fromJSON({ ...good, count: 0 })).toThrow(/min: must be null when count is 0/);
    expect(() => RunningMoments.fromJSON({ ...good, type: undefined })).toThrow(/type:/);
  });
});
