/**
 * The checks shared by the short soak (in `npm test`) and the long one (`npm run test:soak`) over the
 * result of workloads/labelled-soak.ts.
 */
import { runWorkload } from './workloads/run-workload.js';

export interface SoakResult {
  rows: number;
  seconds: number;
  checkpoints: Array<{ rows: number; rssMb: number; heapMb: number; pending: number }>;
  maxPending: number;
  outcomes: Record<string, number>;
  evicted: { ttl: number; capacity: number };
}

/** The workload's constants: labels 2 000 rows late, 1 row in 10 never labelled, TTL 60 000 rows. */
const LABEL_LAG = 2_000;
const TTL_ROWS = 60_000;
/** RSS after warm-up must stay within ± this many MB of its mean (the acceptance bound). */
export const RSS_TOLERANCE_MB = 10;

/**
 * V8 flags of the soak process: a small young generation and GC on the main thread, so that RSS measures
 * what the process keeps rather than how large V8 happens to size its nursery and GC helper arenas at
 * the moment of the probe (without them RSS swings by ± 30 MB while the heap used stays within 0.3 MB).
 */
const STEADY_RSS_FLAGS = ['--max-semi-space-size=2', '--single-threaded-gc'];

/** Runs the soak workload and checks it: RSS flat after warm-up, pending labels bounded, every label joined. */
export async function runSoak(rows: number, warmup: number, checkpoint: number, timeoutMs: number): Promise<SoakResult> {
  const result = await runWorkload<SoakResult>('labelled-soak', [String(rows), String(warmup), String(checkpoint)], timeoutMs, STEADY_RSS_FLAGS);
  const rss = result.checkpoints.map((point) => point.rssMb);
  const mean = rss.reduce((sum, value) => sum + value, 0) / rss.length;
  console.log(
    `soak: ${rows} rows in ${result.seconds} s; RSS after warm-up ${Math.min(...rss).toFixed(1)}–${Math.max(...rss).toFixed(1)} MB (mean ${mean.toFixed(1)}); ` +
      `heap ${Math.min(...result.checkpoints.map((p) => p.heapMb)).toFixed(1)}–${Math.max(...result.checkpoints.map((p) => p.heapMb)).toFixed(1)} MB; max pending ${result.maxPending}; ${JSON.stringify(result.outcomes)} ${JSON.stringify(result.evicted)}`,
  );
  expect(result.checkpoints.length).toBeGreaterThanOrEqual(3);
  for (const value of rss) expect(Math.abs(value - mean)).toBeLessThanOrEqual(RSS_TOLERANCE_MB);
  // pending: the unlabelled tenth of the last TTL, plus the labels still in flight
  const pendingBound = TTL_ROWS / 10 + LABEL_LAG;
  expect(result.maxPending).toBeLessThanOrEqual(pendingBound);
  for (const point of result.checkpoints) expect(point.pending).toBeLessThanOrEqual(pendingBound);
  const labelledRows = rows - LABEL_LAG;
  const sent = labelledRows - Math.ceil(labelledRows / 10);
  expect(result.outcomes).toMatchObject({ joined: sent, duplicate: 0, unknown_id: 0, too_late: 0, invalid: 0 });
  expect(result.evicted.capacity).toBe(0);
  expect(result.evicted.ttl).toBeGreaterThanOrEqual(Math.floor((rows - TTL_ROWS - 1) / 10) - 1);
  return result;
}
