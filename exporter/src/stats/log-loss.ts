import { assertClassLabel, assertSingleLabelKind, compareClassLabels, sortedUniqueLabels, type ClassLabel } from './class-labels.js';
import { assertArrayLike, assertFiniteNumbers, assertPairedRows } from './metric-arguments.js';
import { numpySum } from './numpy-sum.js';

/** Options of {@link logLoss}. */
export interface LogLossOptions {
  /** All classes, in any order (scikit-learn `labels`); columns of `yProb` follow their sorted order. Default: the labels in `yTrue`. */
  labels?: readonly ClassLabel[];
  /** Mean over rows (default) or, if false, the sum (scikit-learn `normalize`). */
  normalize?: boolean;
}

/** Probabilities are clipped to [eps, 1 - eps] with eps = float64 machine epsilon (scikit-learn 1.2 `eps='auto'`). */
const CLIP_EPSILON = Number.EPSILON;

/**
 * Cross-entropy loss, matching scikit-learn 1.2.1 `sklearn.metrics.log_loss(y_true, y_pred, labels=labels)`
 * with `eps='auto'` and no sample weights.
 *
 * `yProb` is either one probability of the positive (greater) class per row, for two classes, or
 * one row of K class probabilities per row, columns in sorted label order. Each probability is
 * clipped to [ε, 1 − ε] (ε = 2.220446049250313e-16), each row re-normalised to sum 1, and the loss
 * is −mean ln p(true class). Pass `labels` (e.g. [0, 1]) when `yTrue` may hold a single class.
 *
 * Differs from scikit-learn only where scikit-learn silently returns a wrong number: a `yTrue`
 * value outside `labels` throws here (scikit-learn scores such a row as loss 0).
 *
 * @throws RangeError on empty/unequal inputs, fewer than two classes, a column count that differs
 *   from the number of classes, a `yTrue` value not among the classes, or a NaN/infinite probability.
 * @example logLoss([0, 1, 1], [0.1, 0.9, 0.8]) // 0.14462152754328741
 * @example logLoss(['a', 'b'], [[0.7, 0.3], [0.4, 0.6]]) // 0.4337502838523616
 */
export function logLoss(yTrue: ArrayLike<ClassLabel>, yProb: ArrayLike<number> | ArrayLike<ArrayLike<number>>, options: LogLossOptions = {}): number {
  assertPairedRows('yTrue', yTrue, 'yProb', yProb);
  const classes = logLossClasses(yTrue, options.labels);
  const columnOf = new Map(classes.map((label, column) => [label, column] as const));
  const losses = new Float64Array(yTrue.length);
  for (let i = 0; i < yTrue.length; i++) {
    const label = yTrue[i] as ClassLabel;
    const column = columnOf.get(label);
    if (column === undefined) throw new RangeError(`yTrue[${i}] = ${JSON.stringify(label)} is not one of the classes ${JSON.stringify(classes)}`);
    const row = probabilityRow(yProb, i, classes);
    losses[i] = -Math.log((row[column] as number) / numpySum(row));
  }
  const total = numpySum(losses);
  return options.normalize === false ? total : total / losses.length;
}

function logLossClasses(yTrue: ArrayLike<ClassLabel>, labels: readonly ClassLabel[] | undefined): ClassLabel[] {
  if (labels === undefined) {
    const classes = sortedUniqueLabels(yTrue);
    if (classes.length < 2) {
      throw new RangeError(`yTrue contains only one label (${JSON.stringify(classes[0])}); pass all classes explicitly through options.labels`);
    }
    return classes;
  }
  assertArrayLike('labels', labels);
  labels.forEach((label, i) => assertClassLabel(`labels[${i}]`, label));
  assertSingleLabelKind(labels);
  const classes = [...new Set(labels)].sort(compareClassLabels);
  if (classes.length < 2) throw new RangeError(`labels must contain at least two classes for the log loss, got ${JSON.stringify(classes)}`);
  return classes;
}

/** Row `i` of `yProb` as K clipped probabilities (a single positive-class probability p becomes [1 − p, p]). */
function probabilityRow(yProb: ArrayLike<number> | ArrayLike<ArrayLike<number>>, i: number, classes: readonly ClassLabel[]): number[] {
  const entry = yProb[i];
  let row: number[];
  if (typeof entry === 'number') {
    row = [entry];
  } else {
    assertArrayLike(`yProb[${i}]`, entry);
    row = Array.from(entry);
  }
  assertFiniteNumbers(`yProb[${i}]`, row);
  const clipped = row.map((p) => Math.min(Math.max(p, CLIP_EPSILON), 1 - CLIP_EPSILON));
  const full = clipped.length === 1 ? [1 - (clipped[0] as number), clipped[0] as number] : clipped;
  if (full.length !== classes.length) {
    throw new RangeError(`yProb[${i}] has ${full.length} columns but there are ${classes.length} classes (${JSON.stringify(classes)})`);
  }
  return full;
}
