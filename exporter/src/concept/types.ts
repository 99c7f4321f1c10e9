/**
 * The contract shared by every streaming concept-drift detector (River-like, see
 * `river/base/drift_detector.py`): feed one value with `update`, then read the flags.
 */

/** Inspectable numbers of a detector, for gauges (e.g. ADWIN width, DDM p + s, Page-Hinkley sum). */
export type DetectorState = Readonly<Record<string, number>>;

/** What a detector watches: an error stream (0 = correct, 1 = error; HDDM also accepts [0, 1]) or any numeric value. */
export type DetectorInput = 'error-rate' | 'numeric';

/**
 * A streaming concept-drift detector.
 *
 * Per accepted value, `update(x)` does what scikit-multiflow's `add_element(x)` followed by
 * `detected_change()` / `detected_warning_zone()` does, including the detector's own reset after a
 * drift (some reset at the start of the following update, as their source does).
 *
 * `update` never throws: a value the detector cannot use (NaN, ±Infinity, a non-number, or for
 * error-rate detectors a value outside [0, 1]) is ignored and counted in `ignoredCount`; the flags
 * then read false for that update and the internal state is left untouched.
 */
export interface DriftDetector<S extends DetectorState = DetectorState> {
  /** Registry name, e.g. 'ADWIN'. */
  readonly name: string;
  /** Kind of input the detector is designed for. */
  readonly input: DetectorInput;
  /** True when the last update detected a drift. */
  readonly driftDetected: boolean;
  /** True when the last update is in the warning zone (always false for detectors without one). */
  readonly warningDetected: boolean;
  /** Values ignored since construction or the last `reset()`. */
  readonly ignoredCount: number;
  /** Values accepted since construction or the last `reset()`. */
  readonly acceptedCount: number;
  /** Drifts detected since construction or the last `reset()`. */
  readonly driftCount: number;
  /** A fresh snapshot of the detector's inspectable statistics. */
  readonly state: S;
  /** Adds one value; returns the detector so `detector.update(x).driftDetected` reads naturally. */
  update(x: number): this;
  /** Returns the detector to its freshly constructed state. */
  reset(): this;
}
