/** One bar pair of the distribution view. */
export interface BinPair {
  label: string;
  reference: number;
  current: number;
  /** True for the bin that gathers every category outside the shown ones. */
  other?: boolean;
}

/**
 * Keeps the `k` categories with the largest share (the larger of reference and current) and folds the
 * rest, together with the existing "other" bin, into one "other" bin at the end. Fractions keep their
 * sum. `k <= 0` or at least as many categories as there are keeps every category in its original order.
 *
 * @example
 * categoricalTopK([{ label: 'DE', reference: 0.6, current: 0.5 }, { label: 'FR', reference: 0.3, current: 0.2 },
 *   { label: 'other', reference: 0.1, current: 0.3, other: true }], 1)
 * // → [{ label: 'DE', reference: 0.6, current: 0.5 }, { label: 'other', reference: 0.4, current: 0.5, other: true }]
 */
export function categoricalTopK(bins: readonly BinPair[], k: number): BinPair[] {
  const categories = bins.filter((b) => !b.other);
  const others = bins.filter((b) => b.other);
  if (!Number.isInteger(k) || k <= 0 || categories.length <= k) {
    return [...categories, ...others];
  }
  const ranked = categories
    .map((bin, order) => ({ bin, order, weight: Math.max(bin.reference, bin.current) }))
    .sort((a, b) => b.weight - a.weight || a.order - b.order);
  const kept = ranked.slice(0, k).sort((a, b) => a.order - b.order).map((r) => r.bin);
  const folded = [...ranked.slice(k).map((r) => r.bin), ...others];
  const otherBin: BinPair = {
    label: others[0]?.label ?? 'other',
    reference: folded.reduce((sum, b) => sum + b.reference, 0),
    current: folded.reduce((sum, b) => sum + b.current, 0),
    other: true,
  };
  return [...kept, otherBin];
}
