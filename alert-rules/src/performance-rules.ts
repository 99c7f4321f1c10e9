import { alertAnnotations, alertLabels, lookupTemplate, MODEL_TEMPLATE, SEGMENT_TEMPLATE } from './annotations.js';
import { thresholdCondition } from './conditions.js';
import type { AlertRulesConfig } from './config.js';
import { groupingLabels, maxBy, MODEL_LABELS, metricSelector } from './promql.js';
import type { AlertingRule, RuleGroup, Severity } from './rule-types.js';

/** Labels of one performance target: model, version, segment, metric. */
const PERFORMANCE_LABELS = [...MODEL_LABELS, 'ml_segment', 'ml_performance_metric'] as const;
/** Labels the baseline is exported with (it has no segment). */
const BASELINE_LABELS = [...MODEL_LABELS, 'ml_performance_metric'] as const;

const BASELINE_TEMPLATE = lookupTemplate('ml_performance_baseline', BASELINE_LABELS);
const TARGET_TEMPLATE = `The {{ $labels.ml_performance_metric }} of ${MODEL_TEMPLATE}${SEGMENT_TEMPLATE}`;

/** Which series a rule covers: the whole model (`ml_segment=""`, also matching series without the label) or the segments. */
type Scope = 'model' | 'segment';
const SCOPE_MATCHER: Record<Scope, string> = { model: 'ml_segment=""', segment: 'ml_segment!=""' };

/** The families a degradation alert reads: realised (from labels) or estimated (CBPE). */
interface Family {
  readonly degradation: string;
  readonly samplingError: string;
}
const REALISED: Family = { degradation: 'ml_performance_degradation', samplingError: 'ml_performance_sampling_error' };
const ESTIMATED: Family = { degradation: 'ml_performance_estimated_degradation', samplingError: 'ml_performance_estimated_sampling_error' };

/**
 * The significance guard, per replica: the shortfall in the metric's own units (degradation × |baseline|,
 * the baseline joined on model, version and metric) above k × the sampling error of the same series.
 * Where the sampling-error series is absent the comparison has no match, so nothing alerts.
 *
 * @example significantShortfall(REALISED, 'model', 3, defaultConfig)
 * // 'ml_performance_degradation{ml_segment=""} * on (ml_model_name, ml_model_version, ml_performance_metric) group_left () max by (…) (abs(ml_performance_baseline)) > 3 * ml_performance_sampling_error{ml_segment=""}'
 */
export function significantShortfall(family: Family, scope: Scope, k: number, config: AlertRulesConfig): string {
  const on = groupingLabels(BASELINE_LABELS, config);
  const baseline = maxBy(on, `abs(${metricSelector('ml_performance_baseline', config)})`);
  const degradation = metricSelector(family.degradation, config, SCOPE_MATCHER[scope]);
  const samplingError = metricSelector(family.samplingError, config, SCOPE_MATCHER[scope]);
  return `${degradation} * on (${on}) group_left () ${baseline} > ${k} * ${samplingError}`;
}

/**
 * Per replica, the degradation only where that replica's window holds enough rows (`and ignoring` the
 * labels the guard series lacks) and the drop is significant, then the worst replica per target.
 */
function guardedDegradation(family: Family, scope: Scope, rowGuard: string, ignoring: string, config: AlertRulesConfig): string {
  const degradation = metricSelector(family.degradation, config, SCOPE_MATCHER[scope]);
  const significant = significantShortfall(family, scope, config.performance.significanceK, config);
  return maxBy(groupingLabels(PERFORMANCE_LABELS, config), `${degradation} and ignoring (${ignoring}) (${rowGuard}) and (${significant})`);
}

function realisedRowGuard(scope: Scope, minSamples: number, config: AlertRulesConfig): string {
  return `${metricSelector('ml_performance_samples', config, SCOPE_MATCHER[scope])} >= ${minSamples}`;
}

const SAMPLING_ERROR_TEMPLATE = lookupTemplate(REALISED.samplingError, PERFORMANCE_LABELS);

function realisedDescription(limit: number, minSamples: number, k: number): string {
  return (
    `${TARGET_TEMPLATE} is {{ $value | humanizePercentage }} worse than its baseline ${BASELINE_TEMPLATE} on the labelled rows of the window ` +
    `(threshold ${limit * 100}%, and a shortfall above ${k} × its sampling error ${SAMPLING_ERROR_TEMPLATE}; at least ${minSamples} rows per replica).`
  );
}

function realisedDegradation(severity: Severity, limit: number, config: AlertRulesConfig): AlertingRule {
  const p = config.performance;
  const alert = 'MlPerformanceDegraded';
  const value = guardedDegradation(REALISED, 'model', realisedRowGuard('model', p.minSamples, config), 'ml_performance_metric', config);
  return {
    alert,
    ...thresholdCondition(value, '>', limit),
    for: p.for,
    labels: alertLabels(severity, 'performance'),
    annotations: alertAnnotations(
      alert,
      severity === 'critical' ? 'Model performance fell far below its baseline.' : 'Model performance fell below its baseline.',
      realisedDescription(limit, p.minSamples, p.significanceK),
      config,
    ),
  };
}

