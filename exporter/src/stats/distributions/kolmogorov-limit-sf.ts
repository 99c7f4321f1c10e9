/**
 * Survival function of the Kolmogorov distribution (the limit law of sqrt(n)·D_n):
 * Q_KS(x) = 2 Σ_{k≥1} (-1)^{k-1} exp(-2k²x²).
 *
 * Matches `scipy.special.kolmogorov(x)` = `scipy.stats.kstwobign.sf(x)` (SciPy 1.10): for
 * x ≤ 0.82 the Jacobi-theta form 1 - sqrt(2π)/x Σ exp(-(2k-1)²π²/(8x²)) is used, above it the
 * alternating series; both keep full relative accuracy in their tail.
 *
 * @example kolmogorovLimitSf(1.0) // 0.26999967167735456
 */
export function kolmogorovLimitSf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x <= Math.PI / Math.sqrt(746 * 8)) return 1;
  if (x <= 0.82) {
    const w = Math.sqrt(2 * Math.PI) / x;
    const logU8 = (-Math.PI * Math.PI) / (x * x);
    const u = Math.exp(logU8 / 8);
    let cdf: number;
    if (u === 0) {
      cdf = Math.exp(logU8 / 8 + Math.log(w));
    } else {
      const u8 = Math.exp(logU8);
      let p = 1 + Math.pow(u8, 3);
      p = 1 + u8 * u8 * p;
      p = 1 + u8 * p;
      cdf = w * u * p;
    }
    return clip01(1 - cdf);
  }
  const v = Math.exp(-2 * x * x);
  const v3 = Math.pow(v, 3);
  let p = 1 - v3 * v3 * v;
  p = 1 - v3 * v * v * p;
  p = 1 - v3 * p;
  return clip01(2 * v * p);
}

function clip01(p: number): number {
  return p < 0 ? 0 : p > 1 ? 1 : p;
}
