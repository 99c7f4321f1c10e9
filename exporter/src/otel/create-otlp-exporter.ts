/**
 * The OTLP/HTTP metric exporter for a resolved push configuration.
 */
import { OTLPMetricExporter as OtlpJsonMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { OTLPMetricExporter as OtlpProtobufMetricExporter } from '@opentelemetry/exporter-metrics-otlp-proto';
import { AggregationTemporality, type PushMetricExporter } from '@opentelemetry/sdk-metrics';
import type { ResolvedOtlpConfig } from './resolve-modelwatch-config.js';

/**
 * Builds `@opentelemetry/exporter-metrics-otlp-proto` (`http/protobuf`) or `-otlp-http` (`http/json`) with
 * cumulative temporality forced and the request timeout capped at the export timeout. Only the explicit
 * `url` and `headers` are passed, so the exporter still applies `OTEL_EXPORTER_OTLP_*` endpoints, headers,
 * compression and certificates itself, exactly once.
 * @internal
 */
export function createOtlpExporter(config: ResolvedOtlpConfig): PushMetricExporter {
  const exporterConfig = {
    temporalityPreference: AggregationTemporality.CUMULATIVE,
    timeoutMillis: config.requestTimeoutMillis,
    ...(config.url === undefined ? {} : { url: config.url }),
    ...(config.headers === undefined ? {} : { headers: { ...config.headers } }),
  };
  return config.protocol === 'http/json'
    ? new OtlpJsonMetricExporter(exporterConfig)
    : new OtlpProtobufMetricExporter(exporterConfig);
}
