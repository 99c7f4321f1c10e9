import gammainc from '@stdlib/math-base-special-gammainc';

/**
 * Upper tail P(X ≥ x) of the chi-squared distribution with `dof` degrees of freedom, as the
 * regularized upper incomplete gamma Q(dof/2, x/2) (keeps relative accuracy for tiny p).
 * Matches `scipy.stats.chi2.sf(x, dof)`: 1 for x ≤ 0, 0 for x = Infinity, NaN for NaN.
 *
 * @throws RangeError when dof is not a positive finite number
 * @example chiSquaredSf(3.841458820694124, 1) // 0.05
 */
export function chiSquaredSf(x: number, dof: number): number {
  if (!(dof > 0 && Number.isFinite(dof))) throw new RangeError(`dof must be a positive number, got ${dof}`);
  if (Number.isNaN(x)) return Number.NaN;
  if (x <= 0) return 1;
  if (x === Infinity) return 0;
  return gammainc(x / 2, dof / 2, true, true);
}
