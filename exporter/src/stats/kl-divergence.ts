/**
 * Kullback-Leibler divergence KL(P ‖ Q) of two discrete distributions, with epsilon smoothing of
 * empty categories.
 *
 * Convention: `p̂ = p / Σp`, `q̂ = q / Σq`; every zero of p̂ or q̂ is replaced by `epsilon` (default
 * 1e-4; 0 = no smoothing); then `scipy.stats.entropy(p_smoothed, q_smoothed, base)` (SciPy 1.10),
 * which RE-NORMALISES both smoothed vectors and returns Σ p′ ln(p′/q′) / ln(base). The
 * non-renormalised variant Σ p_s ln(p_s/q_s) (as PSI-style code does) is returned beside it.
 * Not symmetric: KL(P‖Q) ≠ KL(Q‖P) in general. >= 0 (the renormalised variant).
 */
import { assertSameLength, normalizeProbabilities, relativeEntropyTerm } from './normalize.js';
import { naturalLogOfBase } from './log-base.js';
import { numpySum } from './numpy-sum.js';

/** Default replacement for an empty category's proportion. */
export const DEFAULT_KL_EPSILON = 1e-4;

/** Options of `klDivergence`. */
export interface KlDivergenceOptions {
  /** Replacement for zero proportions, finite and >= 0; 0 disables smoothing. Default 1e-4. */
  epsilon?: number;
  /** Logarithm base, finite, > 0 and ≠ 1 (2 gives bits). Default: natural log (nats), as SciPy. */
  base?: number;
}

/** KL(P ‖ Q) in the requested base, with the smoothed inputs. */
export interface KlDivergenceResult {
  /** `scipy.stats.entropy(pSmoothed, qSmoothed, base)`: smoothed vectors renormalised to sum 1. */
  divergence: number;
  /** Σ pSmoothed ln(pSmoothed / qSmoothed) / ln(base), smoothed vectors used as they are. */
  divergenceWithoutRenormalization: number;
  /** p / Σp with zeros replaced by epsilon (not renormalised). */
  pSmoothed: Float64Array;
  /** q / Σq with zeros replaced by epsilon (not renormalised). */
  qSmoothed: Float64Array;
}

/**
 * KL(P ‖ Q) with epsilon smoothing, matching `scipy.stats.entropy(p_smoothed, q_smoothed, base)`.
 * With `epsilon: 0`, a category where q is 0 and p is not gives Infinity.
 *
 * @throws {TypeError|RangeError} when p or q is empty, has a negative/NaN/infinite entry or sums to 0,
 *   the lengths differ, `epsilon` is not finite and >= 0, or `base` is not finite, > 0 and ≠ 1
 * @example klDivergence([0.7, 0.3], [0.4, 0.6]).divergence // 0.18378689738681217
 */
export function klDivergence(p: ArrayLike<number>, q: ArrayLike<number>, options: KlDivergenceOptions = {}): KlDivergenceResult {
  const epsilon = options.epsilon ?? DEFAULT_KL_EPSILON;
  if (typeof epsilon !== 'number' || !Number.isFinite(epsilon) || epsilon < 0) {
    throw new RangeError(`epsilon must be a finite number >= 0 (0 disables smoothing), got ${String(epsilon)}`);
  }
  const logBase = naturalLogOfBase(options.base);
  const pSmoothed = replaceZeros(normalizeProbabilities('p', p), epsilon);
  const qSmoothed = replaceZeros(normalizeProbabilities('q', q), epsilon);
  assertSameLength('p', p, 'q', q);
  const pTotal = numpySum(pSmoothed);
  const qTotal = numpySum(qSmoothed);
  const renormalised = new Float64Array(pSmoothed.length);
  const asIs = new Float64Array(pSmoothed.length);
  for (let i = 0; i < pSmoothed.length; i++) {
    const a = pSmoothed[i] as number;
    const b = qSmoothed[i] as number;
    renormalised[i] = relativeEntropyTerm(a / pTotal, b / qTotal);
    asIs[i] = relativeEntropyTerm(a, b);
  }
  return {
    divergence: numpySum(renormalised) / logBase,
    divergenceWithoutRenormalization: numpySum(asIs) / logBase,
    pSmoothed,
    qSmoothed,
  };
}

function replaceZeros(probabilities: Float64Array, epsilon: number): Float64Array {
  for (let i = 0; i < probabilities.length; i++) if (probabilities[i] === 0) probabilities[i] = epsilon;
  return probabilities;
}
