/**
 * Prometheus names of the modelwatch metric contract (`docs/metrics.md`) that the panel reads.
 * The panel only ever matches these names; anything else comes in through a refId option.
 */
export const PROM_METRICS = {
  binObservations: 'ml_feature_bin_observations_total',
  binReferenceFraction: 'ml_feature_bin_reference_fraction',
  featureDriftScore: 'ml_feature_drift_score',
  featureDriftPValue: 'ml_feature_drift_p_value',
  featureDriftThreshold: 'ml_feature_drift_threshold',
  featureDriftDetected: 'ml_feature_drift_detected',
  featureWindowSamples: 'ml_feature_window_samples',
  predictionDriftScore: 'ml_prediction_drift_score',
  predictionDriftPValue: 'ml_prediction_drift_p_value',
  predictionDriftThreshold: 'ml_prediction_drift_threshold',
  predictionDriftDetected: 'ml_prediction_drift_detected',
} as const;

/** Prometheus label names of the contract's attributes. */
export const PROM_LABELS = {
  model: 'ml_model_name',
  version: 'ml_model_version',
  feature: 'ml_feature_name',
  method: 'ml_drift_method',
  binIndex: 'ml_bin_index',
  segment: 'ml_segment',
  le: 'le',
} as const;

/** The overflow value of bounded attributes (segments past the cap, fairness groups). */
export const OVERFLOW_VALUE = '__overflow__';

/** Drift methods that are statistical tests (drift when p < threshold); the rest are distances. */
export const TEST_METHODS: ReadonlySet<string> = new Set(['ks', 'chi_squared', 'z_test']);

/** Methods the monitor's default policy (`chooseDriftMethod`) picks for categorical columns only. */
export const CATEGORICAL_METHODS: ReadonlySet<string> = new Set(['chi_squared', 'z_test', 'jensen_shannon']);
