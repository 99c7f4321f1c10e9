import { alertAnnotations, alertLabels, FEATURE_TEMPLATE } from './annotations.js';
import { presenceCondition } from './conditions.js';
import type { AlertRulesConfig } from './config.js';
import { FEATURE_LABELS, groupingLabels, maxBy, metricSelector } from './promql.js';
import type { RuleGroup } from './rule-types.js';

/** Drift methods whose verdict is `score >= threshold` (docs/metrics.md, `ml.drift.method`). */
export const DISTANCE_METHODS = ['psi', 'jensen_shannon', 'wasserstein_normalized', 'kl', 'hellinger', 'total_variation'] as const;
/** Drift methods whose verdict is `p_value < threshold`. */
export const TEST_METHODS = ['ks', 'chi_squared', 'z_test'] as const;

const ALERT = 'MlFeatureDrift';

/** Template that looks up the exported threshold of the alert's feature and method. */
const THRESHOLD_TEMPLATE =
  '{{ with printf "max(ml_feature_drift_threshold{ml_model_name=%q, ml_model_version=%q, ml_feature_name=%q, ml_drift_method=%q})" ' +
  '$labels.ml_model_name $labels.ml_model_version $labels.ml_feature_name $labels.ml_drift_method | query }}' +
  '{{ . | first | value | printf "%.4g" }}{{ else }}unknown{{ end }}';

/**
 * Feature drift: warning when the monitor's own verdict (`ml_feature_drift_detected == 1`) holds;
 * critical when the drift is large (distance score >= multiplier × threshold, or test effect size >= limit).
 * Both share the alert name, so Alertmanager's critical-over-warning inhibition applies per feature.
 */
export function featureDriftGroup(config: AlertRulesConfig): RuleGroup {
  const { featureDrift } = config;
  const by = groupingLabels([...FEATURE_LABELS, 'ml_drift_method'], config);
  const score = maxBy(by, metricSelector('ml_feature_drift_score', config));
  const detected = maxBy(by, metricSelector('ml_feature_drift_detected', config));
  const distanceScore = maxBy(by, metricSelector('ml_feature_drift_score', config, `ml_drift_method=~"${DISTANCE_METHODS.join('|')}"`));
  const threshold = maxBy(by, metricSelector('ml_feature_drift_threshold', config));
  const testEffect = maxBy(by, metricSelector('ml_feature_drift_effect_size', config, `ml_drift_method=~"${TEST_METHODS.join('|')}"`));
  return {
    name: 'modelwatch-feature-drift',
    interval: config.evaluationInterval,
    rules: [
      {
        alert: ALERT,
        ...presenceCondition(
          `(${score}) and on (${by}) (${detected} == 1)`,
          by,
          `The ${FEATURE_TEMPLATE} drifted ({{ $labels.ml_drift_method }} verdict of the monitor held for ${featureDrift.warningFor}).`,
        ),
        for: featureDrift.warningFor,
        labels: alertLabels('warning', 'drift'),
        annotations: alertAnnotations(
          ALERT,
          'A model input feature drifted from its reference distribution.',
          `The ${FEATURE_TEMPLATE} drifted: {{ $labels.ml_drift_method }} score {{ $value | printf "%.4g" }}, threshold ${THRESHOLD_TEMPLATE}.`,
          config,
        ),
      },
      {
        alert: ALERT,
        ...presenceCondition(
          `(${distanceScore} >= on (${by}) ${featureDrift.criticalScoreMultiplier} * ${threshold})` +
            ` or ((${testEffect} >= ${featureDrift.criticalEffectSize}) and on (${by}) (${detected} == 1))`,
          by,
          `The ${FEATURE_TEMPLATE} drifted strongly ({{ $labels.ml_drift_method }}): distance at or above ` +
            `${featureDrift.criticalScoreMultiplier} × its threshold, or a test effect size at or above ${featureDrift.criticalEffectSize}.`,
        ),
        for: featureDrift.criticalFor,
        labels: alertLabels('critical', 'drift'),
        annotations: alertAnnotations(
          ALERT,
          'A model input feature drifted far from its reference distribution.',
          `The ${FEATURE_TEMPLATE} drifted strongly: {{ $labels.ml_drift_method }} value {{ $value | printf "%.4g" }} ` +
            `(critical at ${featureDrift.criticalScoreMultiplier} × threshold ${THRESHOLD_TEMPLATE} for distances, ` +
            `effect size ${featureDrift.criticalEffectSize} for tests).`,
          config,
        ),
      },
    ],
  };
}
