import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { startDaemon, type Daemon } from '../../exporter/test/integration/stack/daemon.js';
import { alertmanagerSpec } from '../../exporter/test/integration/stack/daemon-specs.js';
import { runTool, stackTools, WORKSPACE_DIR } from './tools.js';

const CONFIG_PATH = join(WORKSPACE_DIR, 'alertmanager.yml');
const tools = stackTools();

interface RouteConfig {
  receiver?: string;
  matchers?: string[];
  active_time_intervals?: string[];
  routes?: RouteConfig[];
}

/** The example config with every receiver's integrations removed: same routing tree, nobody notified. */
function configWithSilentReceivers(): string {
  const config = parse(readFileSync(CONFIG_PATH, 'utf8')) as { receivers: { name: string }[] };
  config.receivers = config.receivers.map((receiver) => ({ name: receiver.name }));
  return stringify(config);
}

function flattenRoutes(route: RouteConfig): RouteConfig[] {
  return [route, ...(route.routes ?? []).flatMap(flattenRoutes)];
}

describe('alertmanager.yml (static checks)', () => {
  it('passes amtool check-config', () => {
    const run = runTool(tools.amtool, ['check-config', CONFIG_PATH]);
    expect(run.output).toMatch(/SUCCESS/);
    expect(run.status).toBe(0);
  });

  it.each([
    [['severity=critical', 'ml_model_name=churn'], 'ml-platform-pager'],
    [['severity=warning', 'ml_model_name=churn'], 'ml-platform-queue'],
    [['severity=info', 'ml_model_name=fraud'], 'ml-null'],
    [['severity=critical', 'ml_model_name=fraud'], 'risk-pager'],
    [['severity=warning', 'ml_model_name=credit-risk'], 'risk-queue'],
    [['severity=critical', 'ml_model_name=fraud', 'team=payments'], 'payments-pager'],
  ])('amtool routes %j to %s', (labels, receiver) => {
    const run = runTool(tools.amtool, ['config', 'routes', 'test', `--config.file=${CONFIG_PATH}`, ...labels]);
    expect(run.output.trim().split('\n')[0]).toBe(receiver);
  });

  it('delivers warnings only in working hours and pages critical at any hour, without spamming', () => {
    const config = parse(readFileSync(CONFIG_PATH, 'utf8')) as { route: RouteConfig & { group_by: string[]; repeat_interval: string } };
    expect(config.route.group_by).toEqual(['ml_model_name', 'ml_model_version']);
    const routes = flattenRoutes(config.route);
    const bySeverity = (severity: string) => routes.filter((route) => route.matchers?.includes(`severity="${severity}"`));
    expect(bySeverity('warning').length).toBeGreaterThanOrEqual(3);
    for (const route of bySeverity('warning')) expect(route.active_time_intervals).toEqual(['working-hours']);
    for (const route of bySeverity('critical')) expect(route.active_time_intervals).toBeUndefined();
    expect(config.route.repeat_interval).toBe('12h');
  });
});

interface ApiAlert {
  labels: Record<string, string>;
  fingerprint: string;
  status: { state: string; inhibitedBy: string[] };
}

interface ApiGroup {
  labels: Record<string, string>;
  receiver: { name: string };
  alerts: ApiAlert[];
}

