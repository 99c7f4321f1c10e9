import { RowBuilder, type DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { DASHBOARD_UIDS } from '../config.js';
import { baseDashboard } from '../dashboard-base.js';
import { rising, stat, stateTimeline, timeseries } from '../panels.js';
import { MODEL, withModel } from '../selectors.js';
import { modelVariable, versionVariable } from '../variables.js';

/**
 * Monitor health: is the monitor itself working? Export rate (samples arriving per minute), export
 * failures, observation throughput, dropped observations, cardinality overflow, window sizes and
 * concept-drift detector states.
 */
export function monitorHealth(): DashboardBuilder {
  return baseDashboard({
    uid: DASHBOARD_UIDS.monitorHealth,
    title: 'modelwatch / Monitor health',
    description: 'Whether the monitor and its export pipeline work: exports arriving, failures, drops, cardinality caps, detector states.',
    variables: [modelVariable(), versionVariable()],
  })
    .withRow(new RowBuilder('Export'))
    .withPanel(
      timeseries({
        title: 'Exports arriving per minute',
        description: 'Samples of ml.window.samples received per minute for each monitor instance: one per export (push) or scrape (pull). Zero means the pipeline stopped.',
        unit: 'short',
        width: 12,
        queries: [{ expr: `count_over_time(ml_window_samples${MODEL}[1m])`, legend: '{{ml_model_version}} {{service_instance_id}}{{instance}}' }],
      }),
    )
    .withPanel(
      timeseries({
        title: 'Export failures',
        description: 'Failed OTLP exports per second (ml.export.failures, process-wide, no model label); the cause is in the service log (diag.error).',
        unit: 'ops',
        width: 12,
        thresholds: [{ color: 'green' }, { color: 'red', value: 0.001 }],
        queries: [{ expr: 'sum by (service_name, job) (rate(ml_export_failures_total[$__rate_interval]))', legend: '{{service_name}}{{job}}' }],
      }),
    )
    .withRow(new RowBuilder('Observations'))
    .withPanel(
      timeseries({
        title: 'Observations recorded',
        description: 'Inferences recorded per second (ml.observations), per version.',
        unit: 'ops',
        width: 8,
        queries: [{ expr: `sum by (ml_model_version) (rate(ml_observations_total${MODEL}[$__rate_interval]))`, legend: '{{ml_model_version}}' }],
      }),
    )
    .withPanel(
      timeseries({
        title: 'Dropped observations',
        description: 'Observations dropped whole per second, by reason (invalid_observation, invalid_timestamp, too_old, internal_error).',
        unit: 'ops',
        width: 8,
        thresholds: [{ color: 'green' }, { color: 'red', value: 0.001 }],
        queries: [{ expr: `sum by (ml_drop_reason) (rate(ml_observations_dropped_total${MODEL}[$__rate_interval]))`, legend: '{{ml_drop_reason}}' }],
      }),
    )
    .withPanel(
      timeseries({
        title: 'Cardinality overflow',
        description: 'Observations per second whose attribute value was folded into __overflow__ (segment cap or allowlist reached).',
        unit: 'ops',
        width: 8,
        queries: [{ expr: `sum by (ml_attribute_name) (rate(ml_attribute_overflow_total${MODEL}[$__rate_interval]))`, legend: '{{ml_attribute_name}}' }],
      }),
    )
    .withPanel(
      stat({
        title: 'Segments in use',
        description: 'Distinct ml.segment values exported (bounded by segments.cap, default 20, plus __overflow__); observations without a segment value are not a segment. 0 when segments are not configured.',
        width: 6,
        thresholds: rising(15, 20),
        queries: [{ expr: `count(count by (ml_segment) (ml_observations_total${withModel('ml_segment!=""')})) or vector(0)` }],
      }),
    )
    .withPanel(
      stat({
        title: 'Observations in window',
        description: 'Observations in the current sliding window (ml.window.samples), summed over instances.',
        unit: 'short',
        width: 6,
        queries: [{ expr: `sum(ml_window_samples${MODEL})` }],
      }),
    )
    .withPanel(
      timeseries({
        title: 'Window size',
        description: 'Observations in each monitor instance’s window: drift gauges need minSamples (default 30) usable values.',
        unit: 'short',
        width: 12,
        queries: [{ expr: `ml_window_samples${MODEL}`, legend: '{{ml_model_version}} {{service_instance_id}}{{instance}}' }],
      }),
    )
    .withRow(new RowBuilder('Detectors'))
    .withPanel(
      stateTimeline({
        title: 'Concept-drift detector states',
        description: 'Per configured detector and stream: stable, warning, or drift detected within the current window. Defaults: ADWIN alone on the error stream of joined labels, Page-Hinkley on the score stream.',
        width: 24,
        states: { 0: { text: 'stable', color: 'green' }, 1: { text: 'warning', color: 'orange' }, 2: { text: 'drift', color: 'red' } },
        queries: [{ expr: `max by (ml_concept_detector, ml_concept_stream) (ml_concept_drift_state${MODEL})`, legend: '{{ml_concept_detector}} / {{ml_concept_stream}}' }],
      }),
    );
}
