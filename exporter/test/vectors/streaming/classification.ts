/**
 * classification.json through the streaming ClassificationAccumulator, row by row: the same fields
 * as adapters/classification.ts (scikit-learn 1.2.1 calls in the file's `reference`).
 */
import { z } from 'zod';
import { ClassificationAccumulator, type ClassificationAccumulatorOptions, type ClassificationResult } from '../../../src/performance/classification-accumulator.js';
import { sortedUniqueLabels, type ClassLabel } from '../../../src/stats/class-labels.js';
import { parseInput, requireGroup } from '../parse-input.js';
import { ComputedError, UnsupportedCaseError, type ComputedFields, type FamilyAdapter, type VectorCase } from '../types.js';
import { definedOrError, feedRows, type FeedMode } from './feed-rows.js';

const label = z.union([z.number().int(), z.string()]);
const labels = z.array(label).min(1);
const binaryInput = z.strictObject({ task: z.literal('binary'), y_true: labels, y_pred: labels, y_score: z.array(z.number()).optional(), pos_label: label.optional() });
const multiclassInput = z.strictObject({ task: z.literal('multiclass'), y_true: labels, y_pred: labels, y_prob: z.array(z.array(z.number()).min(1)).optional() });

interface Streamed {
  result: ClassificationResult;
  /** Whether the scores were usable; if not, the score metrics are the reference's error. */
  scoresUsable: boolean;
}

/** Streams the rows; when a score is refused, streams again without scores (the reference raised for those metrics only). */
function stream(mode: FeedMode, options: ClassificationAccumulatorOptions, yTrue: ClassLabel[], yPred: ClassLabel[], score: ((row: number) => number | number[]) | undefined): Streamed {
  if (yTrue.length !== yPred.length) throw new RangeError('y_true and y_pred differ in length');
  const run = (withScores: boolean) =>
    feedRows(
      yTrue.length,
      mode,
      () => new ClassificationAccumulator(options),
      (acc, row) => acc.record(yTrue[row] as ClassLabel, yPred[row] as ClassLabel, withScores && score !== undefined ? score(row) : undefined),
      (json) => ClassificationAccumulator.fromJSON(json),
    ).result();
  const withScores = run(true);
  if (withScores.skipped.label > 0 || withScores.skipped.classLimit > 0) throw new RangeError(`${withScores.skipped.label + withScores.skipped.classLimit} rows have labels the accumulator refused`);
  if (withScores.skipped.score === 0) return { result: withScores, scoresUsable: true };
  return { result: run(false), scoresUsable: false };
}

function requireExactAuc(result: ClassificationResult): void {
  if (!result.rocAucExact) throw new UnsupportedCaseError('more distinct scores than the exact ROC AUC limit; the vectors must stay within it');
}

/** The confusion matrix over `order` (scikit-learn `labels=`), which raises when no label of `order` is a true class. */
function confusionOver(result: ClassificationResult, order: readonly ClassLabel[]): number[][] {
  const index = new Map(result.confusionMatrix.labels.map((l, i) => [l, i] as const));
  const isTrueClass = (label: ClassLabel) => (result.confusionMatrix.counts[index.get(label) ?? -1] ?? []).some((count) => count > 0);
  if (!order.some(isTrueClass)) throw new RangeError(`none of labels ${JSON.stringify(order)} occurs in y_true`);
  return order.map((truth) => order.map((prediction) => {
    const i = index.get(truth);
    const j = index.get(prediction);
    return i === undefined || j === undefined ? 0 : (result.confusionMatrix.counts[i]?.[j] ?? 0);
  }));
}

