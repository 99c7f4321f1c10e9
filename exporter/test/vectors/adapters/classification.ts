/**
 * classification.json → accuracy, confusion matrix, precision/recall/F1, ROC AUC, log loss, Brier score.
 * Reference: scikit-learn 1.2.1 calls listed in the file's `reference`. Metrics that scikit-learn can
 * refuse on their own (binary precision/recall/F1 with a foreign pos_label, ROC AUC with one class,
 * log loss, Brier) go through `attempt`; a throw from the
 * others means the whole case is invalid (the runner then expects `expected.error`).
 */
import { z } from 'zod';
import { accuracy } from '../../../src/stats/accuracy.js';
import { brierScore } from '../../../src/stats/brier-score.js';
import { sortedUniqueLabels, type ClassLabel } from '../../../src/stats/class-labels.js';
import { confusionMatrix } from '../../../src/stats/confusion-matrix.js';
import { logLoss } from '../../../src/stats/log-loss.js';
import { precisionRecallF1, type AverageMethod } from '../../../src/stats/precision-recall-f1.js';
import { rocAuc } from '../../../src/stats/roc-auc.js';
import { parseInput, requireGroup } from '../parse-input.js';
import { attempt, type ComputedFields, type FamilyAdapter, type VectorCase } from '../types.js';

const label = z.union([z.number().int(), z.string()]);
const labels = z.array(label).min(1);

const binaryInput = z.strictObject({
  task: z.literal('binary'),
  y_true: labels,
  y_pred: labels,
  y_score: z.array(z.number()).optional(),
  pos_label: label.optional(),
});

const multiclassInput = z.strictObject({
  task: z.literal('multiclass'),
  y_true: labels,
  y_pred: labels,
  y_prob: z.array(z.array(z.number()).min(1)).optional(),
});

function runBinary(testCase: VectorCase): ComputedFields {
  const input = parseInput(binaryInput, testCase);
  const posLabel = input.pos_label ?? 1;
  const binaryLabels: ClassLabel[] = [0, 1];
  const scores = attempt(() => precisionRecallF1(input.y_true, input.y_pred, { average: 'binary', posLabel }));
  const fields: ComputedFields = {
    accuracy: accuracy(input.y_true, input.y_pred),
    precision: 'precision' in scores ? scores.precision : scores,
    recall: 'recall' in scores ? scores.recall : scores,
    f1: 'f1' in scores ? scores.f1 : scores,
    confusion_matrix: confusionMatrix(input.y_true, input.y_pred, { labels: binaryLabels }).counts,
    labels: binaryLabels,
  };
  const yScore = input.y_score;
  if (yScore !== undefined) {
    fields.roc_auc = attempt(() => rocAuc(input.y_true, yScore));
    fields.log_loss = attempt(() => logLoss(input.y_true, yScore, { labels: binaryLabels }));
    fields.brier_score_loss = attempt(() => brierScore(input.y_true, yScore, { posLabel }));
  }
  return fields;
}

function runMulticlass(testCase: VectorCase): ComputedFields {
  const input = parseInput(multiclassInput, testCase);
  const classes = sortedUniqueLabels(input.y_true, input.y_pred);
  const fields: ComputedFields = {
    accuracy: accuracy(input.y_true, input.y_pred),
    labels: classes,
    confusion_matrix: confusionMatrix(input.y_true, input.y_pred, { labels: classes }).counts,
  };
  for (const average of ['macro', 'micro', 'weighted'] satisfies AverageMethod[]) {
    const scores = precisionRecallF1(input.y_true, input.y_pred, { average });
    fields[`precision_${average}`] = scores.precision;
    fields[`recall_${average}`] = scores.recall;
    fields[`f1_${average}`] = scores.f1;
  }
  const yProb = input.y_prob;
  if (yProb !== undefined) {
    // Reference: log_loss(y_true, y_prob, labels=range(K)). For string labels, range(K) cannot be
    // meant; their columns follow the sorted labels (scikit-learn's labels=None order).
    const columns = yProb[0]?.length ?? 0;
    const logLossLabels = classes.every((c) => typeof c === 'number') ? Array.from({ length: columns }, (_, k) => k) : classes;
    fields.log_loss = attempt(() => logLoss(input.y_true, yProb, { labels: logLossLabels }));
  }
  return fields;
}

export const adapter: FamilyAdapter = {
  family: 'classification',
  run(testCase) {
    const group = requireGroup(testCase, ['binary', 'multiclass']);
    return group === 'binary' ? runBinary(testCase) : runMulticlass(testCase);
  },
};