const alert = (labels: Record<string, string>) => ({ labels, annotations: { summary: 'test' } });
const SENT = [
  alert({ alertname: 'MlFeatureDrift', severity: 'warning', ml_model_name: 'fraud', ml_model_version: '3', ml_feature_name: 'amount' }),
  alert({ alertname: 'MlFeatureDrift', severity: 'critical', ml_model_name: 'fraud', ml_model_version: '3', ml_feature_name: 'amount' }),
  alert({ alertname: 'MlFeatureDrift', severity: 'warning', ml_model_name: 'fraud', ml_model_version: '3', ml_feature_name: 'age' }),
  alert({ alertname: 'MlDatasetDrift', severity: 'critical', ml_model_name: 'churn', ml_model_version: '1' }),
  alert({ alertname: 'MlFeatureDrift', severity: 'warning', ml_model_name: 'churn', ml_model_version: '1', ml_feature_name: 'age' }),
  alert({ alertname: 'MlFeatureDrift', severity: 'critical', ml_model_name: 'churn', ml_model_version: '1', ml_feature_name: 'tenure' }),
  alert({ alertname: 'MlFeatureOutOfRange', severity: 'warning', ml_model_name: 'churn', ml_model_version: '1', ml_feature_name: 'age' }),
  alert({ alertname: 'MlFeatureDrift', severity: 'warning', ml_model_name: 'churn', ml_model_version: '2', ml_feature_name: 'age' }),
  alert({ alertname: 'MlAttributeOverflow', severity: 'info', ml_model_name: 'pricing', ml_model_version: '2', team: 'payments' }),
  alert({ alertname: 'MlFeatureTypeErrors', severity: 'warning', ml_model_name: 'pricing', ml_model_version: '2', ml_feature_name: 'x', team: 'payments' }),
  alert({ alertname: 'MlFeatureDrift', severity: 'critical', ml_model_name: 'pricing', ml_model_version: '2', ml_feature_name: 'x', team: 'payments' }),
  // performance: realised degradation of churn v1 suppresses its CBPE estimate; critical suppresses warning of the same metric only
  alert({ alertname: 'MlPerformanceDegraded', severity: 'critical', ml_model_name: 'churn', ml_model_version: '1', ml_performance_metric: 'accuracy' }),
  alert({ alertname: 'MlPerformanceDegraded', severity: 'warning', ml_model_name: 'churn', ml_model_version: '1', ml_performance_metric: 'accuracy' }),
  // segments: the whole-model critical accuracy drop suppresses the segment warning on accuracy, not the one on f1
  alert({ alertname: 'MlSegmentPerformanceDegraded', severity: 'warning', ml_model_name: 'churn', ml_model_version: '1', ml_performance_metric: 'f1', ml_segment: 'eu' }),
  alert({ alertname: 'MlSegmentPerformanceDegraded', severity: 'warning', ml_model_name: 'churn', ml_model_version: '1', ml_performance_metric: 'accuracy', ml_segment: 'eu' }),
  alert({ alertname: 'MlPerformanceEstimatedDrop', severity: 'warning', ml_model_name: 'churn', ml_model_version: '1', ml_performance_metric: 'roc_auc' }),
  alert({ alertname: 'MlPerformanceEstimatedDrop', severity: 'warning', ml_model_name: 'fraud', ml_model_version: '3', ml_performance_metric: 'roc_auc' }),
  alert({ alertname: 'MlFairnessDisparateImpact', severity: 'warning', ml_model_name: 'credit-risk', ml_model_version: '5', ml_fairness_attribute: 'sex' }),
];

