import { z } from 'zod';
import { invalidSketchJson, parseSketchJson, withoutNegativeZero } from './parse-sketch-json.js';
import type { MergeableSketch } from './types.js';

/** JSON form of {@link RunningMoments} (type tag `running-moments`). */
export interface RunningMomentsJson {
  type: 'running-moments';
  count: number;
  /** K: the first value seen; the moments are kept for x - K. */
  shift: number;
  /** Mean of x - K. */
  mean: number;
  /** Σ (x - mean)² (shift-invariant). */
  m2: number;
  /** Neumaier-compensated sum: sum + sumCompensation. */
  sum: number;
  sumCompensation: number;
  /** null when count is 0. */
  min: number | null;
  max: number | null;
  nonFiniteCount: number;
}

const jsonSchema = z.object({
  type: z.literal('running-moments'),
  count: z.number().int().nonnegative(),
  shift: z.number(),
  mean: z.number(),
  m2: z.number().nonnegative(),
  sum: z.number(),
  sumCompensation: z.number(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  nonFiniteCount: z.number().int().nonnegative(),
});

const OBJECT_OVERHEAD_BYTES = 128;

/**
 * Count, mean, variance, min, max and sum of a stream in O(1) memory, mergeable.
 *
 * Updates follow Welford (1962); merges follow Chan, Golub & LeVeque (1979):
 * δ = mean_b - mean_a, mean = mean_a + δ·n_b/n, M2 = M2_a + M2_b + δ²·n_a·n_b/n — numerically stable
 * (no catastrophic cancellation on data such as 1e9 + small noise, unlike Σx² - (Σx)²/n). Values
 * are accumulated as x - K, K the first value seen ("shifted data"), so the running mean resolves
 * deviations far below the spacing of doubles near K (1.2e-7 at 1e9). The sum
 * is Neumaier-compensated. Merging equals adding every value into one accumulator up to float
 * rounding (≈ 1e-15 relative); counts, min and max exactly. Values that are not finite numbers are
 * ignored and counted in `nonFiniteCount`.
 * `variance(ddof)` matches `numpy.var(x, ddof=ddof)`; `std(ddof)` matches `numpy.std(x, ddof=ddof)`.
 *
 * @example
 * const m = new RunningMoments();
 * [2, 4, 4, 4, 5, 5, 7, 9].forEach((x) => m.add(x));
 * m.mean // 5; m.variance() // 4; m.std(1) // 2.138…
 */
export class RunningMoments implements MergeableSketch<RunningMoments> {
  #count = 0;
  #shift = 0;
  #mean = 0;
  #m2 = 0;
  #sum = 0;
  #sumCompensation = 0;
  #min = Infinity;
  #max = -Infinity;
  #nonFiniteCount = 0;

  /** An empty accumulator (same as `new RunningMoments()`). */
  static create(): RunningMoments {
    return new RunningMoments();
  }

  /**
   * Reads back the output of `toJSON()` (after JSON.stringify/parse) exactly.
   *
   * @throws TypeError naming the field when `json` is not a valid accumulator
   */
  static fromJSON(json: unknown): RunningMoments {
    const data = parseSketchJson('RunningMoments', jsonSchema, json);
    const empty = data.count === 0;
    if (empty !== (data.min === null)) invalidSketchJson('RunningMoments', 'min', empty ? 'must be null when count is 0' : 'must be a number when count > 0');
    if (empty !== (data.max === null)) invalidSketchJson('RunningMoments', 'max', empty ? 'must be null when count is 0' : 'must be a number when count > 0');
    if (data.min !== null && data.max !== null && data.min > data.max) {
      invalidSketchJson('RunningMoments', 'min', `must be <= max (${data.max}), got ${data.min}`);
    }
    const moments = new RunningMoments();
    moments.#count = data.count;
    moments.#shift = data.shift;
    moments.#mean = data.mean;
    moments.#m2 = data.m2;
    moments.#sum = data.sum;
    moments.#sumCompensation = data.sumCompensation;
    moments.#min = data.min ?? Infinity;
    moments.#max = data.max ?? -Infinity;
    moments.#nonFiniteCount = data.nonFiniteCount;
    return moments;
  }

  /** Number of finite values added. */
  get count(): number {
    return this.#count;
  }

  /** Arithmetic mean; NaN when empty. */
  get mean(): number {
    return this.#count === 0 ? NaN : this.#shift + this.#mean;
  }

  /** Smallest value; NaN when empty. */
  get min(): number {
    return this.#count === 0 ? NaN : this.#min;
  }

  /** Largest value; NaN when empty. */
  get max(): number {
    return this.#count === 0 ? NaN : this.#max;
  }

  /** Compensated sum of the values (0 when empty). */
  get sum(): number {
    return this.#sum + this.#sumCompensation;
  }

  /** Values ignored because they were not finite numbers. */
  get nonFiniteCount(): number {
    return this.#nonFiniteCount;
  }

  /** Adds one value (Welford update); anything but a finite number is ignored and counted. */
  add(x: number): void {
    if (typeof x !== 'number' || !Number.isFinite(x)) {
      this.#nonFiniteCount++;
      return;
    }
    if (this.#count === 0) this.#shift = x;
    const y = x - this.#shift;
    const count = this.#count + 1;
    const delta = y - this.#mean;
    const mean = this.#mean + delta / count;
    this.#m2 += delta * (y - mean);
    this.#mean = mean;
    this.#count = count;
    this.addToSum(x);
    if (x < this.#min) this.#min = x;
    if (x > this.#max) this.#max = x;
  }

  /** Adds every value of `values`. */
  addMany(values: ArrayLike<number>): void {
    for (let i = 0; i < values.length; i++) this.add(values[i] as number);
  }

  /**
   * Σ(x - mean)² / (n - ddof), as `numpy.var(x, ddof=ddof)`; NaN when n ≤ ddof.
   *
   * @throws RangeError when ddof is not 0 or 1
   */
  variance(ddof: 0 | 1 = 0): number {
    if (ddof !== 0 && ddof !== 1) throw new RangeError(`ddof must be 0 or 1, got ${String(ddof)}`);
    if (this.#count <= ddof) return NaN;
    return this.#m2 / (this.#count - ddof);
  }

  /**
   * √variance(ddof), as `numpy.std(x, ddof=ddof)`; NaN when n ≤ ddof.
   *
   * @throws RangeError when ddof is not 0 or 1
   */
  std(ddof: 0 | 1 = 0): number {
    return Math.sqrt(this.variance(ddof));
  }

  /** A new accumulator for both inputs (Chan et al. parallel combination). */
  merge(other: RunningMoments): RunningMoments {
    if (!(other instanceof RunningMoments)) throw new TypeError('other must be a RunningMoments');
    const merged = new RunningMoments();
    const countA = this.#count;
    const countB = other.#count;
    const count = countA + countB;
    merged.#count = count;
    merged.#nonFiniteCount = this.#nonFiniteCount + other.#nonFiniteCount;
    merged.#min = Math.min(this.#min, other.#min);
    merged.#max = Math.max(this.#max, other.#max);
    merged.#sum = this.#sum;
    merged.#sumCompensation = this.#sumCompensation;
    merged.addToSum(other.#sum);
    merged.#sumCompensation += other.#sumCompensation;
    if (countA === 0 || countB === 0) {
      const source = countA === 0 ? other : this;
      merged.#shift = source.#shift;
      merged.#mean = source.#mean;
      merged.#m2 = source.#m2;
      return merged;
    }
    merged.#shift = this.#shift;
    // Difference of the true means, (K_b + m_b) - (K_a + m_a), without adding the large K's first.
    const delta = other.#shift - this.#shift + (other.#mean - this.#mean);
    merged.#mean = this.#mean + delta * (countB / count);
    merged.#m2 = this.#m2 + other.#m2 + delta * delta * ((countA * countB) / count);
    return merged;
  }

  isEmpty(): boolean {
    return this.#count === 0 && this.#nonFiniteCount === 0;
  }

  /** Constant: eight numbers plus object overhead. */
  approxBytes(): number {
    return OBJECT_OVERHEAD_BYTES;
  }

  toJSON(): RunningMomentsJson {
    const empty = this.#count === 0;
    return {
      type: 'running-moments',
      count: this.#count,
      shift: withoutNegativeZero(this.#shift),
      mean: withoutNegativeZero(this.#mean),
      m2: withoutNegativeZero(this.#m2),
      sum: withoutNegativeZero(this.#sum),
      sumCompensation: withoutNegativeZero(this.#sumCompensation),
      min: empty ? null : withoutNegativeZero(this.#min),
      max: empty ? null : withoutNegativeZero(this.#max),
      nonFiniteCount: this.#nonFiniteCount,
    };
  }

  /** Neumaier's compensated addition. */
  private addToSum(x: number): void {
    const sum = this.#sum + x;
    if (Math.abs(this.#sum) >= Math.abs(x)) this.#sumCompensation += this.#sum - sum + x;
    else this.#sumCompensation += x - sum + this.#sum;
    this.#sum = sum;
  }
}
