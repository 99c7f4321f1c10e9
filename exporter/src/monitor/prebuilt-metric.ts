/**
 * The monitor's observable series as pre-built OpenTelemetry `MetricData`: one data-point object per
 * series, created at its first write and updated in place afterwards. Handed to a `MetricReader`
 * through a `MetricProducer` (`MonitorMetricProducer`), this skips the SDK's per-point work at
 * collection (attribute hashing, hash maps, accumulation objects) while exporting exactly what the
 * observable instruments would: the same names, descriptions, units, attribute objects, values,
 * point kinds (gauge, monotonic sum) and cumulative temporality.
 *
 * Memory: one point per series ever written (bounded by the series catalog, `MonitorSeries`).
 * @internal
 */
import { ValueType, type Attributes, type HrTime, type Observable } from '@opentelemetry/api';
import { AggregationTemporality, DataPointType, InstrumentType, type MetricData } from '@opentelemetry/sdk-metrics';
import { MONITOR_METRICS } from './metric-names.js';
import type { ObservableMetricKey } from './monitor-instruments.js';
import type { SeriesSink } from './series-tracker.js';

/** A `DataPoint<number>` whose value and end time are updated in place. */
interface MutablePoint {
  readonly startTime: HrTime;
  endTime: HrTime;
  readonly attributes: Attributes;
  value: number;
}

/**
 * One metric of the contract as pre-built data. It is also an `Observable` so that the series
 * catalog can address it like an SDK instrument; callbacks are not supported (no-ops).
 */
export class PrebuiltMetric implements Observable {
  /** The exported data: `dataPoints` grows by one object per new series, never shrinks. */
  readonly data: MetricData;
  private readonly points = new Map<Attributes, MutablePoint>();
  /** The same points as `data.dataPoints`, writable. */
  private readonly list: MutablePoint[] = [];

  constructor(key: ObservableMetricKey) {
    const metric = MONITOR_METRICS[key];
    const counter = metric.instrument === 'ObservableCounter';
    const descriptor = {
      name: metric.name,
      description: metric.description,
      unit: metric.unit,
      type: counter ? InstrumentType.OBSERVABLE_COUNTER : InstrumentType.OBSERVABLE_GAUGE,
      valueType: ValueType.DOUBLE,
      advice: {},
    };
    const dataPoints = this.list;
    this.data = counter
      ? { descriptor, aggregationTemporality: AggregationTemporality.CUMULATIVE, dataPointType: DataPointType.SUM, isMonotonic: true, dataPoints }
      : { descriptor, aggregationTemporality: AggregationTemporality.CUMULATIVE, dataPointType: DataPointType.GAUGE, dataPoints };
  }

  /** Sets the value of the series with this (reused) attribute object; its start time is `now` on its first write. */
  set(attributes: Attributes, value: number, now: HrTime): void {
    const point = this.points.get(attributes);
    if (point !== undefined) {
      point.value = value;
      return;
    }
    const created: MutablePoint = { startTime: now, endTime: now, attributes, value };
    this.points.set(attributes, created);
    this.list.push(created);
  }

  /** Stamps every point with the collection time `endTime`. */
  stamp(endTime: HrTime): void {
    for (const point of this.list) point.endTime = endTime;
  }

  addCallback(): void {}
  removeCallback(): void {}
}

/** Every observable metric of the contract as a `PrebuiltMetric`, keyed like `MonitorInstruments`. */
export type PrebuiltInstruments = Record<ObservableMetricKey, PrebuiltMetric>;

/** Creates one `PrebuiltMetric` per observable metric of the contract. */
export function createPrebuiltInstruments(): PrebuiltInstruments {
  const keys = Object.keys(MONITOR_METRICS) as (keyof typeof MONITOR_METRICS)[];
  const entries = keys.filter((key): key is ObservableMetricKey => MONITOR_METRICS[key].instrument !== 'Histogram').map((key) => [key, new PrebuiltMetric(key)] as const);
  return Object.fromEntries(entries) as PrebuiltInstruments;
}

/** A `SeriesSink` that writes into pre-built metrics (series of other instruments are ignored). */
export class PrebuiltSeriesSink implements SeriesSink {
  /** @param now the collection time, used as the start time of series written for the first time */
  constructor(private readonly now: HrTime) {}

  observe(instrument: Observable, value: number, attributes?: Attributes): void {
    if (instrument instanceof PrebuiltMetric && attributes !== undefined) instrument.set(attributes, value, this.now);
  }
}

/** The metrics that hold at least one point (the SDK leaves out instruments never observed), stamped with `endTime`. */
export function nonEmptyMetrics(instruments: PrebuiltInstruments, endTime: HrTime): MetricData[] {
  const metrics: MetricData[] = [];
  for (const metric of Object.values(instruments)) {
    if (metric.data.dataPoints.length === 0) continue;
    metric.stamp(endTime);
    metrics.push(metric.data);
  }
  return metrics;
}
