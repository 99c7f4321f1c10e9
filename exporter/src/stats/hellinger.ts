/**
 * Hellinger distance and Bhattacharyya coefficient of two discrete distributions.
 *
 * Convention (by definition, no smoothing): `p̂ = p / Σp`, `q̂ = q / Σq`;
 * `H = √(½ Σ (√p̂_i − √q̂_i)²)` in [0, 1], equal to
 * `scipy.spatial.distance.euclidean(sqrt(p̂), sqrt(q̂)) / sqrt(2)`; `BC = Σ √(p̂_i q̂_i)` in [0, 1],
 * with H² = 1 − BC in exact arithmetic (the direct formula for H is the accurate one near 0). Symmetric.
 */
import { assertSameLength, normalizeProbabilities } from './normalize.js';
import { numpySum } from './numpy-sum.js';

/**
 * Hellinger distance √(½ Σ (√p̂ − √q̂)²) of two non-negative vectors (counts or probabilities).
 *
 * @throws {TypeError|RangeError} when p or q is empty, has a negative/NaN/infinite entry or sums to 0, or the lengths differ
 * @example hellingerDistance([0.7, 0.3], [0.4, 0.6]) // 0.2158371355331454
 */
export function hellingerDistance(p: ArrayLike<number>, q: ArrayLike<number>): number {
  const [pHat, qHat] = normalizedPair(p, q);
  const squares = new Float64Array(pHat.length);
  for (let i = 0; i < pHat.length; i++) {
    const difference = Math.sqrt(pHat[i] as number) - Math.sqrt(qHat[i] as number);
    squares[i] = difference * difference;
  }
  return Math.sqrt(0.5 * numpySum(squares));
}

/**
 * Bhattacharyya coefficient Σ √(p̂_i q̂_i) (1 for identical distributions, 0 for disjoint supports).
 *
 * @throws {TypeError|RangeError} as `hellingerDistance`
 * @example bhattacharyyaCoefficient([0.7, 0.3], [0.4, 0.6]) // 0.9534143309248466
 */
export function bhattacharyyaCoefficient(p: ArrayLike<number>, q: ArrayLike<number>): number {
  const [pHat, qHat] = normalizedPair(p, q);
  const products = new Float64Array(pHat.length);
  for (let i = 0; i < pHat.length; i++) products[i] = Math.sqrt((pHat[i] as number) * (qHat[i] as number));
  return numpySum(products);
}

function normalizedPair(p: ArrayLike<number>, q: ArrayLike<number>): [Float64Array, Float64Array] {
  const pHat = normalizeProbabilities('p', p);
  const qHat = normalizeProbabilities('q', q);
  assertSameLength('p', p, 'q', q);
  return [pHat, qHat];
}
