/** OpenTelemetry setup: `startModelwatch()` and its configuration resolution. */
export { startModelwatch, EXPORT_FAILURES_METRIC, MODELWATCH_SCOPE } from './start-modelwatch.js';
export type { ModelwatchHandle } from './start-modelwatch.js';
export {
  resolveModelwatchConfig,
  DEFAULT_EXPORT_INTERVAL_MILLIS,
  DEFAULT_EXPORT_TIMEOUT_MILLIS,
  DEFAULT_OTLP_REQUEST_TIMEOUT_MILLIS,
  DEFAULT_PROTOCOL,
  DEFAULT_CARDINALITY_LIMIT,
} from './resolve-modelwatch-config.js';
export type { ResolvedModelwatchConfig, ResolvedOtlpConfig } from './resolve-modelwatch-config.js';
export type { StartModelwatchOptions, PrometheusPullOptions, OtlpHttpProtocol } from './start-modelwatch-options.js';
export type { Environment } from './otel-environment.js';
