/**
 * The pure part of `startModelwatch`: options + environment → the configuration to build.
 */
import {
  readBoolean,
  readFirstString,
  readList,
  readPositiveMillis,
  readString,
  type Environment,
} from './otel-environment.js';
import {
  parseStartModelwatchOptions,
  type OtlpHttpProtocol,
  type PrometheusPullOptions,
  type StartModelwatchOptions,
} from './start-modelwatch-options.js';

/** How the push path is set up. `url`/`headers` hold the explicit options only: the exporter reads the environment itself. */
export interface ResolvedOtlpConfig {
  readonly protocol: OtlpHttpProtocol;
  /** Where the protocol came from: `option`, the variable's name, or `default`. */
  readonly protocolSource: string;
  /** From `options.url`; when absent the exporter uses `OTEL_EXPORTER_OTLP_METRICS_ENDPOINT`, then `OTEL_EXPORTER_OTLP_ENDPOINT` + `/v1/metrics`, then `http://localhost:4318/v1/metrics`. */
  readonly url: string | undefined;
  /** The URL the exporter will post to, worked out the exporter's way; for log messages only. */
  readonly destination: string;
  /** From `options.headers`; the exporter merges them over `OTEL_EXPORTER_OTLP_METRICS_HEADERS` / `OTEL_EXPORTER_OTLP_HEADERS`. */
  readonly headers: Readonly<Record<string, string>> | undefined;
  /** Limit of one HTTP request including retries: `OTEL_EXPORTER_OTLP_[METRICS_]TIMEOUT` (default 10 000), never above the export timeout. */
  readonly requestTimeoutMillis: number;
  /** Always cumulative: vmagent (and so Prometheus behind it) silently drops delta counters and histograms. */
  readonly temporality: 'cumulative';
}

/** Everything `startModelwatch` builds, resolved from the options, then the environment, then the defaults. */
export interface ResolvedModelwatchConfig {
  /** The push path, or undefined when it is off. */
  readonly otlp: ResolvedOtlpConfig | undefined;
  /** The pull path, or undefined when it is off; unset fields fall back to `OTEL_EXPORTER_PROMETHEUS_HOST`/`_PORT` (read by the exporter). */
  readonly prometheus: PrometheusPullOptions | undefined;
  readonly exportIntervalMillis: number;
  readonly exportTimeoutMillis: number;
  /** Resource overrides applied over `OTEL_SERVICE_NAME` / `OTEL_RESOURCE_ATTRIBUTES`. */
  readonly resource: {
    readonly serviceName: string | undefined;
    readonly attributes: Readonly<Record<string, string | number | boolean>>;
  };
  readonly setGlobal: boolean;
  /** Most series per instrument and reader (`options.cardinalityLimit`, default {@link DEFAULT_CARDINALITY_LIMIT}). */
  readonly cardinalityLimit: number;
  /** Environment values that were ignored or adjusted, to be logged through `diag.warn`. */
  readonly warnings: readonly string[];
}

/** Default period between two exports (OpenTelemetry's `OTEL_METRIC_EXPORT_INTERVAL` default). */
export const DEFAULT_EXPORT_INTERVAL_MILLIS = 60_000;
/** Default limit of one export (OpenTelemetry's `OTEL_METRIC_EXPORT_TIMEOUT` default). */
export const DEFAULT_EXPORT_TIMEOUT_MILLIS = 30_000;
/** Default limit of one OTLP request (OpenTelemetry's `OTEL_EXPORTER_OTLP_TIMEOUT` default). */
export const DEFAULT_OTLP_REQUEST_TIMEOUT_MILLIS = 10_000;
/**
 * Default most series per instrument and reader: 10 × sdk-metrics' 2 000, so that a 1 000-feature monitor with
 * 10 bins and 10 segments fits (`ml.feature.bin.observations` has features × bins series).
 */
export const DEFAULT_CARDINALITY_LIMIT = 20_000;
/** The OTLP encoding used when neither an option nor the environment names one. */
export const DEFAULT_PROTOCOL: OtlpHttpProtocol = 'http/protobuf';

