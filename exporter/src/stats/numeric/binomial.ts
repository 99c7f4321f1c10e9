import binomcoefln from '@stdlib/math-base-special-binomcoefln';

/**
 * Binomial coefficient C(n, k) as a double for integers 0 ≤ k ≤ n (0 outside), like
 * `scipy.special.binom` on integers: an exact running product for small k, else exp(log C).
 * Overflows to Infinity past ~1.8e308.
 *
 * @internal
 * @example binomial(40, 20) // 137846528820
 */
export function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  const kk = Math.min(k, n - k);
  if (kk < 20) {
    let numerator = 1;
    let denominator = 1;
    for (let i = 1; i <= kk; i++) {
      numerator *= i + n - kk;
      denominator *= i;
      if (Math.abs(numerator) > 1e50) {
        numerator /= denominator;
        denominator = 1;
      }
    }
    return numerator / denominator;
  }
  return Math.exp(binomcoefln(n, kk));
}
