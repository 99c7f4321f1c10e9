import { kolmogorovSmirnovSf } from '../stats/distributions/kolmogorov-smirnov-sf.js';
import { roundHalfEven } from '../stats/numeric/round-half-even.js';
import { totalCount } from './feature-drift-data.js';

/** KS statistic and p-value from binned counts; see {@link ksFromBinCounts}. */
export interface BinnedKsResult {
  statistic: number;
  pValue: number;
}

/**
 * Two-sample Kolmogorov-Smirnov from counts on shared bins: D = max over bin boundaries of
 * |F_ref - F_cur|, p = kstwo.sf(D, round(n·m/(n+m))) (SciPy's 'asymp' convention).
 *
 * D is evaluated only at the bin edges, so it is a LOWER bound of the raw-sample statistic (exact
 * when every distinct value has its own bin); with 10 quantile bins a shift confined within one
 * bin is invisible. Use ksTwoSample (stats/ks-two-sample.ts) when raw samples are at hand.
 *
 * @example ksFromBinCounts([50, 50], [10, 90]).statistic // 0.4
 */
export function ksFromBinCounts(referenceCounts: ArrayLike<number>, currentCounts: ArrayLike<number>): BinnedKsResult {
  const n = totalCount(referenceCounts);
  const m = totalCount(currentCounts);
  if (!(n > 0) || !(m > 0)) throw new RangeError(`both samples need observations, got reference ${n} and current ${m}`);
  let cumulativeReference = 0;
  let cumulativeCurrent = 0;
  let statistic = 0;
  for (let bin = 0; bin < referenceCounts.length - 1; bin++) {
    cumulativeReference += referenceCounts[bin] as number;
    cumulativeCurrent += currentCounts[bin] as number;
    statistic = Math.max(statistic, Math.abs(cumulativeReference / n - cumulativeCurrent / m));
  }
  const effectiveN = roundHalfEven((n * m) / (n + m));
  return { statistic, pValue: effectiveN > 0 ? kolmogorovSmirnovSf(effectiveN, statistic) : Number.NaN };
}
