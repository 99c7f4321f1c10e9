import { assertClassLabel, assertSingleLabelKind, type ClassLabel } from './class-labels.js';
import type { ConfusionMatrix } from './confusion-matrix-accumulator.js';
import { confusionMatrix } from './confusion-matrix.js';
import { numpySum } from './numpy-sum.js';

/** How per-class scores are combined (scikit-learn `average`). */
export type AverageMethod = 'binary' | 'micro' | 'macro' | 'weighted';

/** Value given to a ratio whose denominator is 0 (scikit-learn `zero_division`; its default 'warn' gives 0). */
export type ZeroDivisionValue = 0 | 1;

/** Options of {@link precisionRecallF1}. */
export interface PrecisionRecallF1Options {
  /** Default 'binary' (scikit-learn's default): scores of `posLabel` only. */
  average?: AverageMethod;
  /** The positive class for average 'binary'. Default 1. */
  posLabel?: ClassLabel;
  /** Classes to average over for micro/macro/weighted (scikit-learn `labels`). Default: sorted union of `yTrue` and `yPred`. */
  labels?: readonly ClassLabel[];
  /** Default 0. */
  zeroDivision?: ZeroDivisionValue;
}

/** Averaged precision, recall and F1. */
export interface PrecisionRecallF1 {
  precision: number;
  recall: number;
  f1: number;
}

/** Per-class precision, recall, F1 and support (true count), in `labels` order. */
export interface PerClassPrecisionRecallF1 {
  labels: ClassLabel[];
  precision: number[];
  recall: number[];
  f1: number[];
  support: number[];
}

const AVERAGES: readonly AverageMethod[] = ['binary', 'micro', 'macro', 'weighted'];

/**
 * Precision TP/(TP+FP), recall TP/(TP+FN) and F1 = 2PR/(P+R), matching scikit-learn 1.2.1
 * `sklearn.metrics.precision_recall_fscore_support(y_true, y_pred, average=..., pos_label=..., labels=...,
 * zero_division=...)` (`precision_score`, `recall_score`, `f1_score`); no sample weights.
 *
 * Conventions: a 0/0 ratio is `zeroDivision` (default 0, as scikit-learn's 'warn'); F1 is 0 when
 * P + R = 0. 'binary' needs at most two distinct labels overall and scores `posLabel` (scores 0
 * when `posLabel` never occurs and only one label does). 'micro' pools TP/FP/FN over classes
 * (equals accuracy for single-label multiclass), 'macro' is the unweighted mean over classes,
 * 'weighted' weighs each class by its true count.
 *
 * @throws RangeError on empty/unequal inputs, more than two labels with average 'binary', a `posLabel`
 *   absent while two other labels occur, an empty `labels`, or an unknown `average`.
 * @example precisionRecallF1([0, 1, 1, 0], [0, 1, 0, 1]) // { precision: 0.5, recall: 0.5, f1: 0.5 }
 * @example precisionRecallF1(['a', 'b', 'c'], ['a', 'b', 'b'], { average: 'macro' }).precision // 0.5
 */
export function precisionRecallF1(yTrue: ArrayLike<ClassLabel>, yPred: ArrayLike<ClassLabel>, options: PrecisionRecallF1Options = {}): PrecisionRecallF1 {
  return precisionRecallF1FromConfusionMatrix(confusionMatrix(yTrue, yPred), options);
}

/**
 * {@link precisionRecallF1} read from a confusion matrix (e.g. a streaming
 * `ConfusionMatrixAccumulator`). Identical to scikit-learn when the matrix counts every row, i.e. was
 * built without fixed labels that left rows out; labels with all-zero row and column count as absent.
 */
export function precisionRecallF1FromConfusionMatrix(matrix: ConfusionMatrix, options: PrecisionRecallF1Options = {}): PrecisionRecallF1 {
  const average = options.average ?? 'binary';
  if (!AVERAGES.includes(average)) throw new RangeError(`average must be one of ${AVERAGES.join(', ')}; got ${String(average)}`);
  const zeroDivision = checkZeroDivision(options.zeroDivision);
  const labels = average === 'binary' ? binaryLabels(matrix, options.posLabel ?? 1) : selectedLabels(matrix, options.labels);
  const counts = classCounts(matrix, labels);
  if (average === 'micro') {
    return scores(numpySum(counts.truePositives), numpySum(counts.predicted), numpySum(counts.actual), zeroDivision);
  }
  const perClass = labels.map((_, i) => scores(counts.truePositives[i] as number, counts.predicted[i] as number, counts.actual[i] as number, zeroDivision));
  if (average === 'binary') return perClass[0] as PrecisionRecallF1;
  if (average === 'macro') return combine(perClass, (values) => numpySum(values) / values.length);
  const totalSupport = numpySum(counts.actual);
  if (totalSupport === 0) {
    if (numpySum(counts.predicted) === 0) return { precision: zeroDivision, recall: zeroDivision, f1: zeroDivision };
    return { precision: 0, recall: zeroDivision, f1: 0 };
  }
  return combine(perClass, (values) => numpySum(values.map((value, i) => value * (counts.actual[i] as number))) / totalSupport);
}

