import { alertAnnotations, alertLabels, MODEL_TEMPLATE } from './annotations.js';
import { thresholdCondition } from './conditions.js';
import type { AlertRulesConfig } from './config.js';
import { groupingLabels, MODEL_LABELS, metricSelector, sumBy } from './promql.js';
import type { AlertingRule, RuleGroup, Severity } from './rule-types.js';

const ALERT = 'MlConceptDrift';

/** What a detection on each stream means, and how much it matters. */
const STREAMS: readonly { stream: 'error' | 'score'; severity: Severity; meaning: string }[] = [
  { stream: 'error', severity: 'warning', meaning: 'the error rate on joined labels changed' },
  { stream: 'score', severity: 'info', meaning: 'the distribution of the model scores changed' },
];

function streamAlert(stream: 'error' | 'score', severity: Severity, meaning: string, config: AlertRulesConfig): AlertingRule {
  const c = config.conceptDrift;
  const by = groupingLabels([...MODEL_LABELS, 'ml_concept_detector', 'ml_concept_stream'], config);
  const detections = metricSelector('ml_concept_drift_detections_total', config, `ml_concept_stream="${stream}"`);
  return {
    alert: ALERT,
    ...thresholdCondition(sumBy(by, `increase(${detections}[${c.window}])`), '>', 0),
    for: c.for,
    labels: alertLabels(severity, 'concept_drift'),
    annotations: alertAnnotations(
      ALERT,
      'A concept-drift detector fired.',
      `The {{ $labels.ml_concept_detector }} detector on the {{ $labels.ml_concept_stream }} stream of ${MODEL_TEMPLATE} ` +
        `detected drift {{ $value | printf "%.0f" }} time(s) in the last ${c.window} (threshold 0): ${meaning}.`,
      config,
    ),
  };
}

/**
 * Concept drift: detections of the in-process detectors (`ml_concept_drift_detections_total`, summed over
 * replicas). On the error stream it is a warning (realised errors changed); on the score stream it is
 * info (the scores moved, which may or may not hurt).
 */
export function conceptDriftGroup(config: AlertRulesConfig): RuleGroup {
  return {
    name: 'modelwatch-concept-drift',
    interval: config.evaluationInterval,
    rules: STREAMS.map(({ stream, severity, meaning }) => streamAlert(stream, severity, meaning, config)),
  };
}
