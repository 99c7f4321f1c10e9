import { wassersteinDistance } from '../../src/stats/wasserstein.js';
import { QuantileSketch, approxKsStatistic, approxKsStatisticWithBound, approxWasserstein, approxWassersteinWithBound } from '../../src/sketches/index.js';
import { exactKsStatistic, normalSample, seededUniform } from './random-samples.js';

// Exact oracles: D by a sorted merge (exactKsStatistic, the statistic of scipy.stats.ks_2samp before
// its lattice rounding) and W1 by stats/wasserstein.ts (matches scipy.stats.wasserstein_distance).

interface Scenario {
  name: string;
  sample(size: number, seed: number): number[];
}

const scenarios: Scenario[] = [
  { name: 'normal(0,1)', sample: (n, seed) => normalSample(n, seed) },
  { name: 'normal(0.1,1)', sample: (n, seed) => normalSample(n, seed, 0.1) },
  { name: 'normal(100,1)', sample: (n, seed) => normalSample(n, seed, 100) },
  { name: 'lognormal(0,1)', sample: (n, seed) => normalSample(n, seed).map(Math.exp) },
  { name: 'lognormal(0.2,1.5)', sample: (n, seed) => normalSample(n, seed, 0.2, 1.5).map(Math.exp) },
  { name: 'negative: -lognormal', sample: (n, seed) => normalSample(n, seed).map((x) => -Math.exp(x)) },
  { name: 'ties: round(N(5,2))', sample: (n, seed) => normalSample(n, seed, 5, 2).map(Math.round) },
  { name: 'ties: round(N(5.3,2))', sample: (n, seed) => normalSample(n, seed, 5.3, 2).map(Math.round) },
  { name: 'ties + zeros: 30 % zeros, N(0,3)', sample: (n, seed) => { const u = seededUniform(seed + 7); return normalSample(n, seed, 0, 3).map((x) => (u() < 0.3 ? 0 : x)); } },
  { name: 'uniform(-1,1)', sample: (n, seed) => { const u = seededUniform(seed); return Array.from({ length: n }, () => 2 * u() - 1); } },
];

/** Pairs compared: same law (no drift) and shifted laws (drift). */
const pairs: Array<[string, string, number?]> = [
  ['normal(0,1)', 'normal(0,1)'],
  ['normal(0,1)', 'normal(0.1,1)'],
  ['normal(100,1)', 'normal(100,1)', 100],
  ['normal(100,1)', 'normal(100,1)', 0],
  ['lognormal(0,1)', 'lognormal(0,1)'],
  ['lognormal(0,1)', 'lognormal(0.2,1.5)'],
  ['negative: -lognormal', 'negative: -lognormal'],
  ['negative: -lognormal', 'normal(0,1)'],
  ['ties: round(N(5,2))', 'ties: round(N(5.3,2))'],
  ['ties + zeros: 30 % zeros, N(0,3)', 'normal(0,1)'],
  ['uniform(-1,1)', 'normal(0,1)'],
];

const sizes: Array<[number, number]> = [
  [200, 300],
  [2000, 1000],
  [20000, 20000],
];

function sketchOf(values: readonly number[], relativeAccuracy = 0.01, center = 0): QuantileSketch {
  const sketch = QuantileSketch.create({ relativeAccuracy, center });
  for (const x of values) sketch.add(x);
  return sketch;
}

/** N(100, 1) sketched around 0: 1 % buckets are 2 units wide, so the estimates are coarse (see docs). */
function isBadlyCentred(scenarioName: string, center: number): boolean {
  return scenarioName === 'normal(100,1)' && center === 0;
}

function scenario(name: string): Scenario {
  const found = scenarios.find((s) => s.name === name);
  if (found === undefined) throw new Error(`no scenario ${name}`);
  return found;
}

