/**
 * The metric contract in code: every OpenTelemetry instrument the model monitor exports, with its
 * name, instrument type, unit and data-point attributes. `docs/metrics.md` documents the same list
 * (plus the Prometheus names after translation) and `test/monitor/metric-contract.test.ts` fails
 * when the two disagree. Dashboards, alert rules and the panel use names from that document only.
 *
 * Units are empty or `{annotation}` so that a metric has the same name on the OTLP push path
 * (vmagent, which appends unit suffixes) and the pull path (exporter-prometheus, which does not):
 * see docs/otlp-translation.md.
 */

/** Data-point attribute names. Values are bounded: never a raw feature value. */
export const MONITOR_ATTRIBUTES = {
  modelName: 'ml.model.name',
  modelVersion: 'ml.model.version',
  featureName: 'ml.feature.name',
  driftMethod: 'ml.drift.method',
  effectSizeMeasure: 'ml.drift.effect_size.measure',
  qualityCheck: 'ml.quality.check',
  binIndex: 'ml.bin.index',
  segment: 'ml.segment',
  dropReason: 'ml.drop.reason',
  overflowAttribute: 'ml.attribute.name',
  labelOutcome: 'ml.label.outcome',
  evictionReason: 'ml.eviction.reason',
  performanceAverage: 'ml.performance.average',
  performanceMetric: 'ml.performance.metric',
  quantile: 'ml.quantile',
  conceptDetector: 'ml.concept.detector',
  conceptStream: 'ml.concept.stream',
  fairnessAttribute: 'ml.fairness.attribute',
  fairnessGroup: 'ml.fairness.group',
} as const;

export type MonitorAttributeKey = keyof typeof MONITOR_ATTRIBUTES;

/**
 * How an instrument is created: observable gauges and observable (monotonic, cumulative) counters,
 * computed at collection; `Histogram` only for `ml.label.delay`, recorded synchronously by `label()`.
 */
export type MonitorInstrumentKind = 'ObservableGauge' | 'ObservableCounter' | 'Histogram';

/** One instrument of the contract. */
export interface MonitorMetricDefinition {
  name: string;
  instrument: MonitorInstrumentKind;
  /** Empty or an `{annotation}`, so push and pull names agree. */
  unit: string;
  /** Attribute names on every data point of this metric, in documentation order. */
  attributes: readonly string[];
  description: string;
}

const A = MONITOR_ATTRIBUTES;
const MODEL = [A.modelName, A.modelVersion] as const;
const FEATURE = [...MODEL, A.featureName] as const;
const FEATURE_DRIFT = [...FEATURE, A.driftMethod] as const;
const SEGMENT = [...MODEL, A.segment] as const;
const AVERAGED = [...SEGMENT, A.performanceAverage] as const;
const CONCEPT = [...MODEL, A.conceptDetector, A.conceptStream] as const;
const FAIRNESS_GROUP = [...MODEL, A.fairnessAttribute, A.fairnessGroup] as const;
const FAIRNESS = [...MODEL, A.fairnessAttribute] as const;

function gauge(name: string, unit: string, attributes: readonly string[], description: string): MonitorMetricDefinition {
  return { name, instrument: 'ObservableGauge', unit, attributes, description };
}

function histogram(name: string, unit: string, attributes: readonly string[], description: string): MonitorMetricDefinition {
  return { name, instrument: 'Histogram', unit, attributes, description };
}

function counter(name: string, unit: string, attributes: readonly string[], description: string): MonitorMetricDefinition {
  return { name, instrument: 'ObservableCounter', unit, attributes, description };
}

