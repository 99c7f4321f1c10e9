import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import { AggregationTemporality, InstrumentType, type PushMetricExporter, type ResourceMetrics } from '@opentelemetry/sdk-metrics';
import { explainFailure, FailureCountingExporter } from '../../src/otel/failure-counting-exporter.js';

const batch = { resource: {}, scopeMetrics: [] } as unknown as ResourceMetrics;

function innerExporter(behaviour: (callback: (result: ExportResult) => void) => void): PushMetricExporter {
  return {
    export: (_metrics, callback) => behaviour(callback),
    forceFlush: async () => undefined,
    shutdown: async () => undefined,
    selectAggregationTemporality: () => AggregationTemporality.CUMULATIVE,
  };
}

function exportOnce(exporter: PushMetricExporter): Promise<ExportResult> {
  return new Promise((resolve) => exporter.export(batch, resolve));
}

test('success is passed through and not counted', async () => {
  const exporter = new FailureCountingExporter(innerExporter((done) => done({ code: ExportResultCode.SUCCESS })), 'test');
  expect((await exportOnce(exporter)).code).toBe(ExportResultCode.SUCCESS);
  expect(exporter.failedExports).toBe(0);
});

test('a FAILED result is passed through and counted', async () => {
  const exporter = new FailureCountingExporter(
    innerExporter((done) => done({ code: ExportResultCode.FAILED, error: new Error('boom') })),
    'test',
  );
  await exportOnce(exporter);
  const result = await exportOnce(exporter);
  expect(result).toEqual({ code: ExportResultCode.FAILED, error: new Error('boom') });
  expect(exporter.failedExports).toBe(2);
});

test('a throwing inner exporter becomes a FAILED result, counted once even if it also called back', async () => {
  const exporter = new FailureCountingExporter(
    innerExporter((done) => {
      done({ code: ExportResultCode.FAILED });
      throw new Error('after callback');
    }),
    'test',
  );
  const results: ExportResult[] = [];
  exporter.export(batch, (result) => results.push(result));
  expect(results).toHaveLength(1);
  expect(exporter.failedExports).toBe(1);

  const throwing = new FailureCountingExporter(innerExporter(() => {
    throw new Error('sync');
  }), 'test');
  expect((await exportOnce(throwing)).error?.message).toBe('sync');
  expect(throwing.failedExports).toBe(1);
});

test('temporality selection is delegated to the inner exporter', () => {
  const exporter = new FailureCountingExporter(innerExporter(() => undefined), 'test');
  expect(exporter.selectAggregationTemporality?.(InstrumentType.COUNTER)).toBe(AggregationTemporality.CUMULATIVE);
});

test('explainFailure names HTTP status and body and adds the fix for known causes', () => {
  const jsonRefused = Object.assign(new Error('Bad Request'), { code: 400, data: "json encoding isn't supported for opentelemetry format" });
  expect(explainFailure(jsonRefused)).toBe(
    "HTTP 400 Bad Request: json encoding isn't supported for opentelemetry format (this receiver accepts OTLP protobuf only: use protocol http/protobuf)",
  );
  expect(explainFailure(Object.assign(new Error('Unauthorized'), { code: 401 }))).toBe(
    'HTTP 401 Unauthorized (check OTEL_EXPORTER_OTLP_HEADERS / options.headers)',
  );
  expect(explainFailure(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }))).toBe(
    'connect ECONNREFUSED 127.0.0.1:1 (is the collector running at that address?)',
  );
  expect(explainFailure(undefined)).toBe('no error detail');
});
