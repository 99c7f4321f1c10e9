import { ksTwoSample, type KsMethod } from '../stats/ks-two-sample.js';
import { DetectorBase } from './detector-base.js';
import { createSeededSampler, type IndexSampler } from './index-sampler.js';
import { checkKnownKeys, checkNumber, checkOneOf } from './options.js';

/** Options of {@link Kswin}; defaults are scikit-multiflow's. */
export interface KswinOptions {
  /** Significance of the KS test. Default 0.005. */
  alpha?: number;
  /** Length of the sliding window. Default 100. */
  windowSize?: number;
  /** Length of the recent part of the window (and of the sample drawn from the older part). Default 30. */
  statSize?: number;
  /** A drift also needs KS D > minStatistic (hard-coded 0.1 in scikit-multiflow). Default 0.1. */
  minStatistic?: number;
  /** p-value method of `ksTwoSample` (SciPy `ks_2samp` `method`). Default 'auto' (= exact up to 10 000 values). */
  ksMethod?: KsMethod;
  /** Values already collected, oldest first, to avoid a cold start (scikit-multiflow `data`). */
  data?: readonly number[];
  /** Draws the reference sample's indices. Default: `createSeededSampler(seed)`. */
  sampler?: IndexSampler;
  /** Seed of the default sampler (ignored when `sampler` is given). Default 1. */
  seed?: number;
}

/** Gauges of {@link Kswin}. */
export type KswinState = {
  /** Values currently in the window. */
  readonly windowLength: number;
  /** KS tests run since the last reset. */
  readonly testCount: number;
  /** D of the last test (NaN before the first). */
  readonly statistic: number;
  /** p-value of the last test (NaN before the first). */
  readonly pValue: number;
};

const knownOptions = ['alpha', 'windowSize', 'statSize', 'minStatistic', 'ksMethod', 'data', 'sampler', 'seed'] as const;

/**
 * KSWIN (Raab, Heusinger & Schleif 2020): a sliding window of `windowSize` values whose newest
 * `statSize` values are compared, by a two-sample Kolmogorov–Smirnov test, with `statSize` values
 * drawn with replacement from the older part. Drift when p ≤ alpha and D > 0.1; the window then
 * keeps only its newest `statSize` values. Works on any numeric stream (distribution change, not
 * just the mean). No warning zone. Random: inject `sampler` for reproducibility.
 *
 * Matches scikit-multiflow `KSWIN(alpha, window_size, stat_size, data)` followed by
 * `detected_change()`: before appending x, a full window drops its oldest value, draws the sample
 * (`np.random.choice(window[:-stat_size], stat_size)`, replayable through `sampler`) and runs
 * `scipy.stats.ks_2samp(sample, window[-stat_size:])` (method 'exact' there; 'auto' here, the same
 * for statSize ≤ 10 000). A detection at value i is thus based on the values before i.
 * Cost per update once the window is full: O(windowSize + statSize log statSize) plus the exact
 * KS p-value (O(statSize²)).
 *
 * @example
 * const kswin = new Kswin({ seed: 42 });
 * for (const x of latencies) if (kswin.update(x).driftDetected) alert();
 */
export class Kswin extends DetectorBase<KswinState> {
  readonly name = 'KSWIN';
  readonly input = 'numeric' as const;
  readonly alpha: number;
  readonly windowSize: number;
  readonly statSize: number;
  readonly minStatistic: number;
  readonly ksMethod: KsMethod;

  private readonly sampler: IndexSampler;
  private readonly initialData: readonly number[];
  private window: number[] = [];
  private testCount = 0;
  private statistic = NaN;
  private pValue = NaN;

  constructor(options: KswinOptions = {}) {
    super();
    checkKnownKeys('KSWIN', options, knownOptions);
    this.alpha = checkNumber('options.alpha', options.alpha ?? 0.005, { min: 0, max: 1 });
    this.windowSize = checkNumber('options.windowSize', options.windowSize ?? 100, { min: 3, integer: true });
    this.statSize = checkNumber('options.statSize', options.statSize ?? 30, { min: 1, integer: true });
    if (this.statSize > this.windowSize - 2) {
      throw new RangeError(`options.statSize must be <= windowSize - 2 = ${this.windowSize - 2} (the older part must keep a value), got ${this.statSize}`);
    }
    this.minStatistic = checkNumber('options.minStatistic', options.minStatistic ?? 0.1, { min: 0, max: 1 });
    this.ksMethod = checkOneOf('options.ksMethod', options.ksMethod ?? 'auto', ['auto', 'exact', 'asymp'] as const);
    this.initialData = checkData(options.data ?? []);
    if (options.sampler !== undefined && typeof options.sampler.sample !== 'function') {
      throw new TypeError('options.sampler must have a sample(populationSize, k) method');
    }
    this.sampler = options.sampler ?? createSeededSampler(options.seed ?? 1);
    this.clear();
  }

  get state(): KswinState {
    return { windowLength: this.window.length, testCount: this.testCount, statistic: this.statistic, pValue: this.pValue };
  }

  protected accept(x: number): void {
    this.inDrift = false;
    if (this.window.length >= this.windowSize) {
      this.window.shift();
      this.inDrift = this.testWindow();
      if (this.inDrift) this.window = this.window.slice(-this.statSize);
    }
    this.window.push(x);
  }

  protected clear(): void {
    this.inDrift = false;
    this.window = [...this.initialData];
    this.testCount = 0;
    this.statistic = NaN;
    this.pValue = NaN;
    this.sampler.reset?.();
  }

  /** KS test of the newest `statSize` values against a sample drawn from the older ones. */
  private testWindow(): boolean {
    const olderLength = this.window.length - this.statSize;
    const indices = this.sampler.sample(olderLength, this.statSize);
    const reference = indices.map((index) => {
      const value = this.window[index];
      if (!Number.isInteger(index) || index < 0 || index >= olderLength || value === undefined) {
        throw new RangeError(`KSWIN sampler returned index ${index}, outside 0..${olderLength - 1}`);
      }
      return value;
    });
    const recent = this.window.slice(olderLength);
    const result = ksTwoSample(reference, recent, { method: this.ksMethod });
    this.testCount += 1;
    this.statistic = result.statistic;
    this.pValue = result.pValue;
    return result.pValue <= this.alpha && result.statistic > this.minStatistic;
  }
}

function checkData(data: unknown): readonly number[] {
  if (!Array.isArray(data)) throw new TypeError(`options.data must be an array of numbers, got ${String(data)}`);
  data.forEach((value: unknown, i) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new TypeError(`options.data[${i}] must be a finite number, got ${String(value)}`);
  });
  return [...(data as number[])];
}
