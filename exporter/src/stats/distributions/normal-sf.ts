import erfc from '@stdlib/math-base-special-erfc';

/**
 * Upper tail P(Z ≥ z) of the standard normal distribution, 0.5·erfc(z/√2), accurate for tiny
 * tails. Matches `scipy.stats.norm.sf(z)`.
 *
 * @example normalSf(1.959963984540054) // 0.025
 */
export function normalSf(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}
