/**
 * `npm run bench` (root: builds the exporter first, so the BUILT dist is measured). Prints a table;
 * with `-- --json`, one JSON object per measurement and a final summary line. Options:
 * `--json`, `--quick` (shorter runs, for a smoke check).
 */
import { cpus, loadavg } from 'node:os';
import { runCollectionBenchmark } from './collection.js';
import { runHotPathBenchmarks } from './hot-path.js';
import { runMemoryBenchmark } from './memory.js';

/** The issue-8 targets the summary is compared against. */
export const TARGETS = { observeVsOtelRatio: 0.1, columnarValuesPerSec: 20e6, collect200FeaturesMs: 5 } as const;

const args = new Set(process.argv.slice(2));
const asJson = args.has('--json');
const quick = args.has('--quick');
const round = (value: number, digits = 3): number => Number(value.toPrecision(digits));

function emit(record: Record<string, unknown>): void {
  if (asJson) process.stdout.write(`${JSON.stringify(record)}\n`);
}

const machine = { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, node: process.version, loadAverage: loadavg().map((value) => round(value)) };
const started = new Date();
if (!asJson) console.log(`modelwatch bench — ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, load ${machine.loadAverage.join(' ')}`);

const hot = await runHotPathBenchmarks(quick ? 300 : 2000);
for (const result of Object.values(hot)) emit({ kind: 'hot-path', ...result });
const collection = await runCollectionBenchmark(quick ? 20 : 100, 'producer');
emit({ kind: 'collection', ...collection });
const collectionInstruments = await runCollectionBenchmark(quick ? 20 : 100, 'instruments');
emit({ kind: 'collection', ...collectionInstruments });
const memory = runMemoryBenchmark(quick ? 100_000 : 10_000_000);
emit({ kind: 'memory', ...memory });

const summary = {
  observeVsOtelRatio: round(hot.observe.medianNs / hot.otel.medianNs),
  observeRowsPerSec: round(hot.observe.perSecond),
  observeVsLimitRatio: round(hot.observe.medianNs / hot.limit.medianNs),
  observeVsLimitRatioParsedRows: round(hot.observeParsedRows.medianNs / hot.limitParsedRows.medianNs),
  observeLabelledUsPerRow: round(hot.observeLabelled.medianNs / 1000),
  observeLabelledVsOtelRatio: round(hot.observeLabelled.medianNs / hot.otel.medianNs),
  observeLabelledVsObserveRatio: round(hot.observeLabelled.medianNs / hot.observeParsedRows.medianNs),
  columnarValuesPerSec: round(hot.observeBatch.perSecond),
  collect200FeaturesMs: round(collection.medianMs),
  collect200FeaturesWithTrafficMs: round(collection.withTraffic.medianMs),
  collectLoopDelayP99Ms: round(collection.collectingLoopDelayP99Ms),
  collectWithTrafficLoopDelayP99Ms: round(collection.withTraffic.loopDelayP99Ms),
  collect200FeaturesInstrumentsMs: round(collectionInstruments.medianMs),
  collect200FeaturesWithTrafficInstrumentsMs: round(collectionInstruments.withTraffic.medianMs),
  collectWithTrafficInstrumentsLoopDelayP99Ms: round(collectionInstruments.withTraffic.loopDelayP99Ms),
  bytesPerNumericFeature: memory.formulaBytesPerNumericFeature,
  bytesPerNumericFeatureMeasured: Math.round(memory.measuredBytesPerNumericFeature),
  observationsForRss: memory.observations,
  rssBeforeMb: round(memory.rssBeforeMb),
  rssAfterMb: round(memory.rssAfterMb),
  machine: { ...machine, loadAverageAfter: loadavg().map((value) => round(value)) },
  date: started.toISOString(),
};
const targetsMet = {
  observeVsOtel: summary.observeVsOtelRatio <= TARGETS.observeVsOtelRatio,
  columnarValuesPerSec: summary.columnarValuesPerSec >= TARGETS.columnarValuesPerSec,
  collect200FeaturesMs: summary.collect200FeaturesMs <= TARGETS.collect200FeaturesMs,
};

if (asJson) {
  emit({ kind: 'targets', targets: TARGETS, met: targetsMet });
  process.stdout.write(`${JSON.stringify(summary)}\n`);
} else {
  console.table(Object.values(hot).map((result) => ({
    benchmark: result.name,
    'median ns': round(result.medianNs),
    [`per s`]: `${round(result.perSecond)} ${result.unit}s`,
    samples: result.samples,
  })));
  console.table({
    'observe / plain OTel': { ratio: summary.observeVsOtelRatio, target: `≤ ${TARGETS.observeVsOtelRatio}`, met: targetsMet.observeVsOtel },
    'observe / practical limit': { ratio: summary.observeVsLimitRatio, target: 'aim ≤ 1.5', met: summary.observeVsLimitRatio <= 1.5 },
    'observe / practical limit, JSON.parse rows': { ratio: summary.observeVsLimitRatioParsedRows, target: 'aim ≤ 1.5', met: summary.observeVsLimitRatioParsedRows <= 1.5 },
    'observe with id + score + segment + label / plain OTel': { ratio: summary.observeLabelledVsOtelRatio, target: '', met: '' },
    'observeBatch / columnar limit': { ratio: round(hot.observeBatch.medianNs / hot.columnarLimit.medianNs), target: '', met: '' },
  });
  for (const result of [collection, collectionInstruments]) {
    console.table({
      [`${result.path}: collect() of ${result.features} features, ms`]: { median: round(result.medianMs), mean: round(result.meanMs), p99: round(result.p99Ms), target: `≤ ${TARGETS.collect200FeaturesMs}` },
      [`${result.path}: collect() after ${result.withTraffic.rowsBetweenCollections} new rows, ms`]: { median: round(result.withTraffic.medianMs), p99: round(result.withTraffic.p99Ms), target: `≤ ${TARGETS.collect200FeaturesMs}` },
      'exported data points per collection': { median: result.exportedDataPoints },
      'snapshot() only, ms': { median: round(result.snapshotOnlyMedianMs) },
      'event-loop delay p99, ms': { idle: round(result.idleLoopDelayP99Ms), 'while collecting': round(result.collectingLoopDelayP99Ms), 'collecting with traffic': round(result.withTraffic.loopDelayP99Ms) },
    });
  }
  console.table({
    'bytes per numeric feature per window': { formula: memory.formulaBytesPerNumericFeature, measured: round(memory.measuredBytesPerNumericFeature) },
    [`RSS MB around ${memory.observations} observe()`]: { before: round(memory.rssBeforeMb), after: round(memory.rssAfterMb) },
    'heap used MB': { before: round(memory.heapUsedBeforeMb), after: round(memory.heapUsedAfterMb) },
  });
  console.log('summary', JSON.stringify(summary));
}
