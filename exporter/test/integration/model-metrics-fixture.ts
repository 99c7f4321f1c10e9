import type { Attributes, Meter } from '@opentelemetry/api';

/** Data-point attributes a model monitor puts on its metrics (OTel semantic style, dotted). */
export const MODEL_ATTRIBUTES: Readonly<Attributes> = Object.freeze({
  'ml.model.name': 'fraud-detector',
  'ml.model.version': '3.1.0',
  'ml.feature.name': 'amount',
  'ml.drift.method': 'psi',
});

/** The same attributes as Prometheus labels (dots become underscores on both paths). */
export const MODEL_LABELS: Readonly<Record<string, string>> = Object.freeze({
  ml_model_name: 'fraud-detector',
  ml_model_version: '3.1.0',
  ml_feature_name: 'amount',
  ml_drift_method: 'psi',
});

/** Bucket boundaries of the custom explicit-bucket histogram. */
export const BIN_BOUNDARIES: readonly number[] = [0, 1, 2.5];

/**
 * Values recorded into each histogram. The SDK drops the negative one (OTel histograms take
 * non-negative values only), so 5 arrive: le="0" holds 0 (upper bounds are inclusive), le="1" 3,
 * le="2.5" 4, +Inf 5; sum 6.2.
 */
export const HISTOGRAM_VALUES: readonly number[] = [-1, 0, 0.5, 0.7, 2, 3];

/** One instrument of the fixture, with the Prometheus names observed on each path. */
export interface InstrumentCase {
  readonly otelName: string;
  readonly instrument: 'ObservableGauge' | 'Counter' | 'UpDownCounter' | 'Histogram';
  readonly unit: string;
  /** Name (histograms: base name before `_bucket`/`_count`/`_sum`) after vmagent with Prometheus naming. */
  readonly pushName: string;
  /** Name after `@opentelemetry/exporter-prometheus`, scraped by Prometheus. */
  readonly pullName: string;
  /** Value of the single series (histograms: the `_count`). */
  readonly value: number;
}

/** The instruments recorded on both paths: one row of the translation table each. */
export const INSTRUMENT_CASES: readonly InstrumentCase[] = [
  { otelName: 'ml.feature.drift.score', instrument: 'ObservableGauge', unit: '1', pushName: 'ml_feature_drift_score_ratio', pullName: 'ml_feature_drift_score', value: 0.25 },
  { otelName: 'ml.feature.drift.pvalue', instrument: 'ObservableGauge', unit: '', pushName: 'ml_feature_drift_pvalue', pullName: 'ml_feature_drift_pvalue', value: 0.01 },
  { otelName: 'ml.reference.size', instrument: 'ObservableGauge', unit: 'By', pushName: 'ml_reference_size_bytes', pullName: 'ml_reference_size', value: 4096 },
  { otelName: 'ml.observations', instrument: 'Counter', unit: '{observation}', pushName: 'ml_observations_total', pullName: 'ml_observations_total', value: 5 },
  { otelName: 'ml.label.errors', instrument: 'Counter', unit: '1', pushName: 'ml_label_errors_total', pullName: 'ml_label_errors_total', value: 5 },
  { otelName: 'ml.processing.time', instrument: 'Counter', unit: 'ms', pushName: 'ml_processing_time_milliseconds_total', pullName: 'ml_processing_time_total', value: 5 },
  { otelName: 'ml.window.size', instrument: 'UpDownCounter', unit: '{observation}', pushName: 'ml_window_size', pullName: 'ml_window_size', value: 7 },
  { otelName: 'ml.feature.bin.values', instrument: 'Histogram', unit: '1', pushName: 'ml_feature_bin_values', pullName: 'ml_feature_bin_values', value: 5 },
  { otelName: 'ml.inference.duration', instrument: 'Histogram', unit: 's', pushName: 'ml_inference_duration_seconds', pullName: 'ml_inference_duration', value: 5 },
];

/** All Prometheus metric names a path should produce for the fixture (histograms expanded). */
export function expectedNames(path: 'pushName' | 'pullName'): string[] {
  return INSTRUMENT_CASES.flatMap((row) =>
    row.instrument === 'Histogram' ? ['_bucket', '_count', '_sum'].map((suffix) => row[path] + suffix) : [row[path]],
  ).sort();
}

/**
 * Creates every instrument of `INSTRUMENT_CASES` on `meter` and records its value once with
 * `MODEL_ATTRIBUTES` (counters get 2 + 3, the UpDownCounter 10 − 3, histograms `HISTOGRAM_VALUES`).
 */
export function recordModelMetrics(meter: Meter): void {
  for (const row of INSTRUMENT_CASES) {
    const options = { unit: row.unit, description: `fixture ${row.instrument}` };
    switch (row.instrument) {
      case 'ObservableGauge':
        meter.createObservableGauge(row.otelName, options).addCallback((result) => result.observe(row.value, MODEL_ATTRIBUTES));
        break;
      case 'Counter': {
        const counter = meter.createCounter(row.otelName, options);
        counter.add(2, MODEL_ATTRIBUTES);
        counter.add(3, MODEL_ATTRIBUTES);
        break;
      }
      case 'UpDownCounter': {
        const upDown = meter.createUpDownCounter(row.otelName, options);
        upDown.add(10, MODEL_ATTRIBUTES);
        upDown.add(-3, MODEL_ATTRIBUTES);
        break;
      }
      case 'Histogram': {
        const histogram = meter.createHistogram(row.otelName, {
          ...options,
          advice: { explicitBucketBoundaries: [...BIN_BOUNDARIES] },
        });
        for (const value of HISTOGRAM_VALUES) histogram.record(value, MODEL_ATTRIBUTES);
        break;
      }
    }
  }
}
