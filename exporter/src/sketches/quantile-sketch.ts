import { DDSketch } from '@datadog/sketches-js';
import { z } from 'zod';
import { DenseLogStore } from './dense-log-store.js';
import { invalidSketchJson, parseSketchJson, withoutNegativeZero } from './parse-sketch-json.js';
import { assertSameParameters } from './same-sketch-parameters.js';
import type { MergeableSketch } from './types.js';

export { approxKsStatistic, approxKsStatisticWithBound } from './approx-ks-statistic.js';
export { approxWasserstein, approxWassersteinWithBound } from './approx-wasserstein.js';

/** Options of {@link QuantileSketch.create}. */
export interface QuantileSketchOptions {
  /** α in (0, 1): every retained value is known within a relative error α. Default 0.01. */
  relativeAccuracy?: number;
  /** Maximum bins per sign (integer ≥ 1); beyond it the bins nearest zero are collapsed. Default 2048. */
  binLimit?: number;
  /**
   * Finite c subtracted before bucketing (default 0): the α guarantee then holds for |x - c| instead
   * of |x|. Set it to the reference median when the data sit far from 0 relative to their spread
   * (e.g. N(100, 1): at c = 0 a 1 % bucket is 2 units wide). Sketches must share it to merge.
   */
  center?: number;
}

/** JSON form of one sign's bins: counts of the keys minKey, minKey + 1, …; first and last are > 0. */
export interface QuantileSketchStoreJson {
  minKey: number;
  counts: number[];
  collapsed: boolean;
}

/** JSON form of {@link QuantileSketch} (type tag `quantile-sketch`). */
export interface QuantileSketchJson {
  type: 'quantile-sketch';
  relativeAccuracy: number;
  binLimit: number;
  center: number;
  /** null when no finite value was added. */
  min: number | null;
  max: number | null;
  zeroCount: number;
  nonFiniteCount: number;
  positive: QuantileSketchStoreJson;
  negative: QuantileSketchStoreJson;
}

const DEFAULT_RELATIVE_ACCURACY = 0.01;
const DEFAULT_BIN_LIMIT = 2048;
const OBJECT_OVERHEAD_BYTES = 256;

const storeSchema = z.object({
  minKey: z.number().int(),
  counts: z.array(z.number().nonnegative()),
  collapsed: z.boolean(),
});

