/**
 * The options of `startModelwatch`, their zod schema and their validation.
 */
import { z } from 'zod';
import { valueAt } from '../util/value-at-path.js';

/** OTLP/HTTP encodings `startModelwatch` can send (`grpc` is not supported). */
export type OtlpHttpProtocol = 'http/protobuf' | 'http/json';

/** The pull path: an `@opentelemetry/exporter-prometheus` endpoint for a Prometheus to scrape. */
export interface PrometheusPullOptions {
  /** TCP port of the `/metrics` endpoint (the exporter's default is 9464 or `OTEL_EXPORTER_PROMETHEUS_PORT`). */
  readonly port?: number;
  /** Interface to listen on (default `0.0.0.0`, or `OTEL_EXPORTER_PROMETHEUS_HOST`). */
  readonly host?: string;
  /** Path of the endpoint (default `/metrics`). */
  readonly endpoint?: string;
}

/** Options of `startModelwatch`; each one overrides the matching standard environment variable. */
export interface StartModelwatchOptions {
  /** OTLP encoding; default `http/protobuf` (the only one vmagent and VictoriaMetrics accept). */
  readonly protocol?: OtlpHttpProtocol;
  /** Full OTLP metrics URL, e.g. `http://vmagent:8429/opentelemetry/v1/metrics` (overrides `OTEL_EXPORTER_OTLP_*ENDPOINT`). */
  readonly url?: string;
  /** Extra HTTP headers of each OTLP request, merged over `OTEL_EXPORTER_OTLP_*HEADERS` (these win per key). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Period between two OTLP exports in ms (default 60 000 or `OTEL_METRIC_EXPORT_INTERVAL`). */
  readonly exportIntervalMillis?: number;
  /** Limit of one export in ms, and of `shutdown()` (default 30 000 or `OTEL_METRIC_EXPORT_TIMEOUT`). */
  readonly exportTimeoutMillis?: number;
  /** Push over OTLP (default true, unless `OTEL_METRICS_EXPORTER` leaves `otlp` out). */
  readonly otlp?: boolean;
  /** Serve a Prometheus scrape endpoint (default off, unless `OTEL_METRICS_EXPORTER` names `prometheus`). */
  readonly prometheus?: PrometheusPullOptions | false;
  /** `service.name` of the resource (overrides `OTEL_SERVICE_NAME`). */
  readonly serviceName?: string;
  /** Resource attributes, merged over `OTEL_RESOURCE_ATTRIBUTES` (these win per key). */
  readonly resourceAttributes?: Readonly<Record<string, string | number | boolean>>;
  /** Register the provider as the global one of `@opentelemetry/api` (default true). */
  readonly setGlobal?: boolean;
  /**
   * Most series (attribute sets) per instrument and reader, on both the push and the pull path (default 20 000;
   * sdk-metrics' own default is 2 000). Series past it are folded by the SDK into one `otel.metric.overflow="true"`
   * series. A model monitor exports one `ml.feature.bin.observations` series per feature and bin: 200 features × 10
   * bins is 1 960 series already. Raising it costs memory only for series that really exist.
   */
  readonly cardinalityLimit?: number;
}

/** The highest `cardinalityLimit` accepted (a guard against a typo that would let a runaway attribute eat the heap). */
export const MAX_CARDINALITY_LIMIT = 10_000_000;

const positiveMillis = z
  .number({ error: 'must be a number of milliseconds' })
  .int({ error: 'must be a whole number of milliseconds' })
  .positive({ error: 'must be > 0 milliseconds' })
  .max(2_147_483_647, { error: 'must be at most 2147483647 milliseconds (the setInterval limit)' });

const httpUrl = z.string({ error: 'must be a string URL' }).refine(
  (value) => {
    try {
      const { protocol } = new URL(value);
      return protocol === 'http:' || protocol === 'https:';
    } catch {
      return false;
    }
  },
  { error: 'must be an absolute http:// or https:// URL' },
);

