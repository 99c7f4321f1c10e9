/**
 * Performance metrics by their `ml.performance.metric` names (the contract's values), read from the
 * accumulators' results; shared by the monitor (current window) and the profile (baseline), so both
 * name and orient them the same way.
 */
import type { ClassificationResult } from './classification-accumulator.js';
import type { RegressionResult } from './regression-accumulator.js';

/** The learning task. */
export type PerformanceTask = 'binary' | 'multiclass' | 'regression';

/** Metrics where a lower value is better (losses and errors); every other one is higher-is-better. */
export const LOWER_IS_BETTER: ReadonlySet<string> = new Set(['log_loss', 'brier', 'mae', 'rmse', 'mape']);

/** The `ml.performance.metric` names each task exports. */
export const TASK_METRICS: Readonly<Record<PerformanceTask, readonly string[]>> = {
  binary: ['accuracy', 'precision', 'recall', 'f1', 'roc_auc', 'log_loss', 'brier'],
  multiclass: ['accuracy', 'precision_macro', 'recall_macro', 'f1_macro', 'precision_weighted', 'recall_weighted', 'f1_weighted'],
  regression: ['mae', 'rmse', 'mape', 'r2'],
};

/** The CBPE metrics, named like the realised ones. */
export const ESTIMATED_METRICS = ['accuracy', 'precision', 'recall', 'f1', 'roc_auc'] as const;

/**
 * Relative degradation, positive = worse: (baseline − current)/|baseline| for higher-is-better
 * metrics, (current − baseline)/|baseline| for lower-is-better; null when baseline is 0 or either is not finite.
 * @example degradation('accuracy', 0.9, 0.81) // 0.1
 */
export function degradation(metric: string, baseline: number, current: number): number | null {
  if (!Number.isFinite(baseline) || !Number.isFinite(current) || baseline === 0) return null;
  const change = LOWER_IS_BETTER.has(metric) ? current - baseline : baseline - current;
  return change / Math.abs(baseline);
}

/** The entries whose value is finite, as a record. */
export function finiteRecord(entries: ReadonlyArray<readonly [string, number]>): Record<string, number> {
  const record: Record<string, number> = {};
  for (const [key, value] of entries) if (Number.isFinite(value)) record[key] = value;
  return record;
}

/** The task's classification metrics (finite ones only). */
export function classificationMetricValues(task: PerformanceTask, result: ClassificationResult): Record<string, number> {
  if (task === 'multiclass') {
    return finiteRecord([
      ['accuracy', result.accuracy],
      ['precision_macro', result.macro.precision],
      ['recall_macro', result.macro.recall],
      ['f1_macro', result.macro.f1],
      ['precision_weighted', result.weighted.precision],
      ['recall_weighted', result.weighted.recall],
      ['f1_weighted', result.weighted.f1],
    ]);
  }
  return finiteRecord([
    ['accuracy', result.accuracy],
    ['precision', result.precision],
    ['recall', result.recall],
    ['f1', result.f1],
    ['roc_auc', result.rocAuc],
    ['log_loss', result.logLoss],
    ['brier', result.brierScore],
  ]);
}

/** The regression metrics (finite ones only). */
export function regressionMetricValues(result: RegressionResult): Record<string, number> {
  return finiteRecord([
    ['mae', result.meanAbsoluteError],
    ['rmse', result.rootMeanSquaredError],
    ['mape', result.meanAbsolutePercentageError],
    ['r2', result.r2],
  ]);
}


/**
 * The sampling error (standard error over the window) of each realised metric that has one, by
 * `ml.performance.metric` name (finite ones only). Multiclass: accuracy only; regression: mae,
 * rmse, mape (R² has no closed form here).
 */
export function classificationSamplingErrors(task: PerformanceTask, result: ClassificationResult): Record<string, number> {
  const errors = result.standardErrors;
  if (task === 'multiclass') return finiteRecord([['accuracy', errors.accuracy]]);
  return finiteRecord([
    ['accuracy', errors.accuracy],
    ['precision', errors.precision],
    ['recall', errors.recall],
    ['f1', errors.f1],
    ['roc_auc', errors.rocAuc],
    ['log_loss', errors.logLoss],
    ['brier', errors.brierScore],
  ]);
}

/** The sampling errors of the regression metrics (finite ones only). */
export function regressionSamplingErrors(result: RegressionResult): Record<string, number> {
  return finiteRecord([
    ['mae', result.standardErrors.meanAbsoluteError],
    ['rmse', result.standardErrors.rootMeanSquaredError],
    ['mape', result.standardErrors.meanAbsolutePercentageError],
  ]);
}
