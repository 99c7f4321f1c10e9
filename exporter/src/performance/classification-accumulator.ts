import { z } from 'zod';
import { accuracyFromConfusionMatrix } from '../stats/accuracy.js';
import { assertClassLabel, assertSingleLabelKind, compareClassLabels, type ClassLabel } from '../stats/class-labels.js';
import type { ConfusionMatrix } from '../stats/confusion-matrix-accumulator.js';
import { precisionRecallF1FromConfusionMatrix, type AverageMethod, type PrecisionRecallF1 } from '../stats/precision-recall-f1.js';
import { CompensatedSum } from './compensated-sum.js';
import { LabelPairCounts } from './label-pair-counts.js';
import { binaryRowLogLoss, rowLogLoss } from './log-loss-row.js';
import { assertIntegerOption, parseAccumulatorJson } from './parse-accumulator-json.js';
import { RocScoreCounts, type RocAucEstimate, type RocScoreCountsJson } from './roc-score-counts.js';
import { binomialStandardError, f1StandardError, meanStandardError } from './sampling-error.js';

/** Binary (one probability per row) or multiclass (a row of class probabilities). */
export type ClassificationTask = 'binary' | 'multiclass';

/** Options of {@link ClassificationAccumulator}. */
export interface ClassificationAccumulatorOptions {
  /** Default 'binary'. */
  task?: ClassificationTask;
  /** Binary: the class whose probability the score is (scikit-learn `pos_label`). Default 1. */
  posLabel?: ClassLabel;
  /**
   * Multiclass: every class, in any order; probability columns follow their sorted order
   * (scikit-learn `log_loss(labels=...)`). Default: integer labels, column k = label k.
   */
  classes?: readonly ClassLabel[];
  /** Distinct labels kept in the confusion matrix (memory maxClasses² counts). Default 100. */
  maxClasses?: number;
  /** ROC AUC: distinct scores kept exactly before the histogram (see RocScoreCounts). Default 10 000. */
  maxExactScores?: number;
  /** ROC AUC: histogram bins on [0, 1]. Default 1 000. */
  scoreBins?: number;
}

/** Rows left out by {@link ClassificationAccumulator.record}, by reason. */
export interface SkippedClassificationRows {
  /** A label that is not an integer or string, or of the other kind than the labels so far. */
  label: number;
  /** A score that is not a finite probability (or a probability row of the wrong length / class). */
  score: number;
  /** A row that would have needed one more label than `maxClasses`. */
  classLimit: number;
}

/**
 * Standard errors (sampling errors) of the window's metrics, see `sampling-error.ts`; NaN where
 * undefined (fewer than 2 rows in the denominator) or not computed (multiclass: only accuracy).
 */
export interface ClassificationStandardErrors {
  /** Binomial over the rows. */
  accuracy: number;
  /** Binary: binomial over the predicted positives. */
  precision: number;
  /** Binary: binomial over the actual positives. */
  recall: number;
  /** Binary: delta method on the confusion cells. */
  f1: number;
  /** Binary: DeLong, from the per-score (or per-bin) counts of positives and negatives. */
  rocAuc: number;
  /** Sample standard deviation of the per-row loss / √(scored rows). */
  logLoss: number;
  brierScore: number;
}

/** What {@link ClassificationAccumulator.result} reports; names follow the batch functions. */
export interface ClassificationResult {
  task: ClassificationTask;
  /** Rows counted. */
  count: number;
  /** Rows counted that carried a score. */
  scoredCount: number;
  skipped: SkippedClassificationRows;
  /** Confusion matrix over the sorted labels seen (`confusionMatrix`). */
  confusionMatrix: ConfusionMatrix;
  accuracy: number;
  /** Binary task: precision/recall/F1 of `posLabel` (average 'binary'); multiclass: the macro average. NaN where the batch function throws. */
  precision: number;
  recall: number;
  f1: number;
  macro: PrecisionRecallF1;
  micro: PrecisionRecallF1;
  weighted: PrecisionRecallF1;
  /** Binary only: `rocAuc` with `posLabel` as the positive class; NaN with one true class, more than two, or multiclass. */
  rocAuc: number;
  /** |rocAuc − exact| ≤ rocAucErrorBound (0 while exact). */
  rocAucErrorBound: number;
  rocAucExact: boolean;
  /** Mean log loss over scored rows (`logLoss`); NaN without one, or (binary) with more than two true classes. */
  logLoss: number;
  /** Binary only: mean Brier score over scored rows (`brierScore`); NaN otherwise or with more than two true classes. */
  brierScore: number;
  /** Sampling error of each metric over this window. */
  standardErrors: ClassificationStandardErrors;
}

