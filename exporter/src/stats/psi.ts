/**
 * Population Stability Index (PSI) between a reference and a current distribution on shared bins.
 *
 * Convention (no library reference exists; matches the reference vectors' numpy definition):
 * `p_i = count_i / sum(count)`; a bin whose COUNT is 0 gets proportion `epsilon` (default 1e-4)
 * with NO renormalisation; `term_i = (p_cur_i − p_ref_i) · ln(p_cur_i / p_ref_i)`; `psi = Σ term_i`
 * (natural log). Every term is >= 0 and PSI is symmetric in its two arguments.
 * Industry reading: < 0.1 stable, 0.1–0.25 moderate shift, > 0.25 significant shift.
 */
import { binBothSamples } from './binned-samples.js';
import { assertSameLength, assertWeights } from './normalize.js';
import { numpySum } from './numpy-sum.js';

/** Default replacement for the proportion of an empty bin. */
export const DEFAULT_PSI_EPSILON = 1e-4;

/** Options of the PSI functions. */
export interface PsiOptions {
  /** Proportion given to a bin with count 0 (no renormalisation); finite, >= 0. Default 1e-4. */
  epsilon?: number;
}

/** PSI with its per-bin breakdown. */
export interface PsiResult {
  psi: number;
  /** Per-bin contributions (p_cur − p_ref) ln(p_cur / p_ref); they sum to `psi`. */
  terms: Float64Array;
  /** Reference proportions after epsilon replacement. */
  pRef: Float64Array;
  /** Current proportions after epsilon replacement. */
  pCur: Float64Array;
}

/** PSI from samples, with the bin counts it used. */
export interface PsiFromSamplesResult extends PsiResult {
  referenceCounts: Float64Array;
  currentCounts: Float64Array;
}

/**
 * PSI from bin counts (reference and current counted on the same bins).
 * With `epsilon: 0` an empty bin on one side only gives `Infinity`, on both sides `NaN` (IEEE).
 *
 * @throws {TypeError|RangeError} when counts are not finite non-negative numbers, are empty, sum to 0,
 *   differ in length, or `epsilon` is not a finite number >= 0
 * @example populationStabilityIndex([200, 300, 250, 150, 100], [120, 260, 280, 200, 140]).psi // 0.0778329...
 */
export function populationStabilityIndex(referenceCounts: ArrayLike<number>, currentCounts: ArrayLike<number>, options: PsiOptions = {}): PsiResult {
  const epsilon = resolveEpsilon(options.epsilon);
  assertWeights('referenceCounts', referenceCounts);
  assertWeights('currentCounts', currentCounts);
  assertSameLength('referenceCounts', referenceCounts, 'currentCounts', currentCounts);
  const pRef = smoothedProportions(referenceCounts, epsilon);
  const pCur = smoothedProportions(currentCounts, epsilon);
  const terms = new Float64Array(pRef.length);
  for (let i = 0; i < terms.length; i++) {
    const cur = pCur[i] as number;
    const ref = pRef[i] as number;
    terms[i] = (cur - ref) * Math.log(cur / ref);
  }
  return { psi: numpySum(terms), terms, pRef, pCur };
}

/**
 * PSI from raw samples binned on reference-aligned INTERIOR `edges` (bins (-inf, e0) [e0, e1) …
 * [e_last, +inf); a value on an edge goes right, like `numpy.searchsorted(edges, x, side='right')`;
 * NaN values are skipped). Typically the edges are reference quantiles.
 *
 * @throws {TypeError|RangeError} on bad edges, a sample without any non-NaN value, or a bad epsilon
 * @example populationStabilityIndexFromSamples([1, 2, 3, 4], [3, 4, 4, 5], [2.5]).psi
 */
export function populationStabilityIndexFromSamples(
  reference: ArrayLike<number>,
  current: ArrayLike<number>,
  edges: ArrayLike<number>,
  options: PsiOptions = {},
): PsiFromSamplesResult {
  resolveEpsilon(options.epsilon);
  const { referenceCounts, currentCounts } = binBothSamples(reference, current, edges);
  return { ...populationStabilityIndex(referenceCounts, currentCounts, options), referenceCounts, currentCounts };
}

function resolveEpsilon(epsilon: number | undefined): number {
  if (epsilon === undefined) return DEFAULT_PSI_EPSILON;
  if (typeof epsilon !== 'number' || !Number.isFinite(epsilon) || epsilon < 0) {
    throw new RangeError(`epsilon must be a finite number >= 0 (the proportion given to an empty bin), got ${String(epsilon)}`);
  }
  return epsilon;
}

function smoothedProportions(counts: ArrayLike<number>, epsilon: number): Float64Array {
  const total = numpySum(counts);
  const proportions = new Float64Array(counts.length);
  for (let i = 0; i < counts.length; i++) {
    const count = counts[i] as number;
    proportions[i] = count === 0 ? epsilon : count / total;
  }
  return proportions;
}
