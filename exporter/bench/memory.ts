/**
 * Memory: bytes per numeric feature per window from the accumulator's formula (docs/architecture.md)
 * and from the measured heap delta between monitors of 200 and 100 numeric features; RSS and heap
 * before and after `observationCount` observations.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { createModelMonitor, MONITOR_DEFAULTS, type ModelMonitor } from '@modelwatch/otel';
import { BIN_COUNT, buildReferenceProfile, generateObservations, MODEL, numericNames } from './fixtures.js';
import { ManualReader } from './manual-reader.js';

/** Doubles per numeric column per docs/architecture.md: slices × (bins + 10) + bins + 7. */
export function formulaBytesPerNumericFeature(bins: number, slices: number): number {
  return (slices * (bins + 10) + bins + 7) * Float64Array.BYTES_PER_ELEMENT;
}

function collectGarbage(): () => void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  return () => {
    gc();
    gc();
  };
}

export interface MemoryResult {
  formulaBytesPerNumericFeature: number;
  measuredBytesPerNumericFeature: number;
  observations: number;
  rssBeforeMb: number;
  rssAfterMb: number;
  heapUsedBeforeMb: number;
  heapUsedAfterMb: number;
}

const mb = (bytes: number): number => bytes / 1_048_576;

function heapOfMonitors(featureCount: number, copies: number, gc: () => void): { bytes: number; keep: ModelMonitor[] } {
  const profile = buildReferenceProfile(numericNames(featureCount), []);
  const provider = new MeterProvider({ readers: [new ManualReader()] });
  gc();
  const before = process.memoryUsage().heapUsed;
  const keep = Array.from({ length: copies }, () => createModelMonitor({ model: MODEL, reference: profile, meterProvider: provider }));
  gc();
  return { bytes: (process.memoryUsage().heapUsed - before) / copies, keep };
}

/** Heap of monitors with 200 numeric features minus 100, per feature; the monitors are released after. */
function marginalBytesPerNumericFeature(gc: () => void): number {
  const copies = 10;
  const large = heapOfMonitors(200, copies, gc);
  const small = heapOfMonitors(100, copies, gc);
  for (const monitor of [...large.keep, ...small.keep]) monitor.shutdown();
  return (large.bytes - small.bytes) / 100;
}

/** Measures memory; `observationCount` rows go through `monitor.observe`. */
export function runMemoryBenchmark(observationCount: number): MemoryResult {
  const gc = collectGarbage();
  const measuredBytesPerNumericFeature = marginalBytesPerNumericFeature(gc);

  const monitor = createModelMonitor({ model: MODEL, reference: buildReferenceProfile(), meterProvider: new MeterProvider({ readers: [new ManualReader()] }) });
  const rows = generateObservations(4096, 5);
  gc();
  const before = process.memoryUsage();
  for (let index = 0; index < observationCount; index++) monitor.observe(rows[index & 4095] as (typeof rows)[number]);
  gc();
  const after = process.memoryUsage();
  monitor.shutdown();
  return {
    formulaBytesPerNumericFeature: formulaBytesPerNumericFeature(BIN_COUNT, MONITOR_DEFAULTS.timeSlices),
    measuredBytesPerNumericFeature,
    observations: observationCount,
    rssBeforeMb: mb(before.rss),
    rssAfterMb: mb(after.rss),
    heapUsedBeforeMb: mb(before.heapUsed),
    heapUsedAfterMb: mb(after.heapUsed),
  };
}
