import { z } from 'zod';
import { assertArrayLike, assertFiniteNumbers, assertPairedRows } from '../stats/metric-arguments.js';
import { CbpeAccumulator, DEFAULT_CBPE_AUC_BINS, type CbpeCalibration } from './cbpe-accumulator.js';
import type { CbpeEstimate } from './cbpe-estimate.js';
import { cbpeSamplingErrors } from './cbpe-sampling-error.js';
import { metricsFromExpectedConfusion } from './expected-confusion.js';
import { expectedRocAuc, expectedRocAucStandardError } from './expected-roc-auc.js';
import { IsotonicCalibrationMap, type IsotonicCalibrationMapJson } from './isotonic-calibration-map.js';
import { fitIsotonicRegression } from './isotonic-regression.js';

/** Reference data for {@link fitCbpe}: labelled scores of a binary classifier. */
export interface CbpeFitOptions {
  /** The model's scores on the reference data (finite; usually P(y = 1) in [0, 1]). */
  readonly scores: ArrayLike<number>;
  /** True labels, 0/1 or false/true, one per score; both classes must occur. */
  readonly labels: ArrayLike<number | boolean>;
  /** A score at or above it is predicted positive. Default 0.5. */
  readonly threshold?: number;
}

/** Serialised {@link CbpeModel}, e.g. for a reference profile. */
export interface CbpeModelJson {
  readonly type: 'modelwatch.cbpe';
  readonly version: 1;
  readonly threshold: number;
  readonly calibration: IsotonicCalibrationMapJson;
}

const modelJsonSchema = z.object({
  type: z.literal('modelwatch.cbpe'),
  version: z.literal(1),
  threshold: z.number(),
  calibration: z.unknown(),
});

/**
 * A fitted CBPE model: the isotonic calibration map learnt on the reference and the decision
 * threshold. Pure and immutable; build it with {@link fitCbpe} or {@link CbpeModel.fromJSON}.
 *
 * Assumptions (NannyML's): the calibration learnt on the reference still holds in production,
 * i.e. P(y | x) is unchanged (no concept shift) and only the input distribution moves (covariate
 * shift). Under concept shift the estimate keeps describing the reference relationship and can
 * be arbitrarily wrong, typically optimistic.
 */
export class CbpeModel implements CbpeCalibration {
  /**
   * @param calibration monotone map from raw score to P(y = 1), values in [0, 1].
   * @param threshold a score at or above it is predicted positive (finite).
   * @throws RangeError on a non-finite threshold or calibration values outside [0, 1].
   */
  constructor(
    readonly calibration: IsotonicCalibrationMap,
    readonly threshold: number,
  ) {
    if (!(calibration instanceof IsotonicCalibrationMap)) throw new TypeError('calibration must be an IsotonicCalibrationMap');
    if (typeof threshold !== 'number' || !Number.isFinite(threshold)) throw new RangeError(`threshold must be a finite number, got ${String(threshold)}`);
    calibration.y.forEach((value, i) => {
      if (value < 0 || value > 1) throw new RangeError(`calibration values must be probabilities in [0, 1]; knot ${i} is ${value}`);
    });
  }

  /**
   * Calibrated probability that a row with this score is positive.
   * @throws RangeError when `score` is not finite.
   */
  calibrate(score: number): number {
    return this.calibration.predict(score);
  }

  /** Whether `other` has the same threshold and calibration knots (so their accumulators merge). */
  hasSameCalibration(other: CbpeCalibration): boolean {
    if (other === this) return true;
    if (!(other instanceof CbpeModel) || other.threshold !== this.threshold) return false;
    const [a, b] = [this.calibration, other.calibration];
    return a.x.length === b.x.length && a.x.every((x, i) => x === b.x[i] && a.y[i] === b.y[i]);
  }

