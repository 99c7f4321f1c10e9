/**
 * Bins a reference and a current sample on the same reference-aligned edges (the `binning.ts`
 * convention: interior edges, bins [a, b), a value on an edge goes right, NaN skipped).
 *
 * @internal
 */
import { assertBinEdges, countIntoBins } from './binning.js';

/** Bin counts of both samples on shared edges. */
export interface BinnedSamples {
  referenceCounts: Float64Array;
  currentCounts: Float64Array;
}

/**
 * Counts both samples into the edges.length + 1 bins. NaN values are skipped.
 *
 * @throws {TypeError} when a sample or `edges` is not an array of numbers
 * @throws {RangeError} when edges are not finite and strictly increasing, or a sample has no non-NaN value
 */
export function binBothSamples(reference: ArrayLike<number>, current: ArrayLike<number>, edges: ArrayLike<number>): BinnedSamples {
  assertNumberArray('edges', edges);
  assertBinEdges(edges);
  assertNumberArray('reference', reference);
  assertNumberArray('current', current);
  const referenceCounts = countIntoBins(edges, reference);
  const currentCounts = countIntoBins(edges, current);
  assertSomethingBinned('reference', reference, referenceCounts);
  assertSomethingBinned('current', current, currentCounts);
  return { referenceCounts, currentCounts };
}

function assertNumberArray(name: string, values: unknown): asserts values is ArrayLike<number> {
  if (!Array.isArray(values) && !(ArrayBuffer.isView(values) && !(values instanceof DataView))) {
    throw new TypeError(`${name} must be an array of numbers, got ${typeof values}`);
  }
  const items = values as ArrayLike<unknown>;
  for (let i = 0; i < items.length; i++) {
    if (typeof items[i] !== 'number') throw new TypeError(`${name}[${i}] must be a number, got ${typeof items[i]}`);
  }
}

function assertSomethingBinned(name: string, sample: ArrayLike<number>, counts: Float64Array): void {
  let total = 0;
  for (let i = 0; i < counts.length; i++) total += counts[i] as number;
  if (total === 0) {
    throw new RangeError(`${name} must hold at least one value that is not NaN (got ${sample.length} value${sample.length === 1 ? '' : 's'}, all NaN or none)`);
  }
}