/** `alertname/severity/model/version/target`, the key the assertions use; target = feature, or metric and segment, or attribute. */
function key(labels: Record<string, string>): string {
  const target = [labels.ml_feature_name, labels.ml_performance_metric, labels.ml_segment, labels.ml_fairness_attribute].filter(Boolean).join('+');
  return [labels.alertname, labels.severity, labels.ml_model_name, labels.ml_model_version, target || '-'].join('/');
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('alertmanager.yml on a real Alertmanager (API v2)', () => {
  let daemon: Daemon | undefined;
  let dir = '';
  let groups: ApiGroup[] = [];
  let alerts: ApiAlert[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'modelwatch-am-'));
    const configFile = join(dir, 'alertmanager.yml');
    writeFileSync(configFile, configWithSilentReceivers());
    daemon = await startDaemon(alertmanagerSpec({ binary: tools.alertmanager, dir, startTimeoutMs: 20_000, configFile }));
    const response = await fetch(`${daemon.url}/api/v2/alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(SENT),
    });
    expect(response.status).toBe(200);
    const url = daemon.url;
    // inhibition is computed from the sources the inhibitor has seen: wait until all three targets show it
    alerts = await waitFor(
      () => getJson<ApiAlert[]>(`${url}/api/v2/alerts`),
      (list) => list.length === SENT.length && list.filter((entry) => entry.status.inhibitedBy.length > 0).length >= 6,
    );
    groups = await waitFor(
      () => getJson<ApiGroup[]>(`${url}/api/v2/alerts/groups`),
      (list) => list.reduce((total, group) => total + group.alerts.length, 0) >= SENT.length,
    );
  }, 30_000);

  afterAll(async () => {
    await daemon?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('routes each alert to the receiver of its severity, team and model', () => {
    const receiverOf = new Map<string, string[]>();
    for (const group of groups) {
      for (const entry of group.alerts) receiverOf.set(key(entry.labels), [...(receiverOf.get(key(entry.labels)) ?? []), group.receiver.name]);
    }
    expect(Object.fromEntries(receiverOf)).toEqual({
      'MlFeatureDrift/warning/fraud/3/amount': ['risk-queue'],
      'MlFeatureDrift/critical/fraud/3/amount': ['risk-pager'],
      'MlFeatureDrift/warning/fraud/3/age': ['risk-queue'],
      'MlDatasetDrift/critical/churn/1/-': ['ml-platform-pager'],
      'MlFeatureDrift/warning/churn/1/age': ['ml-platform-queue'],
      'MlFeatureDrift/critical/churn/1/tenure': ['ml-platform-pager'],
      'MlFeatureOutOfRange/warning/churn/1/age': ['ml-platform-queue'],
      'MlFeatureDrift/warning/churn/2/age': ['ml-platform-queue'],
      'MlAttributeOverflow/info/pricing/2/-': ['ml-null'],
      'MlFeatureTypeErrors/warning/pricing/2/x': ['payments-queue'],
      'MlFeatureDrift/critical/pricing/2/x': ['payments-pager'],
      'MlPerformanceDegraded/critical/churn/1/accuracy': ['ml-platform-pager'],
      'MlPerformanceDegraded/warning/churn/1/accuracy': ['ml-platform-queue'],
      'MlSegmentPerformanceDegraded/warning/churn/1/f1+eu': ['ml-platform-queue'],
      'MlSegmentPerformanceDegraded/warning/churn/1/accuracy+eu': ['ml-platform-queue'],
      'MlPerformanceEstimatedDrop/warning/churn/1/roc_auc': ['ml-platform-queue'],
      'MlPerformanceEstimatedDrop/warning/fraud/3/roc_auc': ['risk-queue'],
      'MlFairnessDisparateImpact/warning/credit-risk/5/sex': ['risk-queue'],
    });
  });

  it('groups by model: every group is one model version', () => {
    for (const group of groups) {
      expect(Object.keys(group.labels).sort()).toEqual(['ml_model_name', 'ml_model_version']);
      for (const entry of group.alerts) expect(entry.labels.ml_model_name).toBe(group.labels.ml_model_name);
    }
  });

  it('inhibits per-feature drift under dataset drift, CBPE under realised degradation, segment warnings under the whole-model critical of the same metric, and warning under critical for the same target only', () => {
    const fingerprint = (k: string) => alerts.find((entry) => key(entry.labels) === k)?.fingerprint;
    const inhibitedBy = Object.fromEntries(alerts.map((entry) => [key(entry.labels), [...entry.status.inhibitedBy].sort()]));
    const datasetDrift = fingerprint('MlDatasetDrift/critical/churn/1/-');
    const criticalAmount = fingerprint('MlFeatureDrift/critical/fraud/3/amount');
    const realised = [
      fingerprint('MlPerformanceDegraded/critical/churn/1/accuracy'),
      fingerprint('MlPerformanceDegraded/warning/churn/1/accuracy'),
    ].sort();
    // Alertmanager reports one inhibiting alert (the first source it finds): any realised alert of churn v1
    const estimateInhibitors = inhibitedBy['MlPerformanceEstimatedDrop/warning/churn/1/roc_auc'] ?? [];
    expect(estimateInhibitors).toHaveLength(1);
    expect(realised).toContain(estimateInhibitors[0]);
    expect({ ...inhibitedBy, 'MlPerformanceEstimatedDrop/warning/churn/1/roc_auc': 'checked above' }).toEqual({
      'MlFeatureDrift/warning/fraud/3/amount': [criticalAmount],
      'MlFeatureDrift/critical/fraud/3/amount': [],
      'MlFeatureDrift/warning/fraud/3/age': [],
      'MlDatasetDrift/critical/churn/1/-': [],
      'MlFeatureDrift/warning/churn/1/age': [datasetDrift],
      'MlFeatureDrift/critical/churn/1/tenure': [datasetDrift],
      'MlFeatureOutOfRange/warning/churn/1/age': [],
      'MlFeatureDrift/warning/churn/2/age': [],
      'MlAttributeOverflow/info/pricing/2/-': [],
      'MlFeatureTypeErrors/warning/pricing/2/x': [],
      'MlFeatureDrift/critical/pricing/2/x': [],
      'MlPerformanceDegraded/critical/churn/1/accuracy': [],
      'MlPerformanceDegraded/warning/churn/1/accuracy': [fingerprint('MlPerformanceDegraded/critical/churn/1/accuracy')],
      'MlSegmentPerformanceDegraded/warning/churn/1/f1+eu': [],
      'MlSegmentPerformanceDegraded/warning/churn/1/accuracy+eu': [fingerprint('MlPerformanceDegraded/critical/churn/1/accuracy')],
      'MlPerformanceEstimatedDrop/warning/churn/1/roc_auc': 'checked above',
      'MlPerformanceEstimatedDrop/warning/fraud/3/roc_auc': [],
      'MlFairnessDisparateImpact/warning/credit-risk/5/sex': [],
    });
    const suppressed = alerts.filter((entry) => entry.status.inhibitedBy.length > 0).map((entry) => entry.status.state);
    expect(suppressed).toEqual(Array.from({ length: 6 }, () => 'suppressed'));
  });
});
