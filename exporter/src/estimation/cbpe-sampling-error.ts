/**
 * Sampling error of the CBPE estimates: the standard error the realised metric would have on a
 * window of this size, read from the expected confusion cells (NannyML reports the same quantity
 * beside CBPE; it derives it from reference chunks, here closed forms replace that so the monitor
 * needs no stored reference rows). Binomial for accuracy (n = window size), precision
 * (n = predicted positives) and recall (n = expected positives Σp); delta method for F1. The ROC
 * AUC's (DeLong, with expected weights) comes with the AUC itself (`expected-roc-auc.ts`).
 * NaN where undefined (fewer than 2 rows in the denominator).
 */
import { binomialStandardError, f1StandardError } from '../performance/sampling-error.js';
import type { ExpectedConfusion } from './expected-confusion.js';

/** Standard errors of the five CBPE metrics. */
export interface CbpeSamplingErrors {
  readonly accuracy: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly rocAuc: number;
}

/**
 * @param windowSize scores in the window.
 * @param cells the window's expected confusion cells.
 * @param metrics the estimates read from them (accuracy, precision, recall).
 * @param rocAucStandardError the DeLong standard error of the expected AUC.
 * @example cbpeSamplingErrors(100, { truePositive: 8, falsePositive: 2, falseNegative: 2, trueNegative: 88 }, { accuracy: 0.96, precision: 0.8, recall: 0.8 }, 0.03).accuracy // 0.0196
 */
export function cbpeSamplingErrors(windowSize: number, cells: ExpectedConfusion, metrics: { accuracy: number; precision: number; recall: number }, rocAucStandardError: number): CbpeSamplingErrors {
  const { truePositive, falsePositive, falseNegative } = cells;
  return {
    accuracy: binomialStandardError(metrics.accuracy, windowSize),
    precision: binomialStandardError(metrics.precision, truePositive + falsePositive),
    recall: binomialStandardError(metrics.recall, truePositive + falseNegative),
    f1: f1StandardError(truePositive, falsePositive, falseNegative),
    rocAuc: rocAucStandardError,
  };
}
