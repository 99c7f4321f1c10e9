import { alertAnnotations, alertLabels, MODEL_TEMPLATE, SEGMENT_TEMPLATE } from './annotations.js';
import { filteredCondition, thresholdCondition } from './conditions.js';
import type { AlertRulesConfig } from './config.js';
import { groupingLabels, MODEL_LABELS, metricSelector, sumBy } from './promql.js';
import type { AlertingRule, RuleGroup } from './rule-types.js';

/** Label outcomes that mean a label could not be joined to its prediction. */
export const UNJOINED_OUTCOMES = ['unknown_id', 'too_late', 'invalid'] as const;

function coverageLow(config: AlertRulesConfig): AlertingRule {
  const c = config.labels.coverage;
  const by = groupingLabels([...MODEL_LABELS, 'ml_segment'], config);
  const alert = 'MlLabelCoverageLow';
  return {
    alert,
    ...thresholdCondition(`min by (${by}) (${metricSelector('ml_label_coverage', config)})`, '<', c.threshold),
    for: c.for,
    labels: alertLabels('warning', 'labels'),
    annotations: alertAnnotations(
      alert,
      'Few predictions receive their ground-truth label.',
      `Only {{ $value | humanizePercentage }} of the predictions of ${MODEL_TEMPLATE}${SEGMENT_TEMPLATE} in the window received a label ` +
        `(threshold ${c.threshold * 100}%, worst replica): performance metrics rest on few rows.`,
      config,
    ),
  };
}

function delayHigh(config: AlertRulesConfig): AlertingRule {
  const d = config.labels.delay;
  const by = groupingLabels(MODEL_LABELS, config);
  const buckets = sumBy(`le, ${by}`, `rate(${metricSelector('ml_label_delay_bucket', config)}[${d.window}])`);
  const alert = 'MlLabelDelayHigh';
  return {
    alert,
    ...thresholdCondition(`histogram_quantile(${d.quantile}, ${buckets})`, '>', d.thresholdSeconds),
    for: d.for,
    labels: alertLabels('warning', 'labels'),
    annotations: alertAnnotations(
      alert,
      'Ground-truth labels arrive late.',
      `The p${d.quantile * 100} delay from prediction to label of ${MODEL_TEMPLATE} over the last ${d.window} is {{ $value | humanizeDuration }} ` +
        `(threshold ${d.thresholdSeconds} s): realised performance lags behind the traffic.`,
      config,
    ),
  };
}

function labelsStalled(config: AlertRulesConfig): AlertingRule {
  const s = config.labels.stalled;
  const by = groupingLabels(MODEL_LABELS, config);
  const joined = metricSelector('ml_labels_total', config, 'ml_label_outcome="joined"');
  const alert = 'MlLabelsStalled';
  return {
    alert,
    // the value is the number of pending predictions, above 0 whenever they grow
    ...filteredCondition(
      `(${sumBy(by, metricSelector('ml_labels_pending', config))} and on (${by}) (${sumBy(by, `delta(${metricSelector('ml_labels_pending', config)}[${s.window}])`)} > 0)) ` +
        `unless on (${by}) (${sumBy(by, `increase(${joined}[${s.window}])`)} > 0)`,
      0,
    ),
    for: s.for,
    labels: alertLabels('warning', 'labels'),
    annotations: alertAnnotations(
      alert,
      'Labels stopped arriving: predictions keep waiting for their label.',
      `{{ $value | printf "%.0f" }} predictions of ${MODEL_TEMPLATE} wait for their label; their number grew over the last ${s.window} while no label was joined (threshold: any growth without a join).`,
      config,
    ),
  };
}

function labelsNotJoined(config: AlertRulesConfig): AlertingRule {
  const n = config.labels.notJoined;
  const models = groupingLabels(MODEL_LABELS, config);
  const byOutcome = groupingLabels([...MODEL_LABELS, 'ml_label_outcome'], config);
  const labels = metricSelector('ml_labels_total', config);
  const unjoined = metricSelector('ml_labels_total', config, `ml_label_outcome=~"${UNJOINED_OUTCOMES.join('|')}"`);
  const alert = 'MlLabelsNotJoined';
  return {
    alert,
    ...thresholdCondition(
      `${sumBy(byOutcome, `increase(${unjoined}[${n.window}])`)} / ignoring (ml_label_outcome) group_left () ` +
        `(${sumBy(models, `increase(${labels}[${n.window}])`)} >= ${n.minLabels})`,
      '>',
      n.ratio,
    ),
    for: n.for,
    labels: alertLabels('warning', 'labels'),
    annotations: alertAnnotations(
      alert,
      'Many labels cannot be joined to a prediction.',
      `{{ $value | humanizePercentage }} of the labels of ${MODEL_TEMPLATE} in the last ${n.window} had the outcome {{ $labels.ml_label_outcome }} ` +
        `(threshold ${n.ratio * 100}%, at least ${n.minLabels} labels).`,
      config,
    ),
  };
}

function predictionsEvicted(config: AlertRulesConfig): AlertingRule {
  const l = config.labels;
  const by = groupingLabels(MODEL_LABELS, config);
  const evicted = metricSelector('ml_predictions_evicted_total', config, 'ml_eviction_reason="capacity"');
  const alert = 'MlPredictionsEvicted';
  return {
    alert,
    ...thresholdCondition(sumBy(by, `increase(${evicted}[${l.evictedWindow}])`), '>', 0),
    for: l.evictedFor,
    labels: alertLabels('warning', 'labels'),
    annotations: alertAnnotations(
      alert,
      'Predictions are evicted before their label arrives (pending store full).',
      `{{ $value | printf "%.0f" }} predictions of ${MODEL_TEMPLATE} were evicted because the pending store was full in the last ${l.evictedWindow} (threshold 0): their labels will be lost.`,
      config,
    ),
  };
}

/**
 * Delayed labels: coverage low, delay high (p90 of `ml_label_delay`), labels stalled (pending grows, nothing
 * joined), labels not joined (unknown id, too late, invalid), predictions evicted by capacity.
 */
export function labelsGroup(config: AlertRulesConfig): RuleGroup {
  return {
    name: 'modelwatch-labels',
    interval: config.evaluationInterval,
    rules: [coverageLow(config), delayHigh(config), labelsStalled(config), labelsNotJoined(config), predictionsEvicted(config)],
  };
}
