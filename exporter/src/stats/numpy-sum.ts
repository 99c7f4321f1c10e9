/**
 * Sums in exactly numpy 1.24's order over a whole 1-D float64 array, so batch metrics reproduce
 * scikit-learn bit for bit where rounding decides an outcome (e.g. whether R²'s total sum of
 * squares is exactly 0 for a constant `y_true`).
 *
 * `numpy.sum` does not sum a long array in one pairwise tree: its iterator hands the reduction
 * blocks of 8192 elements (the buffer size), which are summed pairwise and added left to right.
 * Checked bit for bit against numpy 1.24.2 for lengths 1 to 100 003.
 *
 * @internal
 */
import { pairwiseSum } from './numeric/pairwise-sum.js';

const NUMPY_BUFFER_SIZE = 8192;

/**
 * Sum of `values` in numpy 1.24's order (`numpy.sum` of a 1-D float64 array). Empty sums to 0.
 *
 * @internal
 * @example numpySum([0.1, 0.2, 0.3]) // 0.6000000000000001, as numpy.sum
 */
export function numpySum(values: ArrayLike<number>): number {
  let total = 0;
  for (let start = 0; start < values.length; start += NUMPY_BUFFER_SIZE) {
    total += pairwiseSum(values, start, Math.min(NUMPY_BUFFER_SIZE, values.length - start));
  }
  return total;
}

/** Arithmetic mean in numpy's order (`numpy.mean` of a 1-D float64 array). @internal */
export function numpyMean(values: ArrayLike<number>): number {
  return numpySum(values) / values.length;
}