describe('approxKsStatistic against the exact two-sample D', () => {
  const cases = pairs.flatMap(([left, right, center], p) => sizes.map(([n, m], s) => ({ left, right, center: center ?? 0, n, m, seed: 1000 * p + 10 * s })));

  it.each(cases)('$left vs $right (center $center), n=$n, m=$m: value ≤ D ≤ value + maxError (proved); measured D - value ≤ 0.004', ({ left, right, center, n, m, seed }) => {
    const a = scenario(left).sample(n, seed + 1);
    const b = scenario(right).sample(m, seed + 2);
    const exact = exactKsStatistic(a, b);
    const estimate = approxKsStatisticWithBound(sketchOf(a, 0.01, center), sketchOf(b, 0.01, center));
    expect(estimate.value).toBeLessThanOrEqual(exact + 1e-12);
    expect(exact).toBeLessThanOrEqual(estimate.value + estimate.maxError + 1e-12);
    if (isBadlyCentred(left, center)) return; // documents the failure mode: the bound holds but is ~0.6
    if (!left.startsWith('ties') && !right.startsWith('ties')) expect(estimate.maxError).toBeLessThanOrEqual(0.016);
    expect(exact - estimate.value).toBeLessThanOrEqual(0.004);
  });

  it('is exact for well separated samples and for identical samples', () => {
    expect(approxKsStatistic(sketchOf([1, 2, 3]), sketchOf([10, 20]))).toBe(1);
    expect(approxKsStatisticWithBound(sketchOf([1, 2, 3]), sketchOf([10, 20])).maxError).toBe(0);
    const same = normalSample(500, 3);
    expect(approxKsStatistic(sketchOf(same), sketchOf(same))).toBe(0);
  });

  it('is exact on samples of exact ties (both samples on the same small set of values)', () => {
    const a = [0, 0, 1, 1, 1, 2, -3];
    const b = [0, 1, 2, 2, 2, -3, -3];
    expect(approxKsStatistic(sketchOf(a), sketchOf(b))).toBeCloseTo(exactKsStatistic(a, b), 12);
  });

  it('rejects empty sketches and sketches of different accuracy', () => {
    expect(() => approxKsStatistic(QuantileSketch.create(), sketchOf([1]))).toThrow(/sketch a is empty/);
    expect(() => approxKsStatistic(sketchOf([1]), QuantileSketch.create())).toThrow(/sketch b is empty/);
    expect(() => approxKsStatistic(sketchOf([1], 0.01), sketchOf([1], 0.02))).toThrow(/relativeAccuracy/);
  });
});

describe('approxWasserstein against scipy.stats.wasserstein_distance (stats/wasserstein.ts)', () => {
  const cases = pairs.flatMap(([left, right, center], p) => sizes.map(([n, m], s) => ({ left, right, center: center ?? 0, n, m, seed: 1000 * p + 10 * s })));

  it.each(cases)('$left vs $right (center $center), n=$n, m=$m: |error| ≤ maxError ≈ α·(mean|a-c| + mean|b-c|) (proved); measured |error| ≤ 0.05·maxError', ({ left, right, center, n, m, seed }) => {
    const a = scenario(left).sample(n, seed + 1);
    const b = scenario(right).sample(m, seed + 2);
    const exact = wassersteinDistance(a, b);
    const estimate = approxWassersteinWithBound(sketchOf(a, 0.01, center), sketchOf(b, 0.01, center));
    expect(Math.abs(estimate.value - exact)).toBeLessThanOrEqual(estimate.maxError);
    const meanAbs = (xs: number[]): number => xs.reduce((s, x) => s + Math.abs(x - center), 0) / xs.length;
    // Bucket upper ends stand in for |x - c|: at most a factor γ = 1.0202 larger.
    expect(estimate.maxError).toBeLessThanOrEqual(0.01 * (meanAbs(a) + meanAbs(b)) * 1.0203);
    if (!isBadlyCentred(left, center)) expect(Math.abs(estimate.value - exact)).toBeLessThanOrEqual(0.05 * estimate.maxError);
  });

  it('is exact when both samples are single values (representatives clamp to min/max)', () => {
    expect(approxWasserstein(sketchOf([3, 3]), sketchOf([10]))).toBe(7);
  });
});
