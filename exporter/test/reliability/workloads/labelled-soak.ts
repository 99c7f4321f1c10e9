/**
 * Workload: a long run with delayed labels. ROWS observations on a simulated clock (1 ms per row), each
 * with an id; 90 % get their label 2 000 rows later, 10 % never do (evicted after the 60 s TTL). Time
 * window of 10 min, so the window rolls many times. After WARMUP rows, prints RSS / heap (after forced
 * GCs) and the pending-label count every CHECKPOINT rows, as JSON.
 * Usage: labelled-soak.ts ROWS WARMUP CHECKPOINT
 */
import { createModelMonitor } from '../../../src/monitor/index.js';
import { referenceProfile, testMeterProvider } from '../../monitor/monitor-fixture.js';
import { settledMemory } from './memory.js';

const [rows, warmup, every] = process.argv.slice(2).map(Number) as [number, number, number];
const LABEL_LAG = 2_000;
const TTL_MS = 60_000;
const MAX_PENDING = 100_000;
let now = Date.UTC(2026, 10, 27);
const { provider, reader } = testMeterProvider();
const monitor = createModelMonitor({
  model: { name: 'soak', version: '1' },
  reference: referenceProfile(),
  meterProvider: provider,
  window: { durationMs: 600_000, slices: 10 },
  labels: { ttlMs: TTL_MS, maxPending: MAX_PENDING },
  performance: { task: 'binary', positiveLabel: 'a' },
  segments: { attribute: 'region', cap: 5 },
  now: () => now,
});
const COLORS = ['red', 'green', 'blue'];
const REGIONS = ['eu', 'us', 'apac'];
const checkpoints: Array<{ rows: number; rssMb: number; heapMb: number; pending: number }> = [];
let maxPending = 0;
const started = Date.now();
for (let i = 0; i < rows; i++) {
  now += 1;
  const prediction = i % 3 === 0 ? 'b' : 'a';
  monitor.observe({
    id: i,
    features: { x: ((i * 7919) % 1000) / 250 - 2, y: ((i * 104_729) % 1000) / 250 - 2, color: COLORS[i % 3], flag: i % 2 === 0, region: REGIONS[i % 3] },
    prediction,
    score: ((i * 31) % 100) / 100,
  });
  const labelled = i - LABEL_LAG;
  if (labelled >= 0 && labelled % 10 !== 0) monitor.label(labelled, labelled % 7 === 0 ? 'b' : 'a');
  if (i % 100_000 === 0) {
    await reader.collect(); // a collection every 100 s of simulated time, as an exporter would
    maxPending = Math.max(maxPending, monitor.snapshot().performance.labels.pending);
  }
  if (i + 1 >= warmup && (i + 1 - warmup) % every === 0) {
    const pending = monitor.snapshot().performance.labels.pending;
    checkpoints.push({ rows: i + 1, ...settledMemory(), pending });
  }
}
const labels = monitor.snapshot().performance.labels;
console.log(JSON.stringify({ rows, seconds: (Date.now() - started) / 1000, checkpoints, maxPending, outcomes: labels.outcomes, evicted: labels.evicted }));
