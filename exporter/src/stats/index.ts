/**
 * The statistics core: pure functions, each matching a SciPy / scikit-learn call (named in its doc
 * comment) and checked against the reference vectors. See docs/statistics.md.
 */
export * from './binning.js';
// two-sample tests with p-values
export * from './ks-two-sample.js';
export * from './chi-squared-goodness-of-fit.js';
export * from './chi-squared-contingency.js';
export * from './anderson-darling.js';
export * from './cramer-von-mises.js';
export * from './two-proportion-z-test.js';
// distances and divergences
export { normalizeProbabilities } from './normalize.js';
export * from './psi.js';
export * from './jensen-shannon.js';
export { wassersteinDistance, normalizedWasserstein, wassersteinFromBinCounts } from './wasserstein.js';
export type { WassersteinOptions, NormalizedWassersteinResult } from './wasserstein.js';
export * from './kl-divergence.js';
export * from './hellinger.js';
export * from './total-variation.js';
export * from './mmd.js';
// distributions
export { chiSquaredSf } from './distributions/chi-squared-sf.js';
export { kolmogorovLimitSf } from './distributions/kolmogorov-limit-sf.js';
export { kolmogorovSmirnovSf } from './distributions/kolmogorov-smirnov-sf.js';
export { normalSf } from './distributions/normal-sf.js';
export { smirnovSf } from './distributions/smirnov-sf.js';
// model performance
export { compareClassLabels, sortedUniqueLabels } from './class-labels.js';
export type { ClassLabel } from './class-labels.js';
export * from './confusion-matrix-accumulator.js';
export * from './confusion-matrix.js';
export * from './accuracy.js';
export * from './precision-recall-f1.js';
export * from './roc-auc.js';
export * from './log-loss.js';
export * from './brier-score.js';
export * from './regression-errors.js';
export * from './median-absolute-error.js';
export { RegressionErrorAccumulator } from './regression-error-accumulator.js';
// fairness
export * from './group-fairness.js';
export * from './group-fairness-accumulator.js';