/** JSON form (type tag `classification-accumulator`). */
export interface ClassificationAccumulatorJson {
  type: 'classification-accumulator';
  options: Required<Omit<ClassificationAccumulatorOptions, 'classes'>> & { classes: ClassLabel[] | null };
  pairs: [ClassLabel, ClassLabel, number][];
  skipped: SkippedClassificationRows;
  scoredCount: number;
  logLossSum: [number, number];
  brierSum: [number, number];
  /** Sums of squared per-row losses (for the sampling errors). */
  logLossSquares: [number, number];
  brierSquares: [number, number];
  scores: RocScoreCountsJson;
}

const label = z.union([z.number().int(), z.string()]);
const nonNegativeInt = z.number().int().nonnegative();
const sumPair = z.tuple([z.number(), z.number()]);
const jsonSchema = z.object({
  type: z.literal('classification-accumulator'),
  options: z.object({
    task: z.enum(['binary', 'multiclass']),
    posLabel: label,
    classes: z.array(label).nullable(),
    maxClasses: z.number().int().positive(),
    maxExactScores: nonNegativeInt,
    scoreBins: z.number().int().positive(),
  }),
  pairs: z.array(z.tuple([label, label, z.number().int().positive()])),
  skipped: z.object({ label: nonNegativeInt, score: nonNegativeInt, classLimit: nonNegativeInt }),
  scoredCount: nonNegativeInt,
  logLossSum: sumPair,
  brierSum: sumPair,
  logLossSquares: sumPair,
  brierSquares: sumPair,
  scores: z.unknown(),
});

const DEFAULT_MAX_CLASSES = 100;
const BYTES_PER_PAIR = 64;

/**
 * Streaming, mergeable classification metrics for one model: fed (truth, prediction, score) one row
 * at a time, keeps counts and sums only. Reproduces scikit-learn 1.2.1 `accuracy_score`,
 * `precision_recall_fscore_support` (binary with `pos_label`, macro, micro, weighted), `confusion_matrix`,
 * `log_loss` (binary with labels [0, 1] semantics, or multiclass with `labels`), `brier_score_loss`
 * and `roc_auc_score` (binary; exact up to `maxExactScores` distinct scores, then a histogram with a
 * reported error bound, see {@link RocScoreCounts}) up to float rounding (sums are compensated).
 *
 * `record` never throws: a row with a bad label or score is counted in `skipped` and left out
 * entirely, so every metric is computed over the same rows. Memory is bounded by {@link maxBytes}.
 *
 * @example
 * const acc = new ClassificationAccumulator();
 * acc.record(1, 1, 0.9).record(0, 1, 0.6).record(0, 0, 0.2);
 * acc.result().rocAuc // 1
 */
export class ClassificationAccumulator {
  private readonly task: ClassificationTask;
  private readonly posLabel: ClassLabel;
  private readonly classes: ClassLabel[] | null;
  private readonly columnByClass: Map<ClassLabel, number> | null;
  private pairs: LabelPairCounts;
  private scores: RocScoreCounts;
  private skippedRows: SkippedClassificationRows = { label: 0, score: 0, classLimit: 0 };
  private scoredRows = 0;
  private logLossSum = new CompensatedSum();
  private brierSum = new CompensatedSum();
  private logLossSquares = new CompensatedSum();
  private brierSquares = new CompensatedSum();

