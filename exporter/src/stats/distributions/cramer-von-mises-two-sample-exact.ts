import { gcd } from '../numeric/gcd.js';

/**
 * Exact null distribution of the two-sample Cramér–von Mises U statistic (no ties), by the
 * lattice-path recursion of Xiao, Gordon & Yakovlev (2006): with a = lcm/m, b = lcm/n, each path
 * from (0,0) to (n, m) accumulates ζ = Σ over its points (a·v - b·u)², which is an affine function
 * of U (Anderson 1962, eq. 9). Each cell keeps the sorted distinct ζ values and their path counts.
 *
 * Returns P(U' ≥ u) under the null. Mirrors SciPy 1.10 `_pval_cvm_2samp_exact(u, m, n)`, including
 * the conversion ζ = ⌊lcm²(m+n)(6u - mn(4mn-1)) / (6m²n²)⌋ (so a tie-adjusted, non-lattice u is
 * compared with the no-ties distribution exactly as SciPy does). Cost grows fast: meant for
 * max(m, n) ≤ 20 (SciPy's 'auto' limit); a few tens of ms there.
 *
 * @internal
 * @param u the U statistic n·Σ(r_x,i - i)² + m·Σ(r_y,j - j)²
 * @param m size of x
 * @param n size of y
 */
export function cramerVonMisesTwoSampleExactSf(u: number, m: number, n: number): number {
  const lcm = (m / gcd(m, n)) * n;
  const a = lcm / m;
  const b = lcm / n;
  const zeta = zetaThreshold(u, m, n, lcm);

  type Table = { values: Float64Array; counts: Float64Array };
  const empty: Table = { values: new Float64Array(0), counts: new Float64Array(0) };
  let row: Table[] = [{ values: Float64Array.of(0), counts: Float64Array.of(1) }];
  for (let v = 1; v <= m; v++) row.push(empty);
  for (let uu = 0; uu <= n; uu++) {
    const next: Table[] = [];
    let left = empty;
    for (let v = 0; v <= m; v++) {
      const merged = mergeTables(left, row[v] as Table);
      const step = (a * v - b * uu) ** 2;
      for (let i = 0; i < merged.values.length; i++) merged.values[i] = (merged.values[i] as number) + step;
      next.push(merged);
      left = merged;
    }
    row = next;
  }
  const last = row[m] as Table;
  let tail = 0;
  let all = 0;
  for (let i = 0; i < last.values.length; i++) {
    const count = last.counts[i] as number;
    all += count;
    if ((last.values[i] as number) >= zeta) tail += count;
  }
  return tail / all;
}

/** ⌊lcm²(m+n)(6u - mn(4mn-1)) / (6m²n²)⌋ computed exactly (u is a multiple of 1/4 with midranks). */
function zetaThreshold(u: number, m: number, n: number, lcm: number): number {
  const mn = m * n;
  const quarter = u * 4;
  if (Number.isInteger(quarter) && Math.abs(quarter) < Number.MAX_SAFE_INTEGER) {
    const numerator = BigInt(lcm) ** 2n * BigInt(m + n) * (6n * BigInt(quarter) - 4n * BigInt(mn) * (4n * BigInt(mn) - 1n));
    const denominator = 4n * 6n * BigInt(mn) ** 2n;
    let quotient = numerator / denominator;
    if (numerator % denominator !== 0n && numerator < 0n) quotient -= 1n;
    return Number(quotient);
  }
  return Math.floor((lcm ** 2 * (m + n) * (6 * u - mn * (4 * mn - 1))) / (6 * mn ** 2));
}

/** Union of two sorted value tables, adding the counts of equal values. */
function mergeTables(
  first: { values: Float64Array; counts: Float64Array },
  second: { values: Float64Array; counts: Float64Array },
): { values: Float64Array; counts: Float64Array } {
  const values = new Float64Array(first.values.length + second.values.length);
  const counts = new Float64Array(values.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < first.values.length || j < second.values.length) {
    const a = i < first.values.length ? (first.values[i] as number) : Infinity;
    const b = j < second.values.length ? (second.values[j] as number) : Infinity;
    if (a === b) {
      values[k] = a;
      counts[k] = (first.counts[i++] as number) + (second.counts[j++] as number);
    } else if (a < b) {
      values[k] = a;
      counts[k] = first.counts[i++] as number;
    } else {
      values[k] = b;
      counts[k] = second.counts[j++] as number;
    }
    k++;
  }
  return { values: values.slice(0, k), counts: counts.slice(0, k) };
}
