import { DetectorBase } from './detector-base.js';
import { checkKnownKeys, checkNumber, checkOneOf } from './options.js';

/** Which shifts of the mean {@link Cusum} watches. */
export type CusumDirection = 'increase' | 'decrease' | 'both';

/** Options of {@link Cusum}; defaults are MOA `CusumDM`'s. */
export interface CusumOptions {
  /** No drift before this many values since the last reset. Default 30. */
  minNumInstances?: number;
  /** Drift (slack) parameter k: deviations up to `delta` are absorbed. Default 0.005. */
  delta?: number;
  /** Decision threshold h (MOA `lambda`). Default 50. */
  lambda?: number;
  /** Which shifts to watch. Default 'increase'. */
  direction?: CusumDirection;
  /**
   * In-control mean μ0. When omitted (default) the running mean of the values since the last
   * reset is used, as MOA does; give it when the target is known (Page's original chart).
   */
  targetMean?: number;
}

/** Gauges of {@link Cusum}. */
export type CusumState = {
  /** Upper sum g⁺ (0 when increases are not watched). */
  readonly upperSum: number;
  /** Lower sum g⁻ (0 when decreases are not watched). */
  readonly lowerSum: number;
  /** The reference mean used for the last value (μ0 or the running mean). */
  readonly mean: number;
  /** Values since the last reset. */
  readonly sampleCount: number;
};

const knownOptions = ['minNumInstances', 'delta', 'lambda', 'direction', 'targetMean'] as const;

/**
 * Page's CUSUM chart (Page 1954) with slack δ and threshold λ:
 * g⁺_t = max(0, g⁺_{t−1} + x_t − μ_t − δ) and g⁻_t = max(0, g⁻_{t−1} + μ_t − x_t − δ), where μ_t
 * is `targetMean` or, by default, the running mean of x_1..x_t (MOA `CusumDM`). Drift when a watched
 * sum exceeds λ and at least `minNumInstances` values were seen since the last reset; all
 * statistics restart at the start of the next update. No warning zone. Cost per update: O(1).
 *
 * No SciPy / scikit-multiflow counterpart exists; the parametrisation is MOA's
 * (`minNumInstances` 30, `delta` 0.005, `lambda` 50) with the running mean over the values seen so
 * far (n counted from 1: MOA's off-by-one start of its counter is not reproduced).
 *
 * @example
 * const cusum = new Cusum({ targetMean: 0, delta: 0.5, lambda: 4, minNumInstances: 1 });
 * [1, 2, 2, 2].map((x) => cusum.update(x).driftDetected); // [false, false, false, true] (g⁺ = 0.5, 2, 3.5, 5)
 */
export class Cusum extends DetectorBase<CusumState> {
  readonly name = 'CUSUM';
  readonly input = 'numeric' as const;
  readonly minNumInstances: number;
  readonly delta: number;
  readonly lambda: number;
  readonly direction: CusumDirection;
  readonly targetMean: number | undefined;

  private sampleCount = 0;
  private runningMean = 0;
  private upperSum = 0;
  private lowerSum = 0;
  private lastMean = NaN;

  constructor(options: CusumOptions = {}) {
    super();
    checkKnownKeys('CUSUM', options, knownOptions);
    this.minNumInstances = checkNumber('options.minNumInstances', options.minNumInstances ?? 30, { min: 0, integer: true });
    this.delta = checkNumber('options.delta', options.delta ?? 0.005, { min: 0 });
    this.lambda = checkNumber('options.lambda', options.lambda ?? 50, { min: 0 });
    this.direction = checkOneOf('options.direction', options.direction ?? 'increase', ['increase', 'decrease', 'both'] as const);
    this.targetMean = options.targetMean === undefined ? undefined : checkNumber('options.targetMean', options.targetMean);
    this.clear();
  }

  get state(): CusumState {
    return { upperSum: this.upperSum, lowerSum: this.lowerSum, mean: this.lastMean, sampleCount: this.sampleCount };
  }

  protected accept(x: number): void {
    if (this.inDrift) this.clear();
    this.sampleCount += 1;
    this.runningMean += (x - this.runningMean) / this.sampleCount;
    const mean = this.targetMean ?? this.runningMean;
    this.lastMean = mean;
    if (this.direction !== 'decrease') this.upperSum = Math.max(0, this.upperSum + x - mean - this.delta);
    if (this.direction !== 'increase') this.lowerSum = Math.max(0, this.lowerSum + mean - x - this.delta);
    this.inDrift = this.sampleCount >= this.minNumInstances && (this.upperSum > this.lambda || this.lowerSum > this.lambda);
  }

  protected clear(): void {
    this.inDrift = false;
    this.sampleCount = 0;
    this.runningMean = 0;
    this.upperSum = 0;
    this.lowerSum = 0;
    this.lastMean = NaN;
  }
}
