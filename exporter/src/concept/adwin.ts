import { AdwinBucketRows } from './adwin-bucket-rows.js';
import { DetectorBase } from './detector-base.js';
import { checkKnownKeys, checkNumber } from './options.js';

/** Options of {@link Adwin}; defaults are scikit-multiflow's (and MOA's). */
export interface AdwinOptions {
  /** Confidence of the cut test (smaller = fewer false alarms). Default 0.002. */
  delta?: number;
  /** Cuts are searched only every `clock`-th value. Default 32. */
  clock?: number;
  /** Buckets per row of the exponential histogram (M). Default 5. */
  maxBuckets?: number;
  /** No cut is searched while the window holds `minWindowLongitude` values or fewer. Default 10. */
  minWindowLongitude?: number;
  /** Both sub-windows of a cut must hold at least this many values. Default 5. */
  minWindowLength?: number;
}

/** Gauges of {@link Adwin}. */
export type AdwinState = {
  /** Number of values in the adaptive window. */
  readonly width: number;
  /** Mean of the window (0 when empty). */
  readonly estimation: number;
  /** Variance of the window (population, as maintained incrementally; NaN when empty). */
  readonly variance: number;
  /** Sum of the window. */
  readonly total: number;
};

const knownOptions = ['delta', 'clock', 'maxBuckets', 'minWindowLongitude', 'minWindowLength'] as const;

/**
 * ADWIN (ADaptive WINdowing, Bifet & Gavaldà 2007): keeps a variable-length window in an
 * exponential histogram and drops its older part whenever two sub-windows have means that differ by
 * more than a Bernstein-type bound `ε = sqrt(2·m·σ²·ln(2 ln n/δ)) + (2/3)·m·ln(2 ln n/δ)`,
 * `m = 1/(n0 − L + 1) + 1/(n1 − L + 1)`. Works on any numeric stream (error bits or values).
 *
 * Matches scikit-multiflow `ADWIN(delta).add_element(x)` followed by `detected_change()`
 * (commit d073a706), including its quirks: cut points are only searched every `clock`-th value and
 * once the window holds more than 10 values, the newest bucket of each row is skipped as a cut
 * point, and `width` / `estimation` equal the reference's after each value. No warning zone.
 * Cost per update: O(log n) amortised; a cut search (every 32nd value) is O(M log n) per cut.
 *
 * @example
 * const adwin = new Adwin();
 * for (const x of stream) if (adwin.update(x).driftDetected) console.log(adwin.state.width);
 */
export class Adwin extends DetectorBase<AdwinState> {
  readonly name = 'ADWIN';
  readonly input = 'numeric' as const;
  readonly delta: number;
  readonly clock: number;
  readonly maxBuckets: number;
  readonly minWindowLongitude: number;
  readonly minWindowLength: number;

  private buckets!: AdwinBucketRows;
  private width = 0;
  private total = 0;
  private varianceSum = 0;
  private time = 0;

  constructor(options: AdwinOptions = {}) {
    super();
    checkKnownKeys('ADWIN', options, knownOptions);
    this.delta = checkNumber('options.delta', options.delta ?? 0.002, { min: 0, max: 1, minExclusive: true, maxExclusive: true });
    this.clock = checkNumber('options.clock', options.clock ?? 32, { min: 1, integer: true });
    this.maxBuckets = checkNumber('options.maxBuckets', options.maxBuckets ?? 5, { min: 2, integer: true });
    this.minWindowLongitude = checkNumber('options.minWindowLongitude', options.minWindowLongitude ?? 10, { min: 0, integer: true });
    this.minWindowLength = checkNumber('options.minWindowLength', options.minWindowLength ?? 5, { min: 1, integer: true });
    this.clear();
  }

  get state(): AdwinState {
    return {
      width: this.width,
      estimation: this.estimation,
      variance: this.varianceSum / this.width,
      total: this.total,
    };
  }

  /** Number of values in the window (scikit-multiflow `width`). */
  get windowWidth(): number {
    return this.width;
  }

  /** Mean of the window, 0 when empty (scikit-multiflow `estimation`). */
  get estimation(): number {
    return this.width === 0 ? 0 : this.total / this.width;
  }

  protected accept(x: number): void {
    this.insert(x);
    this.inDrift = this.searchCuts();
  }

  protected clear(): void {
    this.buckets = new AdwinBucketRows(this.maxBuckets);
    this.width = 0;
    this.total = 0;
    this.varianceSum = 0;
    this.time = 0;
  }

  private insert(value: number): void {
    this.width += 1;
    this.buckets.insertValue(value);
    if (this.width > 1) {
      const previousWidth = this.width - 1;
      const deviation = value - this.total / previousWidth;
      this.varianceSum += (previousWidth * deviation * deviation) / this.width;
    }
    this.total += value;
  }

  /** The reference's `detected_change`: every `clock` values, drop old buckets while a cut is significant. */
  private searchCuts(): boolean {
    this.time += 1;
    if (this.time % this.clock !== 0 || this.width <= this.minWindowLongitude) return false;
    let changed = false;
    let cutFound = true;
    while (cutFound) {
      cutFound = this.dropOldestBucketIfCut();
      changed ||= cutFound;
    }
    return changed;
  }

  /** Scans cut points from the oldest bucket on; at the first significant one drops the oldest bucket. */
  private dropOldestBucketIfCut(): boolean {
    let n0 = 0;
    let n1 = this.width;
    let u0 = 0;
    let u1 = this.total;
    for (let rowIndex = this.buckets.lastRowIndex; rowIndex >= 0; rowIndex--) {
      const row = this.buckets.row(rowIndex);
      const bucketSize = 2 ** rowIndex;
      for (let k = 0; k < row.size - 1; k++) {
        n0 += bucketSize;
        n1 -= bucketSize;
        u0 += row.total(k);
        u1 -= row.total(k);
        const meanDifference = u0 / n0 - u1 / n1;
        if (n1 >= this.minWindowLength && n0 >= this.minWindowLength && this.isSignificantCut(n0, n1, meanDifference)) {
          if (this.width > 0) this.deleteOldestBucket();
          return true;
        }
      }
    }
    return false;
  }

  private isSignificantCut(n0: number, n1: number, meanDifference: number): boolean {
    const dd = Math.log((2 * Math.log(this.width)) / this.delta);
    const variance = this.varianceSum / this.width;
    const m = 1 / (n0 - this.minWindowLength + 1) + 1 / (n1 - this.minWindowLength + 1);
    const epsilon = Math.sqrt(2 * m * variance * dd) + (2 * dd * m) / 3;
    return Math.abs(meanDifference) > epsilon;
  }

  private deleteOldestBucket(): void {
    const bucket = this.buckets.removeOldestBucket();
    this.width -= bucket.size;
    this.total -= bucket.total;
    const bucketMean = bucket.total / bucket.size;
    const deviation = bucketMean - this.total / this.width;
    this.varianceSum -= bucket.variance + (bucket.size * this.width * deviation * deviation) / (bucket.size + this.width);
  }
}
