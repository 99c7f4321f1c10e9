import type { CbpeEstimate } from './cbpe-estimate.js';
import { cbpeSamplingErrors } from './cbpe-sampling-error.js';
import { metricsFromExpectedConfusion } from './expected-confusion.js';
import { expectedRocAucFromBins } from './expected-roc-auc.js';

/** What the accumulator needs from a fitted CBPE model. */
export interface CbpeCalibration {
  /** Calibrated probability of the positive class for a raw score. */
  calibrate(score: number): number;
  /** A score at or above it is predicted positive. */
  readonly threshold: number;
  /** Whether `other` calibrates and thresholds exactly the same way (e.g. the same model loaded on two replicas). */
  hasSameCalibration(other: CbpeCalibration): boolean;
}

/** Default number of equal-width probability bins kept for the AUC. */
export const DEFAULT_CBPE_AUC_BINS = 200;

/**
 * Streaming, mergeable CBPE state for a window (create, record, merge, read): the four expected
 * confusion cells are exact sums; the ROC AUC comes from a fixed histogram of calibrated
 * probabilities (`bins` equal bins on [0, 1], count and probability sum per bin), so memory is
 * O(bins) whatever the window size, and slices of a window merge by adding. The AUC it reports
 * is never above the exact one and the gap is at most `rocAucBinningErrorBound` (see
 * `expectedRocAucFromBins`). Create one with `CbpeModel.createAccumulator()`.
 *
 * @example
 * const slice = model.createAccumulator();
 * for (const score of scores) slice.record(score);
 * const window = slice.merge(otherSlice).toEstimate();
 */
export class CbpeAccumulator {
  private readonly counts: Float64Array;
  private readonly probabilitySums: Float64Array;
  private truePositive = 0;
  private falsePositive = 0;
  private falseNegative = 0;
  private trueNegative = 0;
  private size = 0;

  /**
   * @param calibration the fitted model (calibration map and threshold).
   * @param bins number of probability bins for the AUC, an integer in [10, 100000].
   * @throws RangeError on a bad `bins`.
   */
  constructor(
    private readonly calibration: CbpeCalibration,
    bins: number = DEFAULT_CBPE_AUC_BINS,
  ) {
    if (!Number.isInteger(bins) || bins < 10 || bins > 100_000) throw new RangeError(`bins must be an integer in [10, 100000], got ${String(bins)}`);
    this.counts = new Float64Array(bins);
    this.probabilitySums = new Float64Array(bins);
  }

  /** Number of probability bins. */
  get bins(): number {
    return this.counts.length;
  }

  /** Number of scores recorded. */
  get windowSize(): number {
    return this.size;
  }

  /**
   * Records one unlabelled score.
   * @param score the model's raw score (finite).
   * @param predictedPositive the model's decision; defaults to `score >= threshold`.
   * @throws RangeError when `score` is not finite.
   */
  record(score: number, predictedPositive?: boolean): this {
    const p = this.calibration.calibrate(score);
    const positive = predictedPositive ?? score >= this.calibration.threshold;
    if (positive) {
      this.truePositive += p;
      this.falsePositive += 1 - p;
    } else {
      this.falseNegative += p;
      this.trueNegative += 1 - p;
    }
    const bin = Math.min(this.counts.length - 1, Math.floor(p * this.counts.length));
    this.counts[bin] = (this.counts[bin] as number) + 1;
    this.probabilitySums[bin] = (this.probabilitySums[bin] as number) + p;
    this.size++;
    return this;
  }

  /**
   * A new accumulator holding both windows (neither input changes).
   * Accumulators of equal models (same threshold and knots, e.g. one profile loaded on two
   * replicas) merge; others do not.
   * @throws RangeError when the other accumulator belongs to a different model or has other bins.
   */
  merge(other: CbpeAccumulator): CbpeAccumulator {
    if (!this.calibration.hasSameCalibration(other.calibration)) throw new RangeError('cannot merge CBPE accumulators of different models');
    if (other.bins !== this.bins) throw new RangeError(`cannot merge CBPE accumulators with ${this.bins} and ${other.bins} bins`);
    const merged = new CbpeAccumulator(this.calibration, this.bins);
    for (const source of [this, other]) {
      merged.truePositive += source.truePositive;
      merged.falsePositive += source.falsePositive;
      merged.falseNegative += source.falseNegative;
      merged.trueNegative += source.trueNegative;
      merged.size += source.size;
      for (let b = 0; b < merged.counts.length; b++) {
        merged.counts[b] = (merged.counts[b] as number) + (source.counts[b] as number);
        merged.probabilitySums[b] = (merged.probabilitySums[b] as number) + (source.probabilitySums[b] as number);
      }
    }
    return merged;
  }

  /** The estimate for everything recorded so far (all ratios NaN when empty). */
  toEstimate(): CbpeEstimate {
    const expectedConfusion = {
      truePositive: this.truePositive,
      falsePositive: this.falsePositive,
      falseNegative: this.falseNegative,
      trueNegative: this.trueNegative,
    };
    const { rocAuc, errorBound, standardError } = expectedRocAucFromBins(this.counts, this.probabilitySums);
    const metrics = metricsFromExpectedConfusion(expectedConfusion);
    return {
      windowSize: this.size,
      expectedConfusion,
      ...metrics,
      rocAuc,
      rocAucBinningErrorBound: errorBound,
      samplingError: cbpeSamplingErrors(this.size, expectedConfusion, metrics, standardError),
    };
  }
}
