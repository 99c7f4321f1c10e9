/**
 * The two export paths of a monitor — observable instruments (any MeterProvider) and pre-built data
 * through a `MonitorMetricProducer` (startModelwatch) — must export the same metrics: descriptors,
 * scope, point kinds, temporality, attributes and values, collection after collection, including
 * series that retire as NaN, with no metric stream exported twice.
 */
import { MeterProvider, type DataPoint, type MetricData, type ResourceMetrics } from '@opentelemetry/sdk-metrics';
import { createModelMonitor, type ModelMonitor } from '../../src/monitor/create-model-monitor.js';
import { MonitorMetricProducer } from '../../src/monitor/monitor-metric-producer.js';
import type { ModelMonitorOptions } from '../../src/monitor/monitor-options.js';
import { binaryProfile, binaryRows } from './labelled-fixture.js';
import { TestReader } from './monitor-fixture.js';

const MODEL = { name: 'churn', version: '3.1.0' };
const T0 = 1_800_000_000_000;
const MINUTE = 60_000;
const profile = binaryProfile(binaryRows(2000, 41));

interface ExportPath {
  reader: TestReader;
  monitor: ModelMonitor;
}

/** A monitor on its own provider, exporting through observable instruments or through a producer. */
function exportPath(options: Omit<ModelMonitorOptions, 'meterProvider'>, throughProducer: boolean): ExportPath {
  const metricProducer = new MonitorMetricProducer();
  const reader = new TestReader(throughProducer ? { metricProducers: [metricProducer] } : {});
  const meterProvider = new MeterProvider({ readers: [reader] });
  return { reader, monitor: createModelMonitor({ ...options, meterProvider, ...(throughProducer ? { metricProducer } : {}) }) };
}

/** Everything an exporter reads of a collection except timestamps, by metric name; throws on a name exported twice. */
function exported(resourceMetrics: ResourceMetrics): Map<string, unknown> {
  const byName = new Map<string, unknown>();
  for (const { scope, metrics } of resourceMetrics.scopeMetrics) {
    for (const metric of metrics) {
      if (byName.has(metric.descriptor.name)) throw new Error(`${metric.descriptor.name} is exported twice`);
      byName.set(metric.descriptor.name, comparable(metric, scope.name, scope.version));
    }
  }
  return byName;
}

function comparable(metric: MetricData, scope: string, version: string | undefined): unknown {
  const points = metric.dataPoints
    .map((point) => [JSON.stringify(Object.entries(point.attributes).sort(([a], [b]) => a.localeCompare(b))), point.value] as const)
    .sort(([a], [b]) => a.localeCompare(b));
  const isMonotonic = 'isMonotonic' in metric ? metric.isMonotonic : undefined;
  return { scope, version, descriptor: metric.descriptor, temporality: metric.aggregationTemporality, dataPointType: metric.dataPointType, isMonotonic, points };
}

async function collect(reader: TestReader): Promise<Map<string, unknown>> {
  const { resourceMetrics, errors } = await reader.collect();
  expect(errors).toEqual([]);
  return exported(resourceMetrics);
}

/** Labelled traffic at the current clock: segments eu (and us when `withUs`), fairness groups, labels for two thirds. */
function feed(monitor: ModelMonitor, rows: number, seed: number, withUs: boolean, shift: number): void {
  const data = binaryRows(rows, seed);
  for (let row = 0; row < rows; row++) {
    const segment = withUs && row % 2 === 1 ? 'us' : 'eu';
    const bad = row % 97 === 0;
    monitor.observe({ features: { x: bad ? 'oops' : (data.x[row] ?? 0) + shift, ...(row % 89 === 0 ? { extra: 1 } : {}) }, score: data.score[row], prediction: data.prediction[row], id: `${seed}-${row}`, segment, attributes: { group: data.group[row] } });
  }
  for (let row = 0; row < rows; row++) if (row % 3 !== 0) monitor.label(`${seed}-${row}`, data.truth[row]);
}