/** Every instrument of the model monitor, keyed by a stable identifier. */
export const MONITOR_METRICS = {
  featureDriftScore: gauge('ml.feature.drift.score', '{score}', FEATURE_DRIFT, 'Drift score of a feature over the window, as the method defines it (test statistic or distance).'),
  featureDriftPValue: gauge('ml.feature.drift.p_value', '{p_value}', FEATURE_DRIFT, 'p-value of the drift test; absent for distance methods.'),
  featureDriftThreshold: gauge('ml.feature.drift.threshold', '{threshold}', FEATURE_DRIFT, 'Threshold the verdict uses: p < threshold for tests, score >= threshold for distances.'),
  featureDriftEffectSize: gauge('ml.feature.drift.effect_size', '{effect_size}', [...FEATURE_DRIFT, A.effectSizeMeasure], 'Effect size beside the score (KS statistic, Cramér V, proportion difference or the distance itself).'),
  featureDriftDetected: gauge('ml.feature.drift.detected', '{verdict}', FEATURE_DRIFT, '1 when the feature drifted against its threshold, else 0.'),
  datasetDriftShare: gauge('ml.dataset.drift.share', '{share}', MODEL, 'Share of evaluated features (role feature) that drifted.'),
  datasetDriftDetected: gauge('ml.dataset.drift.detected', '{verdict}', MODEL, '1 when the drifted share reaches thresholds.datasetDriftShare, else 0.'),
  datasetDriftWeightedShare: gauge('ml.dataset.drift.weighted_share', '{share}', MODEL, 'Importance-weighted share of drifted features; only when the profile has importances.'),
  predictionDriftScore: gauge('ml.prediction.drift.score', '{score}', FEATURE_DRIFT, 'Drift score of the prediction or score column (ml.feature.name names the column).'),
  predictionDriftPValue: gauge('ml.prediction.drift.p_value', '{p_value}', FEATURE_DRIFT, 'p-value of the prediction/score drift test; absent for distance methods.'),
  predictionDriftThreshold: gauge('ml.prediction.drift.threshold', '{threshold}', FEATURE_DRIFT, 'Threshold of the prediction/score drift verdict.'),
  predictionDriftDetected: gauge('ml.prediction.drift.detected', '{verdict}', FEATURE_DRIFT, '1 when the prediction/score distribution drifted, else 0.'),
  predictionScoreMean: gauge('ml.prediction.score.mean', '{score}', MODEL, 'Mean of the observed scores (mean confidence) over the window.'),
  missingRatio: gauge('ml.feature.quality.missing_ratio', '{ratio}', FEATURE, 'Missing values (absent, null, undefined, empty string, NaN) / rows in the window.'),
  outOfRangeRatio: gauge('ml.feature.quality.out_of_range_ratio', '{ratio}', FEATURE, 'Numeric values outside the reference [min, max] or ±Infinity / numeric values in the window.'),
  unseenCategoryRatio: gauge('ml.feature.quality.unseen_category_ratio', '{ratio}', FEATURE, 'Categories the reference never saw / categorical values in the window (only when the profile lists every reference category).'),
  typeErrorRatio: gauge('ml.feature.quality.type_error_ratio', '{ratio}', FEATURE, 'Values of the wrong type or oversized strings / rows in the window.'),
  qualityEvents: counter('ml.quality.events', '{event}', [...FEATURE, A.qualityCheck], 'Data-quality events since start, per check; unknown input names count under ml.feature.name="__unknown__".'),
  windowSamples: gauge('ml.window.samples', '{observation}', MODEL, 'Observations in the current window.'),
  featureWindowSamples: gauge('ml.feature.window.samples', '{observation}', FEATURE, 'Usable values of the feature in the current window (the drift sample size).'),
  observations: counter('ml.observations', '{observation}', [...MODEL, A.segment], 'Observations recorded since start, per bounded segment value.'),
  observationsDropped: counter('ml.observations.dropped', '{observation}', [...MODEL, A.dropReason], 'Observations dropped whole since start, per reason (invalid_observation, invalid_timestamp, too_old, internal_error).'),
  binObservations: counter('ml.feature.bin.observations', '{observation}', [...FEATURE, A.binIndex], 'Values per reference bin since start (numeric: reference bin edges; categorical: reference category, last index = other). Sum over replicas for fleet-wide PSI/JS.'),
  binReferenceFraction: gauge('ml.feature.bin.reference_fraction', '{ratio}', [...FEATURE, A.binIndex], 'Share of the reference in each bin, aligned with ml.feature.bin.observations.'),
  attributeOverflow: counter('ml.attribute.overflow', '{observation}', [...MODEL, A.overflowAttribute], 'Observations whose attribute value was folded into the overflow value (cap or allowlist).'),
  labels: counter('ml.labels', '{label}', [...MODEL, A.labelOutcome], 'Labels given to monitor.label() since start, per outcome (joined, duplicate, unknown_id, too_late, invalid).'),
  predictionsEvicted: counter('ml.predictions.evicted', '{prediction}', [...MODEL, A.evictionReason], 'Predictions with an id dropped from the pending store before their label arrived, per reason (ttl, capacity).'),
  labelsPending: gauge('ml.labels.pending', '{prediction}', MODEL, 'Predictions with an id waiting for their label.'),
  labelCoverage: gauge('ml.label.coverage', '{ratio}', SEGMENT, 'Joined labels / predictions with an id, over the window by prediction time.'),
  labelDelay: histogram('ml.label.delay', '{second}', MODEL, 'Seconds from prediction to label of each joined label (Prometheus: _bucket, _sum, _count).'),
  performanceAccuracy: gauge('ml.performance.accuracy', '{ratio}', SEGMENT, 'Accuracy of the labels joined in the window (by label arrival).'),
  performancePrecision: gauge('ml.performance.precision', '{ratio}', AVERAGED, 'Precision over the window: binary (positive class), or macro and weighted for multiclass.'),
  performanceRecall: gauge('ml.performance.recall', '{ratio}', AVERAGED, 'Recall over the window: binary (positive class), or macro and weighted for multiclass.'),
  performanceF1: gauge('ml.performance.f1', '{ratio}', AVERAGED, 'F1 over the window: binary (positive class), or macro and weighted for multiclass.'),
  performanceRocAuc: gauge('ml.performance.roc_auc', '{ratio}', SEGMENT, 'ROC AUC of the scores over the window (binary).'),
  performanceLogLoss: gauge('ml.performance.log_loss', '{loss}', SEGMENT, 'Mean log loss of the scores over the window (binary).'),
  performanceBrier: gauge('ml.performance.brier', '{loss}', SEGMENT, 'Mean Brier score of the scores over the window (binary).'),
  performanceMae: gauge('ml.performance.mae', '{error}', SEGMENT, 'Mean absolute error over the window (regression).'),
  performanceRmse: gauge('ml.performance.rmse', '{error}', SEGMENT, 'Root mean squared error over the window (regression).'),
  performanceMape: gauge('ml.performance.mape', '{ratio}', SEGMENT, 'Mean absolute percentage error, as a fraction, over the window (regression).'),
  performanceR2: gauge('ml.performance.r2', '{score}', SEGMENT, 'Coefficient of determination R² over the window (regression).'),
  performancePinballLoss: gauge('ml.performance.pinball_loss', '{loss}', [...SEGMENT, A.quantile], 'Mean pinball loss at each configured quantile over the window (regression).'),
  performanceSamples: gauge('ml.performance.samples', '{observation}', SEGMENT, 'Labelled rows in the window.'),
  performanceBaseline: gauge('ml.performance.baseline', '{value}', [...MODEL, A.performanceMetric], "The metric's value on the reference data (the profile's baseline.metrics)."),
  performanceDegradation: gauge('ml.performance.degradation', '{ratio}', [...SEGMENT, A.performanceMetric], 'Relative degradation vs the baseline, positive = worse: (baseline − current)/|baseline| for higher-is-better metrics, (current − baseline)/|baseline| for losses and errors.'),
  performanceSamplingError: gauge('ml.performance.sampling_error', '{value}', [...SEGMENT, A.performanceMetric], 'Standard error of the realised metric over the window (sampling error): binomial for accuracy, precision, recall; delta method for F1 and RMSE; DeLong for ROC AUC; std of the per-row loss / √n for log loss, Brier, MAE, MAPE.'),
  estimatedAccuracy: gauge('ml.performance.estimated.accuracy', '{ratio}', SEGMENT, 'CBPE estimate of the accuracy from the scores of the window (by prediction time), without labels.'),
  estimatedPrecision: gauge('ml.performance.estimated.precision', '{ratio}', SEGMENT, 'CBPE estimate of the precision from the scores of the window, without labels.'),
  estimatedRecall: gauge('ml.performance.estimated.recall', '{ratio}', SEGMENT, 'CBPE estimate of the recall from the scores of the window, without labels.'),
  estimatedF1: gauge('ml.performance.estimated.f1', '{ratio}', SEGMENT, 'CBPE estimate of the F1 from the scores of the window, without labels.'),
  estimatedRocAuc: gauge('ml.performance.estimated.roc_auc', '{ratio}', SEGMENT, 'CBPE estimate of the ROC AUC from the scores of the window, without labels.'),
  estimatedDegradation: gauge('ml.performance.estimated.degradation', '{ratio}', [...SEGMENT, A.performanceMetric], 'Relative degradation of the CBPE estimate vs the baseline, positive = worse.'),
  estimatedSamplingError: gauge('ml.performance.estimated.sampling_error', '{value}', [...SEGMENT, A.performanceMetric], 'Standard error of the realised metric expected on a window of this size, from the CBPE expected confusion cells (binomial, delta method for F1, DeLong for ROC AUC).'),
  conceptDetections: counter('ml.concept.drift.detections', '{detection}', CONCEPT, 'Concept-drift detections since start, per detector and stream (error: 0/1 errors of joined labels or |error|; score: the scores).'),
  conceptState: gauge('ml.concept.drift.state', '{state}', CONCEPT, 'Detector state: 0 stable, 1 warning, 2 drift detected within the current window.'),
  fairnessSelectionRate: gauge('ml.fairness.selection_rate', '{ratio}', FAIRNESS_GROUP, 'Share of predicted positives in the group, over the window of joined labels.'),
  fairnessTruePositiveRate: gauge('ml.fairness.true_positive_rate', '{ratio}', FAIRNESS_GROUP, 'True positive rate of the group over the window (absent without positives).'),
  fairnessFalsePositiveRate: gauge('ml.fairness.false_positive_rate', '{ratio}', FAIRNESS_GROUP, 'False positive rate of the group over the window (absent without negatives).'),
  fairnessGroupSamples: gauge('ml.fairness.group.samples', '{observation}', FAIRNESS_GROUP, 'Joined labels of the group in the window (small groups are noisy).'),
  fairnessDemographicParityDifference: gauge('ml.fairness.demographic_parity_difference', '{ratio}', FAIRNESS, 'Max − min selection rate over the groups of the attribute.'),
  fairnessDisparateImpactRatio: gauge('ml.fairness.disparate_impact_ratio', '{ratio}', FAIRNESS, 'Min / max selection rate over the groups; outside the four-fifths band 0.8–1.25 is a flag.'),
  fairnessEqualOpportunityDifference: gauge('ml.fairness.equal_opportunity_difference', '{ratio}', FAIRNESS, 'Max − min true positive rate over the groups with positives.'),
  fairnessEqualizedOddsDifference: gauge('ml.fairness.equalized_odds_difference', '{ratio}', FAIRNESS, 'Max of the TPR and FPR differences over the groups.'),
} as const satisfies Record<string, MonitorMetricDefinition>;

