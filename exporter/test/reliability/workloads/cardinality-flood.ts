/**
 * Workload: a cardinality flood. `ROWS` observations, each with a new segment value, a new unknown
 * feature name, a new id (registered for a label that never comes) and a new fairness group; prints the
 * exported series count and settled memory after every fifth of the rows, as JSON. Usage: cardinality-flood.ts ROWS
 */
import { createModelMonitor } from '../../../src/monitor/index.js';
import { referenceProfile, testMeterProvider } from '../../monitor/monitor-fixture.js';
import { settledMemory } from './memory.js';

const rows = Number(process.argv[2] ?? 1_000_000);
const { provider, reader } = testMeterProvider();
const monitor = createModelMonitor({
  model: { name: 'flood', version: '1' },
  reference: referenceProfile(),
  meterProvider: provider,
  window: { durationMs: 3_600_000, slices: 12 },
  segments: { attribute: 'region', cap: 20 },
  labels: { maxPending: 100_000 },
  performance: { task: 'binary', positiveLabel: 'a' },
  fairness: { attributes: ['group'], cap: 10 },
});

async function seriesCount(): Promise<{ series: number; byMetric: Record<string, number> }> {
  const { resourceMetrics, errors } = await reader.collect();
  if (errors.length > 0) throw new Error(errors.map(String).join('; '));
  const byMetric: Record<string, number> = {};
  for (const scope of resourceMetrics.scopeMetrics) for (const metric of scope.metrics) byMetric[metric.descriptor.name] = metric.dataPoints.length;
  return { series: Object.values(byMetric).reduce((sum, count) => sum + count, 0), byMetric };
}

/** Series count and settled memory after each fifth of the rows. */
const checkpoints: Array<{ rows: number; series: number; heapMb: number; rssMb: number }> = [];
const started = Date.now();
for (let i = 0; i < rows; i++) {
  monitor.observe({
    id: `req-${i}`,
    features: { x: (i % 100) / 50 - 1, color: 'red', [`unknown_${i}`]: i, region: `region-${i}` },
    attributes: { group: `group-${i}` },
    prediction: i % 2 === 0 ? 'a' : 'b',
    score: (i % 10) / 10,
  });
  if (i % 10 === 0) monitor.label(`req-${i}`, 'a');
  if ((i + 1) % Math.ceil(rows / 5) === 0 || i + 1 === rows) {
    const { series } = await seriesCount();
    checkpoints.push({ rows: i + 1, series, ...settledMemory() });
  }
}
const { byMetric } = await seriesCount();
const snapshot = monitor.snapshot();
console.log(
  JSON.stringify({
    rows,
    seconds: (Date.now() - started) / 1000,
    checkpoints,
    byMetric,
    segments: Object.keys(snapshot.counters.observations).length,
    segmentOverflow: snapshot.counters.segmentOverflow,
    unknownFeatures: snapshot.counters.unknownFeatures,
    pending: snapshot.performance.labels.pending,
    evicted: snapshot.performance.labels.evicted,
    fairnessGroups: snapshot.performance.fairness.map((attribute) => attribute.groups.length),
  }),
);
