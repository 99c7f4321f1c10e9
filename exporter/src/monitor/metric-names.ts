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
} as const;

export type MonitorAttributeKey = keyof typeof MONITOR_ATTRIBUTES;

/** How an instrument is created: observable gauges and observable (monotonic, cumulative) counters only. */
export type MonitorInstrumentKind = 'ObservableGauge' | 'ObservableCounter';

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

function gauge(name: string, unit: string, attributes: readonly string[], description: string): MonitorMetricDefinition {
  return { name, instrument: 'ObservableGauge', unit, attributes, description };
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
