import { alertAnnotations, alertLabels, lookupTemplate, MODEL_TEMPLATE, SEGMENT_TEMPLATE } from './annotations.js';
import { thresholdCondition } from './conditions.js';
import type { AlertRulesConfig } from './config.js';
import { groupingLabels, maxBy, MODEL_LABELS, metricSelector } from './promql.js';
import type { AlertingRule, RuleGroup, Severity } from './rule-types.js';

/** Labels of one performance target: model, version, segment, metric. */
const PERFORMANCE_LABELS = [...MODEL_LABELS, 'ml_segment', 'ml_performance_metric'] as const;

const BASELINE_TEMPLATE = lookupTemplate('ml_performance_baseline', [...MODEL_LABELS, 'ml_performance_metric']);
const TARGET_TEMPLATE = `The {{ $labels.ml_performance_metric }} of ${MODEL_TEMPLATE}${SEGMENT_TEMPLATE}`;

/**
 * Per replica, the degradation only where that replica's window holds enough rows (`and ignoring` the
 * metric label matches the replica's own guard series), then the worst replica per target.
 */
function guardedDegradation(metric: string, guard: string, ignoring: string, config: AlertRulesConfig): string {
  return maxBy(groupingLabels(PERFORMANCE_LABELS, config), `${metricSelector(metric, config)} and ignoring (${ignoring}) (${guard})`);
}

function realisedDegradation(severity: Severity, limit: number, config: AlertRulesConfig): AlertingRule {
  const p = config.performance;
  const alert = 'MlPerformanceDegraded';
  const value = guardedDegradation('ml_performance_degradation', `${metricSelector('ml_performance_samples', config)} >= ${p.minSamples}`, 'ml_performance_metric', config);
  const description = (baseline: string) =>
    `${TARGET_TEMPLATE} is {{ $value | humanizePercentage }} worse than its baseline ${baseline} on the labelled rows of the window ` +
    `(threshold ${limit * 100}%, at least ${p.minSamples} rows per replica).`;
  return {
    alert,
    ...thresholdCondition(value, '>', limit),
    for: p.for,
    labels: alertLabels(severity, 'performance'),
    annotations: alertAnnotations(
      alert,
      severity === 'critical' ? 'Model performance fell far below its baseline.' : 'Model performance fell below its baseline.',
      description(BASELINE_TEMPLATE),
      config,
    ),
  };
}

function estimatedDrop(config: AlertRulesConfig): AlertingRule {
  const e = config.performance.estimated;
  const alert = 'MlPerformanceEstimatedDrop';
  const value = guardedDegradation(
    'ml_performance_estimated_degradation',
    `${metricSelector('ml_window_samples', config)} >= ${e.minWindowSamples}`,
    'ml_performance_metric, ml_segment',
    config,
  );
  return {
    alert,
    ...thresholdCondition(value, '>', e.degradation),
    for: e.for,
    labels: alertLabels('warning', 'performance'),
    annotations: alertAnnotations(
      alert,
      'Estimated model performance (CBPE, no labels yet) fell below its baseline.',
      `The estimated (CBPE) {{ $labels.ml_performance_metric }} of ${MODEL_TEMPLATE}${SEGMENT_TEMPLATE} is {{ $value | humanizePercentage }} ` +
        `worse than its baseline ${BASELINE_TEMPLATE} (threshold ${e.degradation * 100}%, at least ${e.minWindowSamples} predictions in the window).`,
      config,
    ),
  };
}

/** Grafana descriptions: the same text with the baseline left out (Grafana templates cannot query). */
function withoutBaseline(rule: AlertingRule): AlertingRule {
  const description = (rule.annotations.description ?? '').replace(` ${BASELINE_TEMPLATE}`, '');
  return { ...rule, grafana: { ...rule.grafana, description } };
}

/**
 * Performance relative to the reference baseline: realised degradation from joined labels
 * (`ml_performance_degradation`, warning and critical under one name so critical inhibits warning), and
 * the CBPE estimate before labels arrive (`ml_performance_estimated_degradation`, warning; Alertmanager
 * inhibits it while the realised alert fires for the same model).
 */
export function performanceGroup(config: AlertRulesConfig): RuleGroup {
  const p = config.performance;
  if (!(p.criticalDegradation > p.warningDegradation)) {
    throw new RangeError(
      `performance.criticalDegradation must be above performance.warningDegradation (${p.warningDegradation}), got ${p.criticalDegradation}`,
    );
  }
  return {
    name: 'modelwatch-performance',
    interval: config.evaluationInterval,
    rules: [
      withoutBaseline(realisedDegradation('warning', p.warningDegradation, config)),
      withoutBaseline(realisedDegradation('critical', p.criticalDegradation, config)),
      withoutBaseline(estimatedDrop(config)),
    ],
  };
}
