/**
 * `startModelwatch()`: the one-call OpenTelemetry metrics setup of a service that uses modelwatch.
 */
import { diag, metrics, ValueType } from '@opentelemetry/api';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { MeterProvider, PeriodicExportingMetricReader, type IMetricReader } from '@opentelemetry/sdk-metrics';
import { attachMonitorMetricProducer, MonitorMetricProducer } from '../monitor/monitor-metric-producer.js';
import { VERSION } from '../version.js';
import { buildResource } from './build-resource.js';
import { createOtlpExporter } from './create-otlp-exporter.js';
import { FailureCountingExporter } from './failure-counting-exporter.js';
import type { Environment } from './otel-environment.js';
import { resolveModelwatchConfig, type ResolvedModelwatchConfig } from './resolve-modelwatch-config.js';
import type { StartModelwatchOptions } from './start-modelwatch-options.js';

/** OTel name of the counter of failed exports (Prometheus: `ml_export_failures_total` on both paths). */
export const EXPORT_FAILURES_METRIC = 'ml.export.failures';
/** Instrumentation scope of the metrics `startModelwatch` itself records. */
export const MODELWATCH_SCOPE = '@modelwatch/otel';

/** What `startModelwatch` returns. */
export interface ModelwatchHandle {
  /** The provider to pass to `createModelMonitor` (or let it find the global one). */
  readonly meterProvider: MeterProvider;
  /** The configuration in effect (options over environment over defaults). */
  readonly config: ResolvedModelwatchConfig;
  /** OTLP exports that failed (backend down, HTTP 4xx/5xx, timeout) since the start. */
  readonly failedExports: number;
  /** Collects and exports now; resolves (never rejects) once the export finished or failed. */
  forceFlush(): Promise<void>;
  /** Flushes, stops the readers and the pull server, unregisters the global provider; resolves within the export timeout. Idempotent. */
  shutdown(): Promise<void>;
}

/**
 * Sets up OpenTelemetry metrics for modelwatch in one call: a `MeterProvider` (resource from `OTEL_SERVICE_NAME`,
 * `OTEL_RESOURCE_ATTRIBUTES` and the options) with a `PeriodicExportingMetricReader` over the OTLP/HTTP exporter
 * (**protobuf** by default, **cumulative** temporality always) and/or a `PrometheusExporter` pull endpoint,
 * registered as the global meter provider unless `setGlobal: false`. Each reader keeps up to `cardinalityLimit`
 * series per instrument (default 20 000, ten times the SDK's default, which a 200-feature monitor's bin counters fill). Follows the OpenTelemetry SDK environment
 * variable specification (explicit options win); see `resolveModelwatchConfig` for which variable is read where.
 *
 * Never hurts the host: export failures go to `diag` and `failedExports` (also exported as the counter
 * `ml.export.failures`), `forceFlush()` and `shutdown()` never reject, and a down backend delays `shutdown()` by
 * at most the export timeout. Only invalid options throw, synchronously.
 *
 * @param options overrides of the environment; see {@link StartModelwatchOptions}.
 * @param env the environment to read (default `process.env`); the exporter packages always read `process.env`.
 * @throws {TypeError | RangeError} naming the field and value of an invalid option.
 * @example
 * const modelwatch = startModelwatch({ serviceName: 'fraud-api' }); // OTEL_EXPORTER_OTLP_ENDPOINT=http://vmagent:8429/opentelemetry
 * const monitor = createModelMonitor({ model: { name: 'fraud', version: '3' }, reference });
 * process.on('SIGTERM', () => void modelwatch.shutdown());
 */