describe('MonitorMetricProducer', () => {
  it('exports exactly what the observable instruments export, collection after collection (drift, quality, bins, performance, fairness, NaN retirement)', async () => {
    const clock = { now: T0 };
    const options = { model: MODEL, reference: profile, now: () => clock.now, window: { durationMs: 30 * MINUTE, slices: 3 }, segments: { attribute: 'region', cap: 5 }, fairness: { attributes: ['group'] } };
    const instruments = exportPath(options, false);
    const producer = exportPath(options, true);
    // [minutes after T0, rows, segment us present, shift of x]: the last phases are past the window of the first ones, so series retire.
    const phases: [number, number, boolean, number][] = [[0, 300, true, 0], [5, 0, true, 0], [12, 200, true, 1], [50, 250, false, 0.5], [51, 0, false, 0], [120, 0, false, 0]];
    let sawNaN = false;
    for (const [index, [minutes, rows, withUs, shift]] of phases.entries()) {
      clock.now = T0 + minutes * MINUTE;
      for (const path of [instruments, producer]) feed(path.monitor, rows, 700 + index, withUs, shift);
      const expected = await collect(instruments.reader);
      const actual = await collect(producer.reader);
      expect(expected.size).toBeGreaterThan(40);
      expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
      for (const [name, metric] of expected) expect([name, actual.get(name)]).toEqual([name, metric]);
      if (JSON.stringify([...expected.values()]).includes('null')) sawNaN = true;
    }
    // NaN serialises as null: retired series were compared too.
    expect(sawNaN).toBe(true);
  });

  it('merges the monitors of several models into one stream per metric, and keeps exporting frozen values after shutdown (like cumulative SDK streams)', async () => {
    const metricProducer = new MonitorMetricProducer();
    const reader = new TestReader({ metricProducers: [metricProducer] });
    const meterProvider = new MeterProvider({ readers: [reader] });
    const churn = createModelMonitor({ model: MODEL, reference: profile, meterProvider, metricProducer });
    const fraud = createModelMonitor({ model: { name: 'fraud', version: '1' }, reference: profile, meterProvider, metricProducer });
    feed(churn, 200, 1, true, 0);
    feed(fraud, 100, 2, true, 0);
    const { resourceMetrics } = await reader.collect();
    const byName = exported(resourceMetrics);
    const samples = resourceMetrics.scopeMetrics.flatMap((scope) => scope.metrics).find((metric) => metric.descriptor.name === 'ml.window.samples');
    expect(byName.size).toBeGreaterThan(20);
    expect(samples?.dataPoints.map((point) => [point.attributes['ml.model.name'], point.value]).sort()).toEqual([['churn', 200], ['fraud', 100]]);

    churn.shutdown();
    feed(churn, 50, 3, true, 0);
    feed(fraud, 50, 4, true, 0);
    const after = (await reader.collect()).resourceMetrics.scopeMetrics.flatMap((scope) => scope.metrics).find((metric) => metric.descriptor.name === 'ml.window.samples');
    expect(after?.dataPoints.map((point) => [point.attributes['ml.model.name'], point.value]).sort()).toEqual([['churn', 200], ['fraud', 150]]);
  });

  it('keeps at most cardinalityLimit series per metric, folding the rest into one otel.metric.overflow series (a counter keeps its total)', async () => {
    const limited = new MonitorMetricProducer({ cardinalityLimit: 5 });
    const limitedReader = new TestReader({ metricProducers: [limited] });
    const viaLimited = createModelMonitor({ model: MODEL, reference: profile, meterProvider: new MeterProvider({ readers: [limitedReader] }), metricProducer: limited });
    const unlimited = exportPath({ model: MODEL, reference: profile }, true);
    feed(viaLimited, 300, 5, true, 0);
    feed(unlimited.monitor, 300, 5, true, 0);
    const binPoints = async (reader: TestReader): Promise<DataPoint<number>[]> => {
      const metrics = (await reader.collect()).resourceMetrics.scopeMetrics.flatMap((scope) => scope.metrics);
      for (const metric of metrics) expect(metric.dataPoints.length).toBeLessThanOrEqual(reader === limitedReader ? 5 : Number.POSITIVE_INFINITY);
      return (metrics.find((metric) => metric.descriptor.name === 'ml.feature.bin.observations')?.dataPoints ?? []) as DataPoint<number>[];
    };
    const bins = await binPoints(limitedReader);
    const all = await binPoints(unlimited.reader);
    const total = (points: DataPoint<number>[]): number => points.reduce((sum, point) => sum + point.value, 0);
    expect(all.length).toBeGreaterThan(5);
    expect(bins).toHaveLength(5);
    const series = (points: DataPoint<number>[]): unknown[] => points.map((point) => [point.attributes, point.value]);
    expect(series(bins.slice(0, 4))).toEqual(series(all.slice(0, 4)));
    expect(bins[4]?.attributes).toEqual({ 'otel.metric.overflow': true });
    expect(total(bins)).toBe(total(all));
  });

  it('rejects a metricProducer that is not a MonitorMetricProducer, and a cardinality limit that is not a whole number ≥ 1, naming the option', () => {
    expect(() => createModelMonitor({ model: MODEL, reference: profile, metricProducer: {} as MonitorMetricProducer })).toThrow(/metricProducer/);
    expect(() => new MonitorMetricProducer({ cardinalityLimit: 0 })).toThrow('MonitorMetricProducer: options.cardinalityLimit must be a whole number of series ≥ 1, got 0');
    expect(() => new MonitorMetricProducer({ cardinalityLimit: 2.5 })).toThrow('got 2.5');
  });
});
