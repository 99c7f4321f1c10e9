import { assertFiniteNumbers, assertPairedRows } from './metric-arguments.js';

/**
 * Median of |yTrue − yPred| (even count: mean of the two middle values), as scikit-learn 1.2.1
 * `sklearn.metrics.median_absolute_error(y_true, y_pred)` (numpy.median). Robust to outliers.
 * Batch only: an exact median needs every error (stream it through a quantile sketch instead).
 *
 * @throws RangeError on empty or unequal-length inputs or a NaN/infinite value.
 * @example medianAbsoluteError([3, -0.5, 2, 7], [2.5, 0, 2, 8]) // 0.5
 */
export function medianAbsoluteError(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  assertPairedRows('yTrue', yTrue, 'yPred', yPred);
  assertFiniteNumbers('yTrue', yTrue);
  assertFiniteNumbers('yPred', yPred);
  const errors = new Float64Array(yTrue.length);
  for (let i = 0; i < errors.length; i++) errors[i] = Math.abs((yPred[i] as number) - (yTrue[i] as number));
  errors.sort();
  const middle = errors.length >> 1;
  if (errors.length % 2 === 1) return errors[middle] as number;
  return ((errors[middle - 1] as number) + (errors[middle] as number)) / 2;
}
