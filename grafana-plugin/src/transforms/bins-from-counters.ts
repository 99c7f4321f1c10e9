import { PROM_LABELS } from '../metric-names';
import { counterIncrease, lastFinite, labelOf, type Series } from './series';

/** How a series' samples become one count: difference of a cumulative counter, or its last sample. */
export type CountReading = 'counter' | 'last';

/**
 * Per-bin counts from series labelled `ml_bin_index` (e.g. `ml_feature_bin_observations_total`):
 * each series becomes one number (`counter`: first → last increase with resets; `last`: the last
 * finite sample, as `increase(...[$__range])` gives it), and series of the same bin (replicas) add up.
 * Series whose `ml_bin_index` is missing or not a non-negative integer are skipped and counted.
 *
 * @returns `counts[i]` for bin i (0 where no series), dense up to the largest index seen.
 * @example
 * binsFromCounters([{ ..., labels: { ml_bin_index: '1' }, values: [4, 9] }], 'counter')
 * // → { counts: [0, 5], skipped: 0 }
 */
export function binsFromCounters(
  series: readonly Series[],
  reading: CountReading | ((s: Series) => CountReading),
): { counts: number[]; skipped: number } {
  const byBin = new Map<number, number>();
  let skipped = 0;
  for (const s of series) {
    const index = parseBinIndex(labelOf(s, PROM_LABELS.binIndex));
    const value = readCount(s, typeof reading === 'function' ? reading(s) : reading);
    if (index === undefined || !Number.isFinite(value) || value < 0) {
      skipped++;
      continue;
    }
    byBin.set(index, (byBin.get(index) ?? 0) + value);
  }
  return { counts: denseCounts(byBin), skipped };
}

/**
 * Per-bin reference fractions from `ml_feature_bin_reference_fraction` series (the last finite sample of each;
 * replicas of one model version report the same value, so the first one per bin is kept).
 */
export function referenceFractions(series: readonly Series[]): { fractions: number[]; skipped: number } {
  const byBin = new Map<number, number>();
  let skipped = 0;
  for (const s of series) {
    const index = parseBinIndex(labelOf(s, PROM_LABELS.binIndex));
    const value = lastFinite(s.values);
    if (index === undefined || !Number.isFinite(value) || value < 0) {
      skipped++;
      continue;
    }
    if (!byBin.has(index)) {
      byBin.set(index, value);
    }
  }
  return { fractions: denseCounts(byBin), skipped };
}

/** One series as one count: `counter` differences first → last (resets handled), `last` takes the last finite sample. */
export function readCount(series: Series, reading: CountReading): number {
  return reading === 'counter' ? counterIncrease(series.values) : lastFinite(series.values);
}

/** Parses a bin index label; undefined unless it is a non-negative integer below 100 000. */
export function parseBinIndex(text: string): number | undefined {
  if (!/^\d{1,5}$/.test(text)) {
    return undefined;
  }
  return Number(text);
}

function denseCounts(byBin: Map<number, number>): number[] {
  if (byBin.size === 0) {
    return [];
  }
  const size = Math.max(...byBin.keys()) + 1;
  return Array.from({ length: size }, (_, i) => byBin.get(i) ?? 0);
}

/**
 * Divides counts by their sum. All zeros (or empty) stay zeros: there is no distribution to show.
 *
 * @example toFractions([1, 3]) // → [0.25, 0.75]
 */
export function toFractions(counts: readonly number[]): number[] {
  const total = counts.reduce((a, b) => a + (Number.isFinite(b) && b > 0 ? b : 0), 0);
  return counts.map((c) => (total > 0 && Number.isFinite(c) && c > 0 ? c / total : 0));
}