const prometheusSchema = z.strictObject(
  {
    port: z
      .number({ error: 'must be a TCP port number' })
      .int({ error: 'must be a whole TCP port number' })
      .min(1, { error: 'must be a TCP port in 1..65535' })
      .max(65_535, { error: 'must be a TCP port in 1..65535' })
      .optional(),
    host: z.string({ error: 'must be a host name or IP address' }).min(1, { error: 'must not be empty' }).optional(),
    endpoint: z
      .string({ error: 'must be a path such as /metrics' })
      .regex(/^\/\S*$/, { error: 'must be a path starting with / such as /metrics' })
      .optional(),
  },
  { error: 'must be { port?, host?, endpoint? } or false' },
);

/** The zod schema of {@link StartModelwatchOptions}; unknown keys are refused. @internal */
export const startModelwatchOptionsSchema = z.strictObject(
  {
    protocol: z.enum(['http/protobuf', 'http/json'], { error: "must be 'http/protobuf' or 'http/json'" }).optional(),
    url: httpUrl.optional(),
    headers: z.record(z.string(), z.string({ error: 'header values must be strings' }), { error: 'must be an object of header names to string values' }).optional(),
    exportIntervalMillis: positiveMillis.optional(),
    exportTimeoutMillis: positiveMillis.optional(),
    otlp: z.boolean({ error: 'must be true or false' }).optional(),
    prometheus: z.union([z.literal(false), prometheusSchema], { error: 'must be { port?, host?, endpoint? } or false' }).optional(),
    serviceName: z.string({ error: 'must be a string' }).min(1, { error: 'must not be empty' }).optional(),
    resourceAttributes: z
      .record(z.string(), z.union([z.string(), z.number(), z.boolean()]), {
        error: 'must be an object of attribute names to string, number or boolean values',
      })
      .optional(),
    setGlobal: z.boolean({ error: 'must be true or false' }).optional(),
    cardinalityLimit: z
      .number({ error: 'must be a number of series' })
      .int({ error: 'must be a whole number of series' })
      .min(1, { error: 'must be at least 1 series' })
      .max(MAX_CARDINALITY_LIMIT, { error: `must be at most ${MAX_CARDINALITY_LIMIT} series` })
      .optional(),
  },
  { error: 'must be an object' },
);

/**
 * Validates the options of `startModelwatch`. A wrong type throws a `TypeError`, a value out of range or an
 * unknown option a `RangeError`; the message names the field and the value, e.g.
 * `startModelwatch: options.exportIntervalMillis must be > 0 milliseconds, got -5`.
 * @internal
 */
export function parseStartModelwatchOptions(options: unknown): StartModelwatchOptions {
  const result = startModelwatchOptionsSchema.safeParse(options ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue === undefined) throw new TypeError('startModelwatch: options are invalid');
  if (issue.code === 'unrecognized_keys') {
    const where = issue.path.length === 0 ? 'options' : `options.${formatPath(issue.path)}`;
    throw new RangeError(
      `startModelwatch: ${where} has unknown option(s) ${issue.keys.map((key) => JSON.stringify(key)).join(', ')}`,
    );
  }
  const field = issue.path.length === 0 ? 'options' : `options.${formatPath(issue.path)}`;
  const value = valueAt(options, issue.path);
  // header values are often credentials: name their type, never their content
  const shown = issue.path[0] === 'headers' && issue.path.length > 1 ? `a ${typeof value}` : describeValue(value);
  const message = `startModelwatch: ${field} ${issue.message}, got ${shown}`;
  // zod reports a fractional number for .int() as invalid_type (expected 'int'): that is a range problem
  const wrongType = (issue.code === 'invalid_type' && issue.expected !== 'int') || issue.code === 'invalid_union';
  throw wrongType ? new TypeError(message) : new RangeError(message);
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((key, index) => (typeof key === 'number' ? `[${key}]` : index === 0 ? String(key) : `.${String(key)}`)).join('');
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  if (typeof value === 'function') return 'a function';
  try {
    return JSON.stringify(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