const PROTOCOL_VARIABLES = ['OTEL_EXPORTER_OTLP_METRICS_PROTOCOL', 'OTEL_EXPORTER_OTLP_PROTOCOL'] as const;
const KNOWN_EXPORTERS = new Set(['otlp', 'prometheus', 'none']);

/**
 * Resolves the configuration of `startModelwatch` without side effects: each explicit option wins over its
 * standard environment variable, which wins over the default. Invalid options throw (naming the field and the
 * value); invalid environment values are ignored and listed in `warnings`, never thrown.
 *
 * Read here: `OTEL_EXPORTER_OTLP_METRICS_PROTOCOL` / `OTEL_EXPORTER_OTLP_PROTOCOL`, `OTEL_METRIC_EXPORT_INTERVAL`,
 * `OTEL_METRIC_EXPORT_TIMEOUT`, `OTEL_METRICS_EXPORTER`, `OTEL_SDK_DISABLED`, `OTEL_EXPORTER_OTLP_[METRICS_]TIMEOUT`
 * (only to cap it at the export timeout) and `OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE` (only to warn that it
 * is overridden). Left to the packages that already read them: endpoints, headers, compression and TLS files
 * (`@opentelemetry/exporter-metrics-otlp-*`), `OTEL_SERVICE_NAME` / `OTEL_RESOURCE_ATTRIBUTES` (`envDetector`),
 * `OTEL_EXPORTER_PROMETHEUS_HOST` / `_PORT` (`@opentelemetry/exporter-prometheus`).
 *
 * @throws {TypeError | RangeError} on an invalid option, e.g. `startModelwatch: options.protocol must be 'http/protobuf' or 'http/json', got "grpc"`.
 * @example
 * resolveModelwatchConfig({ exportIntervalMillis: 5000 }, { OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' });
 * // → { otlp: { protocol: 'http/json', protocolSource: 'OTEL_EXPORTER_OTLP_PROTOCOL', ... }, exportIntervalMillis: 5000,
 * //     exportTimeoutMillis: 5000, warnings: [], ... }
 */
export function resolveModelwatchConfig(options: unknown = {}, env: Environment = {}): ResolvedModelwatchConfig {
  const parsed = parseStartModelwatchOptions(options);
  const warnings: string[] = [];
  const { exportIntervalMillis, exportTimeoutMillis } = resolveSchedule(parsed, env, warnings);
  const sdkDisabled = readBoolean(env, 'OTEL_SDK_DISABLED');
  const exporters = resolveExporters(parsed, env, warnings);
  return {
    otlp: exporters.otlp && !sdkDisabled ? resolveOtlp(parsed, env, exportTimeoutMillis, warnings) : undefined,
    prometheus: sdkDisabled ? undefined : exporters.prometheus,
    exportIntervalMillis,
    exportTimeoutMillis,
    resource: { serviceName: parsed.serviceName, attributes: { ...(parsed.resourceAttributes ?? {}) } },
    setGlobal: parsed.setGlobal ?? true,
    cardinalityLimit: parsed.cardinalityLimit ?? DEFAULT_CARDINALITY_LIMIT,
    warnings,
  };
}

function resolveSchedule(
  options: StartModelwatchOptions,
  env: Environment,
  warnings: string[],
): { exportIntervalMillis: number; exportTimeoutMillis: number } {
  const intervalFromEnv = readPositiveMillis(env, ['OTEL_METRIC_EXPORT_INTERVAL']);
  const timeoutFromEnv = readPositiveMillis(env, ['OTEL_METRIC_EXPORT_TIMEOUT']);
  for (const read of [intervalFromEnv, timeoutFromEnv]) if ('warning' in read && read.warning) warnings.push(read.warning);
  const exportIntervalMillis = options.exportIntervalMillis ?? intervalFromEnv.value ?? DEFAULT_EXPORT_INTERVAL_MILLIS;
  const timeout = options.exportTimeoutMillis ?? timeoutFromEnv.value;
  if (timeout === undefined || timeout <= exportIntervalMillis) {
    return { exportIntervalMillis, exportTimeoutMillis: Math.min(timeout ?? DEFAULT_EXPORT_TIMEOUT_MILLIS, exportIntervalMillis) };
  }
  if (options.exportIntervalMillis !== undefined && options.exportTimeoutMillis !== undefined) {
    throw new RangeError(
      `startModelwatch: options.exportTimeoutMillis must be <= options.exportIntervalMillis (${exportIntervalMillis}), got ${timeout}`,
    );
  }
  warnings.push(`export timeout ${timeout} ms exceeds the export interval ${exportIntervalMillis} ms; using ${exportIntervalMillis} ms`);
  return { exportIntervalMillis, exportTimeoutMillis: exportIntervalMillis };
}

