/**
 * Hot-path benchmarks with tinybench: plain OTel vs the bare binning loop vs `monitor.observe`
 * (also with an id, score, segment and fairness attribute per row, each row labelled), and the
 * columnar limit vs `monitor.observeBatch`. Each task handles a block of rows so timer
 * resolution does not matter; results are per row / per value.
 */
import { Bench, type Task } from 'tinybench';
import { createModelMonitor } from '@modelwatch/otel';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { BIN_COUNT, buildReferenceProfile, generateNumericColumns, generateObservations, MODEL, NUMERIC_FEATURE_COUNT } from './fixtures.js';
import { ManualReader } from './manual-reader.js';
import { PlainOtelRecorder } from './otel-baseline.js';
import { BareBinCounter, countColumn } from './practical-limit.js';

export const ROWS_PER_BLOCK = 1000;
export const COLUMN_LENGTH = 4096;

export interface HotPathResult {
  name: string;
  unit: 'row' | 'value';
  /** Median time per row or per value, ns. */
  medianNs: number;
  meanNs: number;
  perSecond: number;
  samples: number;
}

function summarize(task: Task, unit: HotPathResult['unit'], itemsPerCall: number): HotPathResult {
  const result = task.result;
  if (result.state !== 'completed') throw new Error(`benchmark ${task.name} did not complete (${result.state})`);
  const medianNs = (result.latency.p50 * 1e6) / itemsPerCall;
  return { name: task.name, unit, medianNs, meanNs: (result.latency.mean * 1e6) / itemsPerCall, perSecond: 1e9 / medianNs, samples: result.latency.samplesCount };
}

/** Runs the eight hot-path tasks, `timeMs` each (plus warm-up). */
export async function runHotPathBenchmarks(timeMs: number): Promise<Record<'otel' | 'limit' | 'observe' | 'limitParsedRows' | 'observeParsedRows' | 'observeLabelled' | 'columnarLimit' | 'observeBatch', HotPathResult>> {
  const profile = buildReferenceProfile();
  const rows = generateObservations(4096, 2);
  // The generated rows are built key by key, which leaves V8 objects in dictionary mode; rows from
  // JSON.parse (or object literals) are fast-mode objects. Both kinds are measured.
  const parsedRows = rows.map((row) => JSON.parse(JSON.stringify(row)) as (typeof rows)[number]);
  const otel = new PlainOtelRecorder(profile);
  const bare = new BareBinCounter(profile);
  const monitor = createModelMonitor({ model: MODEL, reference: profile, meterProvider: new MeterProvider({ readers: [new ManualReader()] }) });

  const numericOnly = buildReferenceProfile(undefined, []);
  const columns = generateNumericColumns(COLUMN_LENGTH, 3);
  const columnList = Object.values(columns);
  const edges = numericOnly.featureOrder.map((name) => {
    const feature = numericOnly.features[name];
    return Float64Array.from(feature?.kind === 'numeric' ? feature.binEdges : []);
  });
  const columnCounts = edges.map(() => new Float64Array(BIN_COUNT + 1));
  const batchMonitor = createModelMonitor({ model: MODEL, reference: numericOnly, meterProvider: new MeterProvider({ readers: [new ManualReader()] }) });

  let cursor = 0;
  const block = (record: (row: (typeof rows)[number]) => void, source = rows) => () => {
    for (let index = 0; index < ROWS_PER_BLOCK; index++) {
      record(source[cursor] as (typeof rows)[number]);
      cursor = (cursor + 1) & 4095;
    }
  };
  const parsedMonitor = createModelMonitor({ model: MODEL, reference: profile, meterProvider: new MeterProvider({ readers: [new ManualReader()] }) });
  // Delayed labels, segments and fairness on: every row carries an id, a score, a segment and a
  // protected attribute, and the previous row gets its label (so the pending store stays small).
  const labelledMonitor = createModelMonitor({
    model: MODEL,
    reference: profile,
    meterProvider: new MeterProvider({ readers: [new ManualReader()] }),
    segments: { attribute: 'region', cap: 10 },
    fairness: { attributes: ['group'] },
  });
  const extras = parsedRows.map((_, index) => ({
    id: `tx-${index}`,
    score: ((index * 7919) % 1000) / 1000,
    segment: `region-${index % 4}`,
    attributes: { group: index % 3 === 0 ? 'a' : 'b' },
    truth: (index * 31) % 5 === 0 ? 1 : 0,
  }));
  let labelledCursor = 0;
  const labelledBlock = () => {
    for (let index = 0; index < ROWS_PER_BLOCK; index++) {
      const row = parsedRows[labelledCursor] as (typeof rows)[number];
      const extra = extras[labelledCursor] as (typeof extras)[number];
      labelledMonitor.observe({ features: row.features, id: extra.id, score: extra.score, segment: extra.segment, attributes: extra.attributes });
      const previous = extras[(labelledCursor + 4095) & 4095] as (typeof extras)[number];
      labelledMonitor.label(previous.id, previous.truth);
      labelledCursor = (labelledCursor + 1) & 4095;
    }
  };
  const bench = new Bench({ time: timeMs, warmupTime: Math.min(300, timeMs / 2) });
  bench
    .add('plain OTel: 25 × Histogram.record', block((row) => otel.record(row)))
    .add('practical limit: binary search + increment', block((row) => bare.record(row)))
    .add('monitor.observe(row)', block((row) => monitor.observe(row)))
    .add('practical limit, JSON.parse rows', block((row) => bare.record(row), parsedRows))
    .add('monitor.observe(row), JSON.parse rows', block((row) => parsedMonitor.observe(row), parsedRows))
    .add('monitor.observe with id + score + segment + fairness attribute, + label, JSON.parse rows', labelledBlock)
    .add('practical limit, columnar Float64Array', () => {
      for (let column = 0; column < columnList.length; column++) countColumn(edges[column] as Float64Array, columnList[column] as Float64Array, columnCounts[column] as Float64Array);
    })
    .add('monitor.observeBatch(Float64Array columns)', () => batchMonitor.observeBatch(columns));
  await bench.run();
  const [otelTask, limitTask, observeTask, parsedLimitTask, parsedObserveTask, labelledTask, columnarTask, batchTask] = bench.tasks as [Task, Task, Task, Task, Task, Task, Task, Task];
  const valuesPerCall = NUMERIC_FEATURE_COUNT * COLUMN_LENGTH;
  monitor.shutdown();
  parsedMonitor.shutdown();
  labelledMonitor.shutdown();
  batchMonitor.shutdown();
  return {
    otel: summarize(otelTask, 'row', ROWS_PER_BLOCK),
    limit: summarize(limitTask, 'row', ROWS_PER_BLOCK),
    observe: summarize(observeTask, 'row', ROWS_PER_BLOCK),
    limitParsedRows: summarize(parsedLimitTask, 'row', ROWS_PER_BLOCK),
    observeParsedRows: summarize(parsedObserveTask, 'row', ROWS_PER_BLOCK),
    observeLabelled: summarize(labelledTask, 'row', ROWS_PER_BLOCK),
    columnarLimit: summarize(columnarTask, 'value', valuesPerCall),
    observeBatch: summarize(batchTask, 'value', valuesPerCall),
  };
}
