/**
 * The demo's terminal view, as plain text built from the monitor's snapshot and Alertmanager's
 * alerts: features with drift score and state, realised and estimated performance, labels, alerts.
 */
import type { MonitorSnapshot } from '@modelwatch/otel';
import type { ActiveAlert } from './demo-stack.js';

export interface ViewInput {
  elapsedSeconds: number;
  durationSeconds: number;
  phase: { name: string; expect: string };
  snapshot: MonitorSnapshot;
  /** Undefined when there is no stack (in-process mode). */
  alerts: ActiveAlert[] | undefined;
  predictions: number;
  labels: number;
}

function format(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '-';
  return value.toFixed(digits);
}

function percent(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '-' : `${(value * 100).toFixed(1)} %`;
}

/**
 * A one-line name for an alert: its name, target (feature, performance metric, detector, attribute),
 * segment and severity.
 *
 * @example describeAlert({ labels: { alertname: 'MlFeatureDrift', ml_feature_name: 'amount', severity: 'warning' }, … }) // 'MlFeatureDrift amount (warning)'
 */
export function describeAlert(alert: Pick<ActiveAlert, 'labels'>): string {
  const labels = alert.labels;
  const target = labels.ml_feature_name ?? labels.ml_performance_metric ?? labels.ml_concept_detector ?? labels.ml_fairness_attribute ?? '';
  const parts = [labels.alertname ?? '?', target, labels.ml_segment === undefined || labels.ml_segment === '' ? '' : `[${labels.ml_segment}]`];
  return `${parts.filter((part) => part !== '').join(' ')} (${labels.severity ?? '-'})`;
}

/** Lines of the full view (a TTY redraws them every tick). */
export function renderView(input: ViewInput): string[] {
  const { snapshot } = input;
  const lines = [
    `modelwatch live demo — ${input.elapsedSeconds.toFixed(0)} / ${input.durationSeconds} s — phase: ${input.phase.name} (${input.phase.expect})`,
    `model ${snapshot.model.name} v${snapshot.model.version}: ${input.predictions} predictions, ${input.labels} labels sent; window holds ${snapshot.window.observations}`,
    '',
    '  feature                  method          score    threshold  state    missing',
  ];
  for (const feature of snapshot.features) {
    const drift = feature.drift;
    const state = drift === null ? (feature.driftSkipped ?? '-') : drift.drifted ? 'DRIFT' : 'ok';
    lines.push(`  ${feature.name.padEnd(24)} ${(drift?.method ?? '-').padEnd(15)} ${format(drift?.score).padEnd(8)} ${format(drift?.threshold).padEnd(10)} ${state.padEnd(8)} ${percent(feature.quality.missingRatio)}`);
  }
  const dataset = snapshot.dataset;
  lines.push(`  dataset drift: ${dataset === null ? '-' : `${percent(dataset.driftedShare)} of features drifted${dataset.drifted ? ' → DATASET DRIFT' : ''}`}`);
  const overall = snapshot.performance.segments.find((segment) => segment.segment === '') ?? snapshot.performance.segments[0];
  const baseline = snapshot.performance.baseline;
  if (overall !== undefined) {
    const realised = overall.metrics;
    const estimated = overall.estimated?.metrics ?? {};
    lines.push('', '  performance          realised   estimated (CBPE)   baseline');
    for (const metric of ['accuracy', 'precision', 'recall', 'f1', 'roc_auc']) {
      lines.push(`  ${metric.padEnd(20)} ${format(realised[metric]).padEnd(10)} ${format(estimated[metric]).padEnd(18)} ${format(baseline[metric])}`);
    }
    lines.push(`  labelled rows ${overall.labelled}, label coverage ${percent(overall.coverage)}, pending ${snapshot.performance.labels.pending}`);
  }
  const detections = snapshot.performance.concept.filter((detector) => detector.detections > 0);
  if (detections.length > 0) lines.push(`  concept drift: ${detections.map((detector) => `${detector.detector}/${detector.stream} ×${detector.detections}`).join(', ')}`);
  lines.push('');
  if (input.alerts === undefined) {
    lines.push('  alerts: no stack (in-process mode)');
  } else {
    const active = input.alerts.filter((alert) => alert.status.state === 'active');
    lines.push(`  alerts firing in Alertmanager: ${active.length === 0 ? 'none' : ''}`);
    for (const alert of active) lines.push(`    firing: ${describeAlert(alert)}`);
    const suppressed = input.alerts.length - active.length;
    if (suppressed > 0) lines.push(`    (${suppressed} more suppressed by inhibition)`);
  }
  return lines;
}
