/**
 * Jensen-Shannon divergence and distance between two discrete distributions.
 *
 * Convention: matches `scipy.spatial.distance.jensenshannon(p, q, base)` (SciPy 1.10): p and q are
 * normalised to sum 1, `m = (p + q) / 2`, `divergence = ½ Σ rel_entr(p, m) + ½ Σ rel_entr(q, m)`,
 * divided by `ln(base)`; `distance = √divergence` (what SciPy returns). No smoothing is needed: m > 0
 * wherever p or q is. Base 2 values lie in [0, 1], natural-log values in [0, ln 2]. Symmetric.
 */
import { binBothSamples, type BinnedSamples } from './binned-samples.js';
import { assertSameLength, normalizeProbabilities, relativeEntropyTerm } from './normalize.js';
import { naturalLogOfBase } from './log-base.js';
import { numpySum } from './numpy-sum.js';

/** Options of the Jensen-Shannon functions. */
export interface JensenShannonOptions {
  /** Logarithm base: a finite number > 0 and ≠ 1, e.g. 2 (bits). Default: natural log, as SciPy. */
  base?: number;
}

/** Jensen-Shannon divergence and distance (distance = √divergence). */
export interface JensenShannonResult {
  divergence: number;
  distance: number;
}

/**
 * Jensen-Shannon divergence/distance of two non-negative vectors (counts or probabilities), as
 * `scipy.spatial.distance.jensenshannon(p, q, base)`. A rounding-level negative divergence is clamped to 0
 * (SciPy would return NaN there).
 *
 * @throws {TypeError|RangeError} when p or q is empty, has a negative/NaN/infinite entry or sums to 0,
 *   the lengths differ, or `base` is not a finite number > 0 and ≠ 1
 * @example jensenShannon([0.5, 0.5, 0, 0], [0, 0, 0.3, 0.7], { base: 2 }) // { divergence: 1, distance: 1 }
 */
export function jensenShannon(p: ArrayLike<number>, q: ArrayLike<number>, options: JensenShannonOptions = {}): JensenShannonResult {
  const logBase = naturalLogOfBase(options.base);
  const pHat = normalizeProbabilities('p', p);
  const qHat = normalizeProbabilities('q', q);
  assertSameLength('p', p, 'q', q);
  const left = new Float64Array(pHat.length);
  const right = new Float64Array(pHat.length);
  for (let i = 0; i < pHat.length; i++) {
    const a = pHat[i] as number;
    const b = qHat[i] as number;
    const m = (a + b) / 2;
    left[i] = relativeEntropyTerm(a, m);
    right[i] = relativeEntropyTerm(b, m);
  }
  let divergence = (numpySum(left) + numpySum(right)) / logBase / 2;
  if (divergence < 0) divergence = 0;
  return { divergence, distance: Math.sqrt(divergence) };
}

/**
 * Jensen-Shannon divergence/distance of two samples binned on shared reference-aligned INTERIOR `edges`
 * (bins [a, b), a value on an edge goes right, NaN skipped), then compared as count proportions.
 *
 * @throws {TypeError|RangeError} on bad edges, a sample without any non-NaN value, or a bad base
 * @example jensenShannonFromSamples([1, 2, 3], [3, 4, 5], [2.5], { base: 2 }).distance
 */
export function jensenShannonFromSamples(
  reference: ArrayLike<number>,
  current: ArrayLike<number>,
  edges: ArrayLike<number>,
  options: JensenShannonOptions = {},
): JensenShannonResult & BinnedSamples {
  naturalLogOfBase(options.base);
  const binned = binBothSamples(reference, current, edges);
  return { ...jensenShannon(binned.referenceCounts, binned.currentCounts, options), ...binned };
}
