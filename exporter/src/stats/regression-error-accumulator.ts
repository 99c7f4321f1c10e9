/**
 * Streaming regression errors: fed one (truth, prediction) pair at a time, keeps a handful of sums,
 * mergeable across replicas or time slices. Gives MAE, MSE, RMSE, MAPE, pinball loss at ANY
 * quantile and R², each matching the scikit-learn 1.2.1 batch metric of the same name up to
 * floating-point rounding (see regression-errors.ts). The median absolute error needs every error
 * and is batch only (`medianAbsoluteError`).
 *
 * State: count, Σ max(e, 0) and Σ max(−e, 0) with e = yTrue − yPred (under- and over-prediction;
 * their sum is Σ|e| and any pinball loss is a weighted mix of them), Σ e², Σ |e| / max(|yTrue|, ε),
 * and the mean and centred sum of squares of yTrue (Welford / Chan et al., so a constant yTrue
 * gives exactly 0 and R² follows scikit-learn's force_finite rule).
 */
export class RegressionErrorAccumulator {
  private rows = 0;
  private underPredictionSum = 0;
  private overPredictionSum = 0;
  private squaredErrorSum = 0;
  private relativeErrorSum = 0;
  private truthMean = 0;
  private truthSquaredDeviationSum = 0;

  /** Number of pairs recorded. */
  get count(): number {
    return this.rows;
  }

  /**
   * Adds one pair.
   * @throws RangeError when either value is NaN or infinite (scikit-learn rejects those too).
   */
  record(yTrue: number, yPred: number): this {
    if (!Number.isFinite(yTrue) || !Number.isFinite(yPred)) {
      throw new RangeError(`yTrue and yPred must be finite numbers, got ${yTrue} and ${yPred}`);
    }
    const error = yTrue - yPred;
    this.rows += 1;
    if (error >= 0) this.underPredictionSum += error;
    else this.overPredictionSum -= error;
    this.squaredErrorSum += error * error;
    this.relativeErrorSum += Math.abs(error) / Math.max(Math.abs(yTrue), Number.EPSILON);
    const deviation = yTrue - this.truthMean;
    this.truthMean += deviation / this.rows;
    this.truthSquaredDeviationSum += deviation * (yTrue - this.truthMean);
    return this;
  }

  /** A new accumulator holding both inputs' pairs (neither input changes). */
  merge(other: RegressionErrorAccumulator): RegressionErrorAccumulator {
    const merged = new RegressionErrorAccumulator();
    const rows = this.rows + other.rows;
    merged.rows = rows;
    merged.underPredictionSum = this.underPredictionSum + other.underPredictionSum;
    merged.overPredictionSum = this.overPredictionSum + other.overPredictionSum;
    merged.squaredErrorSum = this.squaredErrorSum + other.squaredErrorSum;
    merged.relativeErrorSum = this.relativeErrorSum + other.relativeErrorSum;
    if (rows > 0) {
      const meanGap = other.truthMean - this.truthMean;
      merged.truthMean = this.truthMean + (meanGap * other.rows) / rows;
      merged.truthSquaredDeviationSum = this.truthSquaredDeviationSum + other.truthSquaredDeviationSum + (meanGap * meanGap * this.rows * other.rows) / rows;
    }
    return merged;
  }

  /** Mean absolute error; NaN before any pair. */
  meanAbsoluteError(): number {
    return (this.underPredictionSum + this.overPredictionSum) / this.rows;
  }

  /** Mean squared error; NaN before any pair. */
  meanSquaredError(): number {
    return this.squaredErrorSum / this.rows;
  }

  /** Square root of the mean squared error; NaN before any pair. */
  rootMeanSquaredError(): number {
    return Math.sqrt(this.meanSquaredError());
  }

  /** Mean of |e| / max(|yTrue|, float64 eps), a fraction (not ×100); NaN before any pair. */
  meanAbsolutePercentageError(): number {
    return this.relativeErrorSum / this.rows;
  }

  /**
   * Mean pinball (quantile) loss at quantile `alpha`: alpha weighs under-prediction, 1 − alpha over-prediction.
   * @throws RangeError unless 0 <= alpha <= 1.
   */
  meanPinballLoss(alpha: number): number {
    assertQuantileLevel(alpha);
    return (alpha * this.underPredictionSum + (1 - alpha) * this.overPredictionSum) / this.rows;
  }

  /** R² with scikit-learn's force_finite rule: constant yTrue gives 1 if every prediction is exact, else 0; NaN below 2 pairs. */
  r2(): number {
    return r2FromSums(this.squaredErrorSum, this.truthSquaredDeviationSum, this.rows);
  }
}

/**
 * R² = 1 − SS_res / SS_tot with scikit-learn's `force_finite=True`: SS_tot = 0 gives 1 when SS_res = 0,
 * else 0; fewer than two rows give NaN (scikit-learn warns and returns nan).
 * @internal
 */
export function r2FromSums(residualSumOfSquares: number, totalSumOfSquares: number, rows: number): number {
  if (rows < 2) return Number.NaN;
  if (residualSumOfSquares === 0) return 1;
  if (totalSumOfSquares === 0) return 0;
  return 1 - residualSumOfSquares / totalSumOfSquares;
}

/** Throws unless `alpha` is a quantile level in [0, 1]. @internal */
export function assertQuantileLevel(alpha: number): void {
  if (typeof alpha !== 'number' || !(alpha >= 0 && alpha <= 1)) {
    throw new RangeError(`alpha must be a quantile level in [0, 1], got ${String(alpha)}`);
  }
}
