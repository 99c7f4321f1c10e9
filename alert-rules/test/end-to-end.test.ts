/**
 * Drift → alert on the real stack: the generated rules (rendered with second-scale test settings) in a real
 * Prometheus (1 s evaluation), the example Alertmanager routing, and a monitor pushing OTLP through vmagent.
 * Stationary traffic raises no drift alert; a 1σ shift of one feature makes MlFeatureDrift visible in
 * Alertmanager's API with the model and feature labels. The onset-to-alert time is printed.
 */
import { jest } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { createModelMonitor, type ModelMonitor } from '../../exporter/src/monitor/index.js';
import { startModelwatch, type ModelwatchHandle } from '../../exporter/src/otel/index.js';
import { buildProfile } from '../../exporter/src/profile/index.js';
import { categoricalSample, normalSample } from '../../exporter/test/support/synthetic.js';
import { startMetricsStack, type MetricsStack } from '../../exporter/test/integration/stack/index.js';
import { defaultConfig, type AlertRulesConfig } from '../src/config.js';
import { renderRuleFiles } from '../src/render-rule-files.js';
import { WORKSPACE_DIR } from './tools.js';

jest.setTimeout(30_000);

const MODEL = { name: 'fraud', version: '3' };
const CHANNELS = { web: 0.5, app: 0.3, store: 0.2 };
const SERVICE = 'alert-e2e';

/** The default rules with second-scale durations, so the test runs in seconds. */
const TEST_CONFIG: AlertRulesConfig = {
  ...defaultConfig,
  evaluationInterval: '1s',
  featureDrift: { ...defaultConfig.featureDrift, warningFor: '2s', criticalFor: '2s' },
  datasetDrift: { for: '2s' },
  fleetDrift: { ...defaultConfig.fleetDrift, windows: ['1m'], alertWindow: '1m', alertFor: '2s' },
};

const reference = buildProfile({
  amount: normalSample(2000, 100, 15, 1011),
  tenure: normalSample(2000, 24, 6, 1012),
  channel: categoricalSample(2000, CHANNELS, 1013),
});
const stationary = {
  amount: normalSample(600, 100, 15, 3031),
  tenure: normalSample(600, 24, 6, 2022),
  channel: categoricalSample(600, CHANNELS, 2023),
};
const shifted = { ...stationary, amount: normalSample(600, 115, 15, 2021) };

interface ApiAlert {
  labels: Record<string, string>;
  status: { state: string };
}

let dir = '';
let stack: MetricsStack | undefined;
let handle: ModelwatchHandle | undefined;
let monitor: ModelMonitor | undefined;

async function activeAlerts(): Promise<ApiAlert[]> {
  const response = await fetch(`${stack?.alertmanagerUrl}/api/v2/alerts?filter=${encodeURIComponent(`ml_model_name="${MODEL.name}"`)}`);
  return (await response.json()) as ApiAlert[];
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'modelwatch-alert-e2e-'));
  const ruleFiles = [...renderRuleFiles(TEST_CONFIG)].map(([name, text]) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  });
  const amConfig = parse(readFileSync(join(WORKSPACE_DIR, 'alertmanager.yml'), 'utf8')) as { receivers: { name: string }[] };
  amConfig.receivers = amConfig.receivers.map((receiver) => ({ name: receiver.name }));
  const configFile = join(dir, 'alertmanager.yml');
  writeFileSync(configFile, stringify(amConfig));
  stack = await startMetricsStack({ ruleFiles, alertmanager: { configFile } });
  handle = startModelwatch({ url: stack.vmagentOtlpUrl, serviceName: SERVICE, exportIntervalMillis: 500, setGlobal: false });
  monitor = createModelMonitor({ model: MODEL, reference, meterProvider: handle.meterProvider, window: { count: 600 } });
});

afterAll(async () => {
  monitor?.shutdown();
  await handle?.shutdown();
  await stack?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('the generated data: stationary draws are far from the thresholds, the shifted feature drifts', () => {
  const check = createModelMonitor({ model: MODEL, reference, window: { count: 600 } });
  check.observeBatch(stationary);
  expect(check.snapshot().features.every((feature) => feature.drift?.drifted === false && (feature.drift?.pValue ?? 1) > 0.2)).toBe(true);
  check.observeBatch(shifted);
  expect(Object.fromEntries(check.snapshot().features.map((feature) => [feature.name, feature.drift?.drifted]))).toEqual({ amount: true, tenure: false, channel: false });
  check.shutdown();
});

test('stationary traffic raises no alert; a sudden drift reaches Alertmanager as MlFeatureDrift for that feature', async () => {
  const live = stack as MetricsStack;
  monitor?.observeBatch(stationary);
  // the verdicts are in Prometheus, and the rules had several evaluations past their 2 s `for`
  await live.waitFor(`ml_feature_drift_detected{service_name="${SERVICE}"}`, (samples) => samples.length === 3, 15_000);
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  expect(await activeAlerts()).toEqual([]);

  const onset = Date.now();
  monitor?.observeBatch(shifted);
  let alerts: ApiAlert[] = [];
  while (Date.now() - onset < 20_000) {
    alerts = (await activeAlerts()).filter((alert) => alert.labels.alertname === 'MlFeatureDrift');
    if (alerts.length > 0) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const seconds = (Date.now() - onset) / 1000;
  console.log(`drift onset → MlFeatureDrift in Alertmanager: ${seconds.toFixed(1)} s (export 500 ms, vmagent flush 200 ms, evaluation 1 s, for 2 s)`);
  expect(alerts.length).toBeGreaterThan(0);
  for (const alert of alerts) {
    expect(alert.labels).toMatchObject({ alertname: 'MlFeatureDrift', ml_model_name: MODEL.name, ml_model_version: MODEL.version, ml_feature_name: 'amount', concern: 'drift' });
    expect(['warning', 'critical']).toContain(alert.labels.severity);
  }
  const names = (await activeAlerts()).map((alert) => `${alert.labels.alertname}/${alert.labels.ml_feature_name ?? '-'}`);
  expect(names.filter((name) => !name.endsWith('/amount'))).toEqual([]);
});
