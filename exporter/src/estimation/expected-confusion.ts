/**
 * Expected confusion-matrix cells of a binary classifier under calibrated probabilities
 * (NannyML CBPE): every row predicted positive adds its probability p of being positive to the
 * true positives and 1 − p to the false positives; every row predicted negative adds p to the
 * false negatives and 1 − p to the true negatives. Cells are sums, so windows merge by adding.
 */
export interface ExpectedConfusion {
  readonly truePositive: number;
  readonly falsePositive: number;
  readonly falseNegative: number;
  readonly trueNegative: number;
}

/** Accuracy, precision, recall and F1 read from expected cells; NaN where the ratio is 0/0. */
export interface ExpectedClassificationMetrics {
  readonly accuracy: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/**
 * The threshold metrics NannyML's CBPE estimates from expected cells (binary, positive class 1):
 * accuracy = (TP + TN) / n, precision = TP / (TP + FP), recall = TP / (TP + FN),
 * F1 = 2·TP / (2·TP + FP + FN) (equal to NannyML's 2·P·R / (P + R) where both are defined).
 * A 0/0 ratio is NaN (no zero_division substitution: an estimate that does not exist is not 0).
 *
 * @example
 * metricsFromExpectedConfusion({ truePositive: 3, falsePositive: 1, falseNegative: 1, trueNegative: 5 })
 * // { accuracy: 0.8, precision: 0.75, recall: 0.75, f1: 0.75 }
 */
export function metricsFromExpectedConfusion(cells: ExpectedConfusion): ExpectedClassificationMetrics {
  const { truePositive: tp, falsePositive: fp, falseNegative: fn, trueNegative: tn } = cells;
  return {
    accuracy: (tp + tn) / (tp + fp + fn + tn),
    precision: tp / (tp + fp),
    recall: tp / (tp + fn),
    f1: (2 * tp) / (2 * tp + fp + fn),
  };
}
