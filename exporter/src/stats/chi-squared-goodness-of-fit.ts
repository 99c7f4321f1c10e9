import { chiSquaredSf } from './distributions/chi-squared-sf.js';
import { assertCounts } from './numeric/assert-sample.js';
import { pairwiseSum } from './numeric/pairwise-sum.js';

/** Result of {@link chiSquaredGoodnessOfFit}. */
export interface ChiSquaredGoodnessOfFitResult {
  /** Pearson's Σ (O - E)²/E; Infinity when a category with E = 0 was observed, NaN when O = E = 0 there. */
  statistic: number;
  pValue: number;
  /** K - 1. */
  dof: number;
  /** E_i = p_i · Σ O. */
  expected: number[];
}

/** Options of {@link chiSquaredGoodnessOfFit}. */
export interface ChiSquaredGoodnessOfFitOptions {
  /**
   * When set (> 0), reference proportions equal to 0 are replaced by this value and all
   * proportions renormalised to sum to 1 before the test, so an unseen reference category gives
   * a large finite statistic instead of Infinity/NaN. Default: no smoothing (SciPy's raw result).
   */
  zeroProportionEpsilon?: number;
}

/** Relative tolerance SciPy allows between Σ observed and Σ expected. */
const SUM_TOLERANCE = 1e-8;

/**
 * Pearson chi-squared goodness-of-fit test of observed category counts against reference
 * proportions: E_i = p_i·n, statistic Σ (O_i - E_i)²/E_i, dof = K - 1, p = chi2.sf(statistic, K-1).
 *
 * Matches `scipy.stats.chisquare(f_obs=observed, f_exp=referenceProportions * sum(observed))`
 * (SciPy 1.10, ddof=0), including its raw handling of a zero reference proportion: statistic
 * Infinity and p = 0 when that category was observed, NaN when it was not. Pass
 * `zeroProportionEpsilon` for the smoothed variant (zeros → ε, renormalise).
 *
 * @throws TypeError / RangeError on non-numeric, negative or non-finite counts or proportions,
 *   fewer than 2 categories, different lengths, or proportions whose sum is not 1 (relative 1e-8,
 *   like SciPy's check of Σ f_obs = Σ f_exp). All-zero observations give NaN, as in SciPy.
 * @example
 * chiSquaredGoodnessOfFit([48, 35, 10, 7], [0.4, 0.3, 0.2, 0.1])
 * // { statistic: 8.333333333333334, pValue: 0.03960235520756414, dof: 3, expected: [40, 30, 20, 10] }
 */
export function chiSquaredGoodnessOfFit(
  observed: ArrayLike<number>,
  referenceProportions: ArrayLike<number>,
  options: ChiSquaredGoodnessOfFitOptions = {},
): ChiSquaredGoodnessOfFitResult {
  assertCounts('observed', observed, 2);
  assertCounts('referenceProportions', referenceProportions, 2);
  if (observed.length !== referenceProportions.length) {
    throw new RangeError(`observed and referenceProportions must have the same length, got ${observed.length} and ${referenceProportions.length}`);
  }
  const epsilon = options.zeroProportionEpsilon;
  if (epsilon !== undefined && !(epsilon > 0 && epsilon < 1)) {
    throw new RangeError(`options.zeroProportionEpsilon must be in (0, 1), got ${epsilon}`);
  }
  const proportions = epsilon === undefined ? Array.from(referenceProportions) : smoothProportions(referenceProportions, epsilon);
  const proportionSum = pairwiseSum(proportions);
  if (Math.abs(proportionSum - 1) > SUM_TOLERANCE) {
    throw new RangeError(`referenceProportions must sum to 1 (relative tolerance ${SUM_TOLERANCE}), got a sum of ${proportionSum}`);
  }
  const total = pairwiseSum(observed);
  const expected = proportions.map((p) => p * total);
  const terms = expected.map((e, i) => ((observed[i] as number) - e) ** 2 / e);
  const statistic = pairwiseSum(terms);
  const dof = observed.length - 1;
  return { statistic, pValue: chiSquaredSf(statistic, dof), dof, expected };
}

/** Zero proportions become ε, then every proportion is divided by the new total. */
function smoothProportions(proportions: ArrayLike<number>, epsilon: number): number[] {
  const replaced = Array.from(proportions, (p) => (p === 0 ? epsilon : p));
  const total = pairwiseSum(replaced);
  return replaced.map((p) => p / total);
}
