/**
 * The real push backend (vmagent → Prometheus) for outage tests, built from the integration harness's
 * daemon specs and orphan-guarded spawn, but on ports fixed at creation so that both daemons can be
 * stopped and started again where the exporter and vmagent expect them (data directories kept, so
 * Prometheus replays its WAL and vmagent its queue).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { prometheusSpec, vmagentSpec } from '../integration/stack/daemon-specs.js';
import type { DaemonSpec } from '../integration/stack/daemon.js';
import { groupAlive, signalGroup, spawnGuarded } from '../integration/stack/guarded-spawn.js';
import { createPrometheusClient, findFreePort, resolveStackBinaries, type PrometheusClient } from '../integration/stack/index.js';
import { renderPrometheusConfig } from '../integration/stack/prometheus-config.js';
import { makeTempDir, removeDir } from '../integration/stack/temp-dir.js';
import { waitUntilReady } from '../integration/stack/wait-until-ready.js';

/** vmagent → Prometheus whose daemons can be stopped and restarted on the same ports. */
export interface RestartableBackend extends PrometheusClient {
  readonly vmagentOtlpUrl: string;
  /** Stops vmagent, then Prometheus (SIGTERM, SIGKILL after 5 s). */
  stopAll(): Promise<void>;
  /** Starts Prometheus, then vmagent, on their original ports; resolves once both are ready. */
  startAll(): Promise<void>;
  /** Stops both daemons and deletes the data. */
  dispose(): Promise<void>;
}

interface Running {
  child: ChildProcess;
  pid: number;
  exited: Promise<void>;
}

async function startOnPort(spec: DaemonSpec, port: number): Promise<Running> {
  const child = spawnGuarded(spec.binary, spec.args(port), spec.cwd);
  const output: string[] = [];
  const keep = (chunk: Buffer): void => {
    output.push(...chunk.toString('utf8').split('\n'));
    output.splice(0, Math.max(0, output.length - 40));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exitReason: string | undefined;
  const exited = new Promise<void>((resolve) => child.once('exit', (code, signal) => {
    exitReason = `exited (${signal ?? code})`;
    resolve();
  }));
  const outcome = await waitUntilReady({ url: `http://127.0.0.1:${port}${spec.readyPath}`, timeoutMs: spec.startTimeoutMs, exited: () => exitReason });
  if (!outcome.ready || child.pid === undefined) {
    if (child.pid !== undefined) signalGroup(child.pid, 'SIGKILL');
    throw new Error(`${spec.name} did not start on port ${port}: ${outcome.ready ? 'no pid' : outcome.reason}\n${output.slice(-40).join('\n')}`);
  }
  return { child, pid: child.pid, exited };
}

async function stopRunning(running: Running | undefined): Promise<void> {
  if (running === undefined) return;
  signalGroup(running.pid, 'SIGTERM');
  const kill = setTimeout(() => signalGroup(running.pid, 'SIGKILL'), 5_000);
  await running.exited;
  clearTimeout(kill);
  signalGroup(running.pid, 'SIGKILL');
  const deadline = Date.now() + 3_000;
  while (groupAlive(running.pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  running.child.stdin?.destroy();
  running.child.stdout?.destroy();
  running.child.stderr?.destroy();
}

/** Starts vmagent → Prometheus on two free ports, in a temporary directory. */
export async function startRestartableBackend(): Promise<RestartableBackend> {
  const binaries = resolveStackBinaries();
  const root = makeTempDir('modelwatch-outage');
  const prometheusDir = join(root, 'prometheus');
  const vmagentDir = join(root, 'vmagent');
  mkdirSync(prometheusDir);
  mkdirSync(vmagentDir);
  const configFile = join(prometheusDir, 'prometheus.yml');
  writeFileSync(configFile, renderPrometheusConfig({}));
  const prometheusPort = await findFreePort();
  const vmagentPort = await findFreePort();
  const prometheusUrl = `http://127.0.0.1:${prometheusPort}`;
  const prometheus = prometheusSpec({ binary: binaries.prometheus, dir: prometheusDir, startTimeoutMs: 30_000, configFile });
  const vmagent = vmagentSpec({ binary: binaries.vmagent, dir: vmagentDir, startTimeoutMs: 30_000, remoteWriteUrl: `${prometheusUrl}/api/v1/write`, usePrometheusNaming: true });
  let running: { prometheus?: Running; vmagent?: Running } = {};
  const stopAll = async () => {
    await stopRunning(running.vmagent);
    await stopRunning(running.prometheus);
    running = {};
  };
  const startAll = async () => {
    running.prometheus = await startOnPort(prometheus, prometheusPort);
    running.vmagent = await startOnPort(vmagent, vmagentPort);
  };
  try {
    await startAll();
  } catch (error) {
    await stopAll();
    removeDir(root);
    throw error;
  }
  return {
    ...createPrometheusClient(prometheusUrl),
    vmagentOtlpUrl: `http://127.0.0.1:${vmagentPort}/opentelemetry/v1/metrics`,
    stopAll,
    startAll,
    dispose: async () => {
      await stopAll();
      removeDir(root);
    },
  };
}
