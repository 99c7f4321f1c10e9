import { numpySum } from '../stats/numpy-sum.js';

/** scikit-learn 1.2 `eps='auto'`: float64 machine epsilon. */
const CLIP_EPSILON = Number.EPSILON;

/**
 * The log loss of one row, −ln p(true class), as scikit-learn 1.2.1 `log_loss` computes it per row:
 * every probability clipped to [ε, 1 − ε] (ε = float64 epsilon), the row re-normalised to sum 1.
 * `probabilities` are the K class probabilities in the class order; `column` is the true class.
 *
 * @internal
 * @example rowLogLoss([0.2, 0.8], 1) // 0.2231435513142097
 */
export function rowLogLoss(probabilities: readonly number[], column: number): number {
  const clipped = probabilities.map((p) => Math.min(Math.max(p, CLIP_EPSILON), 1 - CLIP_EPSILON));
  return -Math.log((clipped[column] as number) / numpySum(clipped));
}

/** The binary form: `p` = probability of the positive class, clipped first as scikit-learn does. @internal */
export function binaryRowLogLoss(p: number, positive: boolean): number {
  const clipped = Math.min(Math.max(p, CLIP_EPSILON), 1 - CLIP_EPSILON);
  return rowLogLoss([1 - clipped, clipped], positive ? 1 : 0);
}
