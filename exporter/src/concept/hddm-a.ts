import { DetectorBase } from './detector-base.js';
import { checkBoolean, checkKnownKeys, checkNumber } from './options.js';

/** Options of {@link HddmA}; defaults are scikit-multiflow's (and MOA's). */
export interface HddmAOptions {
  /** Significance of the drift test. Default 0.001. */
  driftConfidence?: number;
  /** Significance of the warning test. Default 0.005. */
  warningConfidence?: number;
  /** Also watch for significant decreases (which restart the statistics without a drift flag). Default true. */
  twoSided?: boolean;
}

/** Gauges of {@link HddmA}. */
export type HddmAState = {
  /** Mean of the values since the last restart (or of the detected segment right after a restart; 0 when none). */
  readonly estimation: number;
  /** Mean since the last restart (NaN right after a restart). */
  readonly mean: number;
  /** Values since the last restart. */
  readonly sampleCount: number;
  /** Mean of the prefix that minimises mean + Hoeffding bound (the reference level; NaN when none). */
  readonly minMean: number;
};

const knownOptions = ['driftConfidence', 'warningConfidence', 'twoSided'] as const;

/**
 * HDDM_A (Frías-Blanco et al. 2015, "A-test"): compares the running mean with the mean of the prefix
 * whose mean + Hoeffding bound was lowest; drift when the increase exceeds
 * sqrt(m/2 · ln(2/α)), m = (n − n_cut)/(n_cut · n), at α = driftConfidence (warning at
 * warningConfidence). Input: error bits or any values in [0, 1].
 *
 * Matches scikit-multiflow `HDDM_A(drift_confidence, warning_confidence, two_side_option)`:
 * `add_element(x)` then `detected_change()` / `detected_warning_zone()`. The counters restart AT
 * the detection (not on the next update); with `twoSided`, a significant decrease restarts them
 * silently. Cost per update: O(1).
 *
 * @example
 * const hddm = new HddmA({ twoSided: false });
 * hddm.update(0).driftDetected; // false
 */
export class HddmA extends DetectorBase<HddmAState> {
  readonly name = 'HDDM_A';
  readonly input = 'error-rate' as const;
  readonly driftConfidence: number;
  readonly warningConfidence: number;
  readonly twoSided: boolean;

  private nMin = 0;
  private cMin = 0;
  private totalN = 0;
  private totalC = 0;
  private nMax = 0;
  private cMax = 0;
  private nEstimation = 0;
  private cEstimation = 0;
  private estimation = 0;

  constructor(options: HddmAOptions = {}) {
    super();
    checkKnownKeys('HDDM_A', options, knownOptions);
    const open = { min: 0, max: 1, minExclusive: true, maxExclusive: true };
    this.driftConfidence = checkNumber('options.driftConfidence', options.driftConfidence ?? 0.001, open);
    this.warningConfidence = checkNumber('options.warningConfidence', options.warningConfidence ?? 0.005, open);
    this.twoSided = checkBoolean('options.twoSided', options.twoSided ?? true);
    this.clear();
  }

  get state(): HddmAState {
    return {
      estimation: this.estimation,
      mean: this.totalC / this.totalN,
      sampleCount: this.totalN,
      minMean: this.cMin / this.nMin,
    };
  }

  protected accept(x: number): void {
    this.totalN += 1;
    this.totalC += x;
    if (this.nMin === 0) {
      this.nMin = this.totalN;
      this.cMin = this.totalC;
    }
    if (this.nMax === 0) {
      this.nMax = this.totalN;
      this.cMax = this.totalC;
    }

    const logInverseDrift = Math.log(1 / this.driftConfidence);
    const totalBound = Math.sqrt((1 / (2 * this.totalN)) * logInverseDrift);
    const mean = this.totalC / this.totalN;
    if (this.cMin / this.nMin + Math.sqrt((1 / (2 * this.nMin)) * logInverseDrift) >= mean + totalBound) {
      this.cMin = this.totalC;
      this.nMin = this.totalN;
    }
    if (this.cMax / this.nMax - Math.sqrt((1 / (2 * this.nMax)) * logInverseDrift) <= mean - totalBound) {
      this.cMax = this.totalC;
      this.nMax = this.totalN;
    }

    const increase = mean - this.cMin / this.nMin;
    if (increase >= aTestBound(this.nMin, this.totalN, this.driftConfidence)) {
      this.nEstimation = this.totalN - this.nMin;
      this.cEstimation = this.totalC - this.cMin;
      this.restartCounters();
      this.inDrift = true;
      this.inWarning = false;
    } else {
      this.inDrift = false;
      this.inWarning = increase >= aTestBound(this.nMin, this.totalN, this.warningConfidence);
    }

    if (this.twoSided && this.cMax / this.nMax - this.totalC / this.totalN >= aTestBound(this.nMax, this.totalN, this.driftConfidence)) {
      this.nEstimation = this.totalN - this.nMax;
      this.cEstimation = this.totalC - this.cMax;
      this.restartCounters();
    }
    this.updateEstimation();
  }

  protected clear(): void {
    this.restartCounters();
    this.nEstimation = 0;
    this.cEstimation = 0;
    this.estimation = 0;
  }

  private restartCounters(): void {
    this.nMin = 0;
    this.cMin = 0;
    this.totalN = 0;
    this.totalC = 0;
    this.nMax = 0;
    this.cMax = 0;
  }

  private updateEstimation(): void {
    if (this.totalN >= this.nEstimation) {
      this.nEstimation = 0;
      this.cEstimation = 0;
      this.estimation = this.totalN === 0 ? 0 : this.totalC / this.totalN;
    } else {
      this.estimation = this.cEstimation / this.nEstimation;
    }
  }
}

/**
 * Bound of the A-test between the cut prefix (n_cut values) and the whole run (n values):
 * sqrt(m/2 · ln(2/α)), m = (n − n_cut)/(n_cut · n); +Infinity when the cut is the whole run
 * (no test, as in the reference).
 */
function aTestBound(cutCount: number, totalCount: number, confidence: number): number {
  if (cutCount === totalCount) return Infinity;
  const m = ((totalCount - cutCount) / cutCount) * (1 / totalCount);
  return Math.sqrt((m / 2) * Math.log(2 / confidence));
}
