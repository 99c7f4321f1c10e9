import { normalSf } from './distributions/normal-sf.js';

/** Result of {@link twoProportionZTest}. */
export interface TwoProportionZTestResult {
  /** (p_a - p_b)/standardError: positive when a's rate is higher; NaN when the pooled rate is 0 or 1. */
  z: number;
  /** Two-sided 2·P(Z ≥ |z|); NaN when z is NaN. */
  pValue: number;
  pA: number;
  pB: number;
  /** (successesA + successesB)/(nA + nB). */
  pPooled: number;
  /** sqrt(p(1-p)(1/nA + 1/nB)) with the pooled p. */
  standardError: number;
  /** p_a - p_b, the effect size to report beside the p-value. */
  difference: number;
}

/**
 * Pooled two-proportion z-test (e.g. a binary feature's or prediction's positive rate, reference
 * vs current): z = (p_a - p_b)/sqrt(p(1-p)(1/n_a + 1/n_b)) with p the pooled rate, two-sided
 * p-value 2·norm.sf(|z|) (tiny p-values keep relative accuracy). When the pooled rate is 0 or 1
 * the standard error is 0 and z, p are NaN (0/0), as by definition.
 *
 * Matches statsmodels `proportions_ztest([successesA, successesB], [nA, nB])` (value 0,
 * two-sided, prop_var False) and the definition with `scipy.stats.norm.sf`.
 *
 * @throws RangeError unless nA, nB are positive integers and 0 ≤ successes ≤ n are integers
 * @example
 * twoProportionZTest(45, 500, 60, 500).pValue // 0.12178184842585672 (z = -1.547337646055907)
 */
export function twoProportionZTest(successesA: number, nA: number, successesB: number, nB: number): TwoProportionZTestResult {
  assertTrials('nA', nA);
  assertTrials('nB', nB);
  assertSuccesses('successesA', successesA, nA);
  assertSuccesses('successesB', successesB, nB);
  const pA = successesA / nA;
  const pB = successesB / nB;
  const pPooled = (successesA + successesB) / (nA + nB);
  const standardError = Math.sqrt(pPooled * (1 - pPooled) * (1 / nA + 1 / nB));
  const z = (pA - pB) / standardError;
  const pValue = Number.isNaN(z) ? Number.NaN : 2 * normalSf(Math.abs(z));
  return { z, pValue: Math.min(pValue, 1), pA, pB, pPooled, standardError, difference: pA - pB };
}

function assertTrials(name: string, n: number): void {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`${name} must be a positive integer, got ${n}`);
}

function assertSuccesses(name: string, successes: number, n: number): void {
  if (!Number.isInteger(successes) || successes < 0 || successes > n) {
    throw new RangeError(`${name} must be an integer in [0, ${n}], got ${successes}`);
  }
}
