/**
 * PromQL for the performance families (docs/metrics.md): every one is exported once for the whole model
 * (`ml_segment=""`) and once per segment value, so a query picks one of the two, never both. The
 * sampling-error helpers turn `ml_performance_sampling_error` into a ±k·SE band around the realised
 * value and into "drop in standard errors", the number that says whether a drop is noise.
 */
import { MODEL_MATCHERS, WHOLE_MODEL } from './selectors.js';

/** Realised metrics with a gauge `ml_performance_<metric>` (`ml.performance.metric` names the same). */
export type RealisedMetric = 'accuracy' | 'precision' | 'recall' | 'f1' | 'roc_auc' | 'log_loss' | 'brier' | 'mae' | 'rmse' | 'mape' | 'r2';

/** Metrics split by `ml.performance.average`; their binary value is the one with a sampling error. */
const AVERAGED: ReadonlySet<RealisedMetric> = new Set(['precision', 'recall', 'f1']);

/** Metrics the monitor exports a sampling error for (none for R² and pinball loss). */
const WITH_SAMPLING_ERROR: ReadonlySet<RealisedMetric> = new Set(['accuracy', 'precision', 'recall', 'f1', 'roc_auc', 'log_loss', 'brier', 'mae', 'rmse', 'mape']);

/** Whether `ml_performance_sampling_error` exists for the metric. */
export function hasSamplingError(metric: RealisedMetric): boolean {
  return WITH_SAMPLING_ERROR.has(metric);
}

/** `{model, version, whole model, ...extra}` */
export function wholeModel(...extra: readonly string[]): string {
  return `{${[MODEL_MATCHERS, WHOLE_MODEL, ...extra].join(', ')}}`;
}

/**
 * The realised metric of the whole model.
 * @example realised('accuracy') // 'ml_performance_accuracy{ml_model_name="$model", ml_model_version=~"$version", ml_segment=""}'
 */
export function realised(metric: RealisedMetric): string {
  return `ml_performance_${metric}${wholeModel()}`;
}

/**
 * One edge of the ±k·SE band around the whole model's realised metric (k = 2 by default): the realised
 * value plus `sign`·k times `ml_performance_sampling_error` of the same metric, series by series
 * (replicas, versions). For precision, recall and F1 the band is drawn around the binary value.
 * @example sampling-error band of accuracy, lower edge
 * bandEdge('accuracy', -1)
 * // 'ml_performance_accuracy{…, ml_segment=""} - ignoring (ml_performance_metric) (2 * ml_performance_sampling_error{…, ml_segment="", ml_performance_metric="accuracy"})'
 */
export function bandEdge(metric: RealisedMetric, sign: 1 | -1, k = 2): string {
  if (!hasSamplingError(metric)) throw new Error(`metric: ${metric} has no ml_performance_sampling_error; use one of ${[...WITH_SAMPLING_ERROR].join(', ')}`);
  if (!(Number.isFinite(k) && k > 0)) throw new Error(`k: expected a positive number of standard errors, got ${k}`);
  const averaged = AVERAGED.has(metric);
  const left = `ml_performance_${metric}${averaged ? wholeModel('ml_performance_average="binary"') : wholeModel()}`;
  const ignored = averaged ? 'ml_performance_metric, ml_performance_average' : 'ml_performance_metric';
  return `${left} ${sign > 0 ? '+' : '-'} ignoring (${ignored}) (${k} * ml_performance_sampling_error${wholeModel(`ml_performance_metric="${metric}"`)})`;
}

/**
 * The whole model's drop vs the baseline in standard errors, positive = worse, per metric:
 * `degradation × |baseline| / sampling error` (the degradation is relative to |baseline| and already
 * oriented so that positive is worse for losses too). Below about 2 the drop is within sampling noise.
 * `estimated` uses the CBPE degradation and the sampling error expected on a window of that size.
 * Series with a zero sampling error (e.g. accuracy 1 on a small window) are left out, not infinite.
 */
export function dropInStandardErrors(kind: 'realised' | 'estimated'): string {
  const family = kind === 'realised' ? 'ml_performance' : 'ml_performance_estimated';
  const baseline = `max by (ml_model_name, ml_model_version, ml_performance_metric) (abs(ml_performance_baseline{${MODEL_MATCHERS}}))`;
  return (
    `${family}_degradation${wholeModel()} * on (ml_model_name, ml_model_version, ml_performance_metric) group_left () ${baseline}` +
    ` / (${family}_sampling_error${wholeModel()} > 0)`
  );
}
