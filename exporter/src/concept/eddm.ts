import { DetectorBase } from './detector-base.js';
import { checkKnownKeys, checkNumber } from './options.js';

/** Options of {@link Eddm}; defaults are scikit-multiflow's class constants (and MOA's). */
export interface EddmOptions {
  /** Drift when (m + 2s)/(m + 2s)_max < outControlLevel (scikit-multiflow `FDDM_OUTCONTROL`). Default 0.9. */
  outControlLevel?: number;
  /** Warning when the ratio < warningLevel (`FDDM_WARNING`). Default 0.95. */
  warningLevel?: number;
  /** No test before this many values since the last reset (`FDDM_MIN_NUM_INSTANCES`). Default 30. */
  minNumInstances?: number;
  /** Tests need strictly more errors than this (`m_min_num_errors`). Default 30. */
  minNumErrors?: number;
}

/** Gauges of {@link Eddm}. */
export type EddmState = {
  /** Mean distance between consecutive errors since the last reset. */
  readonly meanDistance: number;
  /** Standard deviation of that distance (population). */
  readonly distanceStd: number;
  /** Highest mean + 2·std seen (0 before the first test). */
  readonly maxMeanPlusTwoStd: number;
  /** Ratio (mean + 2 std)/max of the last error (NaN before the first test). */
  readonly ratio: number;
  /** Errors since the last reset. */
  readonly errorCount: number;
  /** Values since the last reset. */
  readonly sampleCount: number;
};

const knownOptions = ['outControlLevel', 'warningLevel', 'minNumInstances', 'minNumErrors'] as const;

/**
 * EDDM, the Early Drift Detection Method of Baena-García et al. (2006), on an error stream
 * (value 1 = error; any other value in [0, 1] counts as correct). It watches the distance between
 * consecutive errors: with m' its running mean and s' its standard deviation, warning when
 * (m' + 2s')/(m' + 2s')_max < 0.95 and drift when < 0.9, once more than 30 errors were seen.
 * Better than DDM on gradual drift, noisier on stable streams.
 *
 * Matches scikit-multiflow `EDDM()` (`add_element(x)` then `detected_change()` /
 * `detected_warning_zone()`): statistics restart at the start of the update following a drift;
 * the warning flag is only re-evaluated on error values, so it stays raised over the correct
 * values that follow a warning (as in the reference). Cost per update: O(1).
 *
 * @example
 * const eddm = new Eddm();
 * eddm.update(1).warningDetected; // false
 */
export class Eddm extends DetectorBase<EddmState> {
  readonly name = 'EDDM';
  readonly input = 'error-rate' as const;
  readonly outControlLevel: number;
  readonly warningLevel: number;
  readonly minNumInstances: number;
  readonly minNumErrors: number;

  private sampleCount = 1;
  private errorCount = 0;
  private lastErrorAt = 0;
  private meanDistance = 0;
  private squaredDeviationSum = 0;
  private maxMeanPlusTwoStd = 0;
  private ratio = NaN;

  constructor(options: EddmOptions = {}) {
    super();
    checkKnownKeys('EDDM', options, knownOptions);
    this.outControlLevel = checkNumber('options.outControlLevel', options.outControlLevel ?? 0.9, { min: 0, max: 1 });
    this.warningLevel = checkNumber('options.warningLevel', options.warningLevel ?? 0.95, { min: 0, max: 1 });
    this.minNumInstances = checkNumber('options.minNumInstances', options.minNumInstances ?? 30, { min: 0, integer: true });
    this.minNumErrors = checkNumber('options.minNumErrors', options.minNumErrors ?? 30, { min: 0, integer: true });
    this.clear();
  }

  get state(): EddmState {
    return {
      meanDistance: this.meanDistance,
      distanceStd: this.errorCount === 0 ? 0 : Math.sqrt(this.squaredDeviationSum / this.errorCount),
      maxMeanPlusTwoStd: this.maxMeanPlusTwoStd,
      ratio: this.ratio,
      errorCount: this.errorCount,
      sampleCount: this.sampleCount - 1,
    };
  }

  protected accept(x: number): void {
    if (this.inDrift) this.clear();
    this.inDrift = false;
    this.sampleCount += 1;
    if (x !== 1) return;

    this.inWarning = false;
    this.errorCount += 1;
    const previousErrorAt = this.lastErrorAt;
    this.lastErrorAt = this.sampleCount - 1;
    const distance = this.lastErrorAt - previousErrorAt;
    const previousMean = this.meanDistance;
    this.meanDistance += (distance - this.meanDistance) / this.errorCount;
    this.squaredDeviationSum += (distance - this.meanDistance) * (distance - previousMean);
    const meanPlusTwoStd = this.meanDistance + 2 * Math.sqrt(this.squaredDeviationSum / this.errorCount);
    if (this.sampleCount < this.minNumInstances) return;

    if (meanPlusTwoStd > this.maxMeanPlusTwoStd) {
      this.maxMeanPlusTwoStd = meanPlusTwoStd;
      return;
    }
    this.ratio = meanPlusTwoStd / this.maxMeanPlusTwoStd;
    const enoughErrors = this.errorCount > this.minNumErrors;
    if (enoughErrors && this.ratio < this.outControlLevel) {
      this.inDrift = true;
    } else if (enoughErrors && this.ratio < this.warningLevel) {
      this.inWarning = true;
    }
  }

  protected clear(): void {
    this.inDrift = false;
    this.inWarning = false;
    this.sampleCount = 1;
    this.errorCount = 0;
    this.lastErrorAt = 0;
    this.meanDistance = 0;
    this.squaredDeviationSum = 0;
    this.maxMeanPlusTwoStd = 0;
    this.ratio = NaN;
  }
}
