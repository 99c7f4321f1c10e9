import { z } from 'zod';
import { QuantileSketch } from '../sketches/quantile-sketch.js';
import { assertQuantileLevel, r2FromSums } from '../stats/regression-error-accumulator.js';
import { CompensatedSum } from './compensated-sum.js';
import { assertIntegerOption, parseAccumulatorJson } from './parse-accumulator-json.js';
import { meanStandardError, rmseStandardError } from './sampling-error.js';

/** Options of {@link RegressionAccumulator}. */
export interface RegressionAccumulatorOptions {
  /** Quantile levels α in [0, 1] whose pinball loss `result()` reports. Default [0.1, 0.5, 0.9]. */
  quantiles?: readonly number[];
  /** Absolute errors kept exactly for the median absolute error before only the sketch remains. Default 4 096. */
  maxExactErrors?: number;
  /** Relative accuracy α of the |error| quantile sketch. Default 0.01. */
  sketchRelativeAccuracy?: number;
}

/**
 * Standard errors (sampling errors) of the window's metrics, see `sampling-error.ts`; NaN with
 * fewer than 2 rows (and for RMSE when it is 0).
 */
export interface RegressionStandardErrors {
  /** Sample standard deviation of |e| / √n. */
  meanAbsoluteError: number;
  /** Delta method: SE(mean of e²) / (2·RMSE). */
  rootMeanSquaredError: number;
  /** Sample standard deviation of |e|/max(|y|, ε) / √n. */
  meanAbsolutePercentageError: number;
}

/** What {@link RegressionAccumulator.result} reports; names follow the batch functions. */
export interface RegressionResult {
  count: number;
  /** Rows left out: a truth or prediction that is not a finite number. */
  skipped: number;
  meanAbsoluteError: number;
  meanSquaredError: number;
  rootMeanSquaredError: number;
  /** A fraction, as scikit-learn's `mean_absolute_percentage_error`. */
  meanAbsolutePercentageError: number;
  r2: number;
  /** `meanPinballLoss` at each configured quantile, keyed by α as written by `String(α)`. */
  pinballLoss: Record<string, number>;
  medianAbsoluteError: number;
  /** Whether the median absolute error is exact (else read from the sketch). */
  medianAbsoluteErrorExact: boolean;
  /** |medianAbsoluteError − exact| ≤ this bound (0 while exact). */
  medianAbsoluteErrorBound: number;
  /** Sampling error of MAE, RMSE and MAPE over this window. */
  standardErrors: RegressionStandardErrors;
}

/** JSON form (type tag `regression-accumulator`). */
export interface RegressionAccumulatorJson {
  type: 'regression-accumulator';
  quantiles: number[];
  maxExactErrors: number;
  count: number;
  skipped: number;
  underPrediction: [number, number];
  overPrediction: [number, number];
  squaredError: [number, number];
  relativeError: [number, number];
  /** Σe⁴ and Σ(|e|/max(|y|, ε))², for the sampling errors. */
  fourthPowerError: [number, number];
  squaredRelativeError: [number, number];
  truthMean: number;
  truthSquaredDeviation: number;
  exactErrors: number[] | null;
  sketch: unknown;
}

const sumPair = z.tuple([z.number(), z.number()]);
const jsonSchema = z.object({
  type: z.literal('regression-accumulator'),
  quantiles: z.array(z.number().min(0).max(1)),
  maxExactErrors: z.number().int().nonnegative(),
  count: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
  underPrediction: sumPair,
  overPrediction: sumPair,
  squaredError: sumPair,
  relativeError: sumPair,
  fourthPowerError: sumPair,
  squaredRelativeError: sumPair,
  truthMean: z.number(),
  truthSquaredDeviation: z.number().nonnegative(),
  exactErrors: z.array(z.number().nonnegative()).nullable(),
  sketch: z.unknown(),
});

