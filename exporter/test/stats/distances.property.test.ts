import fc from 'fast-check';
import { bhattacharyyaCoefficient, hellingerDistance } from '../../src/stats/hellinger.js';
import { jensenShannon, jensenShannonFromSamples } from '../../src/stats/jensen-shannon.js';
import { klDivergence } from '../../src/stats/kl-divergence.js';
import { maximumMeanDiscrepancy, medianHeuristicSigma } from '../../src/stats/mmd.js';
import { populationStabilityIndex, populationStabilityIndexFromSamples } from '../../src/stats/psi.js';
import { totalVariationDistance } from '../../src/stats/total-variation.js';
import { normalizedWasserstein, wassersteinDistance, wassersteinFromBinCounts } from '../../src/stats/wasserstein.js';

/** Bin counts with some empty bins, never all empty. */
const binCount = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 10_000 }));
const countVector = (length: number) => fc.array(binCount, { minLength: length, maxLength: length }).filter((c) => c.some((v) => v > 0));
const countPair = fc.integer({ min: 1, max: 12 }).chain((k) => fc.tuple(countVector(k), countVector(k)));
const countPairWithEmptyBins = fc
  .integer({ min: 2, max: 12 })
  .chain((k) => fc.tuple(countVector(k), countVector(k)))
  .filter(([p, q]) => p.some((v) => v === 0) || q.some((v) => v === 0));
const sample = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 60 });
const rows = (dimension: number) =>
  fc.array(fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: dimension, maxLength: dimension }), { minLength: 2, maxLength: 9 });
const rowPair = fc.integer({ min: 1, max: 3 }).chain((d) => fc.tuple(rows(d), rows(d)));

const close = (a: number, b: number, rel = 1e-12, abs = 1e-15) => Math.abs(a - b) <= abs + rel * Math.abs(b);

describe('every distance is 0 on identical inputs', () => {
  it('PSI, JS, KL, Hellinger, TVD (exactly 0) and BC (1)', () => {
    fc.assert(
      fc.property(countPair, ([p]) => {
        expect(populationStabilityIndex(p, p).psi).toBe(0);
        expect(jensenShannon(p, p, { base: 2 }).distance).toBe(0);
        expect(klDivergence(p, p).divergence).toBe(0);
        expect(klDivergence(p, p).divergenceWithoutRenormalization).toBe(0);
        expect(hellingerDistance(p, p)).toBe(0);
        expect(totalVariationDistance(p, p)).toBe(0);
        expect(bhattacharyyaCoefficient(p, p)).toBeCloseTo(1, 12);
      }),
    );
  });

  it('Wasserstein (exactly 0, also normalised) and binned Wasserstein', () => {
    fc.assert(
      fc.property(sample, (u) => {
        expect(wassersteinDistance(u, u)).toBe(0);
        const { normalized, referenceStd } = normalizedWasserstein(u, u);
        if (referenceStd > 0) expect(normalized).toBe(0);
        else expect(normalized).toBeNaN(); // IEEE 0/0
      }),
    );
    fc.assert(fc.property(countVector(5), (c) => expect(wassersteinFromBinCounts([0, 1, 2, 3], c, c)).toBe(0)));
  });

  it('MMD² biased estimate of a sample against itself', () => {
    fc.assert(
      fc.property(rowPair, ([x]) => {
        const sigma = medianHeuristicSigma(x, x);
        fc.pre(sigma > 0);
        expect(Math.abs(maximumMeanDiscrepancy(x, x, { sigma }).mmd2Biased)).toBeLessThan(1e-12);
      }),
    );
  });
});

describe('finite with empty bins', () => {
  it('PSI and KL through epsilon, JS / Hellinger / TVD naturally', () => {
    fc.assert(
      fc.property(countPairWithEmptyBins, ([p, q]) => {
        const psi = populationStabilityIndex(p, q);
        expect(Number.isFinite(psi.psi)).toBe(true);
        psi.terms.forEach((term) => expect(Number.isFinite(term)).toBe(true));
        expect(Number.isFinite(klDivergence(p, q).divergence)).toBe(true);
        expect(Number.isFinite(klDivergence(p, q).divergenceWithoutRenormalization)).toBe(true);
        expect(Number.isFinite(jensenShannon(p, q).divergence)).toBe(true);
        expect(Number.isFinite(hellingerDistance(p, q))).toBe(true);
        expect(Number.isFinite(totalVariationDistance(p, q))).toBe(true);
      }),
    );
  });

  it('without smoothing (epsilon 0) an empty bin on one side makes PSI and KL infinite', () => {
    expect(populationStabilityIndex([1, 1], [2, 0], { epsilon: 0 }).psi).toBe(Infinity);
    expect(klDivergence([1, 1], [2, 0], { epsilon: 0 }).divergence).toBe(Infinity);
    expect(klDivergence([2, 0], [1, 1], { epsilon: 0 }).divergence).toBeCloseTo(Math.LN2, 15);
  });
});

