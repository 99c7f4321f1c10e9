import gammaln from '@stdlib/math-base-special-gammaln';
import { besselKScaled } from '../special/bessel-k.js';

/**
 * CDF of the limiting (n → ∞) one-sample Cramér–von Mises statistic ω²:
 * F(x) = 1/(π√x) Σ_k Γ(k+½)/(Γ(½)k!) … in the form of Csörgő & Faraway (1996) eq. 1.3,
 * Σ_{k≥0} Γ(k+½)/(Γ(k+1) π^{3/2} √x) · √(4k+1) · e^{-q} K_{1/4}(q), q = (4k+1)²/(16x),
 * adding terms until one is below 1e-7 in absolute value (that term included).
 *
 * Matches SciPy 1.10 `scipy.stats._hypotests._cdf_cvm_inf` (used by `cramervonmises` and
 * `cramervonmises_2samp(method='asymptotic')`); like it, only accurate to about 1e-7 and not
 * meant for x > 4, where F is within 1e-7 of 1.
 *
 * @internal
 * @throws RangeError when x is not positive
 */
export function cramerVonMisesLimitCdf(x: number): number {
  if (!(x > 0)) throw new RangeError(`x must be > 0, got ${x}`);
  let total = 0;
  for (let k = 0; ; k++) {
    const u = Math.exp(gammaln(k + 0.5) - gammaln(k + 1)) / (Math.PI ** 1.5 * Math.sqrt(x));
    const y = 4 * k + 1;
    const q = y ** 2 / (16 * x);
    // e^{-q} K(q) = e^{-2q} · (e^{q} K(q))
    const term = u * Math.sqrt(y) * Math.exp(-2 * q) * besselKScaled(0.25, q);
    total += term;
    if (!(Math.abs(term) >= 1e-7)) break;
  }
  return total;
}
