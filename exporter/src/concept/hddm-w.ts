import { DetectorBase } from './detector-base.js';
import { checkBoolean, checkKnownKeys, checkNumber } from './options.js';

/** Options of {@link HddmW}; defaults are scikit-multiflow's (and MOA's). */
export interface HddmWOptions {
  /** Significance of the drift test. Default 0.001. */
  driftConfidence?: number;
  /** Significance of the warning test. Default 0.005. */
  warningConfidence?: number;
  /** EWMA weight λ of the newest value (larger = shorter memory). Default 0.05. */
  lambda?: number;
  /** Also watch for significant decreases (which restart the statistics without a drift flag). Default true. */
  twoSided?: boolean;
  /**
   * Start the decrease cut point at +Infinity as scikit-multiflow does (its decrease monitor then
   * never engages, so `twoSided` has no effect). Only for reproducing that implementation. Default false.
   */
  matchScikitMultiflow?: boolean;
}

/** Gauges of {@link HddmW}. */
export type HddmWState = {
  /** EWMA of all values since the last restart (NaN when none). */
  readonly estimation: number;
  /** EWMA of the values after the increase cut point (NaN when none). */
  readonly recentEstimation: number;
  /** EWMA at the increase cut point (NaN when none). */
  readonly referenceEstimation: number;
  /** Values since the last restart. */
  readonly sampleCount: number;
};

/** An EWMA with the sum of squared weights that bounds its deviation (McDiarmid). */
interface EwmaSample {
  ewma: number;
  /** Σ w_i² of the EWMA weights ("independent bounded condition sum"). */
  squaredWeightSum: number;
  initialised: boolean;
}

const knownOptions = ['driftConfidence', 'warningConfidence', 'lambda', 'twoSided', 'matchScikitMultiflow'] as const;

/**
 * HDDM_W (Frías-Blanco et al. 2015, "W-test"): the same cut-point idea as HDDM_A but on
 * exponentially weighted moving averages (EWMA, weight λ), so old values fade. With
 * `Σw²` the sum of squared EWMA weights, the McDiarmid bound is sqrt(Σw² · ln(1/α)/2).
 * The increase cut point is where EWMA + bound was lowest; a second EWMA runs over the values after
 * it; drift when EWMA_after − EWMA_cut > sqrt((Σw²_cut + Σw²_after) · ln(1/α)/2) at
 * α = driftConfidence, warning at warningConfidence. Input: error bits or values in [0, 1].
 *
 * Follows scikit-multiflow `HDDM_W(drift_confidence, warning_confidence, lambda_option,
 * two_side_option)` (`hddm_w.py`, a MOA port): the statistics restart AT the detection; a
 * two-sided decrease restarts them silently (clearing the warning flag). One deliberate
 * difference: the decrease cut point starts at −Infinity as in the paper (scikit-multiflow starts
 * it at +Infinity, which never lets the decrease monitor engage; `matchScikitMultiflow: true`
 * reproduces that). Cost per update: O(1).
 *
 * @example
 * const hddm = new HddmW({ lambda: 0.1 });
 * hddm.update(0).state.estimation; // 0
 */
export class HddmW extends DetectorBase<HddmWState> {
  readonly name = 'HDDM_W';
  readonly input = 'error-rate' as const;
  readonly driftConfidence: number;
  readonly warningConfidence: number;
  readonly lambda: number;
  readonly twoSided: boolean;
  readonly matchScikitMultiflow: boolean;

  private total = emptySample();
  private increaseCut = emptySample();
  private afterIncreaseCut = emptySample();
  private decreaseCut = emptySample();
  private afterDecreaseCut = emptySample();
  private increaseCutPoint = Infinity;
  private decreaseCutPoint = -Infinity;
  private sampleCount = 0;

