import { PROM_LABELS } from '../metric-names';
import { labelOf, type Series } from './series';
import { readCount, type CountReading } from './bins-from-counters';

/** Per-bin counts read from cumulative `le` buckets, with the upper bound of each bin. */
export interface BucketBins {
  /** Upper bound of each bin; the last is +Infinity. */
  upperBounds: number[];
  /** Count per bin (never negative). */
  counts: number[];
  /** Series skipped for a missing or unparsable `le` label or no finite value. */
  skipped: number;
}

/**
 * Converts cumulative histogram buckets (series labelled `le`, Prometheus `_bucket` style: each bucket
 * counts every value ≤ its bound) into per-bin counts: bins are differences of consecutive buckets in
 * bound order. Series with the same `le` (replicas) add up first. A bucket lower than the one before
 * (which a consistent histogram never has) gives 0 for its bin rather than a negative count.
 *
 * @example
 * // buckets le=1: 2, le=5: 7, le=+Inf: 10 → bins (-∞,1]: 2, (1,5]: 5, (5,+∞): 3
 * cumulativeBucketsToBins(series, 'last') // → { upperBounds: [1, 5, Infinity], counts: [2, 5, 3], skipped: 0 }
 */
export function cumulativeBucketsToBins(
  series: readonly Series[],
  reading: CountReading | ((s: Series) => CountReading),
): BucketBins {
  const byBound = new Map<number, number>();
  let skipped = 0;
  for (const s of series) {
    const bound = parseLe(labelOf(s, PROM_LABELS.le));
    const value = readCount(s, typeof reading === 'function' ? reading(s) : reading);
    if (bound === undefined || !Number.isFinite(value) || value < 0) {
      skipped++;
      continue;
    }
    byBound.set(bound, (byBound.get(bound) ?? 0) + value);
  }
  const upperBounds = [...byBound.keys()].sort((a, b) => a - b);
  let previous = 0;
  const counts = upperBounds.map((bound) => {
    const cumulative = byBound.get(bound) ?? 0;
    const count = Math.max(0, cumulative - previous);
    previous = Math.max(previous, cumulative);
    return count;
  });
  return { upperBounds, counts, skipped };
}

/** Parses an `le` label (`"0.5"`, `"+Inf"`); undefined when it is not a number. */
export function parseLe(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '+Inf' || trimmed === 'Inf') {
    return Number.POSITIVE_INFINITY;
  }
  if (trimmed === '') {
    return undefined;
  }
  const value = Number(trimmed);
  return Number.isNaN(value) ? undefined : value;
}

/**
 * Readable labels of bins given by upper bounds: `≤ 1`, `(1, 5]`, `> 5`.
 *
 * @example bucketLabels([1, 5, Infinity]) // → ['≤ 1', '(1, 5]', '> 5']
 */
export function bucketLabels(upperBounds: readonly number[], format: (n: number) => string = String): string[] {
  return upperBounds.map((bound, i) => {
    const lower = upperBounds[i - 1];
    if (lower === undefined) {
      return Number.isFinite(bound) ? `≤ ${format(bound)}` : 'all';
    }
    return Number.isFinite(bound) ? `(${format(lower)}, ${format(bound)}]` : `> ${format(lower)}`;
  });
}
