/**
 * `startModelwatch()` against the real backend: OTLP/protobuf → vmagent → Prometheus (configured through the
 * standard environment variables and through options), the pull path scraped by Prometheus, and the failure
 * modes a host must survive (JSON refused with HTTP 400, backend down).
 */
import { jest } from '@jest/globals';
import { diag, DiagLogLevel, metrics, type DiagLogger, type MeterProvider } from '@opentelemetry/api';
import { startModelwatch, type ModelwatchHandle } from '../../src/otel/index.js';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { findFreePort, startMetricsStack, type MetricsStack } from './stack/index.js';

jest.setTimeout(30_000);

const SCOPE = 'start-modelwatch-test';
const MODEL = { 'ml.model.name': 'fraud', 'ml.model.version': '3' } as const;
const MODEL_LABELS = { ml_model_name: 'fraud', ml_model_version: '3' } as const;
const PULL_JOB = 'modelwatch-pull';
const DOWN_JOB = 'modelwatch-down';

let stack: MetricsStack;
let pullPort: number;
let downPullPort: number;
const handles: ModelwatchHandle[] = [];
const diagMessages: string[] = [];

/** A counter (3 observations) and an observable gauge (0.25) with model attributes. */
function recordDemoMetrics(provider: MeterProvider): void {
  const meter = provider.getMeter(SCOPE, '1.0.0');
  meter.createCounter('ml.observations', { unit: '{observation}' }).add(3, MODEL);
  meter
    .createObservableGauge('ml.feature.drift.score', { unit: '1' })
    .addCallback((result) => result.observe(0.25, { ...MODEL, 'ml.feature.name': 'amount' }));
}

function start(...args: Parameters<typeof startModelwatch>): ModelwatchHandle {
  const handle = startModelwatch(...args);
  handles.push(handle);
  return handle;
}

/** Polls `condition` every 100 ms for up to `timeoutMs`. */
async function eventually(condition: () => boolean, timeoutMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  return condition();
}

const captureLogger: DiagLogger = {
  error: (message: string) => void diagMessages.push(`error: ${message}`),
  warn: (message: string) => void diagMessages.push(`warn: ${message}`),
  info: () => undefined,
  debug: () => undefined,
  verbose: () => undefined,
};

beforeAll(async () => {
  diag.setLogger(captureLogger, { logLevel: DiagLogLevel.WARN, suppressOverrideMessage: true });
  [pullPort, downPullPort] = await Promise.all([findFreePort(), findFreePort()]);
  stack = await startMetricsStack({
    scrapeTargets: [
      { jobName: PULL_JOB, address: `127.0.0.1:${pullPort}` },
      { jobName: DOWN_JOB, address: `127.0.0.1:${downPullPort}` },
    ],
  });
});

afterAll(async () => {
  await Promise.allSettled(handles.map((handle) => handle.shutdown()));
  await stack?.stop();
  diag.disable();
});

