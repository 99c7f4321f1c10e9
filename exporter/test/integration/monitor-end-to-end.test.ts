/**
 * The whole chain on the real backend: buildProfile → createModelMonitor → startModelwatch → OTLP/protobuf →
 * vmagent → Prometheus (and the pull path scraped by Prometheus). A 1σ shift in one numeric feature is
 * reported drifted, an unshifted numeric and an unshifted categorical feature are not; names and labels
 * come from the metric contract (MONITOR_METRICS, docs/metrics.md).
 */
import { jest } from '@jest/globals';
import { metrics } from '@opentelemetry/api';
import {
  createModelMonitor,
  MONITOR_ATTRIBUTES,
  MONITOR_METRICS,
  prometheusLabelName,
  prometheusMetricName,
  type ModelMonitor,
} from '../../src/monitor/index.js';
import { startModelwatch, type ModelwatchHandle } from '../../src/otel/index.js';
import { buildProfile } from '../../src/profile/index.js';
import { categoricalSample, normalSample } from '../support/synthetic.js';
import { findFreePort, startMetricsStack, type InstantSample, type MetricsStack } from './stack/index.js';

jest.setTimeout(30_000);

const MODEL = { name: 'fraud', version: '3' };
const CHANNELS = { web: 0.5, app: 0.3, store: 0.2 };
const PULL_JOB = 'monitor-pull';
const SERVICE = 'monitor-e2e';

const DETECTED = prometheusMetricName(MONITOR_METRICS.featureDriftDetected);
const SCORE = prometheusMetricName(MONITOR_METRICS.featureDriftScore);
const SHARE = prometheusMetricName(MONITOR_METRICS.datasetDriftShare);
const LABEL = {
  model: prometheusLabelName(MONITOR_ATTRIBUTES.modelName),
  version: prometheusLabelName(MONITOR_ATTRIBUTES.modelVersion),
  feature: prometheusLabelName(MONITOR_ATTRIBUTES.featureName),
  method: prometheusLabelName(MONITOR_ATTRIBUTES.driftMethod),
};

const reference = buildProfile({
  amount: normalSample(2000, 100, 15, 1011),
  tenure: normalSample(2000, 24, 6, 1012),
  channel: categoricalSample(2000, CHANNELS, 1013),
});
/**
 * `amount` shifted by one standard deviation; `tenure` and `channel` drawn from the reference distributions.
 * Fixed seeds: an unshifted feature is still flagged in about 5% of draws at the 0.05 level, so the sanity
 * test below also checks that these draws are far from the threshold (p > 0.2), not borderline.
 */
const current = {
  amount: normalSample(600, 115, 15, 2021),
  tenure: normalSample(600, 24, 6, 2022),
  channel: categoricalSample(600, CHANNELS, 2023),
};
const EXPECTED_DETECTED = { amount: 1, tenure: 0, channel: 0 } as const;

let stack: MetricsStack;
let pullPort: number;
const handles: ModelwatchHandle[] = [];
const monitors: ModelMonitor[] = [];

function monitorOn(meterProvider?: ModelwatchHandle['meterProvider']): ModelMonitor {
  const monitor = createModelMonitor({ model: MODEL, reference, ...(meterProvider ? { meterProvider } : {}) });
  monitors.push(monitor);
  monitor.observeBatch(current);
  return monitor;
}

/** The drift method the monitor used per feature, from its own snapshot (the label must carry it). */
function methodsOf(monitor: ModelMonitor): Record<string, string> {
  return Object.fromEntries(monitor.snapshot().features.map((feature) => [feature.name, String(feature.drift?.method)]));
}

const byFeature = (samples: readonly InstantSample[]) =>
  Object.fromEntries(samples.map((sample) => [sample.metric[LABEL.feature] ?? '?', sample.value]));

beforeAll(async () => {
  pullPort = await findFreePort();
  stack = await startMetricsStack({ scrapeTargets: [{ jobName: PULL_JOB, address: `127.0.0.1:${pullPort}` }] });
});

afterAll(async () => {
  for (const monitor of monitors) monitor.shutdown();
  await Promise.allSettled(handles.map((handle) => handle.shutdown()));
  await stack?.stop();
});

test('the monitor sees the shift before anything is exported (sanity check of the generated data)', () => {
  const snapshot = createModelMonitor({ model: MODEL, reference, meterProvider: metrics.getMeterProvider() });
  snapshot.observeBatch(current);
  const features = snapshot.snapshot().features;
  snapshot.shutdown();
  expect(Object.fromEntries(features.map((feature) => [feature.name, feature.drift?.drifted ? 1 : 0]))).toEqual(EXPECTED_DETECTED);
  for (const feature of features.filter((f) => f.name !== 'amount')) expect(feature.drift?.pValue).toBeGreaterThan(0.2);
});

test('push: startModelwatch (global provider) → vmagent → Prometheus: drift detected 1 for the shifted feature, 0 for the others, with the contract labels', async () => {
  const handle = startModelwatch({ url: stack.vmagentOtlpUrl, serviceName: SERVICE, exportIntervalMillis: 500 });
  handles.push(handle);
  const monitor = monitorOn(); // no meterProvider: picks up the global one startModelwatch registered
  const methods = methodsOf(monitor);

  const detected = await stack.waitFor(`${DETECTED}{service_name="${SERVICE}"}`, (samples) => samples.length === 3);
  expect(byFeature(detected)).toEqual(EXPECTED_DETECTED);
  for (const sample of detected) {
    const feature = sample.metric[LABEL.feature] ?? '?';
    expect(sample.metric).toMatchObject({
      [LABEL.model]: MODEL.name,
      [LABEL.version]: MODEL.version,
      [LABEL.feature]: feature,
      [LABEL.method]: methods[feature],
      service_name: SERVICE,
    });
  }
  const scores = await stack.waitFor(`${SCORE}{service_name="${SERVICE}"}`, (samples) => samples.length === 3);
  expect(scores.every((sample) => Number.isFinite(sample.value))).toBe(true);
  const [share] = await stack.waitFor(`${SHARE}{service_name="${SERVICE}"}`);
  expect(share?.value).toBeCloseTo(1 / 3, 12);
  expect(handle.failedExports).toBe(0);
});

test('pull: startModelwatch({ prometheus }) scraped by Prometheus: the same verdicts under the same names', async () => {
  const handle = startModelwatch({ otlp: false, prometheus: { port: pullPort, host: '127.0.0.1' }, setGlobal: false });
  handles.push(handle);
  const monitor = monitorOn(handle.meterProvider);
  const methods = methodsOf(monitor);

  await stack.waitFor(`up{job="${PULL_JOB}"} == 1`);
  const detected = await stack.waitFor(`${DETECTED}{job="${PULL_JOB}"}`, (samples) => samples.length === 3);
  expect(byFeature(detected)).toEqual(EXPECTED_DETECTED);
  for (const sample of detected) {
    const feature = sample.metric[LABEL.feature] ?? '?';
    expect(sample.metric).toMatchObject({
      [LABEL.model]: MODEL.name,
      [LABEL.version]: MODEL.version,
      [LABEL.method]: methods[feature],
      otel_scope_name: '@modelwatch/otel',
      job: PULL_JOB,
    });
  }
  const [share] = await stack.waitFor(`${SHARE}{job="${PULL_JOB}"}`);
  expect(share?.value).toBeCloseTo(1 / 3, 12);
});
