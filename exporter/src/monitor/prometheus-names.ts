import type { MonitorMetricDefinition } from './metric-names.js';

/** Which way the metrics reach Prometheus: OTLP push through vmagent, or a scrape of exporter-prometheus. */
export type PrometheusPath = 'push' | 'pull';

/**
 * The Prometheus metric name of a contract metric after translation, as observed on the real stack
 * (docs/otlp-translation.md): dots become underscores, monotonic counters get `_total`,
 * and `{annotation}` or empty units add no suffix, so both paths give the same name.
 *
 * @throws RangeError for a unit that would make the two paths differ (anything but '' or `{…}`).
 * @example prometheusMetricName(MONITOR_METRICS.observations) // 'ml_observations_total'
 */
export function prometheusMetricName(metric: MonitorMetricDefinition): string {
  if (metric.unit !== '' && !/^\{[^{}]*\}$/.test(metric.unit)) {
    throw new RangeError(`metric ${metric.name}: unit ${JSON.stringify(metric.unit)} would get a suffix on the push path only; use '' or an {annotation}`);
  }
  const base = metric.name.replace(/\./g, '_');
  return metric.instrument === 'ObservableCounter' ? `${base}_total` : base; // a Histogram's series add _bucket, _sum, _count
}

/** The Prometheus label of a data-point attribute (dots become underscores on both paths). */
export function prometheusLabelName(attribute: string): string {
  return attribute.replace(/\./g, '_');
}

/**
 * Labels each path adds beside the data-point attributes: the push path copies every resource
 * attribute (e.g. `service_name`), the pull path adds the scope and the scrape's `job`/`instance`.
 */
export const PATH_EXTRA_LABELS: Readonly<Record<PrometheusPath, readonly string[]>> = {
  push: ['service_name', '(every other resource attribute)'],
  pull: ['otel_scope_name', 'otel_scope_version', 'job', 'instance'],
};