  /**
   * Estimates the window's performance from its scores alone (exact path: sorts the window for
   * the AUC). See {@link CbpeEstimate}; `rocAucBinningErrorBound` is 0 here.
   *
   * @param scores the window's raw scores (finite; may be empty: all ratios NaN).
   * @param predictions the model's decisions (0/1 or boolean), default `score >= threshold`.
   * @throws RangeError/TypeError on non-finite scores or predictions of another length.
   */
  estimate(scores: ArrayLike<number>, predictions?: ArrayLike<number | boolean>): CbpeEstimate {
    assertArrayLike('scores', scores);
    assertFiniteNumbers('scores', scores);
    if (predictions !== undefined) {
      assertArrayLike('predictions', predictions);
      if (predictions.length !== scores.length) {
        throw new RangeError(`scores and predictions must have the same length, got ${scores.length} and ${predictions.length}`);
      }
      assertBinary('predictions', predictions);
    }
    let truePositive = 0;
    let falsePositive = 0;
    let falseNegative = 0;
    let trueNegative = 0;
    const probabilities = new Float64Array(scores.length);
    for (let i = 0; i < scores.length; i++) {
      const score = scores[i] as number;
      const p = this.calibrate(score);
      probabilities[i] = p;
      const positive = predictions === undefined ? score >= this.threshold : Boolean(predictions[i]);
      if (positive) {
        truePositive += p;
        falsePositive += 1 - p;
      } else {
        falseNegative += p;
        trueNegative += 1 - p;
      }
    }
    const expectedConfusion = { truePositive, falsePositive, falseNegative, trueNegative };
    const metrics = metricsFromExpectedConfusion(expectedConfusion);
    const rocAuc = expectedRocAuc(probabilities);
    return {
      windowSize: scores.length,
      expectedConfusion,
      ...metrics,
      rocAuc,
      rocAucBinningErrorBound: 0,
      samplingError: cbpeSamplingErrors(scores.length, expectedConfusion, metrics, expectedRocAucStandardError(probabilities)),
    };
  }

  /**
   * A streaming, mergeable accumulator for one window (or a slice of one).
   * @param bins probability bins for the AUC histogram (default 200; error bound in the estimate).
   */
  createAccumulator(bins: number = DEFAULT_CBPE_AUC_BINS): CbpeAccumulator {
    return new CbpeAccumulator(this, bins);
  }

  /** Plain JSON state (threshold and calibration knots). */
  toJSON(): CbpeModelJson {
    return { type: 'modelwatch.cbpe', version: 1, threshold: this.threshold, calibration: this.calibration.toJSON() };
  }

  /**
   * Rebuilds a model from {@link CbpeModel.toJSON} output.
   * @throws TypeError when `json` is not a version-1 CBPE model; RangeError on invalid content.
   */
  static fromJSON(json: unknown): CbpeModel {
    const parsed = modelJsonSchema.safeParse(json);
    if (!parsed.success) throw new TypeError(`not a CBPE model (version 1): ${parsed.error.message}`);
    return new CbpeModel(IsotonicCalibrationMap.fromJSON(parsed.data.calibration), parsed.data.threshold);
  }
}

function assertBinary(name: string, values: ArrayLike<unknown>): asserts values is ArrayLike<number | boolean> {
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value !== 0 && value !== 1 && value !== true && value !== false) {
      throw new RangeError(`${name}[${i}] must be 0, 1, false or true, got ${String(value)}`);
    }
  }
}

/**
 * Fits Confidence-Based Performance Estimation (NannyML `CBPE(problem_type='classification_binary')`)
 * on labelled reference scores: an isotonic calibration of labels on scores, as NannyML's
 * `IsotonicCalibrator` (scikit-learn `IsotonicRegression(out_of_bounds='clip')`), always applied
 * (NannyML applies it only when cross-validated calibration error improves; on a calibrated
 * model isotonic calibration is close to the identity).
 *
 * @throws RangeError/TypeError on empty or unequal inputs, non-finite scores, labels other than
 * 0/1/false/true, a bad threshold, or a reference with only one class.
 * @example
 * const model = fitCbpe({ scores: referenceScores, labels: referenceLabels });
 * model.estimate(windowScores).accuracy
 */
export function fitCbpe(options: CbpeFitOptions): CbpeModel {
  if (typeof options !== 'object' || options === null) throw new TypeError('fitCbpe needs an options object { scores, labels, threshold? }');
  const { scores, labels, threshold = 0.5 } = options;
  assertPairedRows('scores', scores, 'labels', labels);
  assertFiniteNumbers('scores', scores);
  assertBinary('labels', labels);
  const targets = Array.from(labels, (label) => (label === true || label === 1 ? 1 : 0));
  const positives = targets.reduce<number>((sum, t) => sum + t, 0);
  if (positives === 0 || positives === targets.length) {
    throw new RangeError(`labels contain only class ${positives === 0 ? 0 : 1}; CBPE calibration needs both classes in the reference`);
  }
  return new CbpeModel(fitIsotonicRegression(scores, targets), threshold);
}