function segmentDegradation(severity: Severity, limit: number, config: AlertRulesConfig): AlertingRule {
  const p = config.performance;
  const s = p.segment;
  const alert = 'MlSegmentPerformanceDegraded';
  const value = guardedDegradation(REALISED, 'segment', realisedRowGuard('segment', s.minSamples, config), 'ml_performance_metric', config);
  return {
    alert,
    ...thresholdCondition(value, '>', limit),
    for: s.for,
    labels: alertLabels(severity, 'performance'),
    annotations: alertAnnotations(
      alert,
      severity === 'critical' ? 'Model performance in one segment fell far below its baseline.' : 'Model performance in one segment fell below its baseline.',
      realisedDescription(limit, s.minSamples, p.significanceK),
      config,
    ),
  };
}

function estimatedDrop(config: AlertRulesConfig): AlertingRule {
  const p = config.performance;
  const e = p.estimated;
  const alert = 'MlPerformanceEstimatedDrop';
  const windowGuard = `${metricSelector('ml_window_samples', config)} >= ${e.minWindowSamples}`;
  const value = guardedDegradation(ESTIMATED, 'model', windowGuard, 'ml_performance_metric, ml_segment', config);
  const samplingError = lookupTemplate(ESTIMATED.samplingError, PERFORMANCE_LABELS);
  return {
    alert,
    ...thresholdCondition(value, '>', e.degradation),
    for: e.for,
    labels: alertLabels('warning', 'performance'),
    annotations: alertAnnotations(
      alert,
      'Estimated model performance (CBPE, no labels yet) fell below its baseline.',
      `The estimated (CBPE) {{ $labels.ml_performance_metric }} of ${MODEL_TEMPLATE} is {{ $value | humanizePercentage }} ` +
        `worse than its baseline ${BASELINE_TEMPLATE} (threshold ${e.degradation * 100}%, and a shortfall above ${p.significanceK} × its sampling error ${samplingError}; ` +
        `at least ${e.minWindowSamples} predictions in the window).`,
      config,
    ),
  };
}

/** Grafana descriptions: the same text with the looked-up values left out (Grafana templates cannot query). */
function withoutLookups(rule: AlertingRule): AlertingRule {
  const description = (rule.annotations.description ?? '')
    .replace(` ${BASELINE_TEMPLATE}`, '')
    .replace(/ its sampling error \{\{ with printf .*? \| query \}\}.*?\{\{ end \}\}/, ' its sampling error');
  return { ...rule, grafana: { ...rule.grafana, description } };
}

function validate(config: AlertRulesConfig): void {
  const p = config.performance;
  if (!(p.criticalDegradation > p.warningDegradation)) {
    throw new RangeError(
      `performance.criticalDegradation must be above performance.warningDegradation (${p.warningDegradation}), got ${p.criticalDegradation}`,
    );
  }
  if (!(Number.isFinite(p.significanceK) && p.significanceK > 0)) {
    throw new RangeError(`performance.significanceK must be a positive number of standard errors (e.g. 3), got ${p.significanceK}`);
  }
  if (!(p.segment.minSamples >= p.minSamples)) {
    throw new RangeError(`performance.segment.minSamples must be at least performance.minSamples (${p.minSamples}), got ${p.segment.minSamples}`);
  }
  const critical = p.segment.criticalDegradation;
  if (critical !== undefined && !(critical > p.segment.warningDegradation)) {
    throw new RangeError(
      `performance.segment.criticalDegradation must be above performance.segment.warningDegradation (${p.segment.warningDegradation}), got ${critical}`,
    );
  }
}

/**
 * Performance relative to the reference baseline, material AND significant:
 * - `MlPerformanceDegraded` (whole model, `ml_segment=""`, warning and critical under one name so critical
 *   inhibits warning): realised degradation from joined labels above the threshold, with a shortfall above
 *   k sampling errors;
 * - `MlSegmentPerformanceDegraded` (`ml_segment!=""`, warning; critical only when configured): the same
 *   guard on more labelled rows;
 * - `MlPerformanceEstimatedDrop` (whole model, warning): the CBPE estimate before labels arrive, guarded by
 *   its estimated sampling error (Alertmanager inhibits it while the realised alert fires for the model).
 */
export function performanceGroup(config: AlertRulesConfig): RuleGroup {
  validate(config);
  const p = config.performance;
  const critical = p.segment.criticalDegradation;
  return {
    name: 'modelwatch-performance',
    interval: config.evaluationInterval,
    rules: [
      realisedDegradation('warning', p.warningDegradation, config),
      realisedDegradation('critical', p.criticalDegradation, config),
      segmentDegradation('warning', p.segment.warningDegradation, config),
      ...(critical === undefined ? [] : [segmentDegradation('critical', critical, config)]),
      estimatedDrop(config),
    ].map(withoutLookups),
  };
}
