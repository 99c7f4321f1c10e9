/**
 * `MonitorMetricProducer`: an OpenTelemetry `MetricProducer` that a `MetricReader` calls at every
 * collection (`metricProducers` option) and that exports the observable series of every monitor
 * registered on it as pre-built data (`PrebuiltMetric`), under the scope `@modelwatch/otel`.
 *
 * `startModelwatch` creates one, gives it to its readers and attaches it to its `MeterProvider`;
 * `createModelMonitor` finds it there (`monitorMetricProducerOf`) and registers itself instead of
 * creating observable instruments, so no series is exported twice. With your own `MeterProvider`,
 * pass one to both the readers and `createModelMonitor({ metricProducer })`; without it a monitor
 * keeps the observable-instrument path (same data, about 3 µs more per changed value at collection).
 * Views and the readers' `cardinalityLimits` do not apply to producer output: the producer has its
 * own `cardinalityLimit`.
 */
import { hrTime } from '@opentelemetry/core';
import type { HrTime } from '@opentelemetry/api';
import { emptyResource } from '@opentelemetry/resources';
import { DataPointType, type CollectionResult, type MetricData, type MetricProducer, type ScopeMetrics } from '@opentelemetry/sdk-metrics';
import { VERSION } from '../version.js';

/** One registered monitor: brings its pre-built metrics up to date and lists them. */
export interface PrebuiltMetricSource {
  /** Computes the monitor's values at collection time `now` and returns its non-empty metrics, stamped with `now` (never throws). */
  collect(now: HrTime): readonly MetricData[];
}

const SCOPE = { name: '@modelwatch/otel', version: VERSION };
/** sdk-metrics' default series per instrument and reader. */
const DEFAULT_CARDINALITY_LIMIT = 2000;

/** The attributes of the series that stands for every series past the cardinality limit (as in sdk-metrics). */
export const OVERFLOW_ATTRIBUTES = { 'otel.metric.overflow': true } as const;

/**
 * Keeps at most `limit` points of `metric` like an sdk-metrics reader with that cardinality limit:
 * the first `limit - 1` series, and one `otel.metric.overflow` series (a counter's: the sum of the
 * rest; a gauge's: the last of the rest).
 */
export function limitCardinality(metric: MetricData, limit: number): MetricData {
  const points = metric.dataPoints;
  if (points.length <= limit) return metric;
  const kept = points.slice(0, limit - 1);
  const rest = points.slice(limit - 1);
  const first = rest[0] as (typeof points)[number];
  const last = rest[rest.length - 1] as (typeof points)[number];
  const value = metric.dataPointType === DataPointType.SUM ? rest.reduce((total, point) => total + (point.value as number), 0) : last.value;
  return { ...metric, dataPoints: [...kept, { startTime: first.startTime, endTime: last.endTime, attributes: OVERFLOW_ATTRIBUTES, value }] } as MetricData;
}

/**
 * Exports the series of the monitors registered on it (see the module comment).
 * @example
 * const metricProducer = new MonitorMetricProducer({ cardinalityLimit: 20_000 });
 * const reader = new PeriodicExportingMetricReader({ exporter, metricProducers: [metricProducer], cardinalityLimits: { default: 20_000 } });
 * const meterProvider = new MeterProvider({ readers: [reader] });
 * const monitor = createModelMonitor({ model, reference, meterProvider, metricProducer });
 */
export class MonitorMetricProducer implements MetricProducer {
  private readonly sources = new Set<PrebuiltMetricSource>();
  private readonly cardinalityLimit: number;

  /**
   * @param options.cardinalityLimit at most this many series per metric, the rest folded into one
   *   `otel.metric.overflow` series (give it the readers' limit; default 2 000, the sdk-metrics default)
   * @throws RangeError when `cardinalityLimit` is not a whole number ≥ 1
   */
  constructor(options: { cardinalityLimit?: number } = {}) {
    const limit = options.cardinalityLimit ?? DEFAULT_CARDINALITY_LIMIT;
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`MonitorMetricProducer: options.cardinalityLimit must be a whole number of series ≥ 1, got ${String(limit)}`);
    this.cardinalityLimit = limit;
  }

  /** Adds a monitor; returns the function that removes it. */
  register(source: PrebuiltMetricSource): () => void {
    this.sources.add(source);
    return () => this.sources.delete(source);
  }

  /** The registered monitors' metrics, one stream per name; never rejects (a failing monitor is reported in `errors` and left out). */
  collect(): Promise<CollectionResult> {
    const now = hrTime();
    const byName = new Map<string, MetricData>();
    const errors: unknown[] = [];
    for (const source of this.sources) {
      try {
        for (const metric of source.collect(now)) {
          const name = metric.descriptor.name;
          const previous = byName.get(name);
          // Monitors of several models share each metric name: one stream per name, like the SDK's instruments.
          byName.set(name, previous === undefined ? metric : ({ ...previous, dataPoints: [...previous.dataPoints, ...metric.dataPoints] } as MetricData));
        }
      } catch (error) {
        errors.push(error);
      }
    }
    const metrics = [...byName.values()].map((metric) => limitCardinality(metric, this.cardinalityLimit));
    const scopeMetrics: ScopeMetrics[] = metrics.length === 0 ? [] : [{ scope: SCOPE, metrics }];
    return Promise.resolve({ resourceMetrics: { resource: emptyResource(), scopeMetrics }, errors });
  }
}

const producers = new WeakMap<object, MonitorMetricProducer>();

/** Makes `producer` the one monitors created on `meterProvider` register with (used by `startModelwatch`). @internal */
export function attachMonitorMetricProducer(meterProvider: object, producer: MonitorMetricProducer): void {
  producers.set(meterProvider, producer);
}

/** The producer attached to `meterProvider`, if its readers collect one. @internal */
export function monitorMetricProducerOf(meterProvider: object): MonitorMetricProducer | undefined {
  return producers.get(meterProvider);
}
