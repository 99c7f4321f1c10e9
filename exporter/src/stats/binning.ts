/**
 * Assigning values to reference-aligned bins.
 *
 * Convention (matches `numpy.searchsorted(edges, x, side='right')`): `edges` are the B-1 INTERIOR
 * boundaries, strictly increasing, giving B bins `(-inf, e0) [e0, e1) … [e_last, +inf)`;
 * a value equal to an edge goes to the bin on its right. ±Infinity fall in the outer bins.
 * NaN belongs to no bin: `binIndex` returns -1 and `countIntoBins` skips it (callers count
 * missing values separately).
 */

/**
 * Index of the bin that holds `x` (0 … edges.length), or -1 for NaN. Binary search, no allocation.
 *
 * @example binIndex([0, 10], 10) // 2: [10, +inf)
 */
export function binIndex(edges: ArrayLike<number>, x: number): number {
  if (x !== x) return -1;
  let low = 0;
  let high = edges.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((edges[mid] as number) <= x) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Counts `values` into the B = edges.length + 1 bins; NaN values are skipped.
 *
 * @example countIntoBins([0.5], [0.1, 0.7, NaN]) // Float64Array [1, 1]
 */
export function countIntoBins(edges: ArrayLike<number>, values: ArrayLike<number>): Float64Array {
  assertBinEdges(edges);
  const counts = new Float64Array(edges.length + 1);
  addIntoBins(edges, values, counts);
  return counts;
}

/**
 * Adds `values` into existing `counts` (length edges.length + 1) without allocating, and returns how
 * many NaN values were skipped. For the hot path: edges are NOT re-validated here (check them once
 * with `assertBinEdges`).
 *
 * @example const counts = new Float64Array(3); addIntoBins([0, 1], [0.5, NaN, 1], counts) // 1; counts = [0, 1, 1]
 */
export function addIntoBins(edges: ArrayLike<number>, values: ArrayLike<number>, counts: Float64Array): number {
  if (counts.length !== edges.length + 1) {
    throw new RangeError(`counts must have edges.length + 1 = ${edges.length + 1} entries, got ${counts.length}`);
  }
  let skipped = 0;
  for (let i = 0; i < values.length; i++) {
    const bin = binIndex(edges, values[i] as number);
    if (bin >= 0) counts[bin] = (counts[bin] as number) + 1;
    else skipped++;
  }
  return skipped;
}

/** Throws a RangeError unless `edges` are finite and strictly increasing. */
export function assertBinEdges(edges: ArrayLike<number>): void {
  for (let i = 0; i < edges.length; i++) {
    const edge = edges[i] as number;
    if (!Number.isFinite(edge)) throw new RangeError(`bin edges must be finite numbers; edges[${i}] is ${edge}`);
    if (i > 0 && !((edges[i - 1] as number) < edge)) {
      throw new RangeError(`bin edges must be strictly increasing; edges[${i - 1}] = ${edges[i - 1]} and edges[${i}] = ${edge}`);
    }
  }
}
