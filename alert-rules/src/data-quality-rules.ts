import { alertAnnotations, alertLabels, FEATURE_TEMPLATE } from './annotations.js';
import type { AlertRulesConfig } from './config.js';
import { FEATURE_LABELS, groupingLabels, maxBy, metricSelector } from './promql.js';
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
    expr: `${maxBy(by, metricSelector(spec.metric, config))} > ${spec.threshold}`,
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
    expr: `(${current} > ${spec.threshold}) and on (${by}) (${current} > ${spec.spikeFactor} * clamp_min(${baseline}, ${spec.baselineFloor}))`,
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

/** Data quality: missing-ratio spike, unseen categories, out-of-range values, type errors (warnings: fix upstream data). */
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
    ],
  };
}