describe('symmetry', () => {
  it('JS, Hellinger, BC and TVD are symmetric', () => {
    fc.assert(
      fc.property(countPair, ([p, q]) => {
        expect(close(jensenShannon(p, q).divergence, jensenShannon(q, p).divergence)).toBe(true);
        expect(close(hellingerDistance(p, q), hellingerDistance(q, p))).toBe(true);
        expect(close(bhattacharyyaCoefficient(p, q), bhattacharyyaCoefficient(q, p))).toBe(true);
        expect(totalVariationDistance(p, q)).toBe(totalVariationDistance(q, p));
      }),
    );
  });

  it('PSI is symmetric by construction (each term (c − r) ln(c/r) is)', () => {
    fc.assert(
      fc.property(countPair, ([p, q]) => {
        expect(close(populationStabilityIndex(p, q).psi, populationStabilityIndex(q, p).psi)).toBe(true);
      }),
    );
  });

  it('Wasserstein is symmetric', () => {
    fc.assert(fc.property(sample, sample, (u, v) => expect(close(wassersteinDistance(u, v), wassersteinDistance(v, u))).toBe(true)));
  });

  it('MMD² (both estimates) is symmetric', () => {
    fc.assert(
      fc.property(rowPair, ([x, y]) => {
        const sigma = medianHeuristicSigma(x, y);
        fc.pre(sigma > 0);
        expect(close(medianHeuristicSigma(y, x), sigma)).toBe(true);
        const forward = maximumMeanDiscrepancy(x, y, { sigma });
        const backward = maximumMeanDiscrepancy(y, x, { sigma });
        expect(close(forward.mmd2Unbiased, backward.mmd2Unbiased, 1e-9, 1e-13)).toBe(true);
        expect(close(forward.mmd2Biased, backward.mmd2Biased, 1e-9, 1e-13)).toBe(true);
      }),
    );
  });

  it('KL is not assumed symmetric: it differs between directions for some inputs', () => {
    const asymmetric = fc.sample(countPair, { numRuns: 200, seed: 7 }).some(([p, q]) => {
      const forward = klDivergence(p, q).divergence;
      const backward = klDivergence(q, p).divergence;
      return !close(forward, backward, 1e-6, 1e-9);
    });
    expect(asymmetric).toBe(true);
    expect(klDivergence([0.7, 0.3], [0.4, 0.6]).divergence).not.toBeCloseTo(klDivergence([0.4, 0.6], [0.7, 0.3]).divergence, 3);
  });
});

describe('non-negativity and bounds', () => {
  it('PSI terms, JS, KL, Hellinger and TVD are >= 0; JS base 2, TVD, Hellinger and BC lie in [0, 1]', () => {
    fc.assert(
      fc.property(countPair, ([p, q]) => {
        const psi = populationStabilityIndex(p, q);
        psi.terms.forEach((term) => expect(term).toBeGreaterThanOrEqual(0));
        const js2 = jensenShannon(p, q, { base: 2 });
        expect(js2.divergence).toBeGreaterThanOrEqual(0);
        expect(js2.divergence).toBeLessThanOrEqual(1 + 1e-12);
        expect(js2.distance).toBe(Math.sqrt(js2.divergence));
        expect(jensenShannon(p, q).divergence).toBeLessThanOrEqual(Math.LN2 + 1e-12);
        expect(klDivergence(p, q).divergence).toBeGreaterThanOrEqual(-1e-15);
        const tvd = totalVariationDistance(p, q);
        expect(tvd).toBeGreaterThanOrEqual(0);
        expect(tvd).toBeLessThanOrEqual(1 + 1e-12);
        const hellinger = hellingerDistance(p, q);
        expect(hellinger).toBeGreaterThanOrEqual(0);
        expect(hellinger).toBeLessThanOrEqual(1 + 1e-12);
        const bc = bhattacharyyaCoefficient(p, q);
        expect(bc).toBeGreaterThanOrEqual(0);
        expect(bc).toBeLessThanOrEqual(1 + 1e-12);
      }),
    );
  });

  it('the known inequalities hold: H² = 1 − BC and H² <= TVD <= √2 H', () => {
    fc.assert(
      fc.property(countPair, ([p, q]) => {
        const hellinger = hellingerDistance(p, q);
        const tvd = totalVariationDistance(p, q);
        expect(Math.abs(hellinger ** 2 - (1 - bhattacharyyaCoefficient(p, q)))).toBeLessThan(1e-12);
        expect(hellinger ** 2).toBeLessThanOrEqual(tvd + 1e-12);
        expect(tvd).toBeLessThanOrEqual(Math.SQRT2 * hellinger + 1e-12);
      }),
    );
  });

  it('KL in bits is KL in nats / ln 2', () => {
    fc.assert(
      fc.property(countPair, ([p, q]) => {
        expect(close(klDivergence(p, q, { base: 2 }).divergence, klDivergence(p, q).divergence / Math.LN2)).toBe(true);
      }),
    );
  });

  it('Wasserstein is >= 0 and equals |c| for a shift by c', () => {
    fc.assert(
      fc.property(sample, fc.integer({ min: -1000, max: 1000 }), (u, shift) => {
        const shifted = u.map((x) => x + shift);
        expect(wassersteinDistance(u, shifted)).toBeGreaterThanOrEqual(0);
        expect(Math.abs(wassersteinDistance(u, shifted) - Math.abs(shift))).toBeLessThan(1e-6);
      }),
    );
  });

  it('MMD² biased is >= 0 (up to rounding)', () => {
    fc.assert(
      fc.property(rowPair, ([x, y]) => {
        const { mmd2Biased, sigma } = maximumMeanDiscrepancy(x, y);
        fc.pre(sigma > 0);
        expect(mmd2Biased).toBeGreaterThanOrEqual(-1e-12);
      }),
    );
  });
});

describe('from-samples variants agree with the count variants on the same bins', () => {
  it('PSI and JS', () => {
    fc.assert(
      fc.property(sample, sample, (reference, current) => {
        const edges = [-1000, 0, 1000];
        const psi = populationStabilityIndexFromSamples(reference, current, edges);
        expect(psi.psi).toBe(populationStabilityIndex(psi.referenceCounts, psi.currentCounts).psi);
        const js = jensenShannonFromSamples(reference, current, edges, { base: 2 });
        expect(js.distance).toBe(jensenShannon(js.referenceCounts, js.currentCounts, { base: 2 }).distance);
      }),
    );
  });
});
