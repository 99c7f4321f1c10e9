/**
 * startModelwatch wiring against a local fake OTLP endpoint: which encoding, URL and headers go out, which
 * resource and temporality the batch carries, and how failures are absorbed. The real backend is exercised
 * by test/integration/start-modelwatch.test.ts.
 */
import { diag, DiagLogLevel, metrics, type DiagLogger } from '@opentelemetry/api';
import { startModelwatch, type ModelwatchHandle } from '../../src/otel/index.js';
import { startFakeCollector, type FakeCollector } from './fake-collector.js';

let collector: FakeCollector;
const handles: ModelwatchHandle[] = [];
const warnings: string[] = [];
const logger: DiagLogger = {
  error: (message: string) => void warnings.push(message),
  warn: (message: string) => void warnings.push(message),
  info: () => undefined,
  debug: () => undefined,
  verbose: () => undefined,
};

/** Runs `start` with `vars` set in process.env (the exporter packages read process.env), then restores it. */
function withProcessEnv<T>(vars: Record<string, string>, start: () => T): T {
  const saved = Object.fromEntries(Object.keys(vars).map((name) => [name, process.env[name]]));
  Object.assign(process.env, vars);
  try {
    return start();
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

function track(handle: ModelwatchHandle): ModelwatchHandle {
  handles.push(handle);
  return handle;
}

function countSomething(handle: ModelwatchHandle): void {
  handle.meterProvider.getMeter('unit-test').createCounter('ml.observations', { unit: '{observation}' }).add(2, { 'ml.model.name': 'm' });
}

interface JsonAttribute {
  key: string;
  value: { stringValue?: string; intValue?: string | number };
}
interface JsonBatch {
  resourceMetrics: Array<{
    resource: { attributes: JsonAttribute[] };
    scopeMetrics: Array<{
      metrics: Array<{
        name: string;
        sum?: { aggregationTemporality: number; isMonotonic: boolean; dataPoints: Array<{ asInt?: string | number; asDouble?: number }> };
      }>;
    }>;
  }>;
}

beforeAll(async () => {
  collector = await startFakeCollector();
  diag.setLogger(logger, { logLevel: DiagLogLevel.WARN, suppressOverrideMessage: true });
});

beforeEach(() => {
  collector.requests.length = 0;
  collector.status = 200;
  warnings.length = 0;
});

afterEach(async () => {
  await Promise.all(handles.splice(0).map((handle) => handle.shutdown()));
});

afterAll(async () => {
  await collector.close();
  diag.disable();
});

test('default: OTLP protobuf to OTEL_EXPORTER_OTLP_ENDPOINT + /v1/metrics with the OTEL_EXPORTER_OTLP_HEADERS merged under options.headers', async () => {
  const handle = track(
    withProcessEnv(
      { OTEL_EXPORTER_OTLP_ENDPOINT: `${collector.baseUrl}/opentelemetry`, OTEL_EXPORTER_OTLP_HEADERS: 'authorization=Bearer%20env,x-tenant=acme' },
      () => startModelwatch({ headers: { 'x-tenant': 'from-option' }, setGlobal: false }),
    ),
  );
  countSomething(handle);
  await handle.forceFlush();
  expect(collector.requests).toHaveLength(1);
  const [request] = collector.requests;
  expect(request?.path).toBe('/opentelemetry/v1/metrics');
  expect(request?.headers['content-type']).toBe('application/x-protobuf');
  expect(request?.headers.authorization).toBe('Bearer env');
  expect(request?.headers['x-tenant']).toBe('from-option');
  expect(handle.failedExports).toBe(0);
});

test('http/json on request: the batch carries cumulative sums and the resource from OTEL_SERVICE_NAME / OTEL_RESOURCE_ATTRIBUTES under the options', async () => {
  const handle = track(
    withProcessEnv(
      {
        OTEL_SERVICE_NAME: 'env-service',
        OTEL_RESOURCE_ATTRIBUTES: 'deployment.environment.name=staging,team=risk',
        OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE: 'delta',
      },
      () =>
        startModelwatch({
          url: `${collector.baseUrl}/v1/metrics`,
          protocol: 'http/json',
          resourceAttributes: { team: 'fraud' },
          setGlobal: false,
        }),
    ),
  );
  countSomething(handle);
  await handle.forceFlush();
  const [request] = collector.requests;
  expect(request?.headers['content-type']).toBe('application/json');
  const batch = JSON.parse(request?.body.toString('utf8') ?? '{}') as JsonBatch;
  const [resourceMetrics] = batch.resourceMetrics;
  const attributes = Object.fromEntries(resourceMetrics?.resource.attributes.map((a) => [a.key, a.value.stringValue]) ?? []);
  expect(attributes).toMatchObject({ 'service.name': 'env-service', 'deployment.environment.name': 'staging', team: 'fraud' });
  const sums = resourceMetrics?.scopeMetrics.flatMap((scope) => scope.metrics).filter((metric) => metric.sum !== undefined) ?? [];
  expect(sums.map((metric) => metric.name).sort()).toEqual(['ml.export.failures', 'ml.observations']);
  // OTLP AggregationTemporality: 1 = DELTA, 2 = CUMULATIVE
  expect(sums.map((metric) => metric.sum?.aggregationTemporality)).toEqual([2, 2]);
  expect(warnings.some((message) => /TEMPORALITY_PREFERENCE="delta" ignored/.test(message))).toBe(true);
});

test('options.serviceName wins over OTEL_SERVICE_NAME', async () => {
  const handle = track(
    withProcessEnv({ OTEL_SERVICE_NAME: 'env-service' }, () =>
      startModelwatch({ url: `${collector.baseUrl}/v1/metrics`, protocol: 'http/json', serviceName: 'option-service', setGlobal: false }),
    ),
  );
  countSomething(handle);
  await handle.forceFlush();
  const batch = JSON.parse(collector.requests[0]?.body.toString('utf8') ?? '{}') as JsonBatch;
  const serviceName = batch.resourceMetrics[0]?.resource.attributes.find((a) => a.key === 'service.name');
  expect(serviceName?.value.stringValue).toBe('option-service');
});

test('HTTP errors are counted, logged with the status, exported as ml.export.failures on the next success, never thrown', async () => {
  collector.status = 400;
  const handle = track(startModelwatch({ url: `${collector.baseUrl}/v1/metrics`, protocol: 'http/json', exportIntervalMillis: 400, setGlobal: false }));
  countSomething(handle);
  await expect(handle.forceFlush()).resolves.toBeUndefined();
  expect(handle.failedExports).toBeGreaterThanOrEqual(1);
  expect(warnings.some((message) => /modelwatch: metrics export to .* failed \(1 so far\): HTTP 400 Bad Request: refused by the fake collector$/.test(message))).toBe(true);

  collector.status = 200;
  collector.requests.length = 0;
  await handle.forceFlush();
  const batch = JSON.parse(collector.requests.at(-1)?.body.toString('utf8') ?? '{}') as JsonBatch;
  const failures = batch.resourceMetrics[0]?.scopeMetrics.flatMap((scope) => scope.metrics).find((metric) => metric.name === 'ml.export.failures');
  expect(Number(failures?.sum?.dataPoints[0]?.asInt)).toBe(handle.failedExports); // an integer counter
});

test('setGlobal registers the provider once; a second one is not made global (warned), and shutdown releases the global slot', async () => {
  const first = track(startModelwatch({ url: `${collector.baseUrl}/v1/metrics` }));
  expect(metrics.getMeterProvider()).toBe(first.meterProvider);
  const second = track(startModelwatch({ url: `${collector.baseUrl}/v1/metrics` }));
  expect(metrics.getMeterProvider()).toBe(first.meterProvider);
  expect(warnings.some((message) => /a global MeterProvider is already registered/.test(message))).toBe(true);
  await second.shutdown();
  expect(metrics.getMeterProvider()).toBe(first.meterProvider);
  await first.shutdown();
  expect(metrics.getMeterProvider()).not.toBe(first.meterProvider);
  await expect(first.shutdown()).resolves.toBeUndefined();
});

test('an invalid option throws before anything is started', () => {
  expect(() => startModelwatch({ exportIntervalMillis: 0 })).toThrow(
    new RangeError('startModelwatch: options.exportIntervalMillis must be > 0 milliseconds, got 0'),
  );
  expect(metrics.getMeterProvider().constructor.name).not.toBe('MeterProvider');
});

test('nothing enabled (OTEL_METRICS_EXPORTER=none): a working provider that exports nothing, with a warning', async () => {
  const handle = track(startModelwatch({ setGlobal: false }, { OTEL_METRICS_EXPORTER: 'none' }));
  countSomething(handle);
  await handle.forceFlush();
  expect(collector.requests).toEqual([]);
  expect(handle.failedExports).toBe(0);
  expect(warnings).toContain('modelwatch: neither OTLP push nor Prometheus pull is enabled; metrics are recorded but not exported');
});

test('a retryable status (503) is retried until the request timeout, then counted once, with an explanation', async () => {
  collector.status = 503;
  const handle = track(startModelwatch({ url: `${collector.baseUrl}/v1/metrics`, exportIntervalMillis: 300, setGlobal: false }));
  countSomething(handle);
  await handle.forceFlush();
  expect(handle.failedExports).toBe(1);
  expect(warnings.some((message) => /failed \(1 so far\): Export failed with retryable status \(HTTP 429\/502\/503\/504/.test(message))).toBe(true);
});
