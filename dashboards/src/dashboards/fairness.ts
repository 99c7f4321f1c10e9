import { RowBuilder, type DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { DASHBOARD_UIDS, GUIDES } from '../config.js';
import { baseDashboard } from '../dashboard-base.js';
import { band, barGauge, timeseries } from '../panels.js';
import { ATTRIBUTE, withModel } from '../selectors.js';
import { attributeVariable, modelVariable, versionVariable } from '../variables.js';

const BY_ATTRIBUTE = withModel(ATTRIBUTE);
const GROUP_LEGEND = '{{ml_fairness_attribute}}={{ml_fairness_group}}';

/** A per-group rate over time. */
function groupRate(metric: string, title: string, meaning: string) {
  return timeseries({
    title,
    description: `${meaning} Per group of each protected attribute, over the window of joined labels.`,
    unit: 'percentunit',
    min: 0,
    max: 1,
    width: 8,
    queries: [{ expr: `ml_fairness_${metric}${BY_ATTRIBUTE}`, legend: GROUP_LEGEND }],
  });
}

/** A parity difference with the tolerance as a band (|difference| ≤ 0.1 green). */
function parityDifference(metric: string, title: string, meaning: string) {
  const limit = GUIDES.parityDifference;
  return timeseries({
    title,
    description: `${meaning} The green band is |difference| ≤ ${limit}, a common tolerance (not a legal standard).`,
    width: 8,
    thresholds: band(-limit, limit),
    thresholdStyle: 'area',
    queries: [{ expr: `ml_fairness_${metric}${BY_ATTRIBUTE}`, legend: '{{ml_fairness_attribute}} {{ml_model_version}}' }],
  });
}

/** Fairness: disparate impact with the four-fifths band, parity differences, per-group selection, TPR and FPR. */
export function fairness(): DashboardBuilder {
  const { low, high } = GUIDES.disparateImpact;
  return baseDashboard({
    uid: DASHBOARD_UIDS.fairness,
    title: 'modelwatch / Fairness',
    description: 'Group fairness over joined labels for each configured protected attribute: disparate impact (four-fifths rule), parity differences and per-group rates.',
    variables: [modelVariable(), versionVariable(), attributeVariable()],
  })
    .withRow(new RowBuilder('Disparate impact'))
    .withPanel(
      timeseries({
        title: 'Disparate impact ratio',
        description: `Lowest group selection rate / highest; the four-fifths band ${low}–${high} is green, outside it red.`,
        width: 16,
        min: 0,
        thresholds: band(low, high),
        thresholdStyle: 'area',
        queries: [{ expr: `ml_fairness_disparate_impact_ratio${BY_ATTRIBUTE}`, legend: '{{ml_fairness_attribute}} {{ml_model_version}}' }],
      }),
    )
    .withPanel(
      barGauge({
        title: 'Disparate impact ratio (now)',
        description: `Current ratio per protected attribute against the four-fifths band ${low}–${high}.`,
        width: 8,
        min: 0,
        max: 1.5,
        thresholds: band(low, high),
        queries: [{ expr: `max by (ml_fairness_attribute) (ml_fairness_disparate_impact_ratio${BY_ATTRIBUTE})`, legend: '{{ml_fairness_attribute}}', instant: true }],
      }),
    )
    .withRow(new RowBuilder('Parity differences'))
    .withPanel(parityDifference('demographic_parity_difference', 'Demographic parity difference', 'Difference between the highest and lowest group selection rate.'))
    .withPanel(parityDifference('equal_opportunity_difference', 'Equal opportunity difference', 'Difference between the highest and lowest group true positive rate.'))
    .withPanel(parityDifference('equalized_odds_difference', 'Equalized odds difference', 'The larger of the TPR and FPR differences between groups.'))
    .withRow(new RowBuilder('Per group'))
    .withPanel(groupRate('selection_rate', 'Selection rate', 'Share of positive predictions.'))
    .withPanel(groupRate('true_positive_rate', 'True positive rate', 'Positives the model found / actual positives.'))
    .withPanel(groupRate('false_positive_rate', 'False positive rate', 'Negatives the model flagged / actual negatives.'))
    .withPanel(
      timeseries({
        title: 'Labelled rows per group',
        description: 'Rows behind each group rate; small groups give noisy rates. __overflow__ holds the groups past the cap.',
        unit: 'short',
        width: 24,
        queries: [{ expr: `ml_fairness_group_samples${BY_ATTRIBUTE}`, legend: GROUP_LEGEND }],
      }),
    );
}