  /**
   * @throws RangeError/TypeError on an unknown task, a bad `posLabel`, an empty, repeated or mixed
   *   `classes`, or a limit that is not a positive integer.
   */
  constructor(options: ClassificationAccumulatorOptions = {}) {
    this.task = options.task ?? 'binary';
    if (this.task !== 'binary' && this.task !== 'multiclass') throw new RangeError(`options.task must be 'binary' or 'multiclass', got ${String(this.task)}`);
    this.posLabel = options.posLabel ?? 1;
    assertClassLabel('options.posLabel', this.posLabel);
    if (options.classes !== undefined) {
      if (!Array.isArray(options.classes) || options.classes.length < 2) throw new RangeError('options.classes must list at least two classes');
      options.classes.forEach((c, i) => assertClassLabel(`options.classes[${i}]`, c));
      assertSingleLabelKind(options.classes);
      if (new Set(options.classes).size !== options.classes.length) throw new RangeError(`options.classes must be distinct, got ${JSON.stringify(options.classes)}`);
      this.classes = [...options.classes].sort(compareClassLabels);
      this.columnByClass = new Map(this.classes.map((c, column) => [c, column] as const));
    } else {
      this.classes = null;
      this.columnByClass = null;
    }
    const maxClasses = options.maxClasses ?? DEFAULT_MAX_CLASSES;
    assertIntegerOption('options.maxClasses', maxClasses, 1);
    this.pairs = new LabelPairCounts(maxClasses);
    this.scores = new RocScoreCounts({ maxExactScores: options.maxExactScores, bins: options.scoreBins });
  }

  /** Rows counted so far. */
  get count(): number {
    return this.pairs.total();
  }

  /** Rows left out so far, by reason (a copy). */
  get skipped(): SkippedClassificationRows {
    return { ...this.skippedRows };
  }

  /**
   * Counts one row. `score`: binary — the probability of `posLabel`, in [0, 1]; multiclass — the row
   * of class probabilities (columns in sorted `classes` order). Omit it when there is none.
   * Never throws; a bad row is counted in `skipped`.
   */
  record(yTrue: ClassLabel, yPred: ClassLabel, score?: number | readonly number[]): this {
    if (!this.validLabels(yTrue, yPred)) {
      this.skippedRows.label++;
      return this;
    }
    const rowLoss = score === undefined ? undefined : this.scoreRowLoss(yTrue, score);
    if (rowLoss === null) {
      this.skippedRows.score++;
      return this;
    }
    if (!this.pairs.tryAdd(yTrue, yPred, 1)) {
      this.skippedRows.classLimit++;
      return this;
    }
    if (rowLoss === undefined) return this;
    this.scoredRows++;
    this.logLossSum.add(rowLoss);
    this.logLossSquares.add(rowLoss * rowLoss);
    if (this.task === 'binary' && typeof score === 'number') {
      const positive = yTrue === this.posLabel;
      const brier = ((positive ? 1 : 0) - score) ** 2;
      this.brierSum.add(brier);
      this.brierSquares.add(brier * brier);
      this.scores.record(score, positive);
    }
    return this;
  }

  /**
   * A new accumulator holding both inputs' rows (neither changes). Associative while no class limit
   * is hit; beyond it the labels of `this` win and `other`'s extra pairs count as `classLimit`.
   * @throws RangeError when the two were built with different options.
   */
  merge(other: ClassificationAccumulator): ClassificationAccumulator {
    const options = this.options();
    if (JSON.stringify(options) !== JSON.stringify(other.options())) {
      throw new RangeError(`cannot merge classification accumulators with different options: ${JSON.stringify(options)} vs ${JSON.stringify(other.options())}`);
    }
    const merged = new ClassificationAccumulator(this.constructorOptions());
    for (const source of [this, other]) {
      for (const [truth, prediction, count] of source.pairs.entries()) {
        if (!merged.pairs.tryAdd(truth, prediction, count)) merged.skippedRows.classLimit += count;
      }
      merged.skippedRows.label += source.skippedRows.label;
      merged.skippedRows.score += source.skippedRows.score;
      merged.skippedRows.classLimit += source.skippedRows.classLimit;
    }
    merged.scoredRows = this.scoredRows + other.scoredRows;
    merged.logLossSum = this.logLossSum.merge(other.logLossSum);
    merged.brierSum = this.brierSum.merge(other.brierSum);
    merged.logLossSquares = this.logLossSquares.merge(other.logLossSquares);
    merged.brierSquares = this.brierSquares.merge(other.brierSquares);
    merged.scores = this.scores.merge(other.scores);
    return merged;
  }

