import { FieldType, toDataFrame, type DataFrame } from '@grafana/data';
import {
  AMOUNT_COUNTER_START,
  AMOUNT_INCREASE,
  AMOUNT_REFERENCE,
  COUNTRY_INCREASE,
  COUNTRY_REFERENCE,
  SEGMENTS,
  TABLE_FEATURES,
} from './values';

export * from './values';

/**
 * Data frames shaped like Grafana's Prometheus data source returns them (one frame per series: a
 * `Time` field and a `Value` number field carrying the series labels), for the unit tests, the
 * render tests and the browser harness. Values are inputs only; tests derive their expectations.
 */
export function promFrame(refId: string, labels: Record<string, string>, times: number[], values: number[]): DataFrame {
  return toDataFrame({
    refId,
    fields: [
      { name: 'Time', type: FieldType.time, values: times },
      { name: 'Value', type: FieldType.number, values, labels },
    ],
  });
}

export const T0 = Date.UTC(2026, 10, 26, 12, 0, 0);
export const STEP = 5 * 60_000;
/** `n` timestamps STEP apart from T0. */
export const timesOf = (n: number): number[] => Array.from({ length: n }, (_, i) => T0 + i * STEP);

const MODEL = { ml_model_name: 'fraud', ml_model_version: '3' };

/** Distribution of `amount` from a range query of the raw counter (refId A) and the reference gauge (refId B). */
export function amountDistributionFrames(): DataFrame[] {
  const times = timesOf(4);
  const frames: DataFrame[] = [];
  AMOUNT_REFERENCE.forEach((fraction, bin) => {
    const labels = { ...MODEL, ml_feature_name: 'amount', ml_bin_index: String(bin) };
    const start = AMOUNT_COUNTER_START[bin] ?? 0;
    const inc = AMOUNT_INCREASE[bin] ?? 0;
    // cumulative counter rising by `inc` over the range, in three steps
    const counter = [start, start + Math.round(inc / 3), start + Math.round((2 * inc) / 3), start + inc];
    frames.push(promFrame('A', { __name__: 'ml_feature_bin_observations_total', ...labels }, times, counter));
    frames.push(promFrame('B', { __name__: 'ml_feature_bin_reference_fraction', ...labels }, times, times.map(() => fraction)));
  });
  const gauge = (name: string, extra: Record<string, string>, value: number): DataFrame =>
    promFrame('C', { __name__: name, ...MODEL, ml_feature_name: 'amount', ...extra }, times, times.map(() => value));
  frames.push(gauge('ml_feature_drift_score', { ml_drift_method: 'psi' }, 0.4172));
  frames.push(gauge('ml_feature_drift_threshold', { ml_drift_method: 'psi' }, 0.2));
  frames.push(gauge('ml_feature_drift_detected', { ml_drift_method: 'psi' }, 1));
  frames.push(gauge('ml_feature_window_samples', {}, 5400));
  return frames;
}

/** Distribution of the categorical `country` from `increase(...[$__range])` (refId A, no __name__) and refId B. */
export function countryDistributionFrames(): DataFrame[] {
  const times = timesOf(3);
  const frames: DataFrame[] = [];
  COUNTRY_REFERENCE.forEach((fraction, bin) => {
    const labels = { ...MODEL, ml_feature_name: 'country', ml_bin_index: String(bin) };
    const inc = COUNTRY_INCREASE[bin] ?? 0;
    frames.push(promFrame('A', labels, times, [inc * 0.5, inc * 0.8, inc]));
    frames.push(promFrame('B', { __name__: 'ml_feature_bin_reference_fraction', ...labels }, times, times.map(() => fraction)));
  });
  const gauge = (name: string, value: number): DataFrame =>
    promFrame('C', { __name__: name, ...MODEL, ml_feature_name: 'country', ml_drift_method: 'chi_squared' }, times, times.map(() => value));
  frames.push(gauge('ml_feature_drift_score', 187.3));
  frames.push(gauge('ml_feature_drift_p_value', 3.2e-9));
  frames.push(gauge('ml_feature_drift_threshold', 0.05));
  frames.push(gauge('ml_feature_drift_detected', 1));
  return frames;
}

/** ml_feature_drift_* range-query frames for the features above. */
export function driftTableFrames(): DataFrame[] {
  const frames: DataFrame[] = [];
  for (const f of TABLE_FEATURES) {
    const times = timesOf(f.scores.length);
    const labels = { ...MODEL, ml_feature_name: f.feature, ml_drift_method: f.method };
    const constant = (v: number): number[] => times.map(() => v);
    frames.push(promFrame('A', { __name__: 'ml_feature_drift_score', ...labels }, times, [...f.scores]));
    frames.push(promFrame('B', { __name__: 'ml_feature_drift_threshold', ...labels }, times, constant(f.threshold)));
    frames.push(promFrame('C', { __name__: 'ml_feature_drift_detected', ...labels }, times, constant(f.detected)));
    if ('pValue' in f) {
      frames.push(promFrame('D', { __name__: 'ml_feature_drift_p_value', ...labels }, times, constant(f.pValue)));
    }
  }
  return frames;
}

/** `ml_performance_accuracy` by segment over 12 steps; android degrades in the second half. */
export function segmentFrames(): DataFrame[] {
  const times = timesOf(12);
  return SEGMENTS.map((segment, s) => {
    const labels: Record<string, string> = { __name__: 'ml_performance_accuracy', ...MODEL };
    if (segment !== '') {
      labels.ml_segment = segment;
    }
    const values = times.map((_, i) => {
      const base = 0.93 - s * 0.015;
      return segment === 'android' && i >= 6 ? base - 0.03 * (i - 5) : base + ((i * 7 + s * 3) % 5) * 0.004;
    });
    return promFrame('A', labels, times, values);
  });
}
