/**
 * Collection cost for a monitor with 200 features (160 numeric, 40 categorical): every gauge
 * computed through a MetricReader's `collect()`, and the p99 event-loop delay while collections run
 * back to back compared with an idle loop (`perf_hooks.monitorEventLoopDelay`).
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { createModelMonitor } from '@modelwatch/otel';
import { buildReferenceProfile, categoricalNames, generateFeatureRows, MODEL, numericNames } from './fixtures.js';
import { ManualReader } from './manual-reader.js';

export interface CollectionResult {
  features: number;
  collections: number;
  meanMs: number;
  medianMs: number;
  p99Ms: number;
  snapshotOnlyMedianMs: number;
  exportedDataPoints: number;
  idleLoopDelayP99Ms: number;
  collectingLoopDelayP99Ms: number;
}

const quantile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;

/** Times `collections` collections of a 200-feature monitor fed with 5 000 rows. */
export async function runCollectionBenchmark(collections: number): Promise<CollectionResult> {
  const numeric = numericNames(160);
  const categorical = categoricalNames(40);
  const profile = buildReferenceProfile(numeric, categorical);
  const reader = new ManualReader();
  const monitor = createModelMonitor({ model: MODEL, reference: profile, meterProvider: new MeterProvider({ readers: [reader] }) });
  for (const features of generateFeatureRows(5_000, 4, numeric, categorical)) monitor.observe({ features });

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
  return {
    features: numeric.length + categorical.length,
    collections,
    meanMs: durations.reduce((sum, value) => sum + value, 0) / durations.length,
    medianMs: quantile(durations, 0.5),
    p99Ms: quantile(durations, 0.99),
    snapshotOnlyMedianMs: quantile(snapshotDurations, 0.5),
    exportedDataPoints,
    idleLoopDelayP99Ms: idle.percentile(99) / 1e6,
    collectingLoopDelayP99Ms: collecting.percentile(99) / 1e6,
  };
}
