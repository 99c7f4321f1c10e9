import { numpyLerp } from './numpy-quantile.js';

/**
 * An exact, bounded record of a numeric column's finite values, for exact quantiles and bin counts.
 *
 * Values are appended to a raw buffer of `capacity` slots; when it fills, it is sorted and merged
 * into a run-length list of (distinct value, count). The record stays EXACT as long as the column
 * has at most `capacity` distinct values, whatever the number of rows (integer ages, ratings, prices
 * in cents stay exact over millions of rows); beyond that it gives up (`exact` turns false, memory
 * is released) and the caller falls back to its quantile sketch.
 * Memory: at most 24 · capacity bytes (raw values, distinct values and their counts).
 *
 * @internal
 */
export class ExactValueBuffer {
  readonly capacity: number;
  #raw: Float64Array;
  #rawLength = 0;
  #distinct = new Float64Array(0);
  #weights = new Float64Array(0);
  #exact = true;

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer; got ${capacity}`);
    this.capacity = capacity;
    this.#raw = new Float64Array(Math.min(capacity, 1024));
  }

  /** True while every value added is still known exactly. */
  get exact(): boolean {
    return this.#exact;
  }

  /** Adds a finite value (not checked). */
  add(value: number): void {
    if (!this.#exact) return;
    if (this.#rawLength === this.#raw.length) {
      if (this.#raw.length < this.capacity) {
        const grown = new Float64Array(Math.min(this.capacity, this.#raw.length * 2));
        grown.set(this.#raw);
        this.#raw = grown;
      } else {
        this.#compact();
        if (!this.#exact) return;
      }
    }
    this.#raw[this.#rawLength++] = value;
  }

  /**
   * The values as sorted distinct values with their counts, or null when exactness was lost.
   * Safe to call more than once; adding after it continues the record.
   */
  sortedCounts(): { values: Float64Array; counts: Float64Array } | null {
    if (this.#exact && this.#rawLength > 0) this.#compact();
    if (!this.#exact) return null;
    return { values: this.#distinct, counts: this.#weights };
  }

  #compact(): void {
    const raw = this.#raw.subarray(0, this.#rawLength).sort();
    const values: number[] = [];
    const counts: number[] = [];
    const old = this.#distinct;
    const oldCounts = this.#weights;
    let i = 0;
    let j = 0;
    const push = (value: number, count: number): void => {
      if (values.length > 0 && values[values.length - 1] === value) counts[counts.length - 1] = (counts[counts.length - 1] as number) + count;
      else {
        values.push(value);
        counts.push(count);
      }
    };
    while (i < old.length || j < raw.length) {
      if (j >= raw.length || (i < old.length && (old[i] as number) <= (raw[j] as number))) {
        push(old[i] as number, oldCounts[i] as number);
        i++;
      } else {
        push(raw[j] as number, 1);
        j++;
      }
      if (values.length > this.capacity) {
        this.#exact = false;
        this.#raw = new Float64Array(0);
        this.#distinct = new Float64Array(0);
        this.#weights = new Float64Array(0);
        this.#rawLength = 0;
        return;
      }
    }
    this.#distinct = Float64Array.from(values);
    this.#weights = Float64Array.from(counts);
    this.#rawLength = 0;
  }
}

/**
 * `numpy.quantile(x, q)` (method 'linear', numpy's two-sided lerp) of the multiset given as sorted
 * distinct `values` with `counts`, where `total` is the sum of the counts (> 0).
 *
 * @internal
 */
export function quantileOfSortedCounts(values: Float64Array, counts: Float64Array, total: number, q: number): number {
  const position = (total - 1) * q;
  const below = Math.floor(position);
  const weight = position - below;
  return numpyLerp(valueAtRank(values, counts, below), valueAtRank(values, counts, Math.min(below + 1, total - 1)), weight);
}

function valueAtRank(values: Float64Array, counts: Float64Array, rank: number): number {
  let seen = 0;
  for (let i = 0; i < values.length; i++) {
    seen += counts[i] as number;
    if (seen > rank) return values[i] as number;
  }
  return values[values.length - 1] as number;
}