  /** Every metric so far (NaN where undefined; never throws). */
  result(): ClassificationResult {
    const matrix = this.pairs.toConfusionMatrix();
    const averaged = (average: AverageMethod): PrecisionRecallF1 => {
      try {
        return precisionRecallF1FromConfusionMatrix(matrix, { average, posLabel: this.posLabel });
      } catch {
        return { precision: Number.NaN, recall: Number.NaN, f1: Number.NaN };
      }
    };
    const macro = averaged('macro');
    const headline = this.task === 'binary' ? averaged('binary') : macro;
    // Binary score metrics need at most two true classes (scikit-learn raises beyond).
    const truthClasses = matrix.counts.filter((row) => row.some((count) => count > 0)).length;
    const binaryScores = this.task === 'binary' && truthClasses <= 2;
    const auc = binaryScores ? this.scores.rocAuc() : { value: Number.NaN, errorBound: Number.NaN, exact: this.scores.isExact, standardError: Number.NaN };
    const logLoss = this.task === 'binary' && !binaryScores ? Number.NaN : this.logLossSum.value / this.scoredRows;
    const brierScore = binaryScores ? this.brierSum.value / this.scoredRows : Number.NaN;
    const accuracy = accuracyFromConfusionMatrix(matrix);
    return {
      task: this.task,
      count: this.count,
      scoredCount: this.scoredRows,
      skipped: this.skipped,
      confusionMatrix: matrix,
      accuracy,
      precision: headline.precision,
      recall: headline.recall,
      f1: headline.f1,
      macro,
      micro: averaged('micro'),
      weighted: averaged('weighted'),
      rocAuc: auc.value,
      rocAucErrorBound: auc.errorBound,
      rocAucExact: auc.exact,
      logLoss,
      brierScore,
      standardErrors: this.standardErrors(matrix, accuracy, auc, Number.isFinite(logLoss), Number.isFinite(brierScore)),
    };
  }

  /** The sampling errors of `result()` (see {@link ClassificationStandardErrors}). */
  private standardErrors(matrix: ConfusionMatrix, accuracy: number, auc: RocAucEstimate, hasLogLoss: boolean, hasBrier: boolean): ClassificationStandardErrors {
    const n = this.scoredRows;
    const errors: ClassificationStandardErrors = {
      accuracy: binomialStandardError(accuracy, this.count),
      precision: Number.NaN,
      recall: Number.NaN,
      f1: Number.NaN,
      rocAuc: Number.NaN,
      logLoss: hasLogLoss ? meanStandardError(this.logLossSum.value, this.logLossSquares.value, n) : Number.NaN,
      brierScore: hasBrier ? meanStandardError(this.brierSum.value, this.brierSquares.value, n) : Number.NaN,
    };
    if (this.task !== 'binary') return errors;
    const { truePositive, falsePositive, falseNegative } = oneVsRestCells(matrix, this.posLabel);
    errors.precision = binomialStandardError(truePositive / (truePositive + falsePositive), truePositive + falsePositive);
    errors.recall = binomialStandardError(truePositive / (truePositive + falseNegative), truePositive + falseNegative);
    errors.f1 = f1StandardError(truePositive, falsePositive, falseNegative);
    errors.rocAuc = auc.standardError;
    return errors;
  }

  /** Approximate bytes held now. */
  approxBytes(): number {
    return 256 + BYTES_PER_PAIR * this.pairs.entries().length + this.scores.approxBytes();
  }

  /** Upper bound of {@link approxBytes}: maxClasses² pairs plus the score store's bound. */
  maxBytes(): number {
    return 256 + BYTES_PER_PAIR * this.pairs.maxClasses ** 2 + this.scores.maxBytes();
  }

  toJSON(): ClassificationAccumulatorJson {
    return {
      type: 'classification-accumulator',
      options: this.options(),
      pairs: this.pairs.entries(),
      skipped: this.skipped,
      scoredCount: this.scoredRows,
      logLossSum: this.logLossSum.toJSON(),
      brierSum: this.brierSum.toJSON(),
      logLossSquares: this.logLossSquares.toJSON(),
      brierSquares: this.brierSquares.toJSON(),
      scores: this.scores.toJSON(),
    };
  }