const jsonSchema = z.object({
  type: z.literal('quantile-sketch'),
  relativeAccuracy: z.number().gt(0).lt(1),
  binLimit: z.number().int().positive(),
  center: z.number(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  zeroCount: z.number().nonnegative(),
  nonFiniteCount: z.number().int().nonnegative(),
  positive: storeSchema,
  negative: storeSchema,
});

/**
 * Quantile sketch with relative-error guarantees: DDSketch (Masson, Rim & Lee, VLDB 2019) with the
 * logarithmic key mapping of `@datadog/sketches-js`. A value x is counted, as y = x - c (c the
 * `center` option, default 0), in the bucket of key ⌈log_γ |y|⌉ of y's sign, γ = (1 + α)/(1 - α);
 * |y| ≤ ~1.1e-308 counts as y = 0. Every value in a bucket lies within α·|y| of the bucket's
 * representative, so `quantile(q)` is within α·|x_q - c| of the true lower quantile x_q.
 *
 * Memory: at most `binLimit` bins per sign, 16·binLimit bytes plus a constant (32 KiB at the default
 * 2048), whatever the number of values; with α = 0.01 the limit covers a dynamic range of
 * γ^2048 ≈ 10^17.8 per sign before the bins nearest zero are collapsed (their values then lose the α
 * guarantee). Merge is exact: bucket-wise sums, so merging equals adding every value into one sketch.
 * Values that are not finite numbers are ignored and counted in `nonFiniteCount`.
 *
 * @example
 * const s = QuantileSketch.create();
 * for (let i = 1; i <= 1000; i++) s.add(i);
 * s.quantile(0.5) // 497.78… (true lower median 500: within α = 1 %)
 */
export class QuantileSketch implements MergeableSketch<QuantileSketch> {
  /** @internal */ readonly positive: DenseLogStore;
  /** @internal */ readonly negative: DenseLogStore;
  /** @internal */ readonly mapping: DDSketch['mapping'];
  /** c of {@link QuantileSketchOptions.center}: values are bucketed as x - c. */
  readonly center: number;
  #zeroCount = 0;
  #nonFiniteCount = 0;
  #min = Infinity;
  #max = -Infinity;

  private constructor(relativeAccuracy: number, binLimit: number, center: number) {
    this.center = center;
    this.mapping = new DDSketch({ relativeAccuracy }).mapping;
    this.positive = new DenseLogStore(binLimit);
    this.negative = new DenseLogStore(binLimit);
  }

  /**
   * An empty sketch.
   *
   * @throws RangeError when relativeAccuracy is not in (0, 1), binLimit is not an integer ≥ 1 or
   *   center is not finite
   */
  static create(options: QuantileSketchOptions = {}): QuantileSketch {
    const relativeAccuracy = options.relativeAccuracy ?? DEFAULT_RELATIVE_ACCURACY;
    const binLimit = options.binLimit ?? DEFAULT_BIN_LIMIT;
    if (typeof relativeAccuracy !== 'number' || !(relativeAccuracy > 0 && relativeAccuracy < 1)) {
      throw new RangeError(`options.relativeAccuracy must be a number in (0, 1), got ${String(relativeAccuracy)}`);
    }
    if (!Number.isInteger(binLimit) || binLimit < 1) {
      throw new RangeError(`options.binLimit must be an integer >= 1, got ${String(binLimit)}`);
    }
    const center = options.center ?? 0;
    if (typeof center !== 'number' || !Number.isFinite(center)) {
      throw new RangeError(`options.center must be a finite number, got ${String(center)}`);
    }
    return new QuantileSketch(relativeAccuracy, binLimit, center);
  }

  /**
   * Reads back the output of `toJSON()` (after JSON.stringify/parse) exactly.
   *
   * @throws TypeError naming the field when `json` is not a valid sketch
   */
  static fromJSON(json: unknown): QuantileSketch {
    const data = parseSketchJson('QuantileSketch', jsonSchema, json);
    const sketch = QuantileSketch.create({ relativeAccuracy: data.relativeAccuracy, binLimit: data.binLimit, center: data.center });
    fillStore(sketch.positive, data.positive, 'positive');
    fillStore(sketch.negative, data.negative, 'negative');
    sketch.#zeroCount = data.zeroCount;
    sketch.#nonFiniteCount = data.nonFiniteCount;
    const empty = sketch.count === 0;
    if (empty !== (data.min === null) || empty !== (data.max === null)) {
      invalidSketchJson('QuantileSketch', data.min === null ? 'min' : 'max', empty ? 'must be null when no value is counted' : 'must be a number when values are counted');
    }
    if (data.min !== null && data.max !== null) {
      if (data.min > data.max) invalidSketchJson('QuantileSketch', 'min', `must be <= max (${data.max}), got ${data.min}`);
      sketch.#min = data.min;
      sketch.#max = data.max;
    }
    return sketch;
  }

  /** α: the relative accuracy of every retained value. */
  get relativeAccuracy(): number {
    return this.mapping.relativeAccuracy;
  }

  /** Maximum number of bins per sign. */
  get binLimit(): number {
    return this.positive.binLimit;
  }

  /** Number of finite values added. */
  get count(): number {
    return this.negative.count + this.#zeroCount + this.positive.count;
  }

  /** Number of values counted as zero (|x| ≤ ~1.1e-308). @internal */
  get zeroCount(): number {
    return this.#zeroCount;
  }

  /** Values ignored because they were not finite numbers (NaN, ±Infinity, non-numbers). */
  get nonFiniteCount(): number {
    return this.#nonFiniteCount;
  }

  /** Exact smallest finite value added; NaN when empty. */
  get min(): number {
    return this.count === 0 ? NaN : this.#min;
  }

  /** Exact largest finite value added; NaN when empty. */
  get max(): number {
    return this.count === 0 ? NaN : this.#max;
  }

  /** True when some bins nearest zero were collapsed (their values lost the α guarantee). */
  get collapsed(): boolean {
    return this.positive.collapsed || this.negative.collapsed;
  }

  /** Adds one value; anything but a finite number is ignored and counted in `nonFiniteCount`. */
  add(x: number): void {
    if (typeof x !== 'number' || !Number.isFinite(x)) {
      this.#nonFiniteCount++;
      return;
    }
    const mapping = this.mapping;
    const shifted = x - this.center;
    if (shifted > mapping.minPossible) this.positive.add(mapping.key(shifted), 1);
    else if (shifted < -mapping.minPossible) this.negative.add(mapping.key(-shifted), 1);
    else this.#zeroCount++;
    if (x < this.#min) this.#min = x;
    if (x > this.#max) this.#max = x;
  }

  /** Adds every value of `values`. */
  addMany(values: ArrayLike<number>): void {
    for (let i = 0; i < values.length; i++) this.add(values[i] as number);
  }

  /**
   * Approximate LOWER q-quantile: the element of rank ⌊q·(n - 1)⌋ (0-based) of the sorted values
   * (`numpy.quantile(x, q, method='lower')`), returned as its bucket's representative clamped into
   * [min, max]. Guarantee: |result - x_q| ≤ α·|x_q - c| unless x_q sits in a collapsed bin; q = 0 and
   * q = 1 return the exact min and max. NaN when the sketch is empty (as DDSketch).
   *
   * @throws RangeError when q is not in [0, 1]
   */
  quantile(q: number): number {
    if (typeof q !== 'number' || !(q >= 0 && q <= 1)) throw new RangeError(`q must be a number in [0, 1], got ${String(q)}`);
    const count = this.count;
    if (count === 0) return NaN;
    if (q === 0) return this.#min;
    if (q === 1) return this.#max;
    const rank = Math.floor(q * (count - 1));
    let cumulative = 0;
    let value = this.#max - this.center;
    found: {
      const negative = this.negative;
      if (negative.count > 0) {
        for (let key = negative.maxKey; key >= negative.minKey; key--) {
          cumulative += negative.countAt(key);
          if (cumulative > rank) {
            value = -this.mapping.value(key);
            break found;
          }
        }
      }
      cumulative += this.#zeroCount;
      if (cumulative > rank) {
        value = 0;
        break found;
      }
      const positive = this.positive;
      for (let key = positive.minKey; key <= positive.maxKey; key++) {
        cumulative += positive.countAt(key);
        if (cumulative > rank) {
          value = this.mapping.value(key);
          break found;
        }
      }
    }
    return Math.min(this.#max, Math.max(this.#min, value + this.center));
  }

  /**
   * Approximate empirical CDF F(x) = (number of values ≤ x)/n: the exact fraction of values up to
   * the upper end u(x) of the bucket holding x, so F(x) ≤ cdf(x) ≤ F(u(x)) with, for y = x - c,
   * u(x) - c ≤ γ·y when y > 0 and < y/γ when y < 0 (collapsed bins widen the bucket); exact below min
   * (0) and from max on (1). NaN when x is NaN or the sketch is empty.
   */
  cdf(x: number): number {
    const count = this.count;
    if (count === 0 || typeof x !== 'number' || Number.isNaN(x)) return NaN;
    if (x < this.#min) return 0;
    if (x >= this.#max) return 1;
    const mapping = this.mapping;
    const shifted = x - this.center;
    let atMost: number;
    if (shifted > mapping.minPossible) {
      atMost = this.negative.count + this.#zeroCount;
      const positive = this.positive;
      const last = Math.min(mapping.key(shifted), positive.maxKey);
      for (let key = positive.minKey; key <= last; key++) atMost += positive.countAt(key);
      if (positive.collapsed && last < positive.minKey) atMost += positive.countAt(positive.minKey);
    } else if (shifted < -mapping.minPossible) {
      atMost = 0;
      const negative = this.negative;
      const first = Math.max(mapping.key(-shifted), negative.minKey);
      for (let key = negative.maxKey; key >= first; key--) atMost += negative.countAt(key);
    } else {
      atMost = this.negative.count + this.#zeroCount;
    }
    return atMost / count;
  }

  /**
   * A new sketch holding both inputs (bucket-wise sums; min/max combined).
   *
   * @throws RangeError when the relative accuracies, bin limits or centers differ
   */
  merge(other: QuantileSketch): QuantileSketch {
    if (!(other instanceof QuantileSketch)) throw new TypeError('other must be a QuantileSketch');
    assertSameParameters(this, other);
    const merged = new QuantileSketch(this.relativeAccuracy, this.binLimit, this.center);
    merged.positive.addStore(this.positive);
    merged.positive.addStore(other.positive);
    merged.negative.addStore(this.negative);
    merged.negative.addStore(other.negative);
    merged.#zeroCount = this.#zeroCount + other.#zeroCount;
    merged.#nonFiniteCount = this.#nonFiniteCount + other.#nonFiniteCount;
    merged.#min = Math.min(this.#min, other.#min);
    merged.#max = Math.max(this.#max, other.#max);
    return merged;
  }

  isEmpty(): boolean {
    return this.count === 0 && this.#nonFiniteCount === 0;
  }

  /** 8 bytes per allocated bin (≤ binLimit per sign) plus a constant: ≤ 16·binLimit + 256. */
  approxBytes(): number {
    return OBJECT_OVERHEAD_BYTES + 8 * (this.positive.capacity + this.negative.capacity);
  }

  toJSON(): QuantileSketchJson {
    const empty = this.count === 0;
    return {
      type: 'quantile-sketch',
      relativeAccuracy: this.relativeAccuracy,
      binLimit: this.binLimit,
      center: withoutNegativeZero(this.center),
      min: empty ? null : withoutNegativeZero(this.#min),
      max: empty ? null : withoutNegativeZero(this.#max),
      zeroCount: this.#zeroCount,
      nonFiniteCount: this.#nonFiniteCount,
      positive: storeToJson(this.positive),
      negative: storeToJson(this.negative),
    };
  }
}

function storeToJson(store: DenseLogStore): QuantileSketchStoreJson {
  return { minKey: store.count === 0 ? 0 : store.minKey, counts: store.countsInRange(), collapsed: store.collapsed };
}

function fillStore(store: DenseLogStore, json: QuantileSketchStoreJson, field: string): void {
  const { counts } = json;
  if (counts.length > store.binLimit) {
    invalidSketchJson('QuantileSketch', `${field}.counts`, `has ${counts.length} entries, more than binLimit = ${store.binLimit}`);
  }
  if (counts.length > 0 && !((counts[0] as number) > 0 && (counts[counts.length - 1] as number) > 0)) {
    invalidSketchJson('QuantileSketch', `${field}.counts`, 'first and last entries must be > 0');
  }
  for (let i = counts.length - 1; i >= 0; i--) {
    const weight = counts[i] as number;
    if (weight > 0) store.add(json.minKey + i, weight);
  }
  store.collapsed = json.collapsed;
}