export function startModelwatch(options?: StartModelwatchOptions, env: Environment = process.env): ModelwatchHandle {
  const config = resolveModelwatchConfig(options ?? {}, env);
  for (const warning of config.warnings) diag.warn(`modelwatch: ${warning}`);

  const readers: IMetricReader[] = [];
  // Monitors created on this provider export their series through this producer (pre-built points, no SDK aggregation).
  const monitorMetrics = new MonitorMetricProducer({ cardinalityLimit: config.cardinalityLimit });
  let pushExporter: FailureCountingExporter | undefined;
  if (config.otlp !== undefined) {
    pushExporter = new FailureCountingExporter(
      createOtlpExporter(config.otlp),
      `${config.otlp.destination} (${config.otlp.protocol})`,
    );
    readers.push(
      new PeriodicExportingMetricReader({
        exporter: pushExporter,
        exportIntervalMillis: config.exportIntervalMillis,
        exportTimeoutMillis: config.exportTimeoutMillis,
        cardinalityLimits: { default: config.cardinalityLimit },
        metricProducers: [monitorMetrics],
      }),
    );
  }
  if (config.prometheus !== undefined) {
    const { port, host, endpoint } = config.prometheus;
    readers.push(
      new LimitedPrometheusExporter(config.cardinalityLimit, { ...(port === undefined ? {} : { port }), ...(host === undefined ? {} : { host }), ...(endpoint === undefined ? {} : { endpoint }), metricProducers: [monitorMetrics] }, (error) => {
        if (error) diag.error(`modelwatch: the Prometheus pull endpoint could not start: ${String(error)}`);
      }),
    );
  }
  if (readers.length === 0) diag.warn('modelwatch: neither OTLP push nor Prometheus pull is enabled; metrics are recorded but not exported');

  const meterProvider = new MeterProvider({ resource: buildResource(config.resource), readers });
  attachMonitorMetricProducer(meterProvider, monitorMetrics);
  const failedExports = (): number => pushExporter?.failedExports ?? 0;
  if (pushExporter !== undefined) {
    meterProvider
      .getMeter(MODELWATCH_SCOPE, VERSION)
      .createObservableCounter(EXPORT_FAILURES_METRIC, {
        description: 'OTLP metric exports that failed (backend down, HTTP error, timeout) since the process started',
        unit: '{export}',
        valueType: ValueType.INT,
      })
      .addCallback((result) => result.observe(failedExports()));
  }
  const registeredGlobally = config.setGlobal && registerGlobally(meterProvider);

  let shutdownPromise: Promise<void> | undefined;
  return {
    meterProvider,
    config,
    get failedExports() {
      return failedExports();
    },
    forceFlush: () => settleWithin(meterProvider.forceFlush(), config.exportTimeoutMillis, 'forceFlush'),
    shutdown: () => {
      shutdownPromise ??= (async () => {
        if (registeredGlobally && metrics.getMeterProvider() === meterProvider) metrics.disable();
        await settleWithin(meterProvider.shutdown(), config.exportTimeoutMillis, 'shutdown');
      })();
      return shutdownPromise;
    },
  };
}

/** The pull exporter with a cardinality limit: `PrometheusExporter` takes no limit option, so the reader's selector is overridden. */
class LimitedPrometheusExporter extends PrometheusExporter {
  constructor(private readonly cardinalityLimit: number, ...rest: ConstructorParameters<typeof PrometheusExporter>) {
    super(...rest);
  }

  override selectCardinalityLimit(): number {
    return this.cardinalityLimit;
  }
}

function registerGlobally(meterProvider: MeterProvider): boolean {
  const registered = metrics.setGlobalMeterProvider(meterProvider);
  if (!registered) {
    diag.warn(
      'modelwatch: a global MeterProvider is already registered, so this one was not made global; ' +
        'pass handle.meterProvider to createModelMonitor, or start with setGlobal: false',
    );
  }
  return registered;
}

/** Resolves when `work` settles or after `limitMillis`, whichever is first; logs instead of rejecting. */
async function settleWithin(work: Promise<void>, limitMillis: number, what: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), limitMillis);
    timer.unref();
  });
  try {
    const outcome = await Promise.race([work.then(() => 'done' as const), deadline]);
    if (outcome === 'timeout') diag.warn(`modelwatch: ${what} did not finish within the export timeout (${limitMillis} ms); pending exports are abandoned`);
  } catch (error) {
    diag.error(`modelwatch: ${what} failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    clearTimeout(timer);
  }
}
