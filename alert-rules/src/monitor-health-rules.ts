import { alertAnnotations, alertLabels, MODEL_TEMPLATE } from './annotations.js';
import { filteredCondition, presenceCondition, thresholdCondition } from './conditions.js';
import type { AlertRulesConfig } from './config.js';
import { groupingLabels, maxBy, MODEL_LABELS, metricSelector, sumBy } from './promql.js';
import type { AlertingRule, RuleGroup } from './rule-types.js';

function stoppedReporting(config: AlertRulesConfig): AlertingRule {
  const by = groupingLabels(MODEL_LABELS, config);
  const metric = metricSelector('ml_observations_total', config);
  const alert = 'MlMonitorStoppedReporting';
  return {
    alert,
    ...presenceCondition(
      `${maxBy(by, `max_over_time(${metric}[${config.monitorHealth.stoppedLookback}])`)} unless on (${by}) ${maxBy(by, metric)}`,
      by,
      `The monitor of ${MODEL_TEMPLATE} reported within the last ${config.monitorHealth.stoppedLookback} but has no current series: ` +
        'the service, its exporter or the metrics pipeline stopped.',
    ),
    for: config.monitorHealth.stoppedFor,
    labels: alertLabels('warning', 'monitor_health'),
    annotations: alertAnnotations(
      alert,
      'A model monitor stopped reporting metrics.',
      `The monitor of ${MODEL_TEMPLATE} reported within the last ${config.monitorHealth.stoppedLookback} but has no current series ` +
        '(last observation count {{ $value }}): the service, its exporter or the metrics pipeline stopped.',
      config,
    ),
  };
}

function expectedModelAbsent(model: string, config: AlertRulesConfig): AlertingRule {
  const alert = 'MlMonitorAbsent';
  return {
    alert,
    // absent() returns 1 for the missing model
    ...filteredCondition(`absent(${metricSelector('ml_observations_total', config, `ml_model_name=${JSON.stringify(model)}`)})`, 0),
    for: config.monitorHealth.stoppedFor,
    labels: { ...alertLabels('warning', 'monitor_health'), ml_model_name: model },
    annotations: alertAnnotations(
      alert,
      'An expected model monitor reports no metrics.',
      `No ml_observations_total series of model ${model} exists: the model is not deployed, not instrumented, or its metrics do not arrive.`,
      config,
    ),
  };
}

function attributeOverflow(config: AlertRulesConfig): AlertingRule {
  const h = config.monitorHealth;
  const by = groupingLabels([...MODEL_LABELS, 'ml_attribute_name'], config);
  const alert = 'MlAttributeOverflow';
  return {
    alert,
    ...thresholdCondition(sumBy(by, `increase(${metricSelector('ml_attribute_overflow_total', config)}[${h.overflowWindow}])`), '>', 0),
    for: h.overflowFor,
    labels: alertLabels('info', 'monitor_health'),
    annotations: alertAnnotations(
      alert,
      'Attribute values are folded into the overflow value (cardinality cap reached).',
      `{{ $value | humanize }} observations of ${MODEL_TEMPLATE} had their {{ $labels.ml_attribute_name }} value folded into __overflow__ ` +
        `in the last ${h.overflowWindow}; threshold 0.`,
      config,
    ),
  };
}

function observationsDropped(config: AlertRulesConfig): AlertingRule {
  const h = config.monitorHealth;
  const models = groupingLabels(MODEL_LABELS, config);
  const byReason = groupingLabels([...MODEL_LABELS, 'ml_drop_reason'], config);
  const dropped = metricSelector('ml_observations_dropped_total', config);
  const recorded = metricSelector('ml_observations_total', config);
  const alert = 'MlObservationsDropped';
  return {
    alert,
    ...thresholdCondition(
      `${sumBy(byReason, `increase(${dropped}[${h.droppedWindow}])`)} / ignoring (ml_drop_reason) group_left () ` +
        `(${sumBy(models, `increase(${recorded}[${h.droppedWindow}])`)} + ${sumBy(models, `increase(${dropped}[${h.droppedWindow}])`)})`,
      '>',
      h.droppedRatioThreshold,
    ),
    for: h.droppedFor,
    labels: alertLabels('warning', 'monitor_health'),
    annotations: alertAnnotations(
      alert,
      'The monitor drops observations.',
      `{{ $value | humanizePercentage }} of the observations of ${MODEL_TEMPLATE} were dropped (reason {{ $labels.ml_drop_reason }}) ` +
        `in the last ${h.droppedWindow}, above the threshold ${h.droppedRatioThreshold}.`,
      config,
    ),
  };
}

/** Monitor health: stopped reporting (staleness, and `absent()` per expected model), cardinality overflow, dropped observations. */
export function monitorHealthGroup(config: AlertRulesConfig): RuleGroup {
  return {
    name: 'modelwatch-monitor-health',
    interval: config.evaluationInterval,
    rules: [
      stoppedReporting(config),
      ...config.monitorHealth.expectedModels.map((model) => expectedModelAbsent(model, config)),
      attributeOverflow(config),
      observationsDropped(config),
    ],
  };
}
