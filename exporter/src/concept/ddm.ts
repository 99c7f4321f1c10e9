import { DetectorBase } from './detector-base.js';
import { checkKnownKeys, checkNumber } from './options.js';

/** Options of {@link Ddm}; defaults are scikit-multiflow's (and MOA's). */
export interface DdmOptions {
  /** No warning or drift before this many values since the last reset. Default 30. */
  minNumInstances?: number;
  /** Warning when p + s ≥ p_min + warningLevel · s_min. Default 2. */
  warningLevel?: number;
  /** Drift when p + s ≥ p_min + outControlLevel · s_min. Default 3. */
  outControlLevel?: number;
}

/** Gauges of {@link Ddm}. */
export type DdmState = {
  /** Running error rate p since the last reset. */
  readonly errorRate: number;
  /** s = sqrt(p(1 − p)/n). */
  readonly errorStd: number;
  /** p + s, the monitored quantity. */
  readonly errorRatePlusStd: number;
  /** p_min + s_min, the lowest p + s seen since the last reset (Infinity before the first test). */
  readonly minErrorRatePlusStd: number;
  /** Values since the last reset. */
  readonly sampleCount: number;
};

const knownOptions = ['minNumInstances', 'warningLevel', 'outControlLevel'] as const;

/**
 * DDM, the Drift Detection Method of Gama et al. (2004), on an error stream (1 = error, 0 = correct).
 * It tracks the error rate p and its binomial standard deviation s and remembers the point where
 * p + s was lowest (p_min, s_min): warning when p + s ≥ p_min + 2·s_min, drift when
 * p + s ≥ p_min + 3·s_min.
 *
 * Matches scikit-multiflow `DDM(min_num_instances, warning_level, out_control_level)`:
 * `add_element(x)` then `detected_change()` / `detected_warning_zone()`; the statistics restart at
 * the start of the update FOLLOWING a drift (as the reference does). Cost per update: O(1).
 *
 * @example
 * const ddm = new Ddm();
 * for (const wrong of errors) if (ddm.update(wrong ? 1 : 0).driftDetected) retrain();
 */
export class Ddm extends DetectorBase<DdmState> {
  readonly name = 'DDM';
  readonly input = 'error-rate' as const;
  readonly minNumInstances: number;
  readonly warningLevel: number;
  readonly outControlLevel: number;

  private sampleCount = 1;
  private errorRate = 1;
  private errorStd = 0;
  private minErrorRatePlusStd = Infinity;
  private minErrorRate = Infinity;
  private minErrorStd = Infinity;

  constructor(options: DdmOptions = {}) {
    super();
    checkKnownKeys('DDM', options, knownOptions);
    this.minNumInstances = checkNumber('options.minNumInstances', options.minNumInstances ?? 30, { min: 0, integer: true });
    this.warningLevel = checkNumber('options.warningLevel', options.warningLevel ?? 2, { min: 0 });
    this.outControlLevel = checkNumber('options.outControlLevel', options.outControlLevel ?? 3, { min: 0 });
    this.clear();
  }

  get state(): DdmState {
    return {
      errorRate: this.errorRate,
      errorStd: this.errorStd,
      errorRatePlusStd: this.errorRate + this.errorStd,
      minErrorRatePlusStd: this.minErrorRatePlusStd,
      sampleCount: this.sampleCount - 1,
    };
  }

  protected accept(x: number): void {
    if (this.inDrift) this.clear();
    this.errorRate += (x - this.errorRate) / this.sampleCount;
    this.errorStd = Math.sqrt((this.errorRate * (1 - this.errorRate)) / this.sampleCount);
    this.sampleCount += 1;
    this.inDrift = false;
    this.inWarning = false;
    if (this.sampleCount <= this.minNumInstances) return;

    const level = this.errorRate + this.errorStd;
    if (level <= this.minErrorRatePlusStd) {
      this.minErrorRate = this.errorRate;
      this.minErrorStd = this.errorStd;
      this.minErrorRatePlusStd = level;
    }
    if (level >= this.minErrorRate + this.outControlLevel * this.minErrorStd) {
      this.inDrift = true;
    } else if (level >= this.minErrorRate + this.warningLevel * this.minErrorStd) {
      this.inWarning = true;
    }
  }

  protected clear(): void {
    this.inDrift = false;
    this.inWarning = false;
    this.sampleCount = 1;
    this.errorRate = 1;
    this.errorStd = 0;
    this.minErrorRatePlusStd = Infinity;
    this.minErrorRate = Infinity;
    this.minErrorStd = Infinity;
  }
}
