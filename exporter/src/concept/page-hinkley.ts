import { DetectorBase } from './detector-base.js';
import { checkKnownKeys, checkNumber } from './options.js';

/** Options of {@link PageHinkley}; defaults are scikit-multiflow's (and MOA's). */
export interface PageHinkleyOptions {
  /** No drift before this many values since the last reset. Default 30. */
  minInstances?: number;
  /** Magnitude of change tolerated (subtracted from every deviation). Default 0.005. */
  delta?: number;
  /** Drift threshold λ on the cumulative sum. Default 50. */
  threshold?: number;
  /** Forgetting factor applied to the cumulative sum. Default 1 − 0.0001. */
  alpha?: number;
}

/** Gauges of {@link PageHinkley}. */
export type PageHinkleyState = {
  /** Running mean since the last reset. */
  readonly mean: number;
  /** The cumulative sum m_T (clipped at 0). */
  readonly sum: number;
  /** Its minimum M_T since the last reset (Infinity before the first value). */
  readonly minSum: number;
  /** PH_T = m_T − M_T, compared with the threshold. */
  readonly statistic: number;
  /** Values since the last reset. */
  readonly sampleCount: number;
};

const knownOptions = ['minInstances', 'delta', 'threshold', 'alpha'] as const;

/**
 * Page-Hinkley test (Page 1954) for an increase of the mean of a numeric stream:
 * x̄_T = running mean, m_T = max(0, α·m_{T−1} + x_T − x̄_T − δ), M_T = min m_t,
 * drift when m_T − M_T > λ once `minInstances` values were seen. One-sided (increases only);
 * feed −x to watch decreases. No warning zone.
 *
 * Matches scikit-multiflow `PageHinkley(min_instances, delta, threshold, alpha)`:
 * `add_element(x)` then `detected_change()`; statistics restart at the start of the update
 * following a drift. Cost per update: O(1).
 *
 * @example
 * const ph = new PageHinkley({ threshold: 20 });
 * ph.update(3).state.sum; // 0 (the first value is its own mean)
 */
export class PageHinkley extends DetectorBase<PageHinkleyState> {
  readonly name = 'PageHinkley';
  readonly input = 'numeric' as const;
  readonly minInstances: number;
  readonly delta: number;
  readonly threshold: number;
  readonly alpha: number;

  private sampleCount = 1;
  private mean = 0;
  private sum = 0;
  private minSum = Infinity;

  constructor(options: PageHinkleyOptions = {}) {
    super();
    checkKnownKeys('PageHinkley', options, knownOptions);
    this.minInstances = checkNumber('options.minInstances', options.minInstances ?? 30, { min: 0, integer: true });
    this.delta = checkNumber('options.delta', options.delta ?? 0.005, { min: 0 });
    this.threshold = checkNumber('options.threshold', options.threshold ?? 50, { min: 0 });
    this.alpha = checkNumber('options.alpha', options.alpha ?? 1 - 0.0001, { min: 0, max: 1 });
    this.clear();
  }

  get state(): PageHinkleyState {
    return {
      mean: this.mean,
      sum: this.sum,
      minSum: this.minSum,
      statistic: this.sum - this.minSum,
      sampleCount: this.sampleCount - 1,
    };
  }

  protected accept(x: number): void {
    if (this.inDrift) this.clear();
    this.mean += (x - this.mean) / this.sampleCount;
    this.sum = Math.max(0, this.alpha * this.sum + (x - this.mean - this.delta));
    this.sampleCount += 1;
    if (this.sum <= this.minSum) this.minSum = this.sum;
    this.inDrift = this.sampleCount >= this.minInstances && this.sum - this.minSum > this.threshold;
  }

  protected clear(): void {
    this.inDrift = false;
    this.sampleCount = 1;
    this.mean = 0;
    this.sum = 0;
    this.minSum = Infinity;
  }
}
