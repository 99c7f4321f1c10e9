import binomcoefln from '@stdlib/math-base-special-binomcoefln';
import { twoProduct } from '../numeric/two-product.js';

/** Natural log of the smallest normal double: exp() of anything below returns a subnormal or 0. */
const MIN_LOG = -708.3964185322641;
/** Above this n SciPy switches to the approximation exp(-(6nx+1)²/(18n)). */
const SMIRNOV_MAX_COMPUTE_N = 1_000_000;

/**
 * Survival function of the one-sided one-sample Kolmogorov–Smirnov statistic D_n⁺ (Smirnov):
 * P(D_n⁺ ≥ x) = x Σ_{v=0}^{⌊n(1-x)⌋} C(n,v) (x + v/n)^{v-1} (1 - x - v/n)^{n-v}
 * (Birnbaum & Tingey 1951), every term positive, evaluated in log space.
 *
 * Matches `scipy.special.smirnov(n, x)` (SciPy 1.10), including its special cases: x ≤ 1/n and
 * x ≥ 1 - 1/n in closed form, 0 once -2nx² underflows, and exp(-(6nx+1)²/(18n)) for n > 10⁶.
 *
 * @throws RangeError when n is not a positive integer
 * @example smirnovSf(10, 0.3) // 0.1354635556 (scipy.special.smirnov)
 */
export function smirnovSf(n: number, x: number): number {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, got ${n}`);
  if (!(x >= 0 && x <= 1)) return Number.NaN;
  if (n === 1) return 1 - x;
  if (x === 0) return 1;
  if (x === 1) return 0;
  const [nxHigh, nxLow] = twoProduct(n, x);
  let nxFloor = Math.floor(nxHigh);
  let alpha = nxHigh - nxFloor + nxLow;
  if (alpha < 0) {
    nxFloor -= 1;
    alpha += 1;
  }
  if (alpha >= 1) {
    nxFloor += 1;
    alpha = 0;
  }
  if (nxFloor === 0 || (nxFloor === 1 && alpha === 0)) {
    const cdf = x * Math.exp((n - 1) * Math.log1p(x));
    return clip01(1 - cdf);
  }
  if (-2 * n * x * x < MIN_LOG) return 0;
  if (nxFloor >= n - 1) return clip01(Math.exp(n * Math.log1p(-x)));
  if (n > SMIRNOV_MAX_COMPUTE_N) {
    return clip01(Math.exp(-Math.pow(6 * n * x + 1, 2) / 18 / n));
  }
  const lastV = n - nxFloor - 1;
  const logN = Math.log(n);
  let sum = 0;
  for (let v = 0; v <= lastV; v++) {
    // x + v/n = (nx + v)/n and 1 - x - v/n = (n - v - nx)/n, with nx kept as high + low parts.
    const lower = v + nxHigh + nxLow;
    const upper = n - v - nxHigh - nxLow;
    const logTerm =
      binomcoefln(n, v) + (v - 1) * (Math.log(lower) - logN) + (n - v) * (Math.log(upper) - logN);
    const term = Math.exp(logTerm);
    sum += term;
    if (term !== 0) {
      if (4 * (lastV + 1 - v) * term < Number.EPSILON * sum && v !== lastV) break;
    } else if (v > n / 2) {
      break;
    }
  }
  return clip01(x * sum);
}

function clip01(p: number): number {
  return p < 0 ? 0 : p > 1 ? 1 : p;
}