const DEFAULT_QUANTILES = [0.1, 0.5, 0.9];
const DEFAULT_MAX_EXACT_ERRORS = 4_096;

/**
 * Streaming, mergeable regression errors (e = yTrue − yPred), reproducing scikit-learn 1.2.1
 * `mean_absolute_error`, `mean_squared_error` (and `squared=False`), `mean_absolute_percentage_error`,
 * `r2_score` (force_finite) and `mean_pinball_loss(alpha=α)` up to float rounding: compensated sums of
 * max(e, 0), max(−e, 0), e², |e|/max(|yTrue|, ε) and Welford/Chan moments of yTrue.
 *
 * `median_absolute_error` cannot be exact in bounded memory: the first `maxExactErrors` |e| are kept
 * (exact, numpy.median), and every |e| also goes into a {@link QuantileSketch} (relative accuracy α,
 * 32 KiB). Past the limit the median is the mean of the sketch's lower and upper middle values,
 * within α·(upper middle |e|) of the exact median (reported as `medianAbsoluteErrorBound`).
 *
 * `record` never throws: a non-finite pair is counted in `skipped`. Memory ≤ {@link maxBytes}.
 *
 * @example
 * const acc = new RegressionAccumulator();
 * acc.record(3, 2.5).record(-0.5, 0).record(2, 2).record(7, 8);
 * acc.result().meanAbsoluteError // 0.5
 */
export class RegressionAccumulator {
  readonly quantiles: readonly number[];
  readonly maxExactErrors: number;
  private rows = 0;
  private skippedRows = 0;
  private underPrediction = new CompensatedSum();
  private overPrediction = new CompensatedSum();
  private squaredError = new CompensatedSum();
  private relativeError = new CompensatedSum();
  private fourthPowerError = new CompensatedSum();
  private squaredRelativeError = new CompensatedSum();
  private truthMean = 0;
  private truthSquaredDeviation = 0;
  private exactErrors: number[] | null = [];
  private sketch: QuantileSketch;

  /** @throws RangeError on a quantile outside [0, 1], a bad maxExactErrors or sketch accuracy. */
  constructor(options: RegressionAccumulatorOptions = {}) {
    const quantiles = options.quantiles ?? DEFAULT_QUANTILES;
    if (!Array.isArray(quantiles)) throw new TypeError(`options.quantiles must be an array of levels in [0, 1], got ${typeof quantiles}`);
    quantiles.forEach((alpha) => assertQuantileLevel(alpha));
    this.quantiles = [...quantiles];
    this.maxExactErrors = options.maxExactErrors ?? DEFAULT_MAX_EXACT_ERRORS;
    assertIntegerOption('options.maxExactErrors', this.maxExactErrors, 0);
    this.sketch = QuantileSketch.create({ relativeAccuracy: options.sketchRelativeAccuracy ?? 0.01 });
  }

  /** Rows counted so far. */
  get count(): number {
    return this.rows;
  }

  /** Counts one (truth, prediction) pair; never throws (a non-finite pair is counted in `skipped`). */
  record(yTrue: number, yPred: number): this {
    if (typeof yTrue !== 'number' || typeof yPred !== 'number' || !Number.isFinite(yTrue) || !Number.isFinite(yPred)) {
      this.skippedRows++;
      return this;
    }
    const error = yTrue - yPred;
    const absoluteError = Math.abs(error);
    this.rows++;
    if (error >= 0) this.underPrediction.add(error);
    else this.overPrediction.add(-error);
    const squared = error * error;
    const relative = absoluteError / Math.max(Math.abs(yTrue), Number.EPSILON);
    this.squaredError.add(squared);
    this.fourthPowerError.add(squared * squared);
    this.relativeError.add(relative);
    this.squaredRelativeError.add(relative * relative);
    const deviation = yTrue - this.truthMean;
    this.truthMean += deviation / this.rows;
    this.truthSquaredDeviation += deviation * (yTrue - this.truthMean);
    this.keepAbsoluteError(absoluteError);
    return this;
  }

