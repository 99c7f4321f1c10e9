import { z } from 'zod';
import { addIntoBins, assertBinEdges, binIndex } from '../stats/binning.js';
import { invalidSketchJson, parseSketchJson, withoutNegativeZero } from './parse-sketch-json.js';
import type { MergeableSketch } from './types.js';

/** JSON form of {@link FixedEdgeHistogram} (type tag `fixed-edge-histogram`). */
export interface FixedEdgeHistogramJson {
  type: 'fixed-edge-histogram';
  edges: number[];
  counts: number[];
  nanCount: number;
}

const jsonSchema = z.object({
  type: z.literal('fixed-edge-histogram'),
  edges: z.array(z.number()),
  counts: z.array(z.number().nonnegative()),
  nanCount: z.number().nonnegative(),
});

const OBJECT_OVERHEAD_BYTES = 96;
const MAX_EDGES_IN_MESSAGE = 8;

/**
 * Weighted counts over FIXED, reference-aligned bins: B = edges.length + 1 bins
 * `(-inf, e0) [e0, e1) … [e_last, +inf)` from the INTERIOR edges, a value equal to an edge going to
 * the bin on its right (`numpy.searchsorted(edges, x, side='right')`, as `stats/binning.ts`).
 * NaN is counted apart in `nanCount`; ±Infinity fall in the outer bins.
 *
 * Memory: 8·(2B - 1) bytes plus a constant, whatever the number of values. Merge is exact (bin-wise
 * sum, so merging equals adding every value into one histogram) and needs identical edges.
 *
 * @example
 * const h = FixedEdgeHistogram.create([0, 10]);
 * h.addMany([-1, 0, 5, 10, NaN]);
 * h.counts // Float64Array [1, 2, 1]; h.nanCount // 1; h.fractions() // [0.25, 0.5, 0.25]
 */
export class FixedEdgeHistogram implements MergeableSketch<FixedEdgeHistogram> {
  /** The interior edges (do not modify). */
  readonly edges: Float64Array;
  /** Weight per bin, length edges.length + 1 (do not modify; use `add`). */
  readonly counts: Float64Array;
  #total = 0;
  #nanCount = 0;

  private constructor(edges: Float64Array, counts: Float64Array) {
    this.edges = edges;
    this.counts = counts;
  }

  /**
   * An empty histogram over `edges` (interior boundaries, finite and strictly increasing; copied).
   *
   * @throws RangeError when an edge is not finite or the edges are not strictly increasing
   */
  static create(edges: ArrayLike<number>): FixedEdgeHistogram {
    if (edges === null || typeof edges !== 'object' || typeof edges.length !== 'number') {
      throw new TypeError(`edges must be an array of numbers, got ${String(edges)}`);
    }
    assertBinEdges(edges);
    const copy = Float64Array.from(edges);
    return new FixedEdgeHistogram(copy, new Float64Array(copy.length + 1));
  }

  /**
   * Reads back the output of `toJSON()` (after JSON.stringify/parse) exactly.
   *
   * @throws TypeError naming the field when `json` is not a valid histogram
   */
  static fromJSON(json: unknown): FixedEdgeHistogram {
    const data = parseSketchJson('FixedEdgeHistogram', jsonSchema, json);
    try {
      assertBinEdges(data.edges);
    } catch (error) {
      invalidSketchJson('FixedEdgeHistogram', 'edges', (error as Error).message);
    }
    if (data.counts.length !== data.edges.length + 1) {
      invalidSketchJson('FixedEdgeHistogram', 'counts', `expected edges.length + 1 = ${data.edges.length + 1} entries, got ${data.counts.length}`);
    }
    const histogram = FixedEdgeHistogram.create(data.edges);
    histogram.counts.set(data.counts);
    histogram.#total = histogram.sumCounts();
    histogram.#nanCount = data.nanCount;
    return histogram;
  }

  /** Number of bins B = edges.length + 1. */
  get binCount(): number {
    return this.counts.length;
  }

  /** Total weight of the binned (non-NaN) values. */
  get total(): number {
    return this.#total;
  }

  /** Total weight of the NaN values (not binned). */
  get nanCount(): number {
    return this.#nanCount;
  }

  /**
   * Adds `x` with `weight` (default 1). Allocation-free (hot path).
   *
   * @throws RangeError when weight is negative, NaN or infinite
   */
  add(x: number, weight = 1): void {
    if (!(weight >= 0 && weight < Infinity)) throw new RangeError(`weight must be a finite number >= 0, got ${weight}`);
    const bin = binIndex(this.edges, x);
    if (bin < 0) {
      this.#nanCount += weight;
      return;
    }
    this.counts[bin] = (this.counts[bin] as number) + weight;
    this.#total += weight;
  }

  /** Adds every value of `values` with weight 1 (NaN counted in `nanCount`). */
  addMany(values: ArrayLike<number>): void {
    const skipped = addIntoBins(this.edges, values, this.counts);
    this.#nanCount += skipped;
    this.#total += values.length - skipped;
  }

  /** counts / total as a new array; all zeros when nothing was binned. */
  fractions(): Float64Array {
    const fractions = new Float64Array(this.counts.length);
    if (this.#total === 0) return fractions;
    for (let i = 0; i < fractions.length; i++) fractions[i] = (this.counts[i] as number) / this.#total;
    return fractions;
  }

  /**
   * A new histogram holding both inputs' counts (bin-wise sum; exact for integer weights).
   *
   * @throws RangeError when the edges differ (both are named in the message)
   */
  merge(other: FixedEdgeHistogram): FixedEdgeHistogram {
    if (!(other instanceof FixedEdgeHistogram)) throw new TypeError('other must be a FixedEdgeHistogram');
    if (!sameEdges(this.edges, other.edges)) {
      throw new RangeError(`cannot merge histograms with different edges: ${describeEdges(this.edges)} and ${describeEdges(other.edges)}`);
    }
    const merged = new FixedEdgeHistogram(this.edges, new Float64Array(this.counts.length));
    for (let i = 0; i < merged.counts.length; i++) merged.counts[i] = (this.counts[i] as number) + (other.counts[i] as number);
    merged.#total = this.#total + other.#total;
    merged.#nanCount = this.#nanCount + other.#nanCount;
    return merged;
  }

  /** Resets every count to zero, keeping the edges. */
  clear(): void {
    this.counts.fill(0);
    this.#total = 0;
    this.#nanCount = 0;
  }

  isEmpty(): boolean {
    return this.#total === 0 && this.#nanCount === 0;
  }

  /** 8 bytes per edge and per count plus a constant: 8·(2B - 1) + 96. */
  approxBytes(): number {
    return OBJECT_OVERHEAD_BYTES + this.edges.byteLength + this.counts.byteLength;
  }

  toJSON(): FixedEdgeHistogramJson {
    return { type: 'fixed-edge-histogram', edges: Array.from(this.edges, withoutNegativeZero), counts: Array.from(this.counts), nanCount: this.#nanCount };
  }

  private sumCounts(): number {
    let sum = 0;
    for (let i = 0; i < this.counts.length; i++) sum += this.counts[i] as number;
    return sum;
  }
}

function sameEdges(a: Float64Array, b: Float64Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function describeEdges(edges: Float64Array): string {
  const shown = Array.from(edges.subarray(0, MAX_EDGES_IN_MESSAGE)).join(', ');
  return `[${shown}${edges.length > MAX_EDGES_IN_MESSAGE ? `, … (${edges.length} edges)` : ''}]`;
}
