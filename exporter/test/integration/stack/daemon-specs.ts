import { join } from 'node:path';
import type { DaemonSpec } from './daemon.js';

/** Common inputs of the daemon specs below. */
export interface SpecInput {
  /** Absolute path of the executable. */
  readonly binary: string;
  /** The daemon's own private directory (config, data, working directory). */
  readonly dir: string;
  readonly startTimeoutMs: number;
}

/**
 * Prometheus for tests: remote-write receiver on (vmagent pushes into it), 15 s lookback so a series
 * disappears quickly once its writer stops, lifecycle API on (rule reloads), firing alerts re-sent
 * every second (the default 1 m resend delay loses the first send, made before the Alertmanager is
 * discovered, for a minute), data in `dir`.
 */
export function prometheusSpec(input: SpecInput & { readonly configFile: string }): DaemonSpec {
  return {
    name: 'prometheus',
    binary: input.binary,
    cwd: input.dir,
    readyPath: '/-/ready',
    startTimeoutMs: input.startTimeoutMs,
    args: (port) => [
      `--config.file=${input.configFile}`,
      `--storage.tsdb.path=${join(input.dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--web.enable-remote-write-receiver',
      '--web.enable-lifecycle',
      '--query.lookback-delta=15s',
      '--rules.alert.resend-delay=1s',
    ],
  };
}

/**
 * vmagent for tests: OTLP/protobuf in on `/opentelemetry/v1/metrics`, Prometheus naming
 * (`ml.x` → `ml_x`, unit and `_total` suffixes; without it Prometheus 2.53 rejects the dotted names),
 * remote write to Prometheus through one queue (several queues reorder samples and Prometheus rejects
 * the out-of-order ones), its persistent queue in `dir`.
 */
export function vmagentSpec(
  input: SpecInput & { readonly remoteWriteUrl: string; readonly usePrometheusNaming: boolean },
): DaemonSpec {
  return {
    name: 'vmagent',
    binary: input.binary,
    cwd: input.dir,
    readyPath: '/health',
    startTimeoutMs: input.startTimeoutMs,
    args: (port) => [
      ...(input.usePrometheusNaming ? ['-opentelemetry.usePrometheusNaming'] : []),
      `-remoteWrite.url=${input.remoteWriteUrl}`,
      '-remoteWrite.queues=1',
      '-remoteWrite.flushInterval=200ms',
      `-remoteWrite.tmpDataPath=${join(input.dir, 'remote-write-queue')}`,
      `-httpListenAddr=127.0.0.1:${port}`,
    ],
  };
}

/**
 * Alertmanager for tests: gossip off (`--cluster.listen-address=` empty, else it binds :9094),
 * storage in `dir`. Debian's build reads its default template from /usr/share/prometheus/alertmanager/.
 */
export function alertmanagerSpec(input: SpecInput & { readonly configFile: string }): DaemonSpec {
  return {
    name: 'alertmanager',
    binary: input.binary,
    cwd: input.dir,
    readyPath: '/-/ready',
    startTimeoutMs: input.startTimeoutMs,
    args: (port) => [
      `--config.file=${input.configFile}`,
      `--storage.path=${join(input.dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--cluster.listen-address=',
    ],
  };
}