  /**
   * A new accumulator holding both inputs' rows (neither changes); the median stays exact while the
   * combined rows fit in `maxExactErrors`.
   * @throws RangeError when quantiles, maxExactErrors or the sketch accuracy differ.
   */
  merge(other: RegressionAccumulator): RegressionAccumulator {
    if (JSON.stringify(this.quantiles) !== JSON.stringify(other.quantiles) || this.maxExactErrors !== other.maxExactErrors || this.sketch.relativeAccuracy !== other.sketch.relativeAccuracy) {
      throw new RangeError('cannot merge regression accumulators with different quantiles, maxExactErrors or sketchRelativeAccuracy');
    }
    const merged = new RegressionAccumulator(this.options());
    const rows = this.rows + other.rows;
    merged.rows = rows;
    merged.skippedRows = this.skippedRows + other.skippedRows;
    merged.underPrediction = this.underPrediction.merge(other.underPrediction);
    merged.overPrediction = this.overPrediction.merge(other.overPrediction);
    merged.squaredError = this.squaredError.merge(other.squaredError);
    merged.relativeError = this.relativeError.merge(other.relativeError);
    merged.fourthPowerError = this.fourthPowerError.merge(other.fourthPowerError);
    merged.squaredRelativeError = this.squaredRelativeError.merge(other.squaredRelativeError);
    if (rows > 0) {
      const meanGap = other.truthMean - this.truthMean;
      merged.truthMean = this.truthMean + (meanGap * other.rows) / rows;
      merged.truthSquaredDeviation = this.truthSquaredDeviation + other.truthSquaredDeviation + (meanGap * meanGap * this.rows * other.rows) / rows;
    }
    merged.exactErrors = this.exactErrors !== null && other.exactErrors !== null && rows <= this.maxExactErrors ? [...this.exactErrors, ...other.exactErrors] : null;
    merged.sketch = this.sketch.merge(other.sketch);
    return merged;
  }

  /** Every metric so far (NaN before any row; never throws). */
  result(): RegressionResult {
    const n = this.rows;
    const under = this.underPrediction.value;
    const over = this.overPrediction.value;
    const meanSquaredError = this.squaredError.value / n;
    const pinballLoss: Record<string, number> = {};
    for (const alpha of this.quantiles) pinballLoss[String(alpha)] = (alpha * under + (1 - alpha) * over) / n;
    const median = this.medianAbsoluteError();
    return {
      count: n,
      skipped: this.skippedRows,
      meanAbsoluteError: (under + over) / n,
      meanSquaredError,
      rootMeanSquaredError: Math.sqrt(meanSquaredError),
      meanAbsolutePercentageError: this.relativeError.value / n,
      r2: r2FromSums(this.squaredError.value, this.truthSquaredDeviation, n),
      pinballLoss,
      medianAbsoluteError: median.value,
      medianAbsoluteErrorExact: median.exact,
      medianAbsoluteErrorBound: median.bound,
      standardErrors: {
        meanAbsoluteError: meanStandardError(under + over, this.squaredError.value, n),
        rootMeanSquaredError: rmseStandardError(this.squaredError.value, this.fourthPowerError.value, n),
        meanAbsolutePercentageError: meanStandardError(this.relativeError.value, this.squaredRelativeError.value, n),
      },
    };
  }

  /** Approximate bytes held now. */
  approxBytes(): number {
    return 512 + 8 * (this.exactErrors?.length ?? 0) + this.sketch.approxBytes();
  }

  /** Upper bound of {@link approxBytes}: 8·maxExactErrors + the sketch's 16·binLimit + constants. */
  maxBytes(): number {
    return 512 + 8 * this.maxExactErrors + 256 + 16 * this.sketch.binLimit;
  }

