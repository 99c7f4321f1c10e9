import { RowBuilder, type DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { DASHBOARD_UIDS, GUIDES } from '../config.js';
import { baseDashboard } from '../dashboard-base.js';
import { barGauge, bucketHeatmap, rising, timeseries } from '../panels.js';
import { MODEL, SEGMENT, withModel } from '../selectors.js';
import { modelVariable, segmentVariable, versionVariable } from '../variables.js';

const SEG = withModel(SEGMENT);
const SEG_LEGEND = '{{ml_segment}} {{ml_model_version}}';

/** Realised vs estimated: one panel per classification metric with realised (labels), CBPE estimate and baseline. */
function realisedVsEstimated(metric: 'accuracy' | 'precision' | 'recall' | 'f1' | 'roc_auc', title: string) {
  const averaged = metric === 'precision' || metric === 'recall' || metric === 'f1';
  const realisedLegend = averaged ? `realised {{ml_performance_average}} ${SEG_LEGEND}` : `realised ${SEG_LEGEND}`;
  return timeseries({
    title,
    description: `Realised ${metric} over labels joined in the window (by label arrival), the CBPE estimate without labels (binary classifiers), and the value on the reference data.`,
    unit: 'percentunit',
    width: 8,
    queries: [
      { expr: `ml_performance_${metric}${SEG}`, legend: realisedLegend },
      { expr: `ml_performance_estimated_${metric}${SEG}`, legend: `estimated ${SEG_LEGEND}` },
      { expr: `ml_performance_baseline${withModel(`ml_performance_metric="${metric}"`)}`, legend: 'baseline {{ml_model_version}}' },
    ],
  });
}

/** Regression error over the window, per segment. */
function regressionError(metric: 'mae' | 'rmse' | 'mape' | 'r2', title: string) {
  return timeseries({
    title,
    description: `Realised ${metric} of a regression model over labels joined in the window, per segment, with the reference baseline.`,
    width: 6,
    unit: metric === 'mape' ? 'percentunit' : 'short',
    queries: [
      { expr: `ml_performance_${metric}${SEG}`, legend: `realised ${SEG_LEGEND}` },
      { expr: `ml_performance_baseline${withModel(`ml_performance_metric="${metric}"`)}`, legend: 'baseline {{ml_model_version}}' },
    ],
  });
}

/**
 * Performance and segments: realised vs estimated performance, degradation vs baseline, losses and
 * regression errors, per segment; label coverage, delay and outcomes; concept-drift detections.
 */
export function performanceSegments(): DashboardBuilder {
  const { warning, critical } = GUIDES.degradation;
  return baseDashboard({
    uid: DASHBOARD_UIDS.performance,
    title: 'modelwatch / Performance and segments',
    description: 'Realised performance from delayed labels, label-free estimates (CBPE), degradation vs the baseline, per segment; label coverage and delay; concept drift.',
    variables: [modelVariable(), versionVariable(), segmentVariable()],
  })
    .withRow(new RowBuilder('Classification: realised vs estimated'))
    .withPanel(realisedVsEstimated('accuracy', 'Accuracy'))
    .withPanel(realisedVsEstimated('f1', 'F1'))
    .withPanel(realisedVsEstimated('roc_auc', 'ROC AUC'))
    .withPanel(realisedVsEstimated('precision', 'Precision'))
    .withPanel(realisedVsEstimated('recall', 'Recall'))
    .withPanel(
      timeseries({
        title: 'Log loss and Brier score',
        description: 'Probabilistic losses of the scores against joined labels (lower is better).',
        width: 8,
        queries: [
          { expr: `ml_performance_log_loss${SEG}`, legend: `log loss ${SEG_LEGEND}` },
          { expr: `ml_performance_brier${SEG}`, legend: `Brier ${SEG_LEGEND}` },
        ],
      }),
    )
    .withRow(new RowBuilder('Degradation vs baseline'))
    .withPanel(
      timeseries({
        title: 'Realised degradation',
        description: 'Relative degradation vs the reference baseline per metric and segment, oriented so positive = worse.',
        unit: 'percentunit',
        thresholds: rising(warning, critical),
        queries: [{ expr: `ml_performance_degradation${SEG}`, legend: '{{ml_performance_metric}} {{ml_segment}}' }],
      }),
    )
    .withPanel(
      timeseries({
        title: 'Estimated degradation (CBPE)',
        description: 'Label-free estimate of the degradation vs the baseline, per metric and segment (positive = worse).',
        unit: 'percentunit',
        thresholds: rising(warning, critical),
        queries: [{ expr: `ml_performance_estimated_degradation${SEG}`, legend: '{{ml_performance_metric}} {{ml_segment}}' }],
      }),
    )
    .withRow(new RowBuilder('Regression'))
    .withPanel(regressionError('mae', 'MAE'))
    .withPanel(regressionError('rmse', 'RMSE'))
    .withPanel(regressionError('mape', 'MAPE'))
    .withPanel(regressionError('r2', 'R²'))
    .withPanel(
      timeseries({
        title: 'Pinball loss per quantile',
        description: 'Quantile (pinball) loss at each configured quantile (default 0.1, 0.5, 0.9).',
        width: 24,
        queries: [{ expr: `ml_performance_pinball_loss${SEG}`, legend: 'q={{ml_quantile}} {{ml_segment}} {{ml_model_version}}' }],
      }),
    )
    .withRow(new RowBuilder('Segments'))
    .withPanel(
      barGauge({
        title: 'Accuracy by segment (now)',
        description: 'Realised accuracy per segment; __overflow__ holds the segment values past the cap.',
        unit: 'percentunit',
        min: 0,
        max: 1,
        width: 8,
        thresholds: [{ color: 'red' }, { color: 'orange', value: 0.7 }, { color: 'green', value: 0.85 }],
        queries: [{ expr: `avg by (ml_segment) (ml_performance_accuracy${SEG})`, legend: '{{ml_segment}}', instant: true }],
      }),
    )
    .withPanel(
      timeseries({
        title: 'Traffic by segment',
        description: 'Observations per second per segment (ml.observations).',
        unit: 'ops',
        width: 8,
        queries: [{ expr: `sum by (ml_segment) (rate(ml_observations_total${SEG}[$__rate_interval]))`, legend: '{{ml_segment}}' }],
      }),
    )
    .withPanel(
      timeseries({
        title: 'Labelled rows by segment',
        description: 'Labelled rows in the window behind the realised metrics (ml.performance.samples).',
        unit: 'short',
        width: 8,
        queries: [{ expr: `ml_performance_samples${SEG}`, legend: SEG_LEGEND }],
      }),
    )
    .withRow(new RowBuilder('Labels'))
    .withPanel(
      timeseries({
        title: 'Label coverage by segment',
        description: 'Joined labels / predictions with an id over the window (by prediction time).',
        unit: 'percentunit',
        min: 0,
        max: 1,
        width: 8,
        queries: [{ expr: `ml_label_coverage${SEG}`, legend: SEG_LEGEND }],
      }),
    )
    .withPanel(
      timeseries({
        title: 'Label delay quantiles',
        description: 'Seconds from prediction to label: median and 90th percentile from the ml.label.delay histogram.',
        unit: 's',
        width: 8,
        queries: [
          { expr: `histogram_quantile(0.5, sum by (le, ml_model_version) (rate(ml_label_delay_bucket${MODEL}[$__rate_interval])))`, legend: 'p50 {{ml_model_version}}' },
          { expr: `histogram_quantile(0.9, sum by (le, ml_model_version) (rate(ml_label_delay_bucket${MODEL}[$__rate_interval])))`, legend: 'p90 {{ml_model_version}}' },
        ],
      }),
    )
    .withPanel(
      bucketHeatmap({
        title: 'Label delay distribution',
        description: 'Labels per delay bucket (1 s … 7 d) over time.',
        width: 8,
        queries: [{ expr: `sum by (le) (increase(ml_label_delay_bucket${MODEL}[$__rate_interval]))`, legend: '{{le}}', format: 'heatmap' }],
      }),
    )
    .withPanel(
      timeseries({
        title: 'Label outcomes',
        description: 'Labels per second by outcome: joined, duplicate, unknown_id, too_late, invalid.',
        unit: 'ops',
        width: 8,
        queries: [{ expr: `sum by (ml_label_outcome) (rate(ml_labels_total${MODEL}[$__rate_interval]))`, legend: '{{ml_label_outcome}}' }],
      }),
    )
    .withPanel(
      timeseries({
        title: 'Predictions waiting for a label',
        description: 'Predictions with an id whose label has not arrived (ml.labels.pending); bounded by labels.maxPending.',
        unit: 'short',
        width: 8,
        queries: [{ expr: `sum by (ml_model_version) (ml_labels_pending${MODEL})`, legend: 'pending {{ml_model_version}}' }],
      }),
    )
    .withPanel(
      timeseries({
        title: 'Evicted predictions',
        description: 'Predictions dropped before their label arrived, by reason (ttl, capacity).',
        unit: 'ops',
        width: 8,
        queries: [{ expr: `sum by (ml_eviction_reason) (rate(ml_predictions_evicted_total${MODEL}[$__rate_interval]))`, legend: '{{ml_eviction_reason}}' }],
      }),
    )
    .withRow(new RowBuilder('Concept drift'))
    .withPanel(
      timeseries({
        title: 'Concept drift detections',
        description: 'Detections per detector on the error stream of joined labels and on the score stream, counted over the time range.',
        unit: 'short',
        width: 24,
        queries: [
          {
            expr: `sum by (ml_concept_detector, ml_concept_stream) (increase(ml_concept_drift_detections_total${MODEL}[$__range]))`,
            legend: '{{ml_concept_detector}} on {{ml_concept_stream}}',
          },
        ],
      }),
    );
}