/**
 * Precision, recall, F1 and support of every class, matching scikit-learn 1.2.1
 * `sklearn.metrics.precision_recall_fscore_support(y_true, y_pred, average=None, labels=labels, zero_division=...)`.
 *
 * @example perClassPrecisionRecallF1([0, 1, 1], [0, 1, 0]).recall // [1, 0.5]
 */
export function perClassPrecisionRecallF1(
  yTrue: ArrayLike<ClassLabel>,
  yPred: ArrayLike<ClassLabel>,
  options: Pick<PrecisionRecallF1Options, 'labels' | 'zeroDivision'> = {},
): PerClassPrecisionRecallF1 {
  const matrix = confusionMatrix(yTrue, yPred);
  const zeroDivision = checkZeroDivision(options.zeroDivision);
  const labels = selectedLabels(matrix, options.labels);
  const counts = classCounts(matrix, labels);
  const perClass = labels.map((_, i) => scores(counts.truePositives[i] as number, counts.predicted[i] as number, counts.actual[i] as number, zeroDivision));
  return {
    labels,
    precision: perClass.map((s) => s.precision),
    recall: perClass.map((s) => s.recall),
    f1: perClass.map((s) => s.f1),
    support: counts.actual,
  };
}

function checkZeroDivision(value: ZeroDivisionValue | undefined): ZeroDivisionValue {
  if (value === undefined) return 0;
  if (value !== 0 && value !== 1) throw new RangeError(`zeroDivision must be 0 or 1; got ${String(value)}`);
  return value;
}

/** Labels with at least one row as truth or prediction. */
function presentLabels(matrix: ConfusionMatrix): ClassLabel[] {
  return matrix.labels.filter((_, i) => (matrix.counts[i] ?? []).some((count) => count > 0) || matrix.counts.some((row) => (row[i] ?? 0) > 0));
}

function binaryLabels(matrix: ConfusionMatrix, posLabel: ClassLabel): ClassLabel[] {
  assertClassLabel('posLabel', posLabel);
  const present = presentLabels(matrix);
  if (present.length > 2) {
    throw new RangeError(`average 'binary' needs at most two classes but ${present.length} occur (${JSON.stringify(present)}); choose average 'micro', 'macro' or 'weighted'`);
  }
  if (present.length === 2 && !present.includes(posLabel)) {
    throw new RangeError(`posLabel ${JSON.stringify(posLabel)} is not one of the classes ${JSON.stringify(present)}`);
  }
  return [posLabel];
}

function selectedLabels(matrix: ConfusionMatrix, labels: readonly ClassLabel[] | undefined): ClassLabel[] {
  if (labels === undefined) return presentLabels(matrix);
  if (!Array.isArray(labels) || labels.length === 0) throw new RangeError('labels must be a non-empty array of class labels when given');
  labels.forEach((label, i) => assertClassLabel(`labels[${i}]`, label));
  assertSingleLabelKind(labels);
  return [...labels];
}

interface ClassCounts {
  truePositives: number[];
  /** Rows predicted as the class (TP + FP). */
  predicted: number[];
  /** Rows truly of the class (TP + FN), the support. */
  actual: number[];
}

function classCounts(matrix: ConfusionMatrix, labels: readonly ClassLabel[]): ClassCounts {
  const indexByLabel = new Map(matrix.labels.map((label, index) => [label, index] as const));
  const counts: ClassCounts = { truePositives: [], predicted: [], actual: [] };
  for (const label of labels) {
    const k = indexByLabel.get(label);
    counts.truePositives.push(k === undefined ? 0 : (matrix.counts[k]?.[k] ?? 0));
    counts.predicted.push(k === undefined ? 0 : matrix.counts.reduce((sum, row) => sum + (row[k] ?? 0), 0));
    counts.actual.push(k === undefined ? 0 : (matrix.counts[k] ?? []).reduce((sum, count) => sum + count, 0));
  }
  return counts;
}

function scores(truePositives: number, predicted: number, actual: number, zeroDivision: ZeroDivisionValue): PrecisionRecallF1 {
  const precision = predicted === 0 ? zeroDivision : truePositives / predicted;
  const recall = actual === 0 ? zeroDivision : truePositives / actual;
  const denominator = precision + recall;
  // scikit-learn's operation order: (1 + beta²) · P · R / (beta² · P + R) with beta = 1.
  const f1 = denominator === 0 ? 0 : (2 * precision * recall) / denominator;
  return { precision, recall, f1 };
}

function combine(perClass: readonly PrecisionRecallF1[], mean: (values: number[]) => number): PrecisionRecallF1 {
  return {
    precision: mean(perClass.map((s) => s.precision)),
    recall: mean(perClass.map((s) => s.recall)),
    f1: mean(perClass.map((s) => s.f1)),
  };
}
