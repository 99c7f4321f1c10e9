import { alertAnnotations, alertLabels, FEATURE_TEMPLATE } from './annotations.js';
import { filteredCondition, thresholdCondition } from './conditions.js';
import type { AlertRulesConfig } from './config.js';
import { FEATURE_LABELS, groupingLabels, maxBy, metricSelector, sumBy } from './promql.js';
import type { AlertingRule, RuleGroup } from './rule-types.js';

interface RatioAlert {
  readonly alert: string;
  readonly metric: string;
  readonly what: string;
  readonly summary: string;
  readonly threshold: number;
  readonly for: string;
}

function ratioAlert(spec: RatioAlert, config: AlertRulesConfig): AlertingRule {
  const by = groupingLabels(FEATURE_LABELS, config);
  return {
    alert: spec.alert,
    ...thresholdCondition(maxBy(by, metricSelector(spec.metric, config)), '>', spec.threshold),
    for: spec.for,
    labels: alertLabels('warning', 'data_quality'),
    annotations: alertAnnotations(
      spec.alert,
      spec.summary,
      `${spec.what} of the ${FEATURE_TEMPLATE} is {{ $value | humanizePercentage }}, above the threshold ${spec.threshold}.`,
      config,
    ),
  };
}

function missingRatioSpike(config: AlertRulesConfig): AlertingRule {
  const spec = config.dataQuality.missingRatio;
  const by = groupingLabels(FEATURE_LABELS, config);
  const metric = metricSelector('ml_feature_quality_missing_ratio', config);
  const current = maxBy(by, metric);
  const baseline = maxBy(by, `avg_over_time(${metric}[${spec.baselineWindow}] offset ${spec.baselineOffset})`);
  const alert = 'MlFeatureMissingRatioSpike';
  return {
    alert,
    // the value is the current ratio, above the threshold whenever the alert fires
    ...filteredCondition(
      `(${current} > ${spec.threshold}) and on (${by}) (${current} > ${spec.spikeFactor} * clamp_min(${baseline}, ${spec.baselineFloor}))`,
      spec.threshold,
    ),
    for: spec.for,
    labels: alertLabels('warning', 'data_quality'),
    annotations: alertAnnotations(
      alert,
      'The share of missing values of a feature jumped.',
      `The missing ratio of the ${FEATURE_TEMPLATE} is {{ $value | humanizePercentage }}, above the threshold ${spec.threshold} ` +
        `and ${spec.spikeFactor} × its ${spec.baselineWindow} average (floor ${spec.baselineFloor}) ending ${spec.baselineOffset} ago.`,
      config,
    ),
  };
}

function featureConstant(config: AlertRulesConfig): AlertingRule {
  const c = config.dataQuality.constant;
  const feature = groupingLabels(FEATURE_LABELS, config);
  const bin = groupingLabels([...FEATURE_LABELS, 'ml_bin_index'], config);
  const increase = `increase(${metricSelector('ml_feature_bin_observations_total', config)}[${c.window}])`;
  const share = `${sumBy(bin, increase)} / ignoring (ml_bin_index) group_left () (${sumBy(feature, increase)} >= ${c.minValues})`;
  const rareInReference = `${maxBy(bin, metricSelector('ml_feature_bin_reference_fraction', config))} < ${c.maxReferenceShare}`;
  const alert = 'MlFeatureConstant';
  return {
    alert,
    // the largest share of one bin among the bins that are rare in the reference
    ...thresholdCondition(maxBy(feature, `(${share}) and on (${bin}) (${rareInReference})`), '>=', c.share),
    for: c.for,
    labels: alertLabels('warning', 'data_quality'),
    annotations: alertAnnotations(
      alert,
      'A feature went constant: nearly every value falls into one bin.',
      `{{ $value | humanizePercentage }} of the values of the ${FEATURE_TEMPLATE} in the last ${c.window} fell into one reference bin that holds ` +
        `less than ${c.maxReferenceShare * 100}% of the reference (threshold ${c.share * 100}%, at least ${c.minValues} values): a default or stuck value upstream.`,
      config,
    ),
  };
}

/** Data quality: missing-ratio spike, unseen categories, out-of-range values, type errors, a feature gone constant (warnings: fix upstream data). */
export function dataQualityGroup(config: AlertRulesConfig): RuleGroup {
  const q = config.dataQuality;
  return {
    name: 'modelwatch-data-quality',
    interval: config.evaluationInterval,
    rules: [
      missingRatioSpike(config),
      ratioAlert(
        {
          alert: 'MlFeatureUnseenCategories',
          metric: 'ml_feature_quality_unseen_category_ratio',
          what: 'The share of categories never seen in the reference',
          summary: 'A categorical feature receives categories the reference never saw.',
          ...q.unseenCategoryRatio,
        },
        config,
      ),
      ratioAlert(
        {
          alert: 'MlFeatureOutOfRange',
          metric: 'ml_feature_quality_out_of_range_ratio',
          what: 'The share of values outside the reference range',
          summary: 'A numeric feature receives values outside its reference range.',
          ...q.outOfRangeRatio,
        },
        config,
      ),
      ratioAlert(
        {
          alert: 'MlFeatureTypeErrors',
          metric: 'ml_feature_quality_type_error_ratio',
          what: 'The share of values of the wrong type',
          summary: 'A feature receives values of the wrong type.',
          ...q.typeErrorRatio,
        },
        config,
      ),
      featureConstant(config),
    ],
  };
}
