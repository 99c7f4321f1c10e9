import { RowBuilder, type DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { DASHBOARD_UIDS } from '../config.js';
import { baseDashboard } from '../dashboard-base.js';
import { driftPanel, stateTimeline, timeseries } from '../panels.js';
import { FEATURE, MODEL, withModel } from '../selectors.js';
import { driftFeatureVariable, modelVariable, versionVariable } from '../variables.js';

const BY_FEATURE = withModel(FEATURE);
const ONE_FEATURE = withModel('ml_feature_name="$feature"');

/**
 * Feature drift: the modelwatch panel's drift table (every feature) and distribution view (one per
 * selected feature, repeated), then per-feature score, p-value, effect size, verdicts and sample sizes.
 * The plugin recognises plain selectors by metric name (`__name__`) and the two aggregated bin queries,
 * which lose the name, by their refIds `current` and `reference` (grafana-plugin/README.md); the other
 * refIds only name the queries.
 */
export function featureDrift(): DashboardBuilder {
  return baseDashboard({
    uid: DASHBOARD_UIDS.featureDrift,
    title: 'modelwatch / Feature drift',
    description: 'Which input features drifted, how far, and how their current distribution compares with the reference.',
    variables: [modelVariable(), versionVariable(), driftFeatureVariable()],
  })
    .withRow(new RowBuilder('Drift table'))
    .withPanel(
      driftPanel({
        title: 'Drift by feature',
        description: 'Every feature of the model: score, p-value, threshold, verdict and sample size, sorted by importance × drift; sparkline of the score.',
        width: 24,
        height: 10,
        options: { view: 'table', model: '$model' },
        queries: [
          { refId: 'score', expr: `ml_feature_drift_score${BY_FEATURE}`, legend: '{{ml_feature_name}}' },
          { refId: 'p_value', expr: `ml_feature_drift_p_value${BY_FEATURE}`, legend: '{{ml_feature_name}}' },
          { refId: 'threshold', expr: `ml_feature_drift_threshold${BY_FEATURE}`, legend: '{{ml_feature_name}}' },
          { refId: 'detected', expr: `ml_feature_drift_detected${BY_FEATURE}`, legend: '{{ml_feature_name}}' },
          { refId: 'samples', expr: `ml_feature_window_samples${BY_FEATURE}`, legend: '{{ml_feature_name}}' },
        ],
      }),
    )
    .withRow(new RowBuilder('Distributions'))
    .withPanel(
      driftPanel({
        title: 'Reference vs current: $feature',
        description: 'Current share of each reference bin (values counted over the time range) beside the reference share, with the verdict, drift score, method, threshold, p-value (tests only) and sample size.',
        height: 9,
        width: 8,
        repeat: 'feature',
        options: { view: 'distribution', model: '$model', feature: '$feature' },
        queries: [
          { refId: 'current', expr: `sum by (ml_bin_index) (increase(ml_feature_bin_observations_total${ONE_FEATURE}[$__range]))`, instant: true, format: 'table' },
          { refId: 'reference', expr: `max by (ml_bin_index) (ml_feature_bin_reference_fraction${ONE_FEATURE})`, instant: true, format: 'table' },
          { refId: 'score', expr: `ml_feature_drift_score${ONE_FEATURE}`, instant: true, format: 'table' },
          { refId: 'threshold', expr: `ml_feature_drift_threshold${ONE_FEATURE}`, instant: true, format: 'table' },
          { refId: 'p_value', expr: `ml_feature_drift_p_value${ONE_FEATURE}`, instant: true, format: 'table' },
          { refId: 'detected', expr: `ml_feature_drift_detected${ONE_FEATURE}`, instant: true, format: 'table' },
          { refId: 'samples', expr: `ml_feature_window_samples${ONE_FEATURE}`, instant: true, format: 'table' },
        ],
      }),
    )
    .withRow(new RowBuilder('Over time'))
    .withPanel(
      timeseries({
        title: 'Drift score per feature',
        description: 'Score as the method defines it (test statistic or distance; the method is in the legend). The verdict compares p-values for tests and the score for distances with ml.feature.drift.threshold.',
        queries: [{ expr: `ml_feature_drift_score${BY_FEATURE}`, legend: '{{ml_feature_name}} {{ml_drift_method}}' }],
      }),
    )
    .withPanel(
      timeseries({
        title: 'p-value per feature (tests)',
        description: 'p-values of the KS, chi-squared and z tests; drift when p < threshold (dashed line at 0.05).',
        unit: 'none',
        min: 0,
        max: 1,
        thresholds: [{ color: 'red' }, { color: 'green', value: 0.05 }],
        queries: [{ expr: `ml_feature_drift_p_value${BY_FEATURE}`, legend: '{{ml_feature_name}} {{ml_drift_method}}' }],
      }),
    )
    .withPanel(
      timeseries({
        title: 'Effect size per feature',
        description: 'Effect size beside the score (KS statistic, Cramér V, proportion difference or the distance itself): how big the change is, whatever the sample size.',
        queries: [{ expr: `ml_feature_drift_effect_size${BY_FEATURE}`, legend: '{{ml_feature_name}} {{ml_drift_effect_size_measure}}' }],
      }),
    )
    .withPanel(
      stateTimeline({
        title: 'Drift verdicts',
        description: 'ml.feature.drift.detected per feature: 0 no drift, 1 drift.',
        states: { 0: { text: 'stable', color: 'green' }, 1: { text: 'drift', color: 'red' } },
        queries: [{ expr: `max by (ml_feature_name) (ml_feature_drift_detected${BY_FEATURE})`, legend: '{{ml_feature_name}}' }],
      }),
    )
    .withPanel(
      timeseries({
        title: 'Drift sample size per feature',
        description: 'Usable values of each feature in the window: drift gauges appear from minSamples (default 30).',
        unit: 'short',
        queries: [{ expr: `ml_feature_window_samples${BY_FEATURE}`, legend: '{{ml_feature_name}} {{ml_model_version}}' }],
      }),
    )
    .withPanel(
      timeseries({
        title: 'Prediction / score drift',
        description: 'Drift of the model output column against the reference (ml.prediction.drift.score).',
        queries: [{ expr: `ml_prediction_drift_score${MODEL}`, legend: '{{ml_feature_name}} {{ml_drift_method}} {{ml_model_version}}' }],
      }),
    );
}
