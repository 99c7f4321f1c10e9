import { hellingerDistance } from '../../src/stats/hellinger.js';
import { jensenShannon, jensenShannonFromSamples } from '../../src/stats/jensen-shannon.js';
import { klDivergence } from '../../src/stats/kl-divergence.js';
import { maximumMeanDiscrepancy, medianHeuristicSigma } from '../../src/stats/mmd.js';
import { normalizeProbabilities } from '../../src/stats/normalize.js';
import { populationStabilityIndex, populationStabilityIndexFromSamples } from '../../src/stats/psi.js';
import { totalVariationDistance } from '../../src/stats/total-variation.js';
import { normalizedWasserstein, wassersteinDistance, wassersteinFromBinCounts } from '../../src/stats/wasserstein.js';

// Numeric oracles: the reference vectors (../shared/reference-vectors) cover the matched numbers;
// these tests cover argument checks and conventions the vectors do not reach.

describe('argument validation names the argument and the bad value', () => {
  it('probability vectors', () => {
    expect(() => normalizeProbabilities('p', [])).toThrow(/p must hold at least one value/);
    expect(() => normalizeProbabilities('p', [1, -2])).toThrow(/p\[1\] must be a finite number >= 0, got -2/);
    expect(() => normalizeProbabilities('p', [1, NaN])).toThrow(/p\[1\].*NaN/);
    expect(() => normalizeProbabilities('p', [1, Infinity])).toThrow(RangeError);
    expect(() => normalizeProbabilities('p', [0, 0])).toThrow(/positive sum/);
    expect(() => normalizeProbabilities('p', 'abc' as unknown as number[])).toThrow(TypeError);
    expect(() => totalVariationDistance([1, 2], [1, 2, 3])).toThrow(/same length.*2 and 3/);
    expect(() => hellingerDistance([1], [0])).toThrow(/q must have a positive sum/);
  });

  it('epsilon and base', () => {
    expect(() => populationStabilityIndex([1], [1], { epsilon: -1 })).toThrow(/epsilon must be a finite number >= 0.*-1/);
    expect(() => klDivergence([1], [1], { epsilon: NaN })).toThrow(/epsilon/);
    expect(() => jensenShannon([1], [1], { base: 1 })).toThrow(/base must be .*got 1/);
    expect(() => klDivergence([1], [1], { base: 0 })).toThrow(/base/);
  });

  it('samples and edges', () => {
    expect(() => populationStabilityIndexFromSamples([1], [1], [2, 1])).toThrow(/strictly increasing/);
    expect(() => populationStabilityIndexFromSamples([NaN], [1], [0])).toThrow(/reference must hold at least one value that is not NaN/);
    expect(() => jensenShannonFromSamples([1], [], [0])).toThrow(/current must hold at least one value/);
    expect(() => wassersteinDistance([], [1])).toThrow(/u must hold at least one value/);
    expect(() => wassersteinDistance([1, Infinity], [1])).toThrow(/u\[1\] must be finite/);
    expect(() => wassersteinDistance([1, 2], [1], { uWeights: [1] })).toThrow(/same length/);
    expect(() => wassersteinFromBinCounts([0, 1], [1, 1], [1, 1])).toThrow(/edges.length \+ 1 = 3/);
  });

  it('MMD rows and sigma', () => {
    expect(() => maximumMeanDiscrepancy([[0]], [[0], [1]])).toThrow(/X must hold at least 2 rows/);
    expect(() => maximumMeanDiscrepancy([[0], [1]], [[0, 1], [1, 1]])).toThrow(/Y\[0\] has 2 features/);
    expect(() => maximumMeanDiscrepancy([[0], [NaN]], [[0], [1]])).toThrow(/X\[1\]\[0\] must be a finite number/);
    expect(() => maximumMeanDiscrepancy([[0], [1]], [[0], [1]], { sigma: 0 })).toThrow(/sigma must be 'median' or a finite number > 0/);
    expect(() => medianHeuristicSigma([], [[1]])).toThrow(/X must hold at least 1 rows/);
  });
});

describe('conventions', () => {
  it('PSI replaces the proportion of an empty bin by epsilon without renormalising', () => {
    const { pRef, pCur } = populationStabilityIndex([0, 3, 1], [2, 2, 0], { epsilon: 0.01 });
    expect(Array.from(pRef)).toEqual([0.01, 0.75, 0.25]);
    expect(Array.from(pCur)).toEqual([0.5, 0.5, 0.01]);
  });

  it('PSI from samples skips NaN and bins ties to the right', () => {
    const result = populationStabilityIndexFromSamples([0, 1, 1, NaN], [1, 2, NaN], [1]);
    expect(Array.from(result.referenceCounts)).toEqual([1, 2]);
    expect(Array.from(result.currentCounts)).toEqual([0, 2]);
  });

  it('JS of disjoint supports is the maximum: 1 bit, ln 2 nats', () => {
    expect(jensenShannon([1, 0], [0, 1], { base: 2 }).divergence).toBe(1);
    expect(jensenShannon([1, 0], [0, 1]).divergence).toBeCloseTo(Math.LN2, 15);
  });

  it('normalised Wasserstein uses IEEE division for a constant reference', () => {
    expect(normalizedWasserstein([2, 2, 2], [3, 3])).toEqual({ wasserstein: 1, referenceStd: 0, normalized: Infinity });
    expect(normalizedWasserstein([2, 2], [2]).normalized).toBeNaN();
  });

  it('integer weights act like repeated observations', () => {
    expect(wassersteinDistance([0, 1], [0, 5], { uWeights: [2, 1], vWeights: [1, 3] })).toBeCloseTo(wassersteinDistance([0, 0, 1], [0, 5, 5, 5]), 14);
  });

  it('binned Wasserstein moves mass between bin representatives (midpoints, outer edges)', () => {
    // Edges 0, 1, 3: representatives 0, 0.5, 2, 3. All mass from the bin [0, 1) to [1, 3): 2 − 0.5.
    expect(wassersteinFromBinCounts([0, 1, 3], [0, 5, 0, 0], [0, 0, 5, 0])).toBe(1.5);
  });

  it('MMD² grows with a mean shift and the unbiased estimate can be negative', () => {
    const x = [[0], [1], [2], [3]];
    const shifted = x.map(([v]) => [v! + 5]);
    const near = maximumMeanDiscrepancy(x, [[0.5], [1.5], [2.5], [3.5]], { sigma: 1 });
    const far = maximumMeanDiscrepancy(x, shifted, { sigma: 1 });
    expect(far.mmd2Biased).toBeGreaterThan(near.mmd2Biased);
    expect(maximumMeanDiscrepancy(x, x, { sigma: 1 }).mmd2Unbiased).toBeLessThan(0);
  });

  it('median heuristic counts zero distances of duplicate rows', () => {
    // Pooled rows 0, 0, 0, 3: pair distances 0, 0, 0, 3, 3, 3 -> median (0 + 3) / 2.
    expect(medianHeuristicSigma([[0], [0]], [[0], [3]])).toBe(1.5);
  });
});
