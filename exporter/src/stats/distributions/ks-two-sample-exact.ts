import { binomial } from '../numeric/binomial.js';
import { gcd } from '../numeric/gcd.js';

/** Which tail of the two-sample statistic: |F_x - F_y| ('two-sided'), F_x - F_y ('greater'), F_y - F_x ('less'). */
export type KsAlternative = 'two-sided' | 'less' | 'greater';

/**
 * Exact null probability P(D ≥ h/lcm(n1, n2)) of the two-sample Kolmogorov–Smirnov statistic for
 * continuous data (no ties), by counting lattice paths from (0,0) to (n1,n2) (Hodges 1958).
 * Two-sided: `n1 === n2` uses the reflection series (SciPy's `_compute_prob_outside_square`),
 * otherwise the "inside" recursion written for 1 - p directly (Viehmann 2021), which stays
 * accurate for tiny p. One-sided: closed form when `n1 === n2`, else Hodges' "outside" count
 * divided by C(n1+n2, n1).
 *
 * Mirrors SciPy 1.10 `_attempt_exact_2kssamp`: returns `undefined` where SciPy's computation
 * fails (overflow, or a result outside [0, 1]) and `ks_2samp` falls back to the asymptotic law.
 *
 * @internal
 * @param h the statistic on the lattice: D·lcm(n1, n2), an integer ≥ 1
 */
export function ksTwoSampleExactSf(n1: number, n2: number, h: number, alternative: KsAlternative): number | undefined {
  const g = gcd(n1, n2);
  let p: number;
  if (alternative === 'two-sided') {
    p = n1 === n2 ? probabilityOutsideSquare(n1, h) : probabilityOutsideBand(n1, n2, g, h);
  } else if (n1 === n2) {
    p = 1;
    for (let j = 0; j < h; j++) p *= (n1 - j) / (n1 + j + 1);
  } else {
    const paths = countPathsBelowDiagonal(n1, n2, g, h);
    const all = binomial(n1 + n2, n1);
    if (!Number.isFinite(paths) || !Number.isFinite(all) || paths > all) return undefined;
    p = paths / all;
  }
  if (!(p >= 0 && p <= 1)) return undefined;
  return p;
}

/** P(D_{n,n} ≥ h/n) = 2 Σ_k (-1)^{k+1} C(2n, n-kh)/C(2n, n), evaluated Horner-style. */
function probabilityOutsideSquare(n: number, h: number): number {
  let p = 0;
  for (let k = Math.floor(n / h); k >= 0; k--) {
    let ratio = 1;
    for (let j = 0; j < h; j++) ratio = ((n - k * h - j) * ratio) / (n + k * h + j + 1);
    p = ratio * (1 - p);
  }
  return 2 * p;
}

/**
 * Share of lattice paths that leave the band |x/m - y/n| < h/lcm: one column of the path-count
 * table at a time, each entry holding 1 - (paths inside)/(all paths) so nothing overflows.
 */
function probabilityOutsideBand(first: number, second: number, g: number, h: number): number {
  const m = Math.max(first, second);
  const n = Math.min(first, second);
  const mg = m / g;
  const ng = n / g;
  let minJ = 0;
  let maxJ = Math.min(Math.ceil(h / mg), n + 1);
  let currentLength = maxJ - minJ;
  const columnLength = Math.min(2 * maxJ + 2, n + 1);
  const column = new Float64Array(columnLength).fill(1);
  column.fill(0, minJ, maxJ);
  for (let i = 1; i <= m; i++) {
    const lastMinJ = minJ;
    const lastLength = currentLength;
    minJ = Math.min(Math.max(Math.floor((ng * i - h) / mg) + 1, 0), n);
    maxJ = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
    if (maxJ <= minJ) return 1;
    let value = minJ === 0 ? 0 : 1;
    for (let jj = 0; jj < maxJ - minJ; jj++) {
      const j = jj + minJ;
      value = ((column[jj + minJ - lastMinJ] as number) * i + value * j) / (i + j);
      column[jj] = value;
    }
    currentLength = maxJ - minJ;
    if (lastLength > currentLength) column.fill(1, maxJ - minJ, Math.min(maxJ - minJ + (lastLength - currentLength), columnLength));
  }
  return column[maxJ - minJ - 1] as number;
}

/** Number of lattice paths to (m, n) that touch m·y ≤ n·x - h·g (Hodges' "outside" count). */
function countPathsBelowDiagonal(first: number, second: number, g: number, h: number): number {
  const m = Math.max(first, second);
  const n = Math.min(first, second);
  const mg = m / g;
  const ng = n / g;
  const count = n + Math.floor((mg - h) / mg);
  if (count <= 0) return binomial(m + n, n);
  const xj: number[] = [];
  for (let j = 0; j < count; j++) xj.push(Math.floor((h + mg * j + ng - 1) / ng));
  const b = new Float64Array(count);
  b[0] = 1;
  for (let j = 1; j < count; j++) {
    const xjj = xj[j] as number;
    let bj = binomial(xjj + j, j);
    for (let i = 0; i < j; i++) bj -= binomial(xjj - (xj[i] as number) + j - i, j - i) * (b[i] as number);
    b[j] = bj;
  }
  let paths = 0;
  for (let j = 0; j < count; j++) paths += (b[j] as number) * binomial(m - (xj[j] as number) + (n - j), n - j);
  return paths;
}
