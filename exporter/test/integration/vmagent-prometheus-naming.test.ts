/**
 * Why the stack runs vmagent with -opentelemetry.usePrometheusNaming: without it vmagent forwards the
 * OTel names as they are (`ml.observations`, label `ml.model.name`), and Prometheus 2.53's remote-write
 * receiver drops every such series ("Invalid metric names or labels"), keeping only names that are
 * already valid, which also get no `_total` or unit suffix.
 */
import { jest } from '@jest/globals';
import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-proto';
import { emptyResource, resourceFromAttributes, type Resource } from '@opentelemetry/resources';
import { AggregationTemporality, MeterProvider, MetricReader } from '@opentelemetry/sdk-metrics';
import { recordModelMetrics } from './model-metrics-fixture.js';
import { startMetricsStack, type MetricsStack } from './stack/index.js';

jest.setTimeout(30_000);

class ManualReader extends MetricReader {
  protected override async onShutdown(): Promise<void> {}
  protected override async onForceFlush(): Promise<void> {}
}

let stack: MetricsStack;

beforeAll(async () => {
  stack = await startMetricsStack({ vmagent: { usePrometheusNaming: false } });
});
afterAll(() => stack?.stop());

/** Collects what `record` records under `resource` and pushes it once over OTLP/protobuf. */
async function pushOnce(resource: Resource, record: (provider: MeterProvider) => void): Promise<ExportResult> {
  const reader = new ManualReader();
  const provider = new MeterProvider({ resource, readers: [reader] });
  record(provider);
  const { resourceMetrics } = await reader.collect();
  const exporter = new OTLPMetricExporter({
    url: stack.vmagentOtlpUrl,
    temporalityPreference: AggregationTemporality.CUMULATIVE,
  });
  const result = await new Promise<ExportResult>((resolve) => exporter.export(resourceMetrics, resolve));
  await exporter.shutdown();
  await provider.shutdown();
  return result;
}

test('dotted names and labels are accepted by vmagent but dropped by Prometheus; valid names pass unchanged', async () => {
  const dotted = await pushOnce(resourceFromAttributes({ 'service.name': 'modelwatch-raw' }), (provider) =>
    recordModelMetrics(provider.getMeter('raw')),
  );
  expect(dotted.code).toBe(ExportResultCode.SUCCESS);

  // positive control, pushed afterwards: a name and labels that are valid as they are, no resource attributes
  const control = await pushOnce(emptyResource(), (provider) =>
    provider.getMeter('raw').createCounter('ml_control', { unit: '{observation}' }).add(4, { model: 'fraud' }),
  );
  expect(control.code).toBe(ExportResultCode.SUCCESS);

  const [sample] = await stack.waitFor('ml_control');
  expect(sample?.metric).toEqual({ __name__: 'ml_control', model: 'fraud' });
  expect(sample?.value).toBe(4);
  expect(await stack.labelValues('__name__')).toEqual(['ml_control']);
  expect(stack.logs('prometheus').join('\n')).toMatch(/Invalid metric names or labels.*ml\.observations/);
});