describe('push: OTLP/protobuf into vmagent', () => {
  test('configured only through the standard environment variables; cumulative even when delta is asked for; registered as the global provider', async () => {
    const env = {
      OTEL_EXPORTER_OTLP_ENDPOINT: `${stack.vmagentUrl}/opentelemetry`,
      OTEL_SERVICE_NAME: 'mw-env',
      OTEL_RESOURCE_ATTRIBUTES: 'deployment.environment.name=test,service.version=1.2.3',
      OTEL_METRIC_EXPORT_INTERVAL: '300',
      OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE: 'delta',
    };
    const saved = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
    Object.assign(process.env, env);
    let handle: ModelwatchHandle;
    try {
      handle = start();
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
    expect(metrics.getMeterProvider()).toBe(handle.meterProvider);
    expect(handle.config.otlp).toMatchObject({ protocol: 'http/protobuf', destination: `${stack.vmagentOtlpUrl}` });
    recordDemoMetrics(metrics.getMeterProvider());

    const [counter] = await stack.waitFor('ml_observations_total{service_name="mw-env"}');
    expect(counter?.metric).toEqual({
      __name__: 'ml_observations_total',
      ...MODEL_LABELS,
      service_name: 'mw-env',
      service_version: '1.2.3',
      deployment_environment_name: 'test',
      telemetry_sdk_language: 'nodejs',
      telemetry_sdk_name: 'opentelemetry',
      telemetry_sdk_version: expect.any(String),
    });
    expect(counter?.value).toBe(3);
    const [gauge] = await stack.waitFor('ml_feature_drift_score_ratio{service_name="mw-env"}');
    expect(gauge?.metric).toMatchObject({ ...MODEL_LABELS, ml_feature_name: 'amount' });
    expect(gauge?.value).toBe(0.25);
    expect(handle.failedExports).toBe(0);
    expect(diagMessages.join('\n')).toMatch(/TEMPORALITY_PREFERENCE="delta" ignored/);

    await handle.shutdown();
    expect(metrics.getMeterProvider()).not.toBe(handle.meterProvider);
  });

  test('configured through options, which win over the environment (OTEL_EXPORTER_OTLP_ENDPOINT points at a closed port)', async () => {
    const closedPort = await findFreePort();
    const handle = start(
      { url: stack.vmagentOtlpUrl, serviceName: 'mw-options', exportIntervalMillis: 300, setGlobal: false },
      { OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${closedPort}`, OTEL_SERVICE_NAME: 'not-this-one' },
    );
    expect(metrics.getMeterProvider()).not.toBe(handle.meterProvider);
    recordDemoMetrics(handle.meterProvider);
    const [counter] = await stack.waitFor('ml_observations_total{service_name="mw-options"}');
    expect(counter?.value).toBe(3);
    const [gauge] = await stack.waitFor('ml_feature_drift_score_ratio{service_name="mw-options"}');
    expect(gauge?.value).toBe(0.25);
    // the failure counter itself is exported, at 0
    const [failures] = await stack.waitFor('ml_export_failures_total{service_name="mw-options"}');
    expect(failures?.value).toBe(0);
    expect(handle.failedExports).toBe(0);
  });

  test('http/json is refused by vmagent (HTTP 400): counted in failedExports and explained through diag, never thrown', async () => {
    const handle = start({ url: stack.vmagentOtlpUrl, protocol: 'http/json', serviceName: 'mw-json', setGlobal: false });
    recordDemoMetrics(handle.meterProvider);
    await expect(handle.forceFlush()).resolves.toBeUndefined();
    expect(await eventually(() => handle.failedExports >= 1)).toBe(true);
    expect(diagMessages.join('\n')).toMatch(
      /modelwatch: metrics export to .*\(http\/json\) failed \(1 so far\): HTTP 400 .*json encoding isn't supported.*use protocol http\/protobuf/,
    );

    // positive control: a protobuf batch sent afterwards arrives, the JSON one never does
    const control = start({ url: stack.vmagentOtlpUrl, serviceName: 'mw-json-control', setGlobal: false });
    recordDemoMetrics(control.meterProvider);
    await control.forceFlush();
    await stack.waitFor('ml_observations_total{service_name="mw-json-control"}');
    expect(await stack.query('{service_name="mw-json"}')).toEqual([]);
  });

  test('backend down: flush and shutdown resolve without throwing, shutdown within the export timeout; the failures are counted and visible on the pull path', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const closedPort = await findFreePort();
      const exportTimeoutMillis = 500;
      const handle = start({
        url: `http://127.0.0.1:${closedPort}/opentelemetry/v1/metrics`,
        exportIntervalMillis: exportTimeoutMillis,
        exportTimeoutMillis,
        serviceName: 'mw-down',
        prometheus: { port: downPullPort, host: '127.0.0.1' },
        setGlobal: false,
      });
      recordDemoMetrics(handle.meterProvider);
      await expect(handle.forceFlush()).resolves.toBeUndefined();
      expect(await eventually(() => handle.failedExports >= 1)).toBe(true);
      const [failures] = await stack.waitFor(`ml_export_failures_total{job="${DOWN_JOB}"} >= 1`);
      expect(failures?.metric).toMatchObject({ otel_scope_name: '@modelwatch/otel' });
      expect(diagMessages.join('\n')).toMatch(/ECONNREFUSED|timed out/);

      const started = Date.now();
      await expect(handle.shutdown()).resolves.toBeUndefined();
      expect(Date.now() - started).toBeLessThan(exportTimeoutMillis + 250);
      await expect(handle.shutdown()).resolves.toBeUndefined();
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  test('hung backend (accepts, never answers): shutdown still resolves within the export timeout, the export is counted as failed', async () => {
    const sockets = new Set<Socket>();
    const blackHole = createServer((socket) => void sockets.add(socket));
    await new Promise<void>((resolve) => blackHole.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = blackHole.address() as AddressInfo;
      const exportTimeoutMillis = 800;
      const handle = start({
        url: `http://127.0.0.1:${port}/opentelemetry/v1/metrics`,
        exportIntervalMillis: 60_000,
        exportTimeoutMillis,
        serviceName: 'mw-hung',
        setGlobal: false,
      });
      recordDemoMetrics(handle.meterProvider);
      const started = Date.now();
      await expect(handle.shutdown()).resolves.toBeUndefined();
      // a functional bound, not a speed claim: the SDK alone waits for the export, then again for the exporter's flush
      expect(Date.now() - started).toBeLessThan(exportTimeoutMillis + 250);
      expect(sockets.size).toBeGreaterThanOrEqual(1);
      expect(await eventually(() => handle.failedExports >= 1)).toBe(true);
      expect(diagMessages.join('\n')).toMatch(/did not finish within the export timeout \(800 ms\)/);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => blackHole.close(resolve));
    }
  });
});

describe('pull: the Prometheus endpoint scraped by Prometheus', () => {
  test('otlp: false + prometheus: names without unit suffixes, otel_scope_name and job labels, resource on target_info', async () => {
    const handle = start({ otlp: false, prometheus: { port: pullPort, host: '127.0.0.1' }, serviceName: 'mw-pull', setGlobal: false });
    expect(handle.config.otlp).toBeUndefined();
    recordDemoMetrics(handle.meterProvider);
    await stack.waitFor(`up{job="${PULL_JOB}"} == 1`);
    const [counter] = await stack.waitFor(`ml_observations_total{job="${PULL_JOB}"}`);
    expect(counter?.metric).toEqual({
      __name__: 'ml_observations_total',
      ...MODEL_LABELS,
      otel_scope_name: SCOPE,
      otel_scope_version: '1.0.0',
      job: PULL_JOB,
      instance: `127.0.0.1:${pullPort}`,
    });
    expect(counter?.value).toBe(3);
    const [gauge] = await stack.waitFor(`ml_feature_drift_score{job="${PULL_JOB}"}`);
    expect(gauge?.value).toBe(0.25);
    const [targetInfo] = await stack.waitFor(`target_info{job="${PULL_JOB}"}`);
    expect(targetInfo?.metric.service_name).toBe('mw-pull');
    // no push path, so no export-failure counter either
    expect(await stack.query(`ml_export_failures_total{job="${PULL_JOB}"}`)).toEqual([]);
  });
});
