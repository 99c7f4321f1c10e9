import type { ClassLabel } from './class-labels.js';
import { ConfusionMatrixAccumulator, type ConfusionMatrix } from './confusion-matrix-accumulator.js';
import { assertPairedRows } from './metric-arguments.js';

/** Options of {@link confusionMatrix}. */
export interface ConfusionMatrixOptions {
  /** Row/column order (scikit-learn `labels`); rows whose truth or prediction is not listed are left out. Default: sorted union of `yTrue` and `yPred`. */
  labels?: readonly ClassLabel[];
}

/**
 * Confusion matrix, rows = truth, columns = prediction, matching scikit-learn 1.2.1
 * `sklearn.metrics.confusion_matrix(y_true, y_pred, labels=labels)` (no sample weights, no normalisation).
 *
 * @throws RangeError on empty or unequal-length inputs, empty or repeated `labels`, or when no listed
 *   label occurs in `yTrue` (scikit-learn: "At least one label specified must be in y_true").
 * @throws TypeError on labels that are not integers or strings, or a mix of both.
 * @example
 * confusionMatrix([0, 1, 1], [0, 0, 1], { labels: [1, 0] })
 * // { labels: [1, 0], counts: [[1, 1], [0, 1]] }
 */
export function confusionMatrix(yTrue: ArrayLike<ClassLabel>, yPred: ArrayLike<ClassLabel>, options: ConfusionMatrixOptions = {}): ConfusionMatrix {
  assertPairedRows('yTrue', yTrue, 'yPred', yPred);
  const accumulator = new ConfusionMatrixAccumulator(options.labels);
  for (let i = 0; i < yTrue.length; i++) accumulator.record(yTrue[i] as ClassLabel, yPred[i] as ClassLabel);
  const matrix = accumulator.toConfusionMatrix();
  if (options.labels !== undefined && matrix.counts.every((row) => row.every((count) => count === 0))) {
    const truths = new Set(Array.from(yTrue));
    if (!options.labels.some((label) => truths.has(label))) {
      throw new RangeError(`none of labels ${JSON.stringify(options.labels)} occurs in yTrue; at least one must`);
    }
  }
  return matrix;
}

