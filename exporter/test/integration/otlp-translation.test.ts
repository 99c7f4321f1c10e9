/**
 * What plain OpenTelemetry metrics become in Prometheus, observed on the real stack:
 * - push: OTLPMetricExporter (protobuf) → vmagent -opentelemetry.usePrometheusNaming → remote write;
 * - pull: @opentelemetry/exporter-prometheus scraped by Prometheus every second;
 * - and how the JSON OTLP exporter and delta temporality fail on vmagent.
 * These observations are the factual basis of docs/metrics.md (see docs/otlp-translation.md).
 */
import { jest } from '@jest/globals';
import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import { OTLPMetricExporter as OtlpJsonMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { OTLPMetricExporter as OtlpProtoMetricExporter } from '@opentelemetry/exporter-metrics-otlp-proto';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  AggregationTemporality,
  MeterProvider,
  MetricReader,
  PeriodicExportingMetricReader,
  type PushMetricExporter,
} from '@opentelemetry/sdk-metrics';
import { findFreePort, startMetricsStack, type InstantSample, type MetricsStack } from './stack/index.js';
import {
  BIN_BOUNDARIES,
  INSTRUMENT_CASES,
  MODEL_LABELS,
  expectedNames,
  recordModelMetrics,
} from './model-metrics-fixture.js';

jest.setTimeout(30_000);

const SCOPE = { name: 'modelwatch-translation-test', version: '0.1.0' };
const PULL_JOB = 'otel-pull';

let stack: MetricsStack;
let pullPort: number;
const providers: MeterProvider[] = [];

/** Resource of a pushing service; every attribute shows up as a label on the push path. */
function serviceResource(serviceName: string) {
  return resourceFromAttributes({
    'service.name': serviceName,
    'service.version': '1.4.2',
    'service.instance.id': `${serviceName}-0`,
    'deployment.environment.name': 'test',
  });
}

/** A provider exporting to vmagent every 300 ms through `exporter`. */
function pushingProvider(serviceName: string, exporter: PushMetricExporter): MeterProvider {
  const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 300, exportTimeoutMillis: 250 });
  const provider = new MeterProvider({ resource: serviceResource(serviceName), readers: [reader] });
  providers.push(provider);
  return provider;
}

function protoExporter(temporality = AggregationTemporality.CUMULATIVE): OtlpProtoMetricExporter {
  return new OtlpProtoMetricExporter({ url: stack.vmagentOtlpUrl, temporalityPreference: temporality });
}

/** A reader collected by hand, to hand one batch to an exporter and see the export result. */
class ManualReader extends MetricReader {
  protected override async onShutdown(): Promise<void> {}
  protected override async onForceFlush(): Promise<void> {}
}

const byLe = (samples: readonly InstantSample[]) =>
  Object.fromEntries(samples.map((sample) => [sample.metric.le ?? '?', sample.value]));

beforeAll(async () => {
  pullPort = await findFreePort();
  const pullExporter = new PrometheusExporter({ host: '127.0.0.1', port: pullPort });
  const pullProvider = new MeterProvider({ resource: serviceResource('modelwatch-pull'), readers: [pullExporter] });
  providers.push(pullProvider);
  recordModelMetrics(pullProvider.getMeter(SCOPE.name, SCOPE.version));
  stack = await startMetricsStack({ scrapeTargets: [{ jobName: PULL_JOB, address: `127.0.0.1:${pullPort}` }] });
});

afterAll(async () => {
  await Promise.allSettled(providers.map((provider) => provider.shutdown()));
  await stack?.stop();
});

describe('push: OTLP/protobuf → vmagent (-opentelemetry.usePrometheusNaming) → Prometheus', () => {
  const service = 'modelwatch-push';

  beforeAll(async () => {
    recordModelMetrics(pushingProvider(service, protoExporter()).getMeter(SCOPE.name, SCOPE.version));
    await stack.waitFor(`count({service_name="${service}"}) >= ${expectedNames('pushName').length}`);
  });

  test('names: dots → underscores, unit suffixes (1 → _ratio on gauges only, By → _bytes, ms → _milliseconds, s → _seconds), {annotations} dropped, _total on monotonic counters', async () => {
    expect(await stack.labelValues('__name__', `{service_name="${service}"}`)).toEqual(expectedNames('pushName'));
  });

  test('labels: data-point attributes and every resource attribute, dots → underscores; no job, instance, scope labels or target_info', async () => {
    const series = await stack.series(`ml_observations_total{service_name="${service}"}`);
    expect(series).toEqual([
      {
        __name__: 'ml_observations_total',
        ...MODEL_LABELS,
        service_name: service,
        service_version: '1.4.2',
        service_instance_id: `${service}-0`,
        deployment_environment_name: 'test',
      },
    ]);
    expect(await stack.query('target_info')).toEqual([]);
    expect(await stack.query(`{service_name="${service}", otel_scope_name!=""}`)).toEqual([]);
  });

  test.each(INSTRUMENT_CASES.map((row) => [row.otelName, row] as const))('%s arrives with its value', async (_name, row) => {
    const name = row.instrument === 'Histogram' ? `${row.pushName}_count` : row.pushName;
    const [sample] = await stack.waitFor(`${name}{service_name="${service}"}`);
    expect(sample?.value).toBeCloseTo(row.value, 12);
  });

  test('explicit-bucket histogram: cumulative _bucket{le} per boundary plus +Inf, inclusive upper bounds, negative value dropped by the SDK', async () => {
    const buckets = await stack.query(`ml_feature_bin_values_bucket{service_name="${service}"}`);
    expect(byLe(buckets)).toEqual({ '0': 1, '1': 3, '2.5': 4, '+Inf': 5 });
    expect(buckets.map((sample) => sample.metric.le)).toHaveLength(BIN_BOUNDARIES.length + 1);
    const [sum] = await stack.query(`ml_feature_bin_values_sum{service_name="${service}"}`);
    expect(sum?.value).toBeCloseTo(6.2, 12);
  });
});