  constructor(options: HddmWOptions = {}) {
    super();
    checkKnownKeys('HDDM_W', options, knownOptions);
    const open = { min: 0, max: 1, minExclusive: true, maxExclusive: true };
    this.driftConfidence = checkNumber('options.driftConfidence', options.driftConfidence ?? 0.001, open);
    this.warningConfidence = checkNumber('options.warningConfidence', options.warningConfidence ?? 0.005, open);
    this.lambda = checkNumber('options.lambda', options.lambda ?? 0.05, { min: 0, max: 1, minExclusive: true });
    this.twoSided = checkBoolean('options.twoSided', options.twoSided ?? true);
    this.matchScikitMultiflow = checkBoolean('options.matchScikitMultiflow', options.matchScikitMultiflow ?? false);
    this.clear();
  }

  get state(): HddmWState {
    return {
      estimation: valueOf(this.total),
      recentEstimation: valueOf(this.afterIncreaseCut),
      referenceEstimation: valueOf(this.increaseCut),
      sampleCount: this.sampleCount,
    };
  }

  protected accept(x: number): void {
    this.sampleCount += 1;
    this.addTo(this.total, x);

    this.updateIncreaseCut(x);
    if (this.exceeds(this.increaseCut, this.afterIncreaseCut, this.driftConfidence)) {
      this.clear();
      this.inDrift = true;
      return;
    }
    this.inDrift = false;
    this.inWarning = this.exceeds(this.increaseCut, this.afterIncreaseCut, this.warningConfidence);

    this.updateDecreaseCut(x);
    if (this.twoSided && this.exceeds(this.afterDecreaseCut, this.decreaseCut, this.driftConfidence)) {
      this.clear();
    }
  }

  protected clear(): void {
    this.inDrift = false;
    this.inWarning = false;
    this.total = emptySample();
    this.increaseCut = emptySample();
    this.afterIncreaseCut = emptySample();
    this.decreaseCut = emptySample();
    this.afterDecreaseCut = emptySample();
    this.increaseCutPoint = Infinity;
    this.decreaseCutPoint = this.matchScikitMultiflow ? Infinity : -Infinity;
    this.sampleCount = 0;
  }

  /** Moves the increase cut point here when EWMA + bound is a new minimum, else extends the after-cut EWMA. */
  private updateIncreaseCut(x: number): void {
    const level = this.total.ewma + this.bound(this.total.squaredWeightSum, this.driftConfidence);
    if (level < this.increaseCutPoint) {
      this.increaseCutPoint = level;
      this.increaseCut = { ...this.total };
      this.afterIncreaseCut = emptySample();
    } else {
      this.addTo(this.afterIncreaseCut, x);
    }
  }

  /** Moves the decrease cut point here when EWMA − bound is a new maximum, else extends the after-cut EWMA. */
  private updateDecreaseCut(x: number): void {
    const level = this.total.ewma - this.bound(this.total.squaredWeightSum, this.driftConfidence);
    if (level > this.decreaseCutPoint) {
      this.decreaseCutPoint = level;
      this.decreaseCut = { ...this.total };
      this.afterDecreaseCut = emptySample();
    } else {
      this.addTo(this.afterDecreaseCut, x);
    }
  }

  /** W-test: does `later` exceed `earlier` by more than the McDiarmid bound of both? */
  private exceeds(earlier: EwmaSample, later: EwmaSample, confidence: number): boolean {
    if (!earlier.initialised || !later.initialised) return false;
    return later.ewma - earlier.ewma > this.bound(earlier.squaredWeightSum + later.squaredWeightSum, confidence);
  }

  private bound(squaredWeightSum: number, confidence: number): number {
    return Math.sqrt((squaredWeightSum * Math.log(1 / confidence)) / 2);
  }

  private addTo(sample: EwmaSample, x: number): void {
    if (!sample.initialised) {
      sample.ewma = x;
      sample.squaredWeightSum = 1;
      sample.initialised = true;
      return;
    }
    const decay = 1 - this.lambda;
    sample.ewma = this.lambda * x + decay * sample.ewma;
    sample.squaredWeightSum = this.lambda * this.lambda + decay * decay * sample.squaredWeightSum;
  }
}

function emptySample(): EwmaSample {
  return { ewma: NaN, squaredWeightSum: 0, initialised: false };
}

function valueOf(sample: EwmaSample): number {
  return sample.initialised ? sample.ewma : NaN;
}