  /** Reads back `toJSON()` (after JSON.stringify/parse). @throws TypeError naming the bad field. */
  static fromJSON(json: unknown): ClassificationAccumulator {
    const data = parseAccumulatorJson('ClassificationAccumulator', jsonSchema, json);
    const { classes, ...rest } = data.options;
    const restored = new ClassificationAccumulator({ ...rest, ...(classes === null ? {} : { classes }) });
    for (const [truth, prediction, count] of data.pairs) {
      if (!restored.validLabels(truth, prediction) || !restored.pairs.tryAdd(truth, prediction, count)) {
        throw new TypeError(`ClassificationAccumulator.fromJSON: pairs: ${JSON.stringify([truth, prediction])} does not fit the labels or maxClasses`);
      }
    }
    restored.skippedRows = { ...data.skipped };
    restored.scoredRows = data.scoredCount;
    restored.logLossSum = CompensatedSum.fromJSON(data.logLossSum);
    restored.brierSum = CompensatedSum.fromJSON(data.brierSum);
    restored.logLossSquares = CompensatedSum.fromJSON(data.logLossSquares);
    restored.brierSquares = CompensatedSum.fromJSON(data.brierSquares);
    restored.scores = RocScoreCounts.fromJSON(data.scores);
    if (restored.scores.maxExactScores !== rest.maxExactScores || restored.scores.bins !== rest.scoreBins) {
      throw new TypeError('ClassificationAccumulator.fromJSON: scores: options differ from options.maxExactScores/scoreBins');
    }
    return restored;
  }

  private options(): ClassificationAccumulatorJson['options'] {
    return {
      task: this.task,
      posLabel: this.posLabel,
      classes: this.classes === null ? null : [...this.classes],
      maxClasses: this.pairs.maxClasses,
      maxExactScores: this.scores.maxExactScores,
      scoreBins: this.scores.bins,
    };
  }

  private constructorOptions(): ClassificationAccumulatorOptions {
    const { classes, ...rest } = this.options();
    return classes === null ? rest : { ...rest, classes };
  }

  /** Both labels integers or strings, of one kind with each other and with the labels so far. */
  private validLabels(yTrue: unknown, yPred: unknown): yTrue is ClassLabel {
    const isLabel = (value: unknown) => typeof value === 'string' || (typeof value === 'number' && Number.isInteger(value));
    if (!isLabel(yTrue) || !isLabel(yPred) || typeof yTrue !== typeof yPred) return false;
    const kind = this.classes?.[0] ?? this.pairs.firstLabel();
    return kind === undefined || typeof kind === typeof yTrue;
  }

  /** The row's log loss, or null when the score is unusable. */
  private scoreRowLoss(yTrue: ClassLabel, score: number | readonly number[]): number | null {
    if (this.task === 'binary') {
      if (typeof score !== 'number' || !(score >= 0 && score <= 1)) return null;
      return binaryRowLogLoss(score, yTrue === this.posLabel);
    }
    if (!Array.isArray(score) || score.length < 2 || !score.every((p: unknown) => typeof p === 'number' && Number.isFinite(p))) return null;
    const column = this.columnByClass === null ? (typeof yTrue === 'number' && yTrue >= 0 && yTrue < score.length ? yTrue : undefined) : this.columnByClass.get(yTrue);
    if (column === undefined || (this.classes !== null && score.length !== this.classes.length)) return null;
    return rowLogLoss(score as number[], column);
  }
}

/** TP, FP and FN of `positive` against every other label of the matrix. */
function oneVsRestCells(matrix: ConfusionMatrix, positive: ClassLabel): { truePositive: number; falsePositive: number; falseNegative: number } {
  const index = matrix.labels.indexOf(positive);
  if (index < 0) return { truePositive: 0, falsePositive: 0, falseNegative: 0 };
  let falsePositive = 0;
  let falseNegative = 0;
  matrix.counts.forEach((row, truth) => {
    if (truth !== index) falsePositive += row[index] ?? 0;
  });
  (matrix.counts[index] ?? []).forEach((count, predicted) => {
    if (predicted !== index) falseNegative += count;
  });
  return { truePositive: matrix.counts[index]?.[index] ?? 0, falsePositive, falseNegative };
}