export type MonitorMetricKey = keyof typeof MONITOR_METRICS;

/** The feature name under which input keys that are not in the profile are counted. */
export const UNKNOWN_FEATURE = '__unknown__';

/** The segment value that stands for every value past the cap or outside the allowlist. */
export const OVERFLOW_SEGMENT = '__overflow__';

/** The segment value of observations given without a segment. */
export const NO_SEGMENT = '';

/** Values of `ml.quality.check`. */
export const QUALITY_EVENT_CHECKS = ['missing', 'type_error', 'oversized_string', 'non_finite', 'out_of_range', 'unseen_category', 'unknown_feature'] as const;
export type QualityEventCheck = (typeof QUALITY_EVENT_CHECKS)[number];

/** Values of `ml.drop.reason`. */
export const DROP_REASONS = ['invalid_observation', 'invalid_timestamp', 'too_old', 'internal_error'] as const;
export type DropReason = (typeof DROP_REASONS)[number];

/** Values of `ml.label.outcome`. */
export const LABEL_OUTCOMES = ['joined', 'duplicate', 'unknown_id', 'too_late', 'invalid'] as const;
export type LabelOutcome = (typeof LABEL_OUTCOMES)[number];

/** Values of `ml.eviction.reason`. */
export const EVICTION_REASONS = ['ttl', 'capacity'] as const;
export type EvictionReason = (typeof EVICTION_REASONS)[number];

/** Values of `ml.concept.detector`. */
export const CONCEPT_DETECTORS = ['adwin', 'ddm', 'eddm', 'hddm_a', 'hddm_w', 'page_hinkley', 'kswin', 'cusum'] as const;
export type ConceptDetectorName = (typeof CONCEPT_DETECTORS)[number];

/** Values of `ml.concept.stream`. */
export const CONCEPT_STREAMS = ['error', 'score'] as const;
export type ConceptStream = (typeof CONCEPT_STREAMS)[number];

/** Values of `ml.performance.average`. */
export const PERFORMANCE_AVERAGES = ['binary', 'macro', 'weighted'] as const;
export type PerformanceAverage = (typeof PERFORMANCE_AVERAGES)[number];

/** Explicit bucket boundaries (seconds) of `ml.label.delay`: 1 s … 7 days. */
export const LABEL_DELAY_BUCKETS = [1, 5, 15, 60, 300, 900, 3600, 14400, 86400, 259200, 604800] as const;

/** The OTel log event name of each concept-drift detection. */
export const CONCEPT_DRIFT_EVENT = 'ml.concept.drift';
