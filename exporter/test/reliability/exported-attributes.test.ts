/**
 * Privacy of the metrics: a busy monitor (drift, quality, segments, delayed labels, performance,
 * fairness, concept drift) fed raw values that carry unique markers, exported through a real
 * MeterProvider (PeriodicExportingMetricReader → InMemoryMetricExporter). Every attribute of every
 * exported data point is scanned: no marker (raw feature value, id, prediction, unknown input name,
 * segment or group past its cap) may appear, and every attribute value is a bounded string (or a finite number: bin index, quantile).
 */
import { AggregationTemporality, InMemoryMetricExporter, MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { createModelMonitor } from '../../src/monitor/index.js';
import { referenceProfile } from '../monitor/monitor-fixture.js';

const MAX_ATTRIBUTE_LENGTH = 256;
const ROWS = 3000;
const marker = (kind: string, i: number): string => `MARKER-${kind}-${i}-7f3a`;
const markerNumber = (i: number): number => 9_876_543 + i / 1024; // never a bin index, count or model field

test('no raw value reaches a metric attribute; every attribute value is short and bounded', async () => {
  const exporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
  const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 3_600_000 });
  const provider = new MeterProvider({ readers: [reader] });
  const monitor = createModelMonitor({
    model: { name: 'privacy', version: '1' },
    reference: referenceProfile(),
    meterProvider: provider,
    window: { count: 100_000 },
    segments: { attribute: 'region', cap: 3 },
    performance: { task: 'binary', positiveLabel: 'a' },
    fairness: { attributes: ['gender'], cap: 2 },
  });
  const numbers = new Set<string>();
  for (let i = 0; i < ROWS; i++) {
    const early = i < 300; // the first values seen fill the segment and group caps with ordinary values
    const x = i % 3 === 0 ? markerNumber(i) : (i % 7) / 3 - 1;
    if (i % 3 === 0) numbers.add(String(x));
    monitor.observe({
      id: marker('id', i),
      features: {
        x,
        y: i % 5 === 0 ? marker('y-as-text', i) : 0.1,
        color: i % 2 === 0 ? marker('color', i) : 'red',
        flag: i % 11 === 0 ? marker('flag', i) : true,
        [marker('unknown-name', i)]: marker('unknown-value', i),
        region: early ? ['eu', 'us', 'apac'][i % 3] : marker('region', i),
      },
      attributes: { gender: early ? ['f', 'm'][i % 2] : marker('gender', i) },
      prediction: i % 13 === 0 ? marker('prediction', i) : i % 2 === 0 ? 'a' : 'b',
      score: i % 17 === 0 ? markerNumber(i + ROWS) : (i % 10) / 10,
    });
    if (i % 17 === 0) numbers.add(String(markerNumber(i + ROWS)));
    monitor.label(marker('id', i), i % 19 === 0 ? marker('actual', i) : i % 3 === 0 ? 'a' : 'b');
  }
  monitor.label(marker('never-observed', 1), 'a');
  await reader.forceFlush();

  const batches = exporter.getMetrics();
  expect(batches.length).toBeGreaterThan(0);
  const last = batches[batches.length - 1];
  const points = (last?.scopeMetrics ?? []).flatMap((scope) => scope.metrics.flatMap((metric) => metric.dataPoints.map((point) => ({ metric: metric.descriptor.name, attributes: point.attributes }))));
  const metricNames = new Set(points.map((point) => point.metric));
  // a busy monitor: drift, quality, segments, labels and performance all exported
  for (const name of ['ml.feature.drift.score', 'ml.quality.events', 'ml.observations', 'ml.attribute.overflow', 'ml.labels', 'ml.performance.accuracy', 'ml.fairness.selection_rate', 'ml.concept.drift.state', 'ml.label.delay']) expect(metricNames).toContain(name);
  let scanned = 0;
  const offenders: string[] = [];
  for (const { metric, attributes } of points) {
    for (const [key, value] of Object.entries(attributes)) {
      scanned++;
      const text = String(value);
      const bounded = typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)); // ml.bin.index, ml.quantile are numbers
      if (!bounded || text.length > MAX_ATTRIBUTE_LENGTH || text.includes('MARKER') || text.includes('7f3a') || numbers.has(text)) offenders.push(`${metric} ${key}=${text.slice(0, 80)}`);
    }
  }
  expect(offenders).toEqual([]);
  expect(scanned).toBeGreaterThan(500);
  const segments = new Set(points.filter((point) => point.metric === 'ml.observations').map((point) => point.attributes['ml.segment']));
  expect([...segments].sort()).toEqual(['', '__overflow__', 'apac', 'eu', 'us']);
  const groups = new Set(points.filter((point) => point.metric === 'ml.fairness.selection_rate').map((point) => point.attributes['ml.fairness.group']));
  expect([...groups].every((group) => ['f', 'm', '__overflow__'].includes(String(group)))).toBe(true);
  monitor.shutdown();
  await provider.shutdown();
});
