import { alertAnnotations, alertLabels, MODEL_TEMPLATE } from './annotations.js';
import { outsideBandCondition } from './conditions.js';
import type { AlertRulesConfig } from './config.js';
import { groupingLabels, MODEL_LABELS, metricSelector } from './promql.js';
import type { RuleGroup } from './rule-types.js';

const ALERT = 'MlFairnessDisparateImpact';

/**
 * Fairness: the disparate impact ratio of a protected attribute outside the four-fifths band
 * (default 0.8–1.25), per replica only when every group of that attribute has enough labelled rows
 * (`unless` a group of the same replica is below `minGroupSamples`), then the worst replica.
 */
export function fairnessGroup(config: AlertRulesConfig): RuleGroup {
  const f = config.fairness;
  if (!(f.lower > 0 && f.lower < 1 && f.upper > 1)) {
    throw new RangeError(`fairness band must satisfy 0 < lower < 1 < upper, got lower ${f.lower} and upper ${f.upper}`);
  }
  const by = groupingLabels([...MODEL_LABELS, 'ml_fairness_attribute'], config);
  const ratio =
    `${metricSelector('ml_fairness_disparate_impact_ratio', config)} unless ignoring (ml_fairness_group) ` +
    `(${metricSelector('ml_fairness_group_samples', config)} < ${f.minGroupSamples})`;
  return {
    name: 'modelwatch-fairness',
    interval: config.evaluationInterval,
    rules: [
      {
        alert: ALERT,
        ...outsideBandCondition(by, ratio, f.lower, f.upper),
        for: f.for,
        labels: alertLabels('warning', 'fairness'),
        annotations: alertAnnotations(
          ALERT,
          'A protected group is selected at a disparate rate (outside the four-fifths band).',
          `The disparate impact ratio of the attribute {{ $labels.ml_fairness_attribute }} of ${MODEL_TEMPLATE} is {{ $value | printf "%.3g" }}, ` +
            `outside the band ${f.lower}–${f.upper} (every group with at least ${f.minGroupSamples} labelled rows).`,
          config,
        ),
      },
    ],
  };
}
