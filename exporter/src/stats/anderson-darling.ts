import { assertSample, sortedCopy } from './numeric/assert-sample.js';
import { evaluatePolynomial, fitPolynomial } from './numeric/least-squares-polynomial.js';
import { pairwiseSum } from './numeric/pairwise-sum.js';

/** Which bound, if any, the interpolated significance level was clipped to. */
export type AndersonDarlingCap = 'none' | 'capped_at_0.25' | 'floored_at_0.001';

/** Options of {@link andersonDarlingKSample}. */
export interface AndersonDarlingOptions {
  /** Default true: the midrank statistic A²akN (valid with ties, SciPy's default); false: A²kN (eq. 6). */
  midrank?: boolean;
}

/** Result of {@link andersonDarlingKSample}. */
export interface AndersonDarlingResult {
  /** Standardised statistic (A² - (k-1))/σ_N. */
  statistic: number;
  /** Critical values at {@link ANDERSON_DARLING_SIGNIFICANCE_LEVELS}, for m = k - 1. */
  criticalValues: number[];
  /** Approximate p-value, interpolated, clipped to [0.001, 0.25] (see `cap`). */
  significanceLevel: number;
  cap: AndersonDarlingCap;
  sampleSizes: number[];
}

/** The significance levels of the critical values, in order (Scholz & Stephens 1987, Table 2). */
export const ANDERSON_DARLING_SIGNIFICANCE_LEVELS: readonly number[] = Object.freeze([0.25, 0.1, 0.05, 0.025, 0.01, 0.005, 0.001]);

const B0 = [0.675, 1.281, 1.645, 1.96, 2.326, 2.573, 3.085];
const B1 = [-0.245, 0.25, 0.678, 1.149, 1.822, 2.364, 3.615];
const B2 = [-0.105, -0.305, -0.362, -0.391, -0.396, -0.345, -0.154];

/**
 * k-sample Anderson–Darling test (Scholz & Stephens 1987) that k ≥ 2 samples come from one
 * distribution. The statistic is standardised, (A² - (k-1))/σ_N; the significance level is
 * exp of a quadratic least-squares fit of log(level) against the tabulated critical values
 * (b0 + b1/√m + b2/m, m = k-1), CLIPPED to [0.001, 0.25] — it is not a p-value outside that range.
 *
 * Matches `scipy.stats.anderson_ksamp(samples, midrank=True)` of SciPy 1.10 (statistic,
 * critical_values, significance_level; `cap` tells which clip applied, where SciPy warns).
 *
 * @throws TypeError when a sample is not an array of numbers or contains NaN
 * @throws RangeError with fewer than 2 samples, an empty sample, fewer than 2 distinct values or
 *   fewer than 4 values overall (SciPy raises on the first three)
 * @example
 * andersonDarlingKSample([[1, 2, 3, 4, 5], [6, 7, 8, 9, 10]])
 * // { statistic: 4.726015467264128, significanceLevel: 0.0043559779665065, cap: 'none', … }
 */
export function andersonDarlingKSample(samples: ArrayLike<ArrayLike<number>>, options: AndersonDarlingOptions = {}): AndersonDarlingResult {
  if (!Array.isArray(samples) || samples.length < 2) {
    throw new RangeError(`samples must be an array of at least 2 samples, got ${Array.isArray(samples) ? samples.length : String(samples)}`);
  }
  const midrank = options.midrank ?? true;
  if (typeof midrank !== 'boolean') throw new TypeError(`options.midrank must be a boolean, got ${String(midrank)}`);
  const sorted = Array.from(samples as ArrayLike<unknown>, (sample, i) => {
    assertSample(`samples[${i}]`, sample, 1);
    return sortedCopy(sample);
  });
  const k = sorted.length;
  const sizes = sorted.map((s) => s.length);
  const pooled = sortedCopy(sorted.flatMap((s) => Array.from(s)));
  const total = pooled.length;
  const distinct = uniqueSorted(pooled);
  if (distinct.length < 2) throw new RangeError('anderson-darling needs at least 2 distinct values across the samples');
  if (total < 4) throw new RangeError(`anderson-darling needs at least 4 observations in total (its null variance divides by (N-1)(N-2)(N-3)), got ${total}`);

  const a2 = midrank ? midrankStatistic(sorted, pooled, distinct) : rightStatistic(sorted, pooled, distinct);
  const sigmaSquared = nullVariance(sizes, total);
  const m = k - 1;
  const statistic = (a2 - m) / Math.sqrt(sigmaSquared);

  const criticalValues = B0.map((b0, i) => b0 + (B1[i] as number) / Math.sqrt(m) + (B2[i] as number) / m);
  const levels = ANDERSON_DARLING_SIGNIFICANCE_LEVELS;
  let significanceLevel: number;
  let cap: AndersonDarlingCap = 'none';
  if (statistic < Math.min(...criticalValues)) {
    significanceLevel = Math.max(...levels);
    cap = 'capped_at_0.25';
  } else if (statistic > Math.max(...criticalValues)) {
    significanceLevel = Math.min(...levels);
    cap = 'floored_at_0.001';
  } else {
    const fit = fitPolynomial(criticalValues, levels.map(Math.log), 2);
    significanceLevel = Math.exp(evaluatePolynomial(fit, statistic));
  }
  return { statistic, criticalValues, significanceLevel, cap, sampleSizes: sizes };
}

