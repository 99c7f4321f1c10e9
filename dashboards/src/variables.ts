import { QueryVariableBuilder, VariableRefresh, VariableSort } from '@grafana/grafana-foundation-sdk/dashboard';
import { DATASOURCE } from './config.js';
import { MODEL_MATCHERS } from './selectors.js';

/** A `label_values` query variable on the modelwatch datasource, refreshed when the time range changes. */
function labelValues(name: string, label: string, query: string, options: { multi: boolean; description: string }): QueryVariableBuilder {
  const builder = new QueryVariableBuilder(name)
    .label(label)
    .description(options.description)
    .datasource(DATASOURCE)
    .query({ qryType: 1, query, refId: 'PrometheusVariableQueryEditor-VariableQuery' })
    .refresh(VariableRefresh.OnTimeRangeChanged)
    .sort(VariableSort.AlphabeticalAsc);
  return options.multi ? builder.multi(true).includeAll(true).allValue('.*') : builder.multi(false).includeAll(false);
}

/** `$model`: one model name (every dashboard). */
export const modelVariable = (): QueryVariableBuilder =>
  labelValues('model', 'Model', 'label_values(ml_observations_total, ml_model_name)', { multi: false, description: 'ml.model.name of the monitor' });

/** `$version`: one or more versions of `$model` (every dashboard). */
export const versionVariable = (): QueryVariableBuilder =>
  labelValues('version', 'Version', 'label_values(ml_observations_total{ml_model_name="$model"}, ml_model_version)', {
    multi: true,
    description: 'ml.model.version; All compares versions side by side',
  });

/** `$feature` on the Feature drift dashboard: input features with a drift verdict (prediction and score columns have their own panels). */
export const driftFeatureVariable = (): QueryVariableBuilder =>
  labelValues('feature', 'Feature', `label_values(ml_feature_drift_score{${MODEL_MATCHERS}}, ml_feature_name)`, {
    multi: true,
    description: 'ml.feature.name: input features with at least minSamples values in the window',
  });

/** `$feature` on the Data quality dashboard: every profile column with rows in the window, prediction and score included. */
export const qualityFeatureVariable = (): QueryVariableBuilder =>
  labelValues('feature', 'Column', `label_values(ml_feature_window_samples{${MODEL_MATCHERS}}, ml_feature_name)`, {
    multi: true,
    description: 'ml.feature.name: columns of the reference profile',
  });

/** `$segment`: bounded segment values with labelled rows (Performance and segments). */
export const segmentVariable = (): QueryVariableBuilder =>
  labelValues('segment', 'Segment', `label_values(ml_observations_total{${MODEL_MATCHERS}}, ml_segment)`, {
    multi: true,
    description: 'ml.segment values (whole-model panels ignore it); __overflow__ holds the values past the cap',
  });

/** `$metric`: one performance metric with a baseline, for the per-segment degradation heatmap (Performance and segments). */
export const performanceMetricVariable = (): QueryVariableBuilder =>
  labelValues('metric', 'Segment metric', `label_values(ml_performance_degradation{${MODEL_MATCHERS}}, ml_performance_metric)`, {
    multi: false,
    description: 'ml.performance.metric shown by the per-segment degradation heatmap (metrics with a baseline in the profile)',
  });

/** `$attribute`: protected attributes configured for fairness (Fairness). */
export const attributeVariable = (): QueryVariableBuilder =>
  labelValues('attribute', 'Protected attribute', `label_values(ml_fairness_group_samples{${MODEL_MATCHERS}}, ml_fairness_attribute)`, {
    multi: true,
    description: 'ml.fairness.attribute',
  });
