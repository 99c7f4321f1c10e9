import { durbinMatrixCdf } from './ks-durbin-matrix.js';
import { pelzGoodCdf } from './ks-pelz-good.js';
import { pomeranzCdf } from './ks-pomeranz.js';
import { smirnovSf } from './smirnov-sf.js';

/** Stirling-series coefficients B_{2j}/(2j(2j-1)), j = 8 … 1, rounded to doubles. */
const STIRLING_COEFFICIENTS = [
  -0.029550653594771242, 0.00641025641025641, -0.0019175269175269176, 0.0008417508417508417,
  -0.0005952380952380953, 0.0007936507936507937, -0.002777777777777778, 0.08333333333333333,
];

/**
 * Survival function P(D_n ≥ d) of the EXACT two-sided one-sample Kolmogorov–Smirnov statistic
 * D_n = sup |F_n - F| for sample size n (not the n → ∞ limit).
 *
 * Matches `scipy.stats.kstwo.sf(d, n)` (SciPy 1.10), which follows Simard & L'Ecuyer (2011):
 * closed forms near the ends (Ruben–Gambino), 2·smirnov(n, d) where the one-sided tails cannot
 * overlap (d ≥ 0.5) or the tail is small, Durbin's matrix or Pomeranz's recursion for n ≤ 140,
 * and for n > 140 Durbin's matrix when n·d^1.5 ≤ 1.4 (n ≤ 100 000), else the Pelz–Good
 * approximation; 0 once n·d² ≥ 370 (the p-value underflows double precision there anyway).
 * Tiny p-values keep their relative accuracy wherever the smirnov branch applies.
 *
 * @throws RangeError when n is not a positive integer
 * @example kolmogorovSmirnovSf(600, 0.044333333333333336) // 0.1834384601082133 (scipy)
 */
export function kolmogorovSmirnovSf(n: number, d: number): number {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, got ${n}`);
  if (Number.isNaN(d)) return Number.NaN;
  if (d >= 1) return 0;
  if (d <= 0) return 1;
  const t = n * d;
  if (t <= 1) {
    if (t <= 0.5) return 1;
    let cdf: number;
    if (n <= 140) {
      cdf = 1;
      const inverseN = 1 / n;
      for (let i = 1; i <= n; i++) cdf *= i * inverseN * (2 * t - 1);
    } else {
      cdf = Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
    }
    return clip01(1 - cdf);
  }
  if (t >= n - 1) return clip01(2 * Math.pow(1 - d, n));
  if (d >= 0.5) return clip01(2 * smirnovSf(n, d));

  const nd2 = t * d;
  if (n <= 140) {
    if (nd2 <= 0.754693) return clip01(1 - durbinMatrixCdf(n, d));
    if (nd2 <= 4) return clip01(1 - pomeranzCdf(n, d));
    return clip01(2 * smirnovSf(n, d));
  }
  if (nd2 >= 370) return 0;
  if (nd2 >= 2.2) return clip01(2 * smirnovSf(n, d));
  const cdf = n <= 100_000 && n * Math.pow(d, 1.5) <= 1.4 ? durbinMatrixCdf(n, d) : pelzGoodCdf(n, d);
  return clip01(1 - cdf);
}

/** log(n!/nⁿ) by Stirling's series with the n·log n term removed up front. */
function logFactorialOverPower(n: number): number {
  const r = 1 / n;
  const rr = r / n;
  let series = 0;
  for (const coefficient of STIRLING_COEFFICIENTS) series = series * rr + coefficient;
  return Math.log(n) / 2 - n + Math.log(2 * Math.PI) / 2 + r * series;
}

function clip01(p: number): number {
  return p < 0 ? 0 : p > 1 ? 1 : p;
}
