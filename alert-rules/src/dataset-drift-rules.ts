import { alertAnnotations, alertLabels, MODEL_TEMPLATE } from './annotations.js';
import { filteredCondition } from './conditions.js';
import type { AlertRulesConfig } from './config.js';
import { groupingLabels, maxBy, MODEL_LABELS, metricSelector } from './promql.js';
import type { RuleGroup } from './rule-types.js';

const ALERT = 'MlDatasetDrift';

/** Dataset drift: the monitor's dataset verdict (`ml_dataset_drift_detected == 1`) held; critical (it inhibits the per-feature alerts). */
export function datasetDriftGroup(config: AlertRulesConfig): RuleGroup {
  const by = groupingLabels(MODEL_LABELS, config);
  const share = maxBy(by, metricSelector('ml_dataset_drift_share', config));
  const detected = maxBy(by, metricSelector('ml_dataset_drift_detected', config));
  return {
    name: 'modelwatch-dataset-drift',
    interval: config.evaluationInterval,
    rules: [
      {
        alert: ALERT,
        // the value is the drifted share, above 0 whenever the monitor's dataset verdict is 1
        ...filteredCondition(`(${share}) and on (${by}) (${detected} == 1)`, 0),
        for: config.datasetDrift.for,
        labels: alertLabels('critical', 'drift'),
        annotations: alertAnnotations(
          ALERT,
          'Many input features of a model drifted at once.',
          `{{ $value | humanizePercentage }} of the features of ${MODEL_TEMPLATE} drifted, at or above the monitor's dataset drift share.`,
          config,
        ),
      },
    ],
  };
}
