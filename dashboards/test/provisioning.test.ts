/**
 * The provisioning files and the docker-compose stack fit together and with the dashboards: the
 * datasource uid every panel uses, the folder the provider loads from is where compose mounts
 * dashboards/json, the unsigned plugin allowed is the panel's id, the rules and Alertmanager config
 * are the committed ones, and Prometheus' config passes the real promtool.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { resolveStackBinaries } from '../../exporter/test/integration/stack/index.js';
import { DATASOURCE_UID, DRIFT_PANEL_TYPE } from '../src/config.js';
import { JSON_DIR, PROVISIONING_DIR, WORKSPACE_DIR } from '../src/paths.js';
import { RULES_DIR } from './support/test-rules.js';

interface ComposeService {
  image: string;
  command?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
}

const readYaml = <T>(path: string): T => parse(readFileSync(path, 'utf8')) as T;
const compose = readYaml<{ services: Record<string, ComposeService> }>(join(WORKSPACE_DIR, 'docker-compose.yaml'));
const service = (name: string): ComposeService => {
  const found = compose.services[name];
  if (found === undefined) throw new Error(`docker-compose.yaml has no service ${name}`);
  return found;
};

/** `host:container[:ro]` volumes as [absolute host path, container path]. */
function mounts(name: string): Array<[string, string]> {
  return (service(name).volumes ?? []).map((volume) => {
    const [host = '', container = ''] = volume.split(':');
    return [resolve(WORKSPACE_DIR, host), container];
  });
}

const mountOf = (name: string, hostPath: string): string | undefined => mounts(name).find(([host]) => host === hostPath)?.[1];

test('the datasource is Prometheus with the uid every panel uses', () => {
  const file = readYaml<{ apiVersion: number; datasources: Array<Record<string, unknown>> }>(join(PROVISIONING_DIR, 'datasources', 'prometheus.yaml'));
  expect(file.apiVersion).toBe(1);
  expect(file.datasources).toHaveLength(1);
  expect(file.datasources[0]).toMatchObject({ uid: DATASOURCE_UID, type: 'prometheus', access: 'proxy', url: 'http://prometheus:9090' });
});

test('the dashboard provider loads the folder where compose mounts dashboards/json', () => {
  const file = readYaml<{ apiVersion: number; providers: Array<{ type: string; options: { path: string } }> }>(join(PROVISIONING_DIR, 'dashboards', 'modelwatch.yaml'));
  expect(file.providers).toHaveLength(1);
  expect(file.providers[0]?.type).toBe('file');
  expect(mountOf('grafana', JSON_DIR)).toBe(file.providers[0]?.options.path);
  expect(mountOf('grafana', join(PROVISIONING_DIR, 'dashboards'))).toBe('/etc/grafana/provisioning/dashboards');
  expect(mountOf('grafana', join(PROVISIONING_DIR, 'datasources'))).toBe('/etc/grafana/provisioning/datasources');
});

test('Grafana 12 loads the unsigned panel plugin by its id from grafana-plugin/dist', () => {
  const grafana = service('grafana');
  expect(grafana.image).toMatch(/^grafana\/grafana:12\./);
  expect(grafana.environment?.GF_PLUGINS_ALLOW_LOADING_UNSIGNED_PLUGINS).toBe(DRIFT_PANEL_TYPE);
  expect(mountOf('grafana', join(WORKSPACE_DIR, '..', 'grafana-plugin', 'dist'))).toBe(`/var/lib/grafana/plugins/${DRIFT_PANEL_TYPE}`);
});

test('every host path compose mounts exists (grafana-plugin/dist once the plugin is built)', () => {
  const pluginDist = join(WORKSPACE_DIR, '..', 'grafana-plugin', 'dist');
  const missing = Object.keys(compose.services)
    .flatMap((name) => mounts(name))
    .map(([host]) => host)
    .filter((host) => host !== pluginDist && !existsSync(host));
  expect(missing).toEqual([]);
});

test('Prometheus gets the OTLP receiver, the committed alert rules and the Alertmanager; Alertmanager the example config', () => {
  expect(service('prometheus').command).toContain('--web.enable-otlp-receiver');
  expect(mountOf('prometheus', RULES_DIR)).toBe('/etc/prometheus/rules');
  expect(mountOf('alertmanager', join(WORKSPACE_DIR, '..', 'alert-rules', 'alertmanager.yml'))).toBe('/etc/alertmanager/alertmanager.yml');
  const config = readYaml<{ rule_files: string[]; alerting: { alertmanagers: Array<{ static_configs: Array<{ targets: string[] }> }> } }>(join(WORKSPACE_DIR, 'compose', 'prometheus.yml'));
  expect(config.rule_files).toEqual(['/etc/prometheus/rules/*.rules.yaml']);
  expect(config.alerting.alertmanagers[0]?.static_configs[0]?.targets).toEqual(['alertmanager:9093']);
});

test('the compose Prometheus config passes promtool check config (rules mounted from alert-rules/rules)', () => {
  // Debian's Prometheus 2.53 has the OTLP receiver, and with it the `otlp:` section, patched out:
  // check the rest, with the rule glob pointing at the committed rules as compose mounts them
  const config = readYaml<Record<string, unknown>>(join(WORKSPACE_DIR, 'compose', 'prometheus.yml'));
  delete config.otlp;
  config.rule_files = [join(RULES_DIR, '*.rules.yaml')];
  const dir = mkdtempSync(join(tmpdir(), 'modelwatch-compose-'));
  try {
    const path = join(dir, 'prometheus.yml');
    writeFileSync(path, stringify(config));
    const result = spawnSync(resolveStackBinaries().promtool, ['check', 'config', path], { encoding: 'utf8', timeout: 20_000 });
    expect({ status: result.status, output: `${result.stdout}${result.stderr}` }).toEqual({ status: 0, output: expect.stringContaining('SUCCESS') });
    expect(result.stdout).toMatch(/SUCCESS: \d+ rules found/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
