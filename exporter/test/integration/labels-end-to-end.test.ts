/**
 * Delayed labels on the real backend: a monitor with a labelled profile pushes OTLP/protobuf
 * through vmagent into Prometheus; after predictions with ids and their labels 90 s later,
 * Prometheus has the realised accuracy (equal to the monitor's own value), the join counter and
 * the label-delay histogram buckets, plus the CBPE estimate, under the contract names.
 */
import { jest } from '@jest/globals';
import { createModelMonitor, MONITOR_ATTRIBUTES, MONITOR_METRICS, prometheusLabelName, prometheusMetricName, type ModelMonitor } from '../../src/monitor/index.js';
import { startModelwatch, type ModelwatchHandle } from '../../src/otel/index.js';
import { binaryProfile, binaryRows } from '../monitor/labelled-fixture.js';
import { startMetricsStack, type MetricsStack } from './stack/index.js';

jest.setTimeout(45_000);

const SERVICE = 'labels-e2e';
const MODEL = { name: 'churn', version: '4' };
const ROWS = 400;
const DELAY_MS = 90_000;
const ACCURACY = prometheusMetricName(MONITOR_METRICS.performanceAccuracy);
const ESTIMATED = prometheusMetricName(MONITOR_METRICS.estimatedAccuracy);
const LABELS = prometheusMetricName(MONITOR_METRICS.labels);
const DELAY = prometheusMetricName(MONITOR_METRICS.labelDelay);
const OUTCOME = prometheusLabelName(MONITOR_ATTRIBUTES.labelOutcome);
const selector = `service_name="${SERVICE}",${prometheusLabelName(MONITOR_ATTRIBUTES.modelName)}="${MODEL.name}"`;

let stack: MetricsStack;
let handle: ModelwatchHandle | undefined;
let monitor: ModelMonitor | undefined;

beforeAll(async () => {
  stack = await startMetricsStack();
});

afterAll(async () => {
  monitor?.shutdown();
  await handle?.shutdown();
  await stack?.stop();
});

test('push: ml_performance_accuracy, ml_labels_total and ml_label_delay_bucket arrive in Prometheus', async () => {
  handle = startModelwatch({ url: stack.vmagentOtlpUrl, serviceName: SERVICE, exportIntervalMillis: 500, setGlobal: false });
  monitor = createModelMonitor({ model: MODEL, reference: binaryProfile(), meterProvider: handle.meterProvider });
  const rows = binaryRows(ROWS, 61);
  const predictedAt = Date.now() - DELAY_MS;
  rows.score.forEach((score, i) => monitor?.observe({ features: { x: rows.x[i] }, score, prediction: rows.prediction[i], id: `req-${i}`, timestamp: predictedAt }));
  rows.truth.forEach((truth, i) => monitor?.label(`req-${i}`, truth));
  const expected = monitor.snapshot().performance.segments[0];

  const [accuracy] = await stack.waitFor(`${ACCURACY}{${selector}}`);
  expect(accuracy?.value).toBeCloseTo(expected?.metrics.accuracy as number, 12);
  expect(accuracy?.metric).toMatchObject({ ml_model_version: MODEL.version, service_name: SERVICE });
  const [joined] = await stack.waitFor(`${LABELS}{${selector},${OUTCOME}="joined"}`, (samples) => samples[0]?.value === ROWS);
  expect(joined?.value).toBe(ROWS);
  const buckets = await stack.waitFor(`${DELAY}_bucket{${selector}}`, (samples) => samples.some((sample) => sample.value === ROWS));
  const byLe = Object.fromEntries(buckets.map((sample) => [sample.metric.le, sample.value]));
  expect(byLe).toMatchObject({ '60': 0, '300': ROWS, '604800': ROWS, '+Inf': ROWS });
  const [count] = await stack.waitFor(`${DELAY}_count{${selector}}`);
  expect(count?.value).toBe(ROWS);
  const [estimated] = await stack.waitFor(`${ESTIMATED}{${selector}}`);
  expect(estimated?.value).toBeCloseTo(expected?.estimated?.metrics.accuracy as number, 12);
  expect(handle.failedExports).toBe(0);
});