describe('pull: @opentelemetry/exporter-prometheus scraped by Prometheus', () => {
  beforeAll(async () => {
    await stack.waitFor(`up{job="${PULL_JOB}"} == 1`);
    await stack.waitFor(`count({job="${PULL_JOB}", __name__=~"ml_.*"}) >= ${expectedNames('pullName').length}`);
  });

  test('names: dots → underscores, _total on monotonic counters, NO unit suffixes', async () => {
    expect(await stack.labelValues('__name__', `{job="${PULL_JOB}", __name__=~"ml_.*"}`)).toEqual(
      expectedNames('pullName'),
    );
  });

  test('labels: data-point attributes + otel_scope_name/version + job/instance; resource attributes only on target_info', async () => {
    const instance = `127.0.0.1:${pullPort}`;
    expect(await stack.series(`ml_observations_total{job="${PULL_JOB}"}`)).toEqual([
      {
        __name__: 'ml_observations_total',
        ...MODEL_LABELS,
        otel_scope_name: SCOPE.name,
        otel_scope_version: SCOPE.version,
        job: PULL_JOB,
        instance,
      },
    ]);
    const [targetInfo] = await stack.query(`target_info{job="${PULL_JOB}"}`);
    expect(targetInfo?.metric).toEqual({
      __name__: 'target_info',
      job: PULL_JOB,
      instance,
      service_name: 'modelwatch-pull',
      service_version: '1.4.2',
      service_instance_id: 'modelwatch-pull-0',
      deployment_environment_name: 'test',
    });
    expect(targetInfo?.value).toBe(1);
  });

  test.each(INSTRUMENT_CASES.map((row) => [row.otelName, row] as const))('%s arrives with its value', async (_name, row) => {
    const name = row.instrument === 'Histogram' ? `${row.pullName}_count` : row.pullName;
    const [sample] = await stack.query(`${name}{job="${PULL_JOB}"}`);
    expect(sample?.value).toBeCloseTo(row.value, 12);
  });

  test('explicit-bucket histogram: same buckets as the push path', async () => {
    const buckets = await stack.query(`ml_feature_bin_values_bucket{job="${PULL_JOB}"}`);
    expect(byLe(buckets)).toEqual({ '0': 1, '1': 3, '2.5': 4, '+Inf': 5 });
  });
});

describe('what vmagent refuses', () => {
  test('delta temporality: vmagent drops delta counters and histograms (logging a warning); gauges and UpDownCounters (kept cumulative by the SDK) arrive', async () => {
    const service = 'modelwatch-delta';
    recordModelMetrics(
      pushingProvider(service, protoExporter(AggregationTemporality.DELTA)).getMeter(SCOPE.name, SCOPE.version),
    );
    // both arrive in the same OTLP request as the dropped counters and histograms
    await stack.waitFor(`ml_feature_drift_score_ratio{service_name="${service}"}`);
    await stack.waitFor(`ml_window_size{service_name="${service}"}`);
    expect(await stack.labelValues('__name__', `{service_name="${service}"}`)).toEqual([
      'ml_feature_drift_pvalue',
      'ml_feature_drift_score_ratio',
      'ml_reference_size_bytes',
      'ml_window_size',
    ]);
    expect(stack.logs('vmagent').join('\n')).toMatch(/unsupported delta temporality for "ml_observations_total"/);
  });

  test('OTLP/JSON: vmagent answers 400 and the exporter reports FAILED; nothing is stored', async () => {
    const reader = new ManualReader();
    const provider = new MeterProvider({ resource: serviceResource('modelwatch-json'), readers: [reader] });
    providers.push(provider);
    recordModelMetrics(provider.getMeter(SCOPE.name, SCOPE.version));
    const { resourceMetrics } = await reader.collect();

    const jsonExporter = new OtlpJsonMetricExporter({ url: stack.vmagentOtlpUrl });
    const result = await new Promise<ExportResult>((resolve) => jsonExporter.export(resourceMetrics, resolve));
    await jsonExporter.shutdown();
    expect(result.code).toBe(ExportResultCode.FAILED);
    expect(result.error).toMatchObject({ code: 400, message: 'Bad Request' });
    expect((result.error as { data?: string }).data).toMatch(/json encoding isn't supported for opentelemetry format/);

    // positive control: a later batch over protobuf arrives, the refused JSON batch never does
    const controlReader = new ManualReader();
    const controlProvider = new MeterProvider({ resource: serviceResource('modelwatch-json-control'), readers: [controlReader] });
    providers.push(controlProvider);
    recordModelMetrics(controlProvider.getMeter(SCOPE.name, SCOPE.version));
    const control = protoExporter();
    const controlResult = await new Promise<ExportResult>((resolve) =>
      void controlReader.collect().then(({ resourceMetrics: batch }) => control.export(batch, resolve)),
    );
    await control.shutdown();
    expect(controlResult.code).toBe(ExportResultCode.SUCCESS);
    const [sample] = await stack.waitFor('ml_observations_total{service_name="modelwatch-json-control"}');
    expect(sample?.value).toBe(5);
    expect(await stack.query('{service_name="modelwatch-json"}')).toEqual([]);
  });
});
