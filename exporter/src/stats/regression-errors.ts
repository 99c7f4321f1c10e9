import { assertFiniteNumbers, assertPairedRows } from './metric-arguments.js';
import { numpyMean, numpySum } from './numpy-sum.js';
import { RegressionErrorAccumulator, assertQuantileLevel, r2FromSums } from './regression-error-accumulator.js';

/**
 * Batch regression metrics on 1-D inputs, matching scikit-learn 1.2.1 `sklearn.metrics` with
 * `sample_weight=None` and `multioutput='uniform_average'`. All but `r2Score` are read from a
 * {@link RegressionErrorAccumulator}, so the streaming monitor reports the same numbers.
 * Error e = yTrue − yPred.
 */

function accumulate(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): RegressionErrorAccumulator {
  assertPairedRows('yTrue', yTrue, 'yPred', yPred);
  assertFiniteNumbers('yTrue', yTrue);
  assertFiniteNumbers('yPred', yPred);
  const accumulator = new RegressionErrorAccumulator();
  for (let i = 0; i < yTrue.length; i++) accumulator.record(yTrue[i] as number, yPred[i] as number);
  return accumulator;
}

/**
 * Mean absolute error mean|e|, as `sklearn.metrics.mean_absolute_error(y_true, y_pred)`.
 * @throws RangeError on empty or unequal-length inputs or a NaN/infinite value (so for every function here).
 * @example meanAbsoluteError([3, -0.5, 2, 7], [2.5, 0, 2, 8]) // 0.5
 */
export function meanAbsoluteError(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  return accumulate(yTrue, yPred).meanAbsoluteError();
}

/**
 * Mean squared error mean(e²), as `sklearn.metrics.mean_squared_error(y_true, y_pred)`.
 * @example meanSquaredError([3, -0.5, 2, 7], [2.5, 0, 2, 8]) // 0.375
 */
export function meanSquaredError(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  return accumulate(yTrue, yPred).meanSquaredError();
}

/**
 * Root mean squared error sqrt(mean(e²)), as `sklearn.metrics.mean_squared_error(y_true, y_pred, squared=False)`.
 * @example rootMeanSquaredError([3, -0.5, 2, 7], [2.5, 0, 2, 8]) // 0.6123724356957945
 */
export function rootMeanSquaredError(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  return accumulate(yTrue, yPred).rootMeanSquaredError();
}

/**
 * Mean absolute percentage error mean(|e| / max(|yTrue|, ε)), ε = float64 machine epsilon, as
 * `sklearn.metrics.mean_absolute_percentage_error(y_true, y_pred)`. A FRACTION (0.1 = 10 %), not ×100;
 * a zero `yTrue` with a non-zero error gives a huge value (|e| / 2.2e-16), as scikit-learn.
 * @example meanAbsolutePercentageError([1, 10], [1.5, 9]) // 0.3
 */
export function meanAbsolutePercentageError(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  return accumulate(yTrue, yPred).meanAbsolutePercentageError();
}

/**
 * Mean pinball (quantile) loss mean(α·max(e, 0) + (1 − α)·max(−e, 0)), as
 * `sklearn.metrics.mean_pinball_loss(y_true, y_pred, alpha=alpha)`: under-prediction weighs α.
 * α = 0.5 gives half the MAE.
 * @throws RangeError also unless 0 <= alpha <= 1.
 * @example meanPinballLoss([10, 10], [8, 13], 0.9) // 1.05
 */
export function meanPinballLoss(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, alpha = 0.5): number {
  assertQuantileLevel(alpha);
  return accumulate(yTrue, yPred).meanPinballLoss(alpha);
}

/**
 * Coefficient of determination R² = 1 − SS_res / SS_tot, as `sklearn.metrics.r2_score(y_true, y_pred)`
 * (force_finite=True): when SS_tot = 0 (constant yTrue) it is 1 if SS_res = 0, else 0; fewer than
 * two rows give NaN (scikit-learn warns and returns nan). Can be negative (worse than the mean).
 *
 * Sums run in numpy's order, so whether SS_tot is exactly 0 is decided as scikit-learn decides it
 * (e.g. yTrue = [0.1, 0.1, 0.1] has a mean of 0.10000000000000002 in float64, hence a tiny non-zero
 * SS_tot and a huge negative R² in scikit-learn and here). The streaming accumulator's `r2()`
 * treats a constant yTrue as exactly constant instead.
 * @example r2Score([3, -0.5, 2, 7], [2.5, 0, 2, 8]) // 0.9486081370449679
 */
export function r2Score(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  assertPairedRows('yTrue', yTrue, 'yPred', yPred);
  assertFiniteNumbers('yTrue', yTrue);
  assertFiniteNumbers('yPred', yPred);
  const n = yTrue.length;
  const truthMean = numpyMean(yTrue);
  const squaredErrors = new Float64Array(n);
  const squaredDeviations = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    squaredErrors[i] = ((yTrue[i] as number) - (yPred[i] as number)) ** 2;
    squaredDeviations[i] = ((yTrue[i] as number) - truthMean) ** 2;
  }
  return r2FromSums(numpySum(squaredErrors), numpySum(squaredDeviations), n);
}
