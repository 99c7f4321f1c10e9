/** Streaming, mergeable performance and fairness accumulators (no OpenTelemetry). */
export { ClassificationAccumulator } from './classification-accumulator.js';
export type { ClassificationAccumulatorJson, ClassificationAccumulatorOptions, ClassificationResult, ClassificationStandardErrors, ClassificationTask, SkippedClassificationRows } from './classification-accumulator.js';
export { RegressionAccumulator } from './regression-accumulator.js';
export type { RegressionAccumulatorJson, RegressionAccumulatorOptions, RegressionResult, RegressionStandardErrors } from './regression-accumulator.js';
export { FairnessAccumulator } from './fairness-accumulator.js';
export type { FairnessAccumulatorJson, FairnessAccumulatorOptions, FairnessResult } from './fairness-accumulator.js';
export { RocScoreCounts } from './roc-score-counts.js';
export type { RocAucEstimate, RocScoreCountsJson, RocScoreCountsOptions } from './roc-score-counts.js';
export { CompensatedSum } from './compensated-sum.js';
export { degradation, LOWER_IS_BETTER, TASK_METRICS, ESTIMATED_METRICS, classificationMetricValues, regressionMetricValues, classificationSamplingErrors, regressionSamplingErrors } from './metric-values.js';
export { binomialStandardError, delongStandardError, f1StandardError, meanStandardError, rmseStandardError } from './sampling-error.js';
export type { PerformanceTask } from './metric-values.js';
