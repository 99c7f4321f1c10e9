import { assertFiniteNumbers, assertPairedRows } from '../stats/metric-arguments.js';
import { IsotonicCalibrationMap } from './isotonic-calibration-map.js';
import { poolAdjacentViolators } from './pool-adjacent-violators.js';

/** x values closer than this are one x, as scikit-learn's `_make_unique` (float64 `finfo.resolution`). */
const TIE_RESOLUTION = 1e-15;

/**
 * Non-decreasing isotonic regression of `y` on `x`, matching scikit-learn
 * `IsotonicRegression(increasing=True, out_of_bounds='clip')` fitted on (x, y, sample_weight=weights):
 * - rows with weight 0 are dropped;
 * - rows are sorted by x; tied x (within 1e-15, as sklearn) become one point whose y is the
 *   weighted mean and whose weight is the sum;
 * - weighted pool-adjacent-violators fits the unique points;
 * - knots inside a run of equal fitted values are dropped (they change no prediction).
 * The returned map predicts by linear interpolation between knots, clipped to the fitted x range.
 *
 * @param x scores (finite numbers).
 * @param y targets (finite numbers; for calibration, 0/1 labels).
 * @param weights optional non-negative finite sample weights, not all zero.
 * @throws RangeError/TypeError on empty or unequal-length inputs, non-finite values, negative or all-zero weights.
 * @example
 * fitIsotonicRegression([1, 2, 3, 4], [1, 3, 2, 4]).predict(2.5) // 2.5
 */
export function fitIsotonicRegression(x: ArrayLike<number>, y: ArrayLike<number>, weights?: ArrayLike<number>): IsotonicCalibrationMap {
  assertPairedRows('x', x, 'y', y);
  assertFiniteNumbers('x', x);
  assertFiniteNumbers('y', y);
  if (weights !== undefined) {
    assertPairedRows('x', x, 'weights', weights);
    assertFiniteNumbers('weights', weights);
    for (let i = 0; i < weights.length; i++) {
      if ((weights[i] as number) < 0) throw new RangeError(`weights[${i}] must be non-negative, got ${weights[i]}`);
    }
  }
  const weightOf = (i: number): number => (weights === undefined ? 1 : (weights[i] as number));
  const order: number[] = [];
  for (let i = 0; i < x.length; i++) if (weightOf(i) > 0) order.push(i);
  if (order.length === 0) throw new RangeError('weights are all zero; at least one row needs a positive weight');
  order.sort((a, b) => (x[a] as number) - (x[b] as number) || (y[a] as number) - (y[b] as number));

  const uniqueX: number[] = [];
  const uniqueY: number[] = [];
  const uniqueWeights: number[] = [];
  let groupX = x[order[0] as number] as number;
  let weightedSum = 0;
  let weightTotal = 0;
  for (const index of order) {
    const xi = x[index] as number;
    if (xi - groupX >= TIE_RESOLUTION) {
      uniqueX.push(groupX);
      uniqueY.push(weightedSum / weightTotal);
      uniqueWeights.push(weightTotal);
      groupX = xi;
      weightedSum = 0;
      weightTotal = 0;
    }
    weightedSum += weightOf(index) * (y[index] as number);
    weightTotal += weightOf(index);
  }
  uniqueX.push(groupX);
  uniqueY.push(weightedSum / weightTotal);
  uniqueWeights.push(weightTotal);

  const fitted = poolAdjacentViolators(uniqueY, uniqueWeights);
  const knotsX: number[] = [];
  const knotsY: number[] = [];
  for (let i = 0; i < fitted.length; i++) {
    const value = fitted[i] as number;
    const interior = i > 0 && i < fitted.length - 1;
    if (interior && value === fitted[i - 1] && value === fitted[i + 1]) continue;
    knotsX.push(uniqueX[i] as number);
    knotsY.push(value);
  }
  return new IsotonicCalibrationMap(knotsX, knotsY);
}
