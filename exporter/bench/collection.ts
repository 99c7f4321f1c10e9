/**
 * Collection cost for a monitor with 200 features (160 numeric, 40 categorical): every gauge
 * computed through a MetricReader's `collect()`, and the p99 event-loop delay while collections run
 * back to back compared with an idle loop (`perf_hooks.monitorEventLoopDelay`). Measured twice:
 * collections with no new observations in between (the figure), and the steady state of a
 * service with 1 000 new rows before each collection (most bins and drift values then change, so
 * more data points are handed to the SDK). Two export paths: pre-built data through a
 * `MonitorMetricProducer` (what `startModelwatch` sets up) and observable instruments (a user's
 * own MeterProvider).
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { createModelMonitor, MonitorMetricProducer } from '@modelwatch/otel';
import { buildReferenceProfile, categoricalNames, generateFeatureRows, MODEL, numericNames } from './fixtures.js';
import { ManualReader } from './manual-reader.js';

/** How the monitor's series reach the reader. */
export type CollectionPath = 'producer' | 'instruments';

export interface CollectionResult {
  path: CollectionPath;
  features: number;
  collections: number;
  meanMs: number;
  medianMs: number;
  p99Ms: number;
  snapshotOnlyMedianMs: number;
  exportedDataPoints: number;
  idleLoopDelayP99Ms: number;
  collectingLoopDelayP99Ms: number;
  /** The steady state of a service: 1 000 new rows observed (not timed) before each collection. */
  withTraffic: { rowsBetweenCollections: number; medianMs: number; p99Ms: number; loopDelayP99Ms: number };
}

/** Rows observed per turn of the event loop in the with-traffic phase (≈ 1 ms of hot path for 200 features). */
const ROWS_PER_TURN = 50;

const quantile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;

/** Times `collections` collections of a 200-feature monitor fed with 5 000 rows, exporting through `path`. */
export async function runCollectionBenchmark(collections: number, path: CollectionPath): Promise<CollectionResult> {
  const numeric = numericNames(160);
  const categorical = categoricalNames(40);
  const profile = buildReferenceProfile(numeric, categorical);
  const metricProducer = new MonitorMetricProducer();
  const reader = new ManualReader(path === 'producer' ? { metricProducers: [metricProducer] } : {});
  const meterProvider = new MeterProvider({ readers: [reader] });
  const monitor = createModelMonitor({ model: MODEL, reference: profile, meterProvider, ...(path === 'producer' ? { metricProducer } : {}) });
  const rows = generateFeatureRows(5_000, 4, numeric, categorical);
  for (const features of rows) monitor.observe({ features });

  const first = await reader.collect();
  const exportedDataPoints = first.resourceMetrics.scopeMetrics.reduce((total, scope) => total + scope.metrics.reduce((sum, metric) => sum + metric.dataPoints.length, 0), 0);
  for (let warm = 0; warm < 5; warm++) await reader.collect();

  const idle = monitorEventLoopDelay({ resolution: 1 });
  idle.enable();
  for (let turn = 0; turn < collections; turn++) await sleep(2);
  idle.disable();

  const durations: number[] = [];
  const collecting = monitorEventLoopDelay({ resolution: 1 });
  collecting.enable();
  for (let run = 0; run < collections; run++) {
    const start = performance.now();
    await reader.collect();
    durations.push(performance.now() - start);
    await sleep(2);
  }
  collecting.disable();

  const trafficDurations: number[] = [];
  const rowsBetweenCollections = 1_000;
  // One histogram over the whole phase (re-enabling it around each collection makes its first sample span the time it was
  // disabled: ≈ 48 ms p99 without any collection). The rows arrive as a service sees them, a few per turn of the loop
  // (1 000 rows of 200 features in one synchronous block would be a ≈ 21 ms block of hot path, measured instead of collection).
  const withTraffic = monitorEventLoopDelay({ resolution: 1 });
  withTraffic.enable();
  for (let run = 0; run < collections; run++) {
    for (let row = 0; row < rowsBetweenCollections; row++) {
      monitor.observe({ features: rows[(run * rowsBetweenCollections + row) % rows.length] as (typeof rows)[number] });
      if (row % ROWS_PER_TURN === ROWS_PER_TURN - 1) await nextTurn();
    }
    await nextTurn();
    const start = performance.now();
    await reader.collect();
    trafficDurations.push(performance.now() - start);
    await sleep(2);
  }
  withTraffic.disable();

  const snapshotDurations: number[] = [];
  for (let run = 0; run < collections; run++) {
    const start = performance.now();
    monitor.snapshot();
    snapshotDurations.push(performance.now() - start);
    await nextTurn();
  }
  monitor.shutdown();
  durations.sort((a, b) => a - b);
  snapshotDurations.sort((a, b) => a - b);
  trafficDurations.sort((a, b) => a - b);
  return {
    path,
    features: numeric.length + categorical.length,
    collections,
    meanMs: durations.reduce((sum, value) => sum + value, 0) / durations.length,
    medianMs: quantile(durations, 0.5),
    p99Ms: quantile(durations, 0.99),
    snapshotOnlyMedianMs: quantile(snapshotDurations, 0.5),
    exportedDataPoints,
    idleLoopDelayP99Ms: idle.percentile(99) / 1e6,
    collectingLoopDelayP99Ms: collecting.percentile(99) / 1e6,
    withTraffic: { rowsBetweenCollections, medianMs: quantile(trafficDurations, 0.5), p99Ms: quantile(trafficDurations, 0.99), loopDelayP99Ms: withTraffic.percentile(99) / 1e6 },
  };
}
