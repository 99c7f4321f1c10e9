import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { renderDefaultAlertmanagerConfig } from './alertmanager-config.js';
import { startDaemon, type Daemon } from './daemon.js';
import { alertmanagerSpec, prometheusSpec, vmagentSpec } from './daemon-specs.js';
import { createPrometheusClient, type PrometheusClient } from './prometheus-client.js';
import { renderPrometheusConfig, type ScrapeTarget } from './prometheus-config.js';
import { resolveStackBinaries } from './stack-binaries.js';
import { makeTempDir, removeDir } from './temp-dir.js';

/** Options of `startMetricsStack`; every field is optional. */
export interface MetricsStackOptions {
  /** Absolute paths of Prometheus rule files, evaluated every second. */
  readonly ruleFiles?: readonly string[];
  /** Targets Prometheus scrapes every second (the pull path). */
  readonly scrapeTargets?: readonly ScrapeTarget[];
  /** Start an Alertmanager wired to Prometheus; `configFile` replaces the default no-op receiver. */
  readonly alertmanager?: boolean | { readonly configFile?: string };
  /** vmagent settings; `usePrometheusNaming` defaults to true (false only to show why it is needed). */
  readonly vmagent?: { readonly usePrometheusNaming?: boolean };
  /** Limit for each daemon to become ready, in ms (default 30 000). */
  readonly startTimeoutMs?: number;
}

/** A running OTLP → vmagent → Prometheus (→ Alertmanager) stack on 127.0.0.1. */
export interface MetricsStack extends PrometheusClient {
  /** e.g. `http://127.0.0.1:41234`. */
  readonly prometheusUrl: string;
  /** vmagent's base URL. */
  readonly vmagentUrl: string;
  /** Full OTLP/HTTP protobuf metrics endpoint, for `OTLPMetricExporter({ url })`. */
  readonly vmagentOtlpUrl: string;
  /** Set when the stack was started with `alertmanager`. */
  readonly alertmanagerUrl?: string;
  /** The stack's temporary directory (configs, data, queues); deleted by `stop()`. */
  readonly directory: string;
  /** The last output lines of one daemon, for debugging a failed assertion. */
  logs(daemon: 'prometheus' | 'vmagent' | 'alertmanager'): string[];
  /** Stops every daemon (SIGTERM, then SIGKILL) and deletes the temporary directory. Idempotent. */
  stop(): Promise<void>;
}

const OTLP_METRICS_PATH = '/opentelemetry/v1/metrics';

function alertmanagerConfigFile(option: MetricsStackOptions['alertmanager'], dir: string): string | undefined {
  if (option === undefined || option === false) return undefined;
  const given = option === true ? undefined : option.configFile;
  if (given !== undefined) {
    if (!isAbsolute(given) || !existsSync(given)) {
      throw new RangeError(`alertmanager.configFile must be an existing absolute path, got ${JSON.stringify(given)}`);
    }
    return given;
  }
  const path = join(dir, 'alertmanager.yml');
  writeFileSync(path, renderDefaultAlertmanagerConfig());
  return path;
}

function checkTimeout(value: number | undefined): number {
  const timeout = value ?? 30_000;
  if (!Number.isFinite(timeout) || timeout <= 0) {
    throw new RangeError(`startTimeoutMs must be a positive number of milliseconds, got ${String(value)}`);
  }
  return timeout;
}

/**
 * Starts the real metrics backend for a test: Alertmanager (optional), Prometheus with the remote-write
 * receiver and a generated config, then vmagent pushing to it. Each daemon gets a free port, its own
 * temporary directory and its own process group; `stop()` kills them by group, and an orphan guard
 * kills them if the test process dies without calling it. Installs the stack first if `.stack/bin`
 * is missing. Call `stop()` in `afterAll`.
 * @throws {DaemonStartError} with the failing daemon's last output lines (the others are stopped).
 * @example
 * const stack = await startMetricsStack();
 * // new OTLPMetricExporter({ url: stack.vmagentOtlpUrl }) ... then:
 * await stack.waitFor('ml_observations_total{ml_model_name="fraud"}');
 * await stack.stop();
 */
export async function startMetricsStack(options: MetricsStackOptions = {}): Promise<MetricsStack> {
  const startTimeoutMs = checkTimeout(options.startTimeoutMs);
  const binaries = resolveStackBinaries();
  const root = makeTempDir('modelwatch-stack');
  const daemons: Daemon[] = [];
  const stop = async (): Promise<void> => {
    // vmagent first so it does not retry against a Prometheus that is going away
    for (const daemon of [...daemons].reverse()) await daemon.stop();
    removeDir(root);
  };
  const dirFor = (name: string): string => {
    const dir = join(root, name);
    mkdirSync(dir);
    return dir;
  };

  try {
    const prometheusDir = dirFor('prometheus');
    const alertmanagerDir = dirFor('alertmanager');
    const alertmanagerConfig = alertmanagerConfigFile(options.alertmanager, alertmanagerDir);
    const prometheusConfig = join(prometheusDir, 'prometheus.yml');
    let alertmanager: Daemon | undefined;
    if (alertmanagerConfig !== undefined) {
      alertmanager = await startDaemon(
        alertmanagerSpec({ binary: binaries.alertmanager, dir: alertmanagerDir, startTimeoutMs, configFile: alertmanagerConfig }),
      );
      daemons.push(alertmanager);
    }
    writeFileSync(
      prometheusConfig,
      renderPrometheusConfig({
        ...(options.ruleFiles ? { ruleFiles: options.ruleFiles } : {}),
        ...(options.scrapeTargets ? { scrapeTargets: options.scrapeTargets } : {}),
        ...(alertmanager ? { alertmanagerAddress: `127.0.0.1:${alertmanager.port}` } : {}),
      }),
    );
    const prometheus = await startDaemon(
      prometheusSpec({ binary: binaries.prometheus, dir: prometheusDir, startTimeoutMs, configFile: prometheusConfig }),
    );
    daemons.push(prometheus);
    const vmagent = await startDaemon(
      vmagentSpec({
        binary: binaries.vmagent,
        dir: dirFor('vmagent'),
        startTimeoutMs,
        remoteWriteUrl: `${prometheus.url}/api/v1/write`,
        usePrometheusNaming: options.vmagent?.usePrometheusNaming ?? true,
      }),
    );
    daemons.push(vmagent);

    const byName = new Map(daemons.map((daemon) => [daemon.name, daemon]));
    return {
      ...createPrometheusClient(prometheus.url),
      prometheusUrl: prometheus.url,
      vmagentUrl: vmagent.url,
      vmagentOtlpUrl: vmagent.url + OTLP_METRICS_PATH,
      ...(alertmanager ? { alertmanagerUrl: alertmanager.url } : {}),
      directory: root,
      logs: (name) => byName.get(name)?.logTail() ?? [],
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
