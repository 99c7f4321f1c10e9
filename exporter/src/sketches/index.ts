export type { MergeableSketch, SketchEstimate } from './types.js';
export { FixedEdgeHistogram, type FixedEdgeHistogramJson } from './fixed-edge-histogram.js';
export { QuantileSketch, type QuantileSketchJson, type QuantileSketchOptions, type QuantileSketchStoreJson } from './quantile-sketch.js';
export { approxKsStatistic, approxKsStatisticWithBound } from './approx-ks-statistic.js';
export { approxWasserstein, approxWassersteinWithBound } from './approx-wasserstein.js';
export { FrequentItems, type FrequentItem, type FrequentItemsJson } from './frequent-items.js';
export { RunningMoments, type RunningMomentsJson } from './running-moments.js';
