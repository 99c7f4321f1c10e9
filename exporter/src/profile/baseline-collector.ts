/**
 * The performance baseline of a reference profile, collected row by row beside the column
 * profilers: realised metrics on the reference (the streaming accumulators, so they equal the
 * batch functions) and, for binary tasks with a score, the CBPE calibration. Memory is bounded:
 * the accumulators are bounded, and the calibration fits on at most `maxCalibrationRows`
 * (score, label) pairs (a seeded reservoir sample beyond). @internal
 */
import { fitCbpe } from '../estimation/cbpe.js';
import { ClassificationAccumulator } from '../performance/classification-accumulator.js';
import { classificationMetricValues, regressionMetricValues, type PerformanceTask } from '../performance/metric-values.js';
import { RegressionAccumulator } from '../performance/regression-accumulator.js';
import type { ClassLabel } from '../stats/class-labels.js';
import type { ProfileBaseline } from './schema.js';

/** Distinct integer targets above which a numeric target is read as regression. */
const MAX_CLASSES = 50;
/** (score, label) pairs kept for the CBPE calibration. */
export const MAX_CALIBRATION_ROWS = 100_000;

function classLabelOf(raw: unknown): ClassLabel | undefined {
  if (raw === true) return 1;
  if (raw === false) return 0;
  if (typeof raw === 'number') return Number.isInteger(raw) ? raw : undefined;
  if (typeof raw === 'string') return raw.length > 0 ? raw : undefined;
  return undefined;
}

export interface BaselineCollectorOptions {
  target: string;
  prediction: string | undefined;
  score: string | undefined;
  /** Default: inferred from the target values (see docs/profiles.md). */
  task: PerformanceTask | undefined;
  /** Binary positive class (default 1). */
  positiveLabel: ClassLabel;
  /** A score at or above it is predicted positive (binary). */
  threshold: number;
}

export class BaselineCollector {
  private readonly options: BaselineCollectorOptions;
  private readonly classification: ClassificationAccumulator;
  private readonly regression = new RegressionAccumulator({ maxExactErrors: 0 });
  private readonly classes = new Set<ClassLabel>();
  private numericTargets = 0;
  private fractionalTargets = 0;
  private rows = 0;
  private readonly calibrationScores: number[] = [];
  private readonly calibrationLabels: number[] = [];
  private scored = 0;
  private seed = 0x9e3779b9;

  constructor(options: BaselineCollectorOptions) {
    this.options = options;
    this.classification = new ClassificationAccumulator({ task: 'binary', posLabel: options.positiveLabel, maxClasses: MAX_CLASSES + 1, maxExactScores: 100_000 });
  }

  /** Adds one reference row's target, prediction and score (any of them may be missing). */
  add(rawTarget: unknown, rawPrediction: unknown, rawScore: unknown): void {
    if (rawTarget === undefined || rawTarget === null || rawTarget === '') return;
    this.rows++;
    const score = typeof rawScore === 'number' && Number.isFinite(rawScore) ? rawScore : undefined;
    if (typeof rawTarget === 'number' && Number.isFinite(rawTarget)) {
      this.numericTargets++;
      if (!Number.isInteger(rawTarget)) this.fractionalTargets++;
      if (typeof rawPrediction === 'number') this.regression.record(rawTarget, rawPrediction);
    }
    const truth = classLabelOf(rawTarget);
    if (truth === undefined) return;
    if (this.classes.size <= MAX_CLASSES) this.classes.add(truth);
    const positive = truth === this.options.positiveLabel ? 1 : 0;
    const predicted = classLabelOf(rawPrediction) ?? (score === undefined || typeof this.options.positiveLabel !== 'number' ? undefined : score >= this.options.threshold ? this.options.positiveLabel : this.options.positiveLabel === 0 ? 1 : 0);
    if (predicted !== undefined) this.classification.record(truth, predicted, score !== undefined && score >= 0 && score <= 1 ? score : undefined);
    if (score !== undefined) this.keepCalibrationPair(score, positive);
  }

  /** Reservoir sampling (algorithm R, seeded xorshift) of the (score, label) pairs. */
  private keepCalibrationPair(score: number, label: number): void {
    this.scored++;
    if (this.calibrationScores.length < MAX_CALIBRATION_ROWS) {
      this.calibrationScores.push(score);
      this.calibrationLabels.push(label);
      return;
    }
    this.seed ^= this.seed << 13;
    this.seed ^= this.seed >>> 17;
    this.seed ^= this.seed << 5;
    const slot = (this.seed >>> 0) % this.scored;
    if (slot < MAX_CALIBRATION_ROWS) {
      this.calibrationScores[slot] = score;
      this.calibrationLabels[slot] = label;
    }
  }

  /** The task: the option, else regression for fractional or many-valued numeric targets, binary for ≤ 2 classes, multiclass otherwise. */
  task(): PerformanceTask {
    if (this.options.task !== undefined) return this.options.task;
    const numericOnly = this.numericTargets === this.rows;
    if (numericOnly && (this.fractionalTargets > 0 || this.classes.size > MAX_CLASSES)) return 'regression';
    return this.classes.size <= 2 ? 'binary' : 'multiclass';
  }

  /** The baseline block of the profile (metrics empty when no labelled row had a usable prediction). */
  finish(): ProfileBaseline {
    const { target, prediction, score } = this.options;
    const task = this.task();
    const samples = task === 'regression' ? this.regression.count : this.classification.count;
    const metrics = samples === 0 ? {} : task === 'regression' ? regressionMetricValues(this.regression.result()) : classificationMetricValues(task, this.classification.result());
    const calibration = task === 'binary' ? this.calibration() : undefined;
    return {
      target,
      ...(prediction === undefined ? {} : { prediction }),
      ...(score === undefined ? {} : { score }),
      task,
      ...(task === 'binary' && score !== undefined ? { threshold: this.options.threshold } : {}),
      samples,
      metrics,
      ...(calibration === undefined ? {} : { calibration }),
    };
  }

  private calibration(): unknown {
    const positives = this.calibrationLabels.reduce((sum, label) => sum + label, 0);
    if (positives === 0 || positives === this.calibrationLabels.length) return undefined;
    try {
      return fitCbpe({ scores: this.calibrationScores, labels: this.calibrationLabels, threshold: this.options.threshold }).toJSON();
    } catch {
      return undefined;
    }
  }
}