function resolveExporters(
  options: StartModelwatchOptions,
  env: Environment,
  warnings: string[],
): { otlp: boolean; prometheus: PrometheusPullOptions | undefined } {
  const listed = readList(env, 'OTEL_METRICS_EXPORTER');
  for (const name of listed ?? []) {
    if (!KNOWN_EXPORTERS.has(name)) warnings.push(`OTEL_METRICS_EXPORTER names "${name}", which startModelwatch does not support; ignored`);
  }
  const otlp = options.otlp ?? (listed === undefined ? true : listed.includes('otlp'));
  let prometheus: PrometheusPullOptions | undefined;
  if (options.prometheus !== undefined) prometheus = options.prometheus === false ? undefined : { ...options.prometheus };
  else if (listed?.includes('prometheus')) prometheus = {};
  return { otlp, prometheus };
}

function resolveOtlp(
  options: StartModelwatchOptions,
  env: Environment,
  exportTimeoutMillis: number,
  warnings: string[],
): ResolvedOtlpConfig {
  const { protocol, protocolSource } = resolveProtocol(options, env, warnings);
  const requestTimeout = readPositiveMillis(env, ['OTEL_EXPORTER_OTLP_METRICS_TIMEOUT', 'OTEL_EXPORTER_OTLP_TIMEOUT']);
  if ('warning' in requestTimeout && requestTimeout.warning) warnings.push(requestTimeout.warning);
  const temporality = readString(env, 'OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE');
  if (temporality !== undefined && temporality.toLowerCase() !== 'cumulative') {
    warnings.push(
      `OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE=${JSON.stringify(temporality)} ignored: modelwatch exports cumulative ` +
        'temporality, because vmagent and Prometheus drop delta counters and histograms without an error',
    );
  }
  return {
    protocol,
    protocolSource,
    url: options.url,
    destination: options.url ?? describeEnvironmentEndpoint(env),
    headers: options.headers === undefined ? undefined : { ...options.headers },
    requestTimeoutMillis: Math.min(requestTimeout.value ?? DEFAULT_OTLP_REQUEST_TIMEOUT_MILLIS, exportTimeoutMillis),
    temporality: 'cumulative',
  };
}

function resolveProtocol(
  options: StartModelwatchOptions,
  env: Environment,
  warnings: string[],
): { protocol: OtlpHttpProtocol; protocolSource: string } {
  if (options.protocol !== undefined) return { protocol: options.protocol, protocolSource: 'option' };
  const found = readFirstString(env, PROTOCOL_VARIABLES);
  if (found === undefined) return { protocol: DEFAULT_PROTOCOL, protocolSource: 'default' };
  const value = found.value.toLowerCase();
  if (value === 'http/protobuf' || value === 'http/json') return { protocol: value, protocolSource: found.variable };
  warnings.push(
    `${found.variable}=${JSON.stringify(found.value)} is not supported (use http/protobuf or http/json); using ${DEFAULT_PROTOCOL}`,
  );
  return { protocol: DEFAULT_PROTOCOL, protocolSource: 'default' };
}

function describeEnvironmentEndpoint(env: Environment): string {
  const specific = readString(env, 'OTEL_EXPORTER_OTLP_METRICS_ENDPOINT');
  if (specific !== undefined) return specific;
  const base = readString(env, 'OTEL_EXPORTER_OTLP_ENDPOINT');
  if (base !== undefined) return `${base.endsWith('/') ? base : `${base}/`}v1/metrics`;
  return 'http://localhost:4318/v1/metrics';
}
