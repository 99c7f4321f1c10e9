import { alertAnnotations, alertLabels, MODEL_TEMPLATE } from './annotations.js';
import { outsideBandCondition } from './conditions.js';
import type { AlertRulesConfig } from './config.js';
import { groupingLabels, MODEL_LABELS, metricSelector } from './promql.js';
import type { RuleGroup } from './rule-types.js';

const ALERT = 'MlFairnessDisparateImpact';
const GROUP = 'ml_fairness_group';

/**
 * Per replica and attribute, whether the groups' selection rates differ by more than sampling noise:
 * Pearson's chi-squared test of homogeneity, χ² = Σ nᵍ (pᵍ − p̄)² / (p̄ (1 − p̄)) with p̄ the pooled rate,
 * against the critical value of χ² with (groups − 1) degrees of freedom at the one-sided normal quantile
 * `k`, by the Wilson–Hilferty approximation df · (1 − 2/(9 df) + k √(2/(9 df)))³. One group (df 0) or no
 * positive prediction at all (p̄ 0) gives NaN: no alert.
 *
 * @example significantDisparity(3, defaultConfig) // '(sum without (ml_fairness_group) (…) / …) > …'
 */
export function significantDisparity(k: number, config: AlertRulesConfig): string {
  const rate = metricSelector('ml_fairness_selection_rate', config);
  const samples = metricSelector('ml_fairness_group_samples', config);
  const pooled = `(sum without (${GROUP}) (${rate} * ${samples}) / sum without (${GROUP}) (${samples}))`;
  const chiSquared = `sum without (${GROUP}) (${samples} * (${rate} - ignoring (${GROUP}) group_left () ${pooled}) ^ 2) / (${pooled} * (1 - ${pooled}))`;
  const df = `(count without (${GROUP}) (${samples}) - 1)`;
  const critical = `${df} * (1 - 2 / (9 * ${df}) + ${k} * sqrt(2 / (9 * ${df}))) ^ 3`;
  return `(${chiSquared}) > ${critical}`;
}

/**
 * Fairness: the disparate impact ratio of a protected attribute outside the four-fifths band
 * (default 0.8–1.25), per replica only when every group of that attribute has enough labelled rows
 * (`unless` a group of the same replica is below `minGroupSamples`) and the selection rates differ
 * significantly (chi-squared guard), then the worst replica.
 */
export function fairnessGroup(config: AlertRulesConfig): RuleGroup {
  const f = config.fairness;
  if (!(f.lower > 0 && f.lower < 1 && f.upper > 1)) {
    throw new RangeError(`fairness band must satisfy 0 < lower < 1 < upper, got lower ${f.lower} and upper ${f.upper}`);
  }
  if (!(Number.isFinite(f.significanceK) && f.significanceK > 0)) {
    throw new RangeError(`fairness.significanceK must be a positive number of standard errors (e.g. 3), got ${f.significanceK}`);
  }
  const by = groupingLabels([...MODEL_LABELS, 'ml_fairness_attribute'], config);
  const ratio =
    `${metricSelector('ml_fairness_disparate_impact_ratio', config)} unless ignoring (${GROUP}) ` +
    `(${metricSelector('ml_fairness_group_samples', config)} < ${f.minGroupSamples}) and (${significantDisparity(f.significanceK, config)})`;
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
            `outside the band ${f.lower}–${f.upper} (every group with at least ${f.minGroupSamples} labelled rows; ` +
            `selection rates differ beyond chance, chi-squared at ${f.significanceK} standard errors).`,
          config,
        ),
      },
    ],
  };
}
