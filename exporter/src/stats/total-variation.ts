/**
 * Total variation distance of two discrete distributions.
 *
 * Convention (by definition, no smoothing): `p̂ = p / Σp`, `q̂ = q / Σq`; `TVD = ½ Σ |p̂_i − q̂_i|`,
 * as `0.5 * numpy.sum(numpy.abs(p_hat - q_hat))`; in [0, 1], symmetric; the largest difference in
 * probability the two distributions give to any set of categories.
 */
import { assertSameLength, normalizeProbabilities } from './normalize.js';
import { numpySum } from './numpy-sum.js';

/**
 * Total variation distance ½ Σ |p̂ − q̂| of two non-negative vectors (counts or probabilities).
 *
 * @throws {TypeError|RangeError} when p or q is empty, has a negative/NaN/infinite entry or sums to 0, or the lengths differ
 * @example totalVariationDistance([0.7, 0.3], [0.4, 0.6]) // 0.29999999999999993
 */
export function totalVariationDistance(p: ArrayLike<number>, q: ArrayLike<number>): number {
  const pHat = normalizeProbabilities('p', p);
  const qHat = normalizeProbabilities('q', q);
  assertSameLength('p', p, 'q', q);
  const differences = new Float64Array(pHat.length);
  for (let i = 0; i < pHat.length; i++) differences[i] = Math.abs((pHat[i] as number) - (qHat[i] as number));
  return 0.5 * numpySum(differences);
}
