/**
 * Choosing the interior bin edges of a numeric feature (numpy searchsorted side='right' convention,
 * see `stats/binning.ts`: B - 1 strictly increasing edges make B bins, the outer two unbounded).
 *
 * Quantile edges are `numpy.quantile(values, np.arange(1, B) / B)` with numpy's default linear
 * method, then cleaned so they stay usable: an edge equal to (or below) the minimum is dropped (it
 * would only make an empty first bin, since the first bin already reaches -inf), and repeated
 * edges from ties are collapsed. So heavy ties give fewer than B bins, and a constant feature gets
 * zero interior edges: one bin holding everything.
 */
import { assertBinEdges } from '../stats/binning.js';
import { quantileSortedLinear } from './numpy-quantile.js';

/** Bins asked for when the user does not say. */
export const DEFAULT_BIN_COUNT = 10;

/** Throws a RangeError unless `binCount` is an integer from 1 to 10 000. */
export function assertBinCount(binCount: unknown, name = 'binCount'): asserts binCount is number {
  if (typeof binCount !== 'number' || !Number.isInteger(binCount) || binCount < 1 || binCount > 10_000) {
    throw new RangeError(`${name} must be an integer from 1 to 10000; got ${String(binCount)}`);
  }
}

/**
 * Edges from any monotone quantile function of data whose smallest value is `min` and largest `max`:
 * the quantiles at k / binCount (k = 1 … binCount - 1), keeping only those strictly above `min`,
 * at most `max`, and strictly above the previous kept edge.
 *
 * @internal shared by the exact and the sketch paths.
 */
export function edgesFromQuantileFunction(quantileAt: (q: number) => number, binCount: number, min: number, max: number): number[] {
  assertBinCount(binCount);
  const edges: number[] = [];
  let previous = min;
  for (let k = 1; k < binCount; k++) {
    const edge = quantileAt(k / binCount);
    if (Number.isFinite(edge) && edge > previous && edge <= max) {
      edges.push(edge);
      previous = edge;
    }
  }
  return edges;
}

/**
 * Quantile bin edges of values already sorted ascending (finite, no NaN; not checked).
 * Empty input gives no edges.
 *
 * @example quantileBinEdgesSorted([1, 2, 3, 4, 5, 6, 7, 8], 4) // [2.75, 4.5, 6.25]
 */
export function quantileBinEdgesSorted(sorted: ArrayLike<number>, binCount: number = DEFAULT_BIN_COUNT): number[] {
  assertBinCount(binCount);
  if (sorted.length === 0) return [];
  return edgesFromQuantileFunction((q) => quantileSortedLinear(sorted, q), binCount, sorted[0] as number, sorted[sorted.length - 1] as number);
}

/**
 * Quantile bin edges of `values` (NaN and ±Infinity are ignored; the input is not modified).
 * Matches `numpy.unique(numpy.quantile(v, numpy.arange(1, B) / B))` with edges at the minimum dropped.
 *
 * @example quantileBinEdges(Array.from({ length: 100 }, (_, i) => i + 1), 4) // [25.75, 50.5, 75.25]
 * @example quantileBinEdges([3, 3, 3], 10) // [] (constant feature: one bin)
 */
export function quantileBinEdges(values: ArrayLike<number>, binCount: number = DEFAULT_BIN_COUNT): number[] {
  assertBinCount(binCount);
  const finite: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (typeof value !== 'number') throw new TypeError(`values must be numbers; values[${i}] is ${String(value)}`);
    if (Number.isFinite(value)) finite.push(value);
  }
  return quantileBinEdgesSorted(Float64Array.from(finite).sort(), binCount);
}

/**
 * Validates user-given interior edges (finite, strictly increasing; empty means one bin) and returns
 * a copy.
 *
 * @throws RangeError naming the first bad edge (from `assertBinEdges`).
 * @example explicitBinEdges([0, 18, 65]) // [0, 18, 65]: bins (-inf, 0) [0, 18) [18, 65) [65, +inf)
 */
export function explicitBinEdges(edges: ArrayLike<number>): number[] {
  if (edges === null || typeof edges !== 'object' || typeof edges.length !== 'number') {
    throw new TypeError(`bin edges must be an array of numbers; got ${String(edges)}`);
  }
  assertBinEdges(edges);
  return Array.from(edges);
}
