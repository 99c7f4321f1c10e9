/**
 * The checks shared by the cardinality flood in `npm test` (1 M rows) and the long one in
 * `npm run test:soak`, over the result of workloads/cardinality-flood.ts.
 */
import { runWorkload } from './workloads/run-workload.js';

export interface FloodResult {
  rows: number;
  seconds: number;
  checkpoints: Array<{ rows: number; series: number; heapMb: number; rssMb: number }>;
  byMetric: Record<string, number>;
  segments: number;
  segmentOverflow: number;
  unknownFeatures: number;
  pending: number;
  evicted: { ttl: number; capacity: number };
  fairnessGroups: number[];
}

const SEGMENT_CAP = 20;
const MAX_PENDING = 100_000;
/** The settled heap may swing by this much between checkpoints (the pending store compacts its queue); a leak of 50 bytes per row would exceed it over the last 800 000 of 1 M rows, of 10 bytes over 4 M of 5 M. */
const HEAP_SPREAD_LIMIT_MB = 40;

/** Runs the flood with `rows` observations and checks: series constant, caps held, overflow counted, heap flat. */
export async function runFlood(rows: number, timeoutMs: number): Promise<FloodResult> {
  const result = await runWorkload<FloodResult>('cardinality-flood', [String(rows)], timeoutMs);
  console.log(`cardinality flood: ${result.rows} rows in ${result.seconds} s; checkpoints ${JSON.stringify(result.checkpoints.map((c) => ({ rows: c.rows, series: c.series, heapMb: Math.round(c.heapMb), rssMb: Math.round(c.rssMb) })))}`);
  const series = new Set(result.checkpoints.map((checkpoint) => checkpoint.series));
  expect(series.size).toBe(1);
  expect(result.byMetric['ml.observations']).toBe(SEGMENT_CAP + 2); // the capped values, '' and __overflow__
  expect(result.byMetric['ml.fairness.group.samples'] ?? 0).toBeLessThanOrEqual(10 + 1);
  expect(result.segments).toBe(SEGMENT_CAP + 2);
  expect(result.segmentOverflow).toBe(rows - SEGMENT_CAP);
  expect(result.unknownFeatures).toBe(rows);
  expect(result.pending).toBe(MAX_PENDING);
  expect(result.evicted.capacity).toBeGreaterThanOrEqual(rows - MAX_PENDING - Math.ceil(rows / 10));
  const heaps = result.checkpoints.map((checkpoint) => checkpoint.heapMb);
  expect(Math.max(...heaps) - Math.min(...heaps)).toBeLessThan(HEAP_SPREAD_LIMIT_MB);
  return result;
}
