/**
 * A PushMetricExporter decorator that counts failed exports and explains them through `diag`.
 */
import { diag } from '@opentelemetry/api';
import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import type {
  AggregationOption,
  AggregationTemporality,
  InstrumentType,
  PushMetricExporter,
  ResourceMetrics,
} from '@opentelemetry/sdk-metrics';

/** What the OTLP exporters attach to a failed result: `code` is the HTTP status, `data` the response body. */
interface HttpExportError {
  readonly code?: unknown;
  readonly data?: unknown;
}

/**
 * Wraps `inner` so that every export whose result is not SUCCESS, and every export that throws, increments
 * `failedExports` and is logged once with `diag.error`, with a hint when the cause is known (HTTP 400 to a
 * protobuf-only receiver, connection refused). It never throws: a throwing inner exporter is turned into a
 * FAILED result, which is what `PeriodicExportingMetricReader` expects. Temporality and aggregation are the
 * inner exporter's.
 * @internal
 */
export class FailureCountingExporter implements PushMetricExporter {
  private failures = 0;
  readonly selectAggregationTemporality?: (instrumentType: InstrumentType) => AggregationTemporality;
  readonly selectAggregation?: (instrumentType: InstrumentType) => AggregationOption;

  constructor(
    private readonly inner: PushMetricExporter,
    private readonly description: string,
  ) {
    if (inner.selectAggregationTemporality) this.selectAggregationTemporality = inner.selectAggregationTemporality.bind(inner);
    if (inner.selectAggregation) this.selectAggregation = inner.selectAggregation.bind(inner);
  }

  /** Exports that failed (non-SUCCESS result or thrown error) since construction. */
  get failedExports(): number {
    return this.failures;
  }

  export(metrics: ResourceMetrics, resultCallback: (result: ExportResult) => void): void {
    let settled = false;
    const settle = (result: ExportResult): void => {
      if (settled) return;
      settled = true;
      if (result.code !== ExportResultCode.SUCCESS) this.recordFailure(result.error);
      resultCallback(result);
    };
    try {
      this.inner.export(metrics, settle);
    } catch (error) {
      settle({ code: ExportResultCode.FAILED, error: error instanceof Error ? error : new Error(String(error)) });
    }
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush();
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }

  private recordFailure(error: Error | undefined): void {
    this.failures += 1;
    diag.error(`modelwatch: metrics export to ${this.description} failed (${this.failures} so far): ${explainFailure(error)}`);
  }
}

/** A one-line reason for a failed export, with the fix when the cause is a known one. @internal */
export function explainFailure(error: Error | undefined): string {
  if (error === undefined) return 'no error detail';
  const { code, data } = error as Error & HttpExportError;
  const body = typeof data === 'string' && data.trim() !== '' ? `: ${data.trim().slice(0, 300)}` : '';
  if (typeof code === 'number') {
    const hint =
      code === 400 && /json/i.test(body)
        ? ' (this receiver accepts OTLP protobuf only: use protocol http/protobuf)'
        : code === 401 || code === 403
          ? ' (check OTEL_EXPORTER_OTLP_HEADERS / options.headers)'
          : code === 404
            ? ' (check the endpoint path, e.g. /opentelemetry/v1/metrics for vmagent)'
            : '';
    return `HTTP ${code} ${error.message}${body}${hint}`;
  }
  const errno = typeof code === 'string' ? code : (error as { cause?: { code?: unknown } }).cause?.code;
  const hint =
    errno === 'ECONNREFUSED'
      ? ' (is the collector running at that address?)'
      : /retryable/i.test(error.message)
        ? ' (HTTP 429/502/503/504 from the collector, retried until the request timeout)'
        : '';
  return `${error.message}${hint}`;
}
