import { RowBuilder, type DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { DASHBOARD_UIDS, GUIDES } from '../config.js';
import { baseDashboard } from '../dashboard-base.js';
import { barGauge, bucketHeatmap, driftPanel, rising, timeseries, type QuerySpec } from '../panels.js';
import { bandEdge, dropInStandardErrors, hasSamplingError, realised, wholeModel, type RealisedMetric } from '../performance-queries.js';
import { MODEL, SEGMENT, SELECTED_SEGMENTS, withModel } from '../selectors.js';
import { modelVariable, performanceMetricVariable, segmentVariable, versionVariable } from '../variables.js';

const SEGMENTS = withModel(...SELECTED_SEGMENTS);
const WHOLE = wholeModel();
const VERSION = '{{ml_model_version}}';
const SEG_LEGEND = `{{ml_segment}} ${VERSION}`;
const BAND_NOTE = 'Dashed: realised ± 2 sampling errors (ml.performance.sampling_error); a baseline inside the band is within noise.';

/** Baseline of a metric (from the reference profile), one series per version. */
function baseline(metric: string): QuerySpec {
  return { expr: `max by (ml_model_version) (ml_performance_baseline${withModel(`ml_performance_metric="${metric}"`)})`, legend: `baseline ${VERSION}` };
}

/** Realised (whole model) with its ±2 SE band when the metric has a sampling error. */
function realisedWithBand(metric: RealisedMetric, legend: string): QuerySpec[] {
  const queries: QuerySpec[] = [{ expr: realised(metric), legend }];
  if (hasSamplingError(metric)) {
    queries.push({ expr: bandEdge(metric, -1), legend: `−2 SE ${VERSION}`, style: 'band' }, { expr: bandEdge(metric, 1), legend: `+2 SE ${VERSION}`, style: 'band' });
  }
  return queries;
}

/** Realised vs estimated vs baseline for a classification metric, whole model, with the realised ±2 SE band. */
function realisedVsEstimated(metric: 'accuracy' | 'precision' | 'recall' | 'f1' | 'roc_auc', title: string) {
  const averaged = metric === 'precision' || metric === 'recall' || metric === 'f1';
  return timeseries({
    title,
    description:
      `Whole model (ml_segment=""): realised ${metric} over labels joined in the window (by label arrival), the CBPE estimate without labels (binary classifiers with a calibrated profile), and the value on the reference data. ` +
      BAND_NOTE +
      (averaged ? ' The band is around the binary (positive-class) value.' : ''),
    unit: 'percentunit',
    width: 8,
    queries: [
      ...realisedWithBand(metric, averaged ? `realised {{ml_performance_average}} ${VERSION}` : `realised ${VERSION}`),
      { expr: `ml_performance_estimated_${metric}${WHOLE}`, legend: `estimated ${VERSION}` },
      baseline(metric),
    ],
  });
}

/** Realised vs baseline with the ±2 SE band (losses and regression errors: no CBPE estimate). */
function realisedVsBaseline(metric: RealisedMetric, title: string, options: { unit: string; width: number; what: string }) {
  return timeseries({
    title,
    description: `Whole model (ml_segment=""): realised ${options.what} over labels joined in the window, and the value on the reference data.${hasSamplingError(metric) ? ` ${BAND_NOTE}` : ' No sampling error is exported for it.'}`,
    width: options.width,
    unit: options.unit,
    queries: [...realisedWithBand(metric, `realised ${VERSION}`), baseline(metric)],
  });
}

/** The modelwatch panel's segments view: a metric by segment × time, `__overflow__` last and marked. */
function segmentHeatmap(title: string, description: string, expr: string, colour: { direction: 'higherIsBetter' | 'higherIsWorse'; min?: number; max?: number }) {
  return driftPanel({
    title,
    description,
    width: 12,
    height: 10,
    queries: [{ refId: 'A', expr, legend: '{{ml_segment}}' }],
    options: {
      view: 'segments',
      model: '$model',
      rowLabel: 'ml_segment',
      segmentColumns: 'time',
      maxTimeColumns: 48,
      colorDirection: colour.direction,
      decimals: 3,
      ...(colour.min === undefined ? {} : { min: colour.min }),
      ...(colour.max === undefined ? {} : { max: colour.max }),
    },
  });
}

/**
 * Performance and segments: realised vs estimated performance of the whole model with its sampling
 * error, degradation vs the baseline and whether it is noise, losses and regression errors; the same
 * metrics per segment (heatmaps of the modelwatch panel); label coverage, delay and outcomes; concept drift.
 */
export function performanceSegments(): DashboardBuilder {
  const { warning, critical } = GUIDES.degradation;
  const noise = GUIDES.standardErrors;
  return baseDashboard({
    uid: DASHBOARD_UIDS.performance,
    title: 'modelwatch / Performance and segments',
    description:
      'Whole-model performance (ml_segment=""): realised from delayed labels with ±2 sampling errors, label-free estimates (CBPE), degradation vs the baseline in % and in standard errors; the same per segment; label coverage and delay; concept drift.',
    variables: [modelVariable(), versionVariable(), segmentVariable(), performanceMetricVariable()],
  })
    .withRow(new RowBuilder('Classification: realised vs estimated vs baseline (whole model)'))
    .withPanel(realisedVsEstimated('accuracy', 'Accuracy'))
    .withPanel(realisedVsEstimated('f1', 'F1'))
    .withPanel(realisedVsEstimated('roc_auc', 'ROC AUC'))
    .withPanel(realisedVsEstimated('precision', 'Precision').span(12))
    .withPanel(realisedVsEstimated('recall', 'Recall').span(12))
    .withPanel(realisedVsBaseline('log_loss', 'Log loss', { unit: 'short', width: 12, what: 'mean log loss of the scores (lower is better)' }))
    .withPanel(realisedVsBaseline('brier', 'Brier score', { unit: 'short', width: 12, what: 'mean Brier score of the scores (lower is better)' }))
    .withRow(new RowBuilder('Degradation vs baseline: is it noise? (whole model)'))
    .withPanel(
      timeseries({
        title: 'Realised degradation',
        description: 'Whole model: relative degradation vs the reference baseline per metric, oriented so positive = worse (ml.performance.degradation{ml_segment=""}).',
        unit: 'percentunit',
        thresholds: rising(warning, critical),
        queries: [{ expr: `ml_performance_degradation${WHOLE}`, legend: `{{ml_performance_metric}} ${VERSION}` }],
      }),
    )
    .withPanel(
      timeseries({
        title: 'Estimated degradation (CBPE)',
        description: 'Whole model: label-free estimate of the degradation vs the baseline per metric (positive = worse).',
        unit: 'percentunit',
        thresholds: rising(warning, critical),
        queries: [{ expr: `ml_performance_estimated_degradation${WHOLE}`, legend: `{{ml_performance_metric}} ${VERSION}` }],
      }),
    )
    .withPanel(
      timeseries({
        title: 'Realised drop in standard errors',
        description: `Whole model: (baseline − realised) / sampling error, oriented so positive = worse. Below ${noise.warning} the drop is within the sampling noise of the window; from ${noise.critical} it is very unlikely to be noise. Series with a zero sampling error are left out.`,
        width: 8,
        decimals: 1,
        thresholds: rising(noise.warning, noise.critical),
        queries: [{ expr: dropInStandardErrors('realised'), legend: `{{ml_performance_metric}} ${VERSION}` }],
      }),
    )
    .withPanel(
      timeseries({
        title: 'Estimated drop in standard errors (CBPE)',
        description: `Whole model: CBPE-estimated drop vs the baseline divided by the sampling error expected on a window of this size (ml.performance.estimated.sampling_error); positive = worse, below ${noise.warning} within noise.`,
        width: 8,
        decimals: 1,
        thresholds: rising(noise.warning, noise.critical),
        queries: [{ expr: dropInStandardErrors('estimated'), legend: `{{ml_performance_metric}} ${VERSION}` }],
      }),
    )
    .withPanel(
      timeseries({
        title: 'Sampling error',
        description: 'Whole model: standard error of each realised metric over the window (ml.performance.sampling_error) and the one expected from the CBPE confusion cells (ml.performance.estimated.sampling_error). It shrinks as 1/√(labelled rows).',
        width: 8,
        queries: [
          { expr: `ml_performance_sampling_error${WHOLE}`, legend: `realised {{ml_performance_metric}} ${VERSION}` },
          { expr: `ml_performance_estimated_sampling_error${WHOLE}`, legend: `expected {{ml_performance_metric}} ${VERSION}` },
        ],
      }),
    )
    .withRow(new RowBuilder('Regression (whole model)'))
    .withPanel(realisedVsBaseline('mae', 'MAE', { unit: 'short', width: 6, what: 'mean absolute error' }))
    .withPanel(realisedVsBaseline('rmse', 'RMSE', { unit: 'short', width: 6, what: 'root mean squared error' }))
    .withPanel(realisedVsBaseline('mape', 'MAPE', { unit: 'percentunit', width: 6, what: 'mean absolute percentage error' }))
    .withPanel(realisedVsBaseline('r2', 'R²', { unit: 'short', width: 6, what: 'coefficient of determination R²' }))
    .withPanel(
      timeseries({
        title: 'Pinball loss per quantile',
        description: 'Whole model: quantile (pinball) loss at each configured quantile (default 0.1, 0.5, 0.9).',
        width: 24,
        queries: [{ expr: `ml_performance_pinball_loss${WHOLE}`, legend: `q={{ml_quantile}} ${VERSION}` }],
      }),
    )
    .withRow(new RowBuilder('Segments'))
    .withPanel(
      segmentHeatmap(
        'Accuracy by segment × time',
        'Realised accuracy of each selected segment (ml_segment!="") over time, averaged over replicas and the selected versions. Rows are segments; the __overflow__ row (values past segments.cap) is last and marked. Observations without a segment value count only in the whole model, not here.',
        `avg by (ml_segment) (ml_performance_accuracy${SEGMENTS})`,
        { direction: 'higherIsBetter', min: 0, max: 1 },
      ),
    )
    .withPanel(
      segmentHeatmap(
        'Degradation of $metric by segment × time',
        'Relative degradation vs the baseline of the metric chosen in $metric (positive = worse), per selected segment over time; __overflow__ last and marked. Works for regression metrics too.',
        `avg by (ml_segment) (ml_performance_degradation${withModel(...SELECTED_SEGMENTS, 'ml_performance_metric="$metric"')})`,
        { direction: 'higherIsWorse' },
      ),
    )
    .withPanel(
      barGauge({
        title: 'Accuracy by segment (now)',
        description: 'Realised accuracy per selected segment, beside the whole model; __overflow__ holds the segment values past the cap.',
        unit: 'percentunit',
        min: 0,
        max: 1,
        width: 8,
        thresholds: [{ color: 'red' }, { color: 'orange', value: 0.7 }, { color: 'green', value: 0.85 }],
        queries: [
          { expr: `avg by (ml_segment) (ml_performance_accuracy${SEGMENTS})`, legend: '{{ml_segment}}', instant: true },
          { expr: `avg(ml_performance_accuracy${WHOLE})`, legend: 'whole model', instant: true },
        ],
      }),
    )
    .withPanel(
      timeseries({
        title: 'Traffic by segment',
        description: 'Observations per second per segment (ml.observations; on this counter the empty segment holds only the observations without a segment value, so the series add up to the total).',
        unit: 'ops',
        width: 8,
        queries: [
          {
            expr: `label_replace(sum by (ml_segment) (rate(ml_observations_total${withModel(SEGMENT)}[$__rate_interval])), "ml_segment", "(no segment)", "ml_segment", "")`,
            legend: '{{ml_segment}}',
          },
        ],
      }),
    )
    .withPanel(
      timeseries({
        title: 'Labelled rows by segment',
        description: 'Labelled rows in the window behind the realised metrics (ml.performance.samples), per selected segment and for the whole model (every labelled row).',
        unit: 'short',
        width: 8,
        queries: [
          { expr: `ml_performance_samples${SEGMENTS}`, legend: SEG_LEGEND },
          { expr: `ml_performance_samples${WHOLE}`, legend: `whole model ${VERSION}` },
        ],
      }),
    )
    .withRow(new RowBuilder('Labels'))
    .withPanel(
      timeseries({
        title: 'Label coverage',
        description: 'Joined labels / predictions with an id over the window (by prediction time), for the whole model and per selected segment.',
        unit: 'percentunit',
        min: 0,
        max: 1,
        width: 8,
        queries: [
          { expr: `ml_label_coverage${WHOLE}`, legend: `whole model ${VERSION}` },
          { expr: `ml_label_coverage${SEGMENTS}`, legend: SEG_LEGEND },
        ],
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
        description:
          'Detections per configured detector on the error stream of joined labels (default: ADWIN alone) and on the score stream (default: Page-Hinkley), counted over the time range.',
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