/** A²akN, eq. 7 of Scholz & Stephens: midranks, so ties are handled. */
function midrankStatistic(samples: Float64Array[], pooled: Float64Array, distinct: Float64Array): number {
  const total = pooled.length;
  const left = searchSorted(pooled, distinct, 'left');
  const right = searchSorted(pooled, distinct, 'right');
  const allDistinct = total === distinct.length;
  const tieCounts = distinct.map((_, j) => (allDistinct ? 1 : (right[j] as number) - (left[j] as number)));
  const b = distinct.map((_, j) => (left[j] as number) + (tieCounts[j] as number) / 2);
  let a2 = 0;
  for (const sample of samples) {
    const size = sample.length;
    const sampleRight = searchSorted(sample, distinct, 'right');
    const sampleLeft = searchSorted(sample, distinct, 'left');
    const inner = new Float64Array(distinct.length);
    for (let j = 0; j < distinct.length; j++) {
      const lj = tieCounts[j] as number;
      const bj = b[j] as number;
      const mij = (sampleRight[j] as number) - ((sampleRight[j] as number) - (sampleLeft[j] as number)) / 2;
      inner[j] = ((lj / total) * (total * mij - bj * size) ** 2) / (bj * (total - bj) - (total * lj) / 4);
    }
    a2 += pairwiseSum(inner) / size;
  }
  return a2 * ((total - 1) / total);
}

/** A²kN, eq. 6 of Scholz & Stephens: right-continuous empirical CDFs. */
function rightStatistic(samples: Float64Array[], pooled: Float64Array, distinct: Float64Array): number {
  const total = pooled.length;
  const points = distinct.subarray(0, distinct.length - 1);
  const left = searchSorted(pooled, points, 'left');
  const right = searchSorted(pooled, points, 'right');
  const tieCounts = points.map((_, j) => (right[j] as number) - (left[j] as number));
  const cumulative = new Float64Array(points.length);
  let running = 0;
  for (let j = 0; j < points.length; j++) {
    running += tieCounts[j] as number;
    cumulative[j] = running;
  }
  let a2 = 0;
  for (const sample of samples) {
    const size = sample.length;
    const below = searchSorted(sample, points, 'right');
    const inner = new Float64Array(points.length);
    for (let j = 0; j < points.length; j++) {
      const bj = cumulative[j] as number;
      inner[j] = (((tieCounts[j] as number) / total) * (total * (below[j] as number) - bj * size) ** 2) / (bj * (total - bj));
    }
    a2 += pairwiseSum(inner) / size;
  }
  return a2;
}

/** σ²_N of A² under the null (Scholz & Stephens eq. 4), computed as SciPy does. */
function nullVariance(sizes: number[], total: number): number {
  const k = sizes.length;
  let hInverseSum = 0;
  for (const size of sizes) hInverseSum += 1 / size;
  const partial = new Float64Array(Math.max(total - 2, 0));
  let running = 0;
  for (let i = 0; i < partial.length; i++) {
    running += 1 / (total - 1 - i);
    partial[i] = running;
  }
  const h = (partial.length > 0 ? (partial[partial.length - 1] as number) : 0) + 1;
  const g = pairwiseSum(partial.map((value, i) => value / (i + 2)));
  const H = hInverseSum;
  const N = total;
  const a = (4 * g - 6) * (k - 1) + (10 - 6 * g) * H;
  const b = (2 * g - 4) * k ** 2 + 8 * h * k + (2 * g - 14 * h - 4) * H - 8 * h + 4 * g - 6;
  const c = (6 * h + 2 * g - 2) * k ** 2 + (4 * h - 4 * g + 6) * k + (2 * h - 6) * H + 4 * h;
  const d = (2 * h + 6) * k ** 2 - 4 * h * k;
  return (a * N ** 3 + b * N ** 2 + c * N + d) / ((N - 1) * (N - 2) * (N - 3));
}

function uniqueSorted(sorted: Float64Array): Float64Array {
  const out: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const value = sorted[i] as number;
    if (i === 0 || value !== sorted[i - 1]) out.push(value);
  }
  return Float64Array.from(out);
}

/** numpy.searchsorted(sorted, values, side) for sorted `values` (one merge pass). */
function searchSorted(sorted: Float64Array, values: Float64Array, side: 'left' | 'right'): Float64Array {
  const out = new Float64Array(values.length);
  let position = 0;
  for (let j = 0; j < values.length; j++) {
    const value = values[j] as number;
    if (side === 'left') while (position < sorted.length && (sorted[position] as number) < value) position++;
    else while (position < sorted.length && (sorted[position] as number) <= value) position++;
    out[j] = position;
  }
  return out;
}