  toJSON(): RegressionAccumulatorJson {
    return {
      type: 'regression-accumulator',
      quantiles: [...this.quantiles],
      maxExactErrors: this.maxExactErrors,
      count: this.rows,
      skipped: this.skippedRows,
      underPrediction: this.underPrediction.toJSON(),
      overPrediction: this.overPrediction.toJSON(),
      squaredError: this.squaredError.toJSON(),
      relativeError: this.relativeError.toJSON(),
      fourthPowerError: this.fourthPowerError.toJSON(),
      squaredRelativeError: this.squaredRelativeError.toJSON(),
      truthMean: this.truthMean,
      truthSquaredDeviation: this.truthSquaredDeviation,
      exactErrors: this.exactErrors === null ? null : [...this.exactErrors],
      sketch: this.sketch.toJSON(),
    };
  }

  /** Reads back `toJSON()` (after JSON.stringify/parse). @throws TypeError naming the bad field. */
  static fromJSON(json: unknown): RegressionAccumulator {
    const data = parseAccumulatorJson('RegressionAccumulator', jsonSchema, json);
    const sketch = QuantileSketch.fromJSON(data.sketch);
    const restored = new RegressionAccumulator({ quantiles: data.quantiles, maxExactErrors: data.maxExactErrors, sketchRelativeAccuracy: sketch.relativeAccuracy });
    if (data.exactErrors !== null && data.exactErrors.length !== data.count) throw new TypeError('RegressionAccumulator.fromJSON: exactErrors: must hold one error per counted row');
    restored.rows = data.count;
    restored.skippedRows = data.skipped;
    restored.underPrediction = CompensatedSum.fromJSON(data.underPrediction);
    restored.overPrediction = CompensatedSum.fromJSON(data.overPrediction);
    restored.squaredError = CompensatedSum.fromJSON(data.squaredError);
    restored.relativeError = CompensatedSum.fromJSON(data.relativeError);
    restored.fourthPowerError = CompensatedSum.fromJSON(data.fourthPowerError);
    restored.squaredRelativeError = CompensatedSum.fromJSON(data.squaredRelativeError);
    restored.truthMean = data.truthMean;
    restored.truthSquaredDeviation = data.truthSquaredDeviation;
    restored.exactErrors = data.exactErrors;
    restored.sketch = sketch;
    return restored;
  }

  private options(): RegressionAccumulatorOptions {
    return { quantiles: this.quantiles, maxExactErrors: this.maxExactErrors, sketchRelativeAccuracy: this.sketch.relativeAccuracy };
  }

  private keepAbsoluteError(absoluteError: number): void {
    this.sketch.add(absoluteError);
    if (this.exactErrors === null) return;
    if (this.exactErrors.length < this.maxExactErrors) this.exactErrors.push(absoluteError);
    else this.exactErrors = null;
  }

  private medianAbsoluteError(): { value: number; exact: boolean; bound: number } {
    const n = this.rows;
    if (n === 0) return { value: Number.NaN, exact: this.exactErrors !== null, bound: Number.NaN };
    if (this.exactErrors !== null) {
      const sorted = Float64Array.from(this.exactErrors).sort();
      const middle = n >> 1;
      const value = n % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
      return { value, exact: true, bound: 0 };
    }
    // Lower middle has rank ⌊(n − 1)/2⌋, upper middle rank ⌊n/2⌋ (equal for odd n).
    const lower = this.sketch.quantile(levelOfRank(Math.floor((n - 1) / 2), n));
    const upper = this.sketch.quantile(levelOfRank(Math.floor(n / 2), n));
    return { value: (lower + upper) / 2, exact: false, bound: (this.sketch.relativeAccuracy * upper) / (1 - this.sketch.relativeAccuracy) };
  }
}

/** A level q with ⌊q·(n − 1)⌋ = rank, safe from rounding (QuantileSketch.quantile's rank rule). */
function levelOfRank(rank: number, n: number): number {
  return n <= 1 ? 0 : Math.min(1, (rank + 0.5) / (n - 1));
}
