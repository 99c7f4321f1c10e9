/**
 * Fleet-wide drift on the real stack: two monitor replicas in separate processes (test/fleet-replica.mjs,
 * the built `@modelwatch/otel`) each push half of the traffic over OTLP → vmagent → Prometheus, which
 * evaluates the generated fleet recording rules every second. The recorded fleet PSI equals the PSI the
 * library computes in-process on all of the traffic (within 1e-6) and differs from each replica's own;
 * the Jensen-Shannon record matches the in-process distance the same way.
 *
 * Why it can be exact: each replica pushes exactly four samples per counter, the first one at 0, so
 * Prometheus' `increase()` extrapolates every series of every replica by the same factor, and the shares
 * of the summed increases are the shares of the summed counts.
 */
import { jest } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createModelMonitor } from '../../exporter/src/monitor/index.js';
import { buildProfile } from '../../exporter/src/profile/index.js';
import { categoricalSample, normalSample } from '../../exporter/test/support/synthetic.js';
import { startMetricsStack, type MetricsStack } from '../../exporter/test/integration/stack/index.js';
import { defaultConfig, type AlertRulesConfig } from '../src/config.js';
import { fleetRecordNames } from '../src/fleet-drift-rules.js';
import { renderRuleFiles } from '../src/render-rule-files.js';
import { WORKSPACE_DIR } from './tools.js';

jest.setTimeout(50_000);

const MODEL = { name: 'fleet', version: '1' };
const WINDOW = '10m';
const CONFIG: AlertRulesConfig = { ...defaultConfig, evaluationInterval: '1s', fleetDrift: { ...defaultConfig.fleetDrift, windows: [WINDOW], alertWindow: WINDOW } };
const PSI_RECORD = fleetRecordNames(WINDOW).psi;
const JS_RECORD = fleetRecordNames(WINDOW).jensenShannon;
const FEATURES = ['amount', 'channel'];

const reference = buildProfile({
  amount: normalSample(3000, 100, 15, 501),
  channel: categoricalSample(3000, { web: 0.5, app: 0.3, store: 0.2 }, 502),
});
/** Replica a sees shifted, app-heavy traffic; replica b traffic like the reference: the fleet is the mixture. */
const halves = {
  a: { amount: normalSample(900, 112, 15, 601), channel: categoricalSample(900, { web: 0.2, app: 0.6, store: 0.2 }, 602) },
  b: { amount: normalSample(1100, 99, 16, 603), channel: categoricalSample(1100, { web: 0.55, app: 0.25, store: 0.2 }, 604) },
};

interface ReplicaReport {
  instance: string;
  psi: Record<string, number | null>;
}

/** Runs one replica process to completion (bounded by 30 s) and returns its report line. */
function runReplica(job: Record<string, unknown>): Promise<ReplicaReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(WORKSPACE_DIR, 'test', 'fleet-replica.mjs'), JSON.stringify(job)], { cwd: WORKSPACE_DIR, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code !== 0) reject(new Error(`replica ${String(job.instance)} exited with ${String(code)}: ${stderr}`));
      else resolve(JSON.parse(stdout.trim()) as ReplicaReport);
    });
  });
}

/** In-process drift score (PSI by default) per feature, and the number of reference bins, of one monitor that saw `columns`. */
function inProcess(columns: Record<string, (number | string)[]>[], method: 'psi' | 'jensen_shannon' = 'psi'): { psi: Record<string, number>; bins: number } {
  const monitor = createModelMonitor({ model: MODEL, reference, features: Object.fromEntries(FEATURES.map((name) => [name, { method }])) });
  for (const batch of columns) monitor.observeBatch(batch);
  const { features } = monitor.snapshot();
  monitor.shutdown();
  return {
    psi: Object.fromEntries(features.map((feature) => [feature.name, feature.drift?.score ?? Number.NaN])),
    bins: features.reduce((total, feature) => total + feature.binCounts.length, 0),
  };
}

let dir = '';
let stack: MetricsStack | undefined;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'modelwatch-fleet-live-'));
  const rulePath = join(dir, 'fleet-drift.rules.yaml');
  writeFileSync(rulePath, renderRuleFiles(CONFIG).get('fleet-drift.rules.yaml') ?? '');
  stack = await startMetricsStack({ ruleFiles: [rulePath] });
});

afterAll(async () => {
  await stack?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('two replica processes: the recorded fleet PSI equals the in-process PSI of all traffic and differs from each replica', async () => {
  const live = stack as MetricsStack;
  const profilePath = join(dir, 'profile.json');
  writeFileSync(profilePath, JSON.stringify(reference));
  const jobs = Object.entries(halves).map(([instance, rows]) => {
    const rowsPath = join(dir, `rows-${instance}.json`);
    writeFileSync(rowsPath, JSON.stringify(rows));
    return { otlpUrl: live.vmagentOtlpUrl, instance, model: MODEL, profilePath, rowsPath };
  });
  const reports = await Promise.all(jobs.map(runReplica));

  // every counter series of both replicas has its four samples in Prometheus...
  const selector = `ml_feature_bin_observations_total{ml_model_name="${MODEL.name}"}`;
  const all = inProcess([halves.a, halves.b]);
  await live.waitFor(
    `count_over_time(${selector}[${WINDOW}])`,
    (samples) => samples.length === 2 * all.bins && samples.every((sample) => sample.value === 4),
    15_000,
  );
  const complete = Date.now() / 1000;
  // ...and the rules were evaluated after that
  const fleet = await live.waitFor(`${PSI_RECORD} and timestamp(${PSI_RECORD}) > ${complete}`, (samples) => samples.length === FEATURES.length, 10_000);

  const expected = all.psi;
  const recorded = Object.fromEntries(fleet.map((sample) => [sample.metric.ml_feature_name, sample.value]));
  const replicas = Object.fromEntries(reports.map((report) => [report.instance, report.psi]));
  console.log(`fleet PSI (recording rule vs in-process on all traffic): ${JSON.stringify({ recorded, expected, replicas })}`);
  for (const feature of FEATURES) {
    expect(expected[feature]).toBeGreaterThan(0.01);
    expect({ feature, difference: Math.abs((recorded[feature] ?? Number.NaN) - (expected[feature] ?? Number.NaN)) < 1e-6 }).toEqual({ feature, difference: true });
    for (const [instance, own] of Object.entries(replicas)) {
      expect({ feature, instance, differs: Math.abs((own[feature] ?? Number.NaN) - (expected[feature] ?? Number.NaN)) > 1e-3 }).toEqual({ feature, instance, differs: true });
    }
  }
  // the Jensen-Shannon distance record of the same evaluation matches the in-process distance too
  const js = Object.fromEntries((await live.query(JS_RECORD)).map((sample) => [sample.metric.ml_feature_name, sample.value]));
  const expectedJs = inProcess([halves.a, halves.b], 'jensen_shannon').psi;
  for (const feature of FEATURES) expect(Math.abs((js[feature] ?? Number.NaN) - (expectedJs[feature] ?? Number.NaN))).toBeLessThan(1e-6);
  // each replica's own PSI is what the library computes on its half alone
  for (const [instance, rows] of Object.entries(halves)) {
    const own = inProcess([rows]).psi;
    for (const feature of FEATURES) expect(replicas[instance]?.[feature]).toBeCloseTo(own[feature] ?? Number.NaN, 12);
  }
});
