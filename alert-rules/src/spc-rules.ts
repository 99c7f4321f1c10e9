import { alertAnnotations, alertLabels, FEATURE_TEMPLATE, lookupTemplate, MODEL_TEMPLATE, SEGMENT_TEMPLATE } from './annotations.js';
import { outsideBandCondition, thresholdCondition, type AlertCondition } from './conditions.js';
import type { AlertRulesConfig, SpcMetric } from './config.js';
import { durationSeconds } from './durations.js';
import { metricSelector } from './promql.js';
import type { AlertingRule, RecordingRule, RuleGroup } from './rule-types.js';

const ALERT = 'MlMetricOutsideControlLimits';

/**
 * Names of the SPC recording rules of one metric (level:metric:operation), e.g. for accuracy by model and
 * segment over 7d: `model_segment:ml_performance_accuracy:avg`, `…:spc_mean7d`, `…:spc_stddev7d`, `…:spc_samples7d`, `…:spc_zscore7d`.
 */
export function spcRecordNames(spec: Pick<SpcMetric, 'metric' | 'labels' | 'aggregation'>, lookback: string) {
  const level = ['model', ...spec.labels.filter((label) => !/^ml_model_(name|version)$/.test(label)).map((label) => label.replace(/^ml_/, '').replace(/_name$/, ''))].join('_');
  const prefix = `${level}:${spec.metric}`;
  return {
    signal: `${prefix}:${spec.aggregation}`,
    mean: `${prefix}:spc_mean${lookback}`,
    stddev: `${prefix}:spc_stddev${lookback}`,
    samples: `${prefix}:spc_samples${lookback}`,
    zscore: `${prefix}:spc_zscore${lookback}`,
  };
}

function records(spec: SpcMetric, config: AlertRulesConfig): RecordingRule[] {
  const { lookback, offset } = config.spc;
  const by = [...spec.labels, ...config.extraGroupingLabels].join(', ');
  const names = spcRecordNames(spec, lookback);
  const history = (fn: string) => `${fn}(${names.signal}[${lookback}] offset ${offset})`;
  return [
    { record: names.signal, expr: `${spec.aggregation} by (${by}) (${metricSelector(spec.metric, config)})` },
    { record: names.mean, expr: history('avg_over_time') },
    { record: names.stddev, expr: history('stddev_over_time') },
    { record: names.samples, expr: history('count_over_time') },
    { record: names.zscore, expr: `(${names.signal} - ${names.mean}) / clamp_min(${names.stddev}, ${spec.sigmaFloor})` },
  ];
}

/** Words naming the target from the metric's labels: feature, segment, model. */
function targetTemplate(spec: SpcMetric): string {
  const base = spec.labels.includes('ml_feature_name') ? `the ${FEATURE_TEMPLATE}` : MODEL_TEMPLATE;
  return spec.labels.includes('ml_segment') ? `${base}${SEGMENT_TEMPLATE}` : base;
}

function condition(spec: SpcMetric, guardedZ: string, by: string, k: number): AlertCondition {
  if (spec.direction === 'low') return thresholdCondition(guardedZ, '<', -k);
  if (spec.direction === 'high') return thresholdCondition(guardedZ, '>', k);
  return outsideBandCondition(by, guardedZ, -k, k);
}

function alert(spec: SpcMetric, config: AlertRulesConfig, minSamples: number): AlertingRule {
  const s = config.spc;
  const labels = [...spec.labels, ...config.extraGroupingLabels];
  const by = labels.join(', ');
  const names = spcRecordNames(spec, s.lookback);
  const guardedZ = `(${names.zscore} and on (${by}) (${names.samples} >= ${minSamples}))`;
  const side = { low: `below mean − ${s.k}σ`, high: `above mean + ${s.k}σ`, both: `outside mean ± ${s.k}σ` }[spec.direction];
  const limits = `(control limits ${side}, σ floor ${spec.sigmaFloor}, history ${s.lookback} ending ${s.offset} ago)`;
  const description = (current: string, mean: string) =>
    `The ${spec.what} of ${targetTemplate(spec)} is ${current}, {{ $value | printf "%.2f" }} σ from its mean${mean} ${limits}.`;
  const cond = condition(spec, guardedZ, by, s.k);
  return {
    alert: ALERT,
    ...cond,
    grafana: { ...cond.grafana, description: description('out of control', '') },
    for: s.for,
    labels: { ...alertLabels('warning', 'spc'), spc_metric: spec.metric },
    annotations: alertAnnotations(
      ALERT,
      'A model metric left the control limits of its own recent history.',
      description(lookupTemplate(names.signal, labels), ` ${lookupTemplate(names.mean, labels)}`),
      config,
    ),
  };
}

/**
 * Statistical process control for teams without a fixed target: per configured metric, recording rules for
 * the per-target value, the mean, standard deviation and sample count of its own history (`lookback` ending
 * `offset` ago, so the current window is excluded) and the z-score; an alert when the z-score leaves ±k
 * on the bad side, only once the history holds `minHistory` worth of evaluations.
 */
export function spcGroup(config: AlertRulesConfig): RuleGroup {
  const s = config.spc;
  const interval = durationSeconds(config.evaluationInterval, 'evaluationInterval');
  durationSeconds(s.lookback, 'spc.lookback');
  durationSeconds(s.offset, 'spc.offset');
  const minSamples = Math.ceil(durationSeconds(s.minHistory, 'spc.minHistory') / interval);
  if (!(s.k > 0)) throw new RangeError(`spc.k must be a positive number of standard deviations, got ${s.k}`);
  return {
    name: 'modelwatch-spc',
    interval: config.evaluationInterval,
    rules: [...s.metrics.flatMap((spec) => records(spec, config)), ...s.metrics.map((spec) => alert(spec, config, minSamples))],
  };
}
