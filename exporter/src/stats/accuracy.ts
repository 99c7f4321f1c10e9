import type { ClassLabel } from './class-labels.js';
import type { ConfusionMatrix } from './confusion-matrix-accumulator.js';
import { confusionMatrix } from './confusion-matrix.js';

/**
 * Fraction of rows whose prediction equals the truth, matching scikit-learn 1.2.1
 * `sklearn.metrics.accuracy_score(y_true, y_pred)` (normalize=True, no sample weights).
 *
 * @throws RangeError on empty or unequal-length inputs; TypeError on labels that are not integers or strings, or a mix of both.
 * @example accuracy([0, 1, 2, 2], [0, 2, 2, 2]) // 0.75
 */
export function accuracy(yTrue: ArrayLike<ClassLabel>, yPred: ArrayLike<ClassLabel>): number {
  return accuracyFromConfusionMatrix(confusionMatrix(yTrue, yPred));
}

/**
 * Accuracy read from a confusion matrix: trace / total. Equal to `accuracy_score` when the matrix
 * counts every row (no fixed labels that left rows out). NaN for an empty matrix.
 *
 * @example accuracyFromConfusionMatrix({ labels: [0, 1], counts: [[3, 1], [0, 4]] }) // 0.875
 */
export function accuracyFromConfusionMatrix(matrix: ConfusionMatrix): number {
  let correct = 0;
  let total = 0;
  matrix.counts.forEach((row, i) => {
    row.forEach((count, j) => {
      total += count;
      if (i === j) correct += count;
    });
  });
  return correct / total;
}
