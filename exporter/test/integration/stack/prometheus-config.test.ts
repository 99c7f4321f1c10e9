/** The generated prometheus.yml (JSON, which Prometheus reads as YAML) and its argument checks. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderPrometheusConfig } from './prometheus-config.js';
import { resolveStackBinaries } from './stack-binaries.js';

const dir = mkdtempSync(join(tmpdir(), 'modelwatch-config-test-'));
const ruleFile = join(dir, 'rules.yml');
writeFileSync(ruleFile, 'groups: []\n');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('defaults: 1 s scrape and evaluation, no rules, no alerting, no scrape jobs', () => {
  expect(JSON.parse(renderPrometheusConfig())).toEqual({
    global: { scrape_interval: '1s', scrape_timeout: '1s', evaluation_interval: '1s' },
    rule_files: [],
    scrape_configs: [],
  });
});

test('rule files, Alertmanager and scrape targets are wired in', () => {
  const config = JSON.parse(
    renderPrometheusConfig({
      ruleFiles: [ruleFile],
      alertmanagerAddress: '127.0.0.1:9093',
      scrapeTargets: [
        { jobName: 'otel-pull', address: '127.0.0.1:9464' },
        { jobName: 'other', address: 'localhost:8080', metricsPath: '/custom' },
      ],
    }),
  );
  expect(config.rule_files).toEqual([ruleFile]);
  expect(config.alerting).toEqual({ alertmanagers: [{ static_configs: [{ targets: ['127.0.0.1:9093'] }] }] });
  expect(config.scrape_configs).toEqual([
    { job_name: 'otel-pull', scrape_interval: '1s', metrics_path: '/metrics', static_configs: [{ targets: ['127.0.0.1:9464'] }] },
    { job_name: 'other', scrape_interval: '1s', metrics_path: '/custom', static_configs: [{ targets: ['localhost:8080'] }] },
  ]);
});

test('bad inputs are refused with the field and the value', () => {
  expect(() => renderPrometheusConfig({ ruleFiles: ['rules.yml'] })).toThrow(/ruleFiles\[0\] must be an absolute path, got "rules.yml"/);
  expect(() => renderPrometheusConfig({ ruleFiles: [ruleFile, join(dir, 'nope.yml')] })).toThrow(/ruleFiles\[1\] does not exist/);
  expect(() => renderPrometheusConfig({ scrapeTargets: [{ jobName: '1bad', address: '127.0.0.1:1' }] })).toThrow(/jobName/);
  expect(() => renderPrometheusConfig({ scrapeTargets: [{ jobName: 'a', address: 'http://x:1' }] })).toThrow(/address must be host:port/);
  expect(() => renderPrometheusConfig({ scrapeTargets: [{ jobName: 'a', address: 'x:1', metricsPath: 'm' }] })).toThrow(/metricsPath/);
  expect(() =>
    renderPrometheusConfig({ scrapeTargets: [{ jobName: 'a', address: 'x:1' }, { jobName: 'a', address: 'y:2' }] }),
  ).toThrow(/"a" is used twice/);
  expect(() => renderPrometheusConfig({ alertmanagerAddress: '9093' })).toThrow(/alertmanagerAddress/);
});

test('promtool accepts the generated file', () => {
  const path = join(dir, 'prometheus.yml');
  writeFileSync(
    path,
    renderPrometheusConfig({ ruleFiles: [ruleFile], alertmanagerAddress: '127.0.0.1:9093', scrapeTargets: [{ jobName: 'j', address: '127.0.0.1:9' }] }),
  );
  const output = execFileSync(resolveStackBinaries().promtool, ['check', 'config', path], { encoding: 'utf8' });
  expect(output).toMatch(/SUCCESS/);
});
