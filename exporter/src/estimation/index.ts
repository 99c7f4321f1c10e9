/**
 * Label-free performance estimation for binary classifiers (NannyML's CBPE): isotonic calibration
 * on the labelled reference, then expected confusion cells, accuracy, precision, recall, F1 and
 * ROC AUC per window from scores alone. See docs (fragment cbpe.md) for assumptions and accuracy.
 */
export { IsotonicCalibrationMap } from './isotonic-calibration-map.js';
export type { IsotonicCalibrationMapJson } from './isotonic-calibration-map.js';
export { fitIsotonicRegression } from './isotonic-regression.js';
export { metricsFromExpectedConfusion } from './expected-confusion.js';
export type { ExpectedConfusion, ExpectedClassificationMetrics } from './expected-confusion.js';
export { expectedRocAuc, expectedRocAucStandardError } from './expected-roc-auc.js';
export type { CbpeEstimate } from './cbpe-estimate.js';
export { cbpeSamplingErrors } from './cbpe-sampling-error.js';
export type { CbpeSamplingErrors } from './cbpe-sampling-error.js';
export { CbpeAccumulator, DEFAULT_CBPE_AUC_BINS } from './cbpe-accumulator.js';
export type { CbpeCalibration } from './cbpe-accumulator.js';
export { CbpeModel, fitCbpe } from './cbpe.js';
export type { CbpeFitOptions, CbpeModelJson } from './cbpe.js';
