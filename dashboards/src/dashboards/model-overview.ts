import { RowBuilder, type DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { DASHBOARD_UIDS, GUIDES } from '../config.js';
import { baseDashboard } from '../dashboard-base.js';
import { rising, stat, table, timeseries } from '../panels.js';
import { wholeModel } from '../performance-queries.js';
import { MODEL, MODEL_MATCHERS, withModel } from '../selectors.js';
import { modelVariable, versionVariable } from '../variables.js';

const WHOLE = wholeModel();

/** An edge of the ±2 SE band around the whole model's accuracy, replicas averaged per version. */
function accuracyBand(sign: 1 | -1): string {
  const se = `avg by (ml_model_version) (ml_performance_sampling_error${wholeModel('ml_performance_metric="accuracy"')})`;
  return `avg by (ml_model_version) (ml_performance_accuracy${WHOLE}) ${sign > 0 ? '+' : '-'} 2 * ${se}`;
}

/** Model overview: is the model healthy? Traffic, drift share, performance vs baseline, estimated performance, firing alerts. */
export function modelOverview(): DashboardBuilder {
  const { warning, critical } = GUIDES.degradation;
  return baseDashboard({
    uid: DASHBOARD_UIDS.overview,
    title: 'modelwatch / Model overview',
    description: 'Health of one model: traffic, data drift, realised and estimated performance against the baseline, alerts firing.',
    variables: [modelVariable(), versionVariable()],
  })
    .withRow(new RowBuilder('Health'))
    .withPanel(stat({ title: 'Observations / s', description: 'Inferences recorded by the monitor, all replicas and segments.', unit: 'ops', queries: [{ expr: `sum(rate(ml_observations_total${MODEL}[$__rate_interval]))` }] }))
    .withPanel(
      stat({
        title: 'Dataset drift share',
        description: 'Share of features whose drift verdict is positive (ml.dataset.drift.share); the monitor flags dataset drift at 50 % by default.',
        unit: 'percentunit',
        min: 0,
        max: 1,
        thresholds: rising(GUIDES.datasetDriftShare / 2, GUIDES.datasetDriftShare),
        queries: [{ expr: `max(ml_dataset_drift_share${MODEL})` }],
      }),
    )
    .withPanel(
      stat({
        title: 'Drifted features',
        description: 'Features whose drift verdict is 1 now (ml.feature.drift.detected).',
        thresholds: rising(1, 3),
        queries: [{ expr: `sum(ml_feature_drift_detected${MODEL} >= 0)` }],
      }),
    )
    .withPanel(
      stat({
        title: 'Accuracy degradation',
        description: 'Relative degradation of the whole model’s realised accuracy vs the reference baseline (positive = worse; worst replica or version). Per segment: the Performance and segments dashboard.',
        unit: 'percentunit',
        thresholds: rising(warning, critical),
        queries: [{ expr: `max(ml_performance_degradation${wholeModel('ml_performance_metric="accuracy"')})` }],
      }),
    )
    .withPanel(
      stat({
        title: 'Estimated accuracy degradation',
        description: 'Label-free (CBPE) estimate of the whole model’s accuracy degradation vs the baseline (worst replica or version).',
        unit: 'percentunit',
        thresholds: rising(warning, critical),
        queries: [{ expr: `max(ml_performance_estimated_degradation${wholeModel('ml_performance_metric="accuracy"')})` }],
      }),
    )
    .withPanel(
      stat({
        title: 'Alerts firing',
        description: 'Prometheus alerts of this model in state firing (ALERTS).',
        thresholds: [{ color: 'green' }, { color: 'red', value: 1 }],
        queries: [{ expr: `count(ALERTS{alertstate="firing", ${MODEL_MATCHERS}})` }],
      }),
    )
    .withRow(new RowBuilder('Drift'))
    .withPanel(
      timeseries({
        title: 'Dataset drift share',
        description: 'Share (and importance-weighted share, when the profile has importances) of drifted features over the window.',
        unit: 'percentunit',
        min: 0,
        max: 1,
        thresholds: [{ color: 'green' }, { color: 'red', value: GUIDES.datasetDriftShare }],
        queries: [
          { expr: `ml_dataset_drift_share${MODEL}`, legend: 'share {{ml_model_version}}' },
          { expr: `ml_dataset_drift_weighted_share${MODEL}`, legend: 'weighted {{ml_model_version}}' },
        ],
      }),
    )
    .withPanel(
      timeseries({
        title: 'Prediction drift and mean score',
        description: 'Drift score of the prediction/score column and the mean score over the window.',
        queries: [
          { expr: `ml_prediction_drift_score${MODEL}`, legend: '{{ml_feature_name}} {{ml_drift_method}} {{ml_model_version}}' },
          { expr: `ml_prediction_score_mean${MODEL}`, legend: 'mean score {{ml_model_version}}' },
        ],
      }),
    )
    .withRow(new RowBuilder('Performance vs baseline'))
    .withPanel(
      timeseries({
        title: 'Degradation vs baseline: realised and estimated',
        description: 'Whole model: relative degradation per metric, oriented so positive = worse (worst replica); realised needs labels, estimated (CBPE) does not.',
        unit: 'percentunit',
        thresholds: rising(warning, critical),
        queries: [
          { expr: `max by (ml_model_version, ml_performance_metric) (ml_performance_degradation${WHOLE})`, legend: 'realised {{ml_performance_metric}} {{ml_model_version}}' },
          { expr: `max by (ml_model_version, ml_performance_metric) (ml_performance_estimated_degradation${WHOLE})`, legend: 'estimated {{ml_performance_metric}} {{ml_model_version}}' },
        ],
      }),
    )
    .withPanel(
      timeseries({
        title: 'Accuracy: realised, estimated, baseline',
        description:
          'Whole model: realised accuracy (joined labels) with ±2 sampling errors of the window (dashed; a baseline inside the band is within noise), the CBPE estimate (no labels) and the value on the reference data. Replicas are averaged.',
        unit: 'percentunit',
        queries: [
          { expr: `avg by (ml_model_version) (ml_performance_accuracy${WHOLE})`, legend: 'realised {{ml_model_version}}' },
          { expr: accuracyBand(-1), legend: '−2 SE {{ml_model_version}}', style: 'band' },
          { expr: accuracyBand(1), legend: '+2 SE {{ml_model_version}}', style: 'band' },
          { expr: `avg by (ml_model_version) (ml_performance_estimated_accuracy${WHOLE})`, legend: 'estimated {{ml_model_version}}' },
          { expr: `max by (ml_model_version) (ml_performance_baseline${withModel('ml_performance_metric="accuracy"')})`, legend: 'baseline {{ml_model_version}}' },
        ],
      }),
    )
    .withRow(new RowBuilder('Alerts'))
    .withPanel(
      table({
        title: 'Alerts firing',
        description: 'Firing modelwatch alerts of this model with their labels; the runbook is in alert-rules/runbook.md.',
        width: 24,
        queries: [{ expr: `ALERTS{alertstate="firing", ${MODEL_MATCHERS}}`, instant: true, format: 'table' }],
      }),
    );
}