function runBinary(testCase: VectorCase, mode: FeedMode): ComputedFields {
  const input = parseInput(binaryInput, testCase);
  const posLabel = input.pos_label ?? 1;
  const yScore = input.y_score;
  if (yScore !== undefined && yScore.length !== input.y_true.length) throw new RangeError('y_score must have one entry per row');
  const score = yScore === undefined ? undefined : (row: number) => yScore[row] as number;
  // The reference's calls disagree on the positive class: precision/recall/F1 and Brier use pos_label,
  // roc_auc_score the greater label of y_true, log_loss(labels=[0, 1]) reads the score as P(1).
  // One accumulator per positive class needed (usually one).
  const streams = new Map<ClassLabel, Streamed>();
  const streamFor = (positive: ClassLabel): Streamed => {
    let streamed = streams.get(positive);
    if (streamed === undefined) {
      streamed = stream(mode, { task: 'binary', posLabel: positive }, input.y_true, input.y_pred, score);
      streams.set(positive, streamed);
    }
    return streamed;
  };
  const { result, scoresUsable } = streamFor(posLabel);
  const binaryLabels: ClassLabel[] = [0, 1];
  const fields: ComputedFields = {
    accuracy: result.accuracy,
    precision: definedOrError(result.precision, 'precision undefined for these labels'),
    recall: definedOrError(result.recall, 'recall undefined for these labels'),
    f1: definedOrError(result.f1, 'f1 undefined for these labels'),
    confusion_matrix: confusionOver(result, binaryLabels),
    labels: binaryLabels,
  };
  if (yScore !== undefined) {
    const refused = new ComputedError('a score is not a probability in [0, 1]');
    const truthClasses = sortedUniqueLabels(input.y_true);
    const aucStream = streamFor(truthClasses[truthClasses.length - 1] as ClassLabel);
    if (aucStream.scoresUsable) requireExactAuc(aucStream.result);
    fields.roc_auc = aucStream.scoresUsable ? definedOrError(aucStream.result.rocAuc, 'ROC AUC needs exactly two classes in y_true') : refused;
    const withinZeroOne = truthClasses.every((c) => c === 0 || c === 1);
    const logLossStream = withinZeroOne ? streamFor(1) : undefined;
    fields.log_loss = logLossStream === undefined ? new ComputedError('y_true holds a label outside labels=[0, 1]') : logLossStream.scoresUsable ? logLossStream.result.logLoss : refused;
    fields.brier_score_loss = scoresUsable ? definedOrError(result.brierScore, 'brier_score_loss needs at most two classes in y_true') : refused;
  }
  return fields;
}

function runMulticlass(testCase: VectorCase, mode: FeedMode): ComputedFields {
  const input = parseInput(multiclassInput, testCase);
  const classes = sortedUniqueLabels(input.y_true, input.y_pred);
  const yProb = input.y_prob;
  if (yProb !== undefined && yProb.length !== input.y_true.length) throw new RangeError('y_prob must have one row per row');
  // Columns as the batch adapter: range(K) for integer labels, the sorted labels for strings.
  const columns = yProb?.[0]?.length ?? 0;
  const options: ClassificationAccumulatorOptions = { task: 'multiclass' };
  if (yProb !== undefined && columns >= 2) options.classes = classes.every((c) => typeof c === 'number') ? Array.from({ length: columns }, (_, k) => k) : classes;
  const { result, scoresUsable } = stream(mode, options, input.y_true, input.y_pred, yProb === undefined ? undefined : (row) => yProb[row] as number[]);
  const fields: ComputedFields = {
    accuracy: result.accuracy,
    labels: result.confusionMatrix.labels,
    confusion_matrix: result.confusionMatrix.counts,
  };
  for (const average of ['macro', 'micro', 'weighted'] as const) {
    fields[`precision_${average}`] = result[average].precision;
    fields[`recall_${average}`] = result[average].recall;
    fields[`f1_${average}`] = result[average].f1;
  }
  if (yProb !== undefined) fields.log_loss = scoresUsable && columns >= 2 ? result.logLoss : new ComputedError('probability rows do not fit the classes');
  return fields;
}

/** The classification adapter over the streaming accumulator, rows fed in `mode`. */
export function streamingClassificationAdapter(mode: FeedMode): FamilyAdapter {
  return {
    family: 'classification',
    run(testCase) {
      const group = requireGroup(testCase, ['binary', 'multiclass']);
      return group === 'binary' ? runBinary(testCase, mode) : runMulticlass(testCase, mode);
    },
  };
}
