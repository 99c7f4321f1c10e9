import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { defaultConfig } from '../src/config.js';
import { buildRuleGroups, renderRuleFiles } from '../src/render-rule-files.js';
import { PROMTOOL_TESTS_DIR, RULES_DIR, runTool, stackTools, WORKSPACE_DIR } from './tools.js';

interface PromtoolTestFile {
  tests: {
    alert_rule_test?: { alertname: string; exp_alerts: unknown[] }[];
    promql_expr_test?: { expr: string }[];
  }[];
}

const tools = stackTools();
const ruleFiles = readdirSync(RULES_DIR).filter((name) => name.endsWith('.yaml')).map((name) => join(RULES_DIR, name));
const testFiles = readdirSync(PROMTOOL_TESTS_DIR).filter((name) => name.endsWith('.test.yaml'));
const parsedTests = testFiles.map((name) => parse(readFileSync(join(PROMTOOL_TESTS_DIR, name), 'utf8')) as PromtoolTestFile);

describe('promtool', () => {
  it('check rules accepts every committed rule file', () => {
    const run = runTool(tools.promtool, ['check', 'rules', ...ruleFiles]);
    expect(run.output).not.toMatch(/FAILED/);
    expect(run.status).toBe(0);
  });

  it.each(testFiles)('test rules passes %s', (name) => {
    const run = runTool(tools.promtool, ['test', 'rules', join(PROMTOOL_TESTS_DIR, name)], WORKSPACE_DIR, 50_000);
    expect(run.output).toMatch(/SUCCESS/);
    expect(run.status).toBe(0);
  });

  it('tests every alert on both sides of its `for` (an evaluation without it and one with it)', () => {
    const alertTests = parsedTests.flatMap((file) => file.tests.flatMap((test) => test.alert_rule_test ?? []));
    const alerts = new Set(
      [...buildRuleGroups(defaultConfig).values()].flatMap((group) => group.rules.flatMap((rule) => ('alert' in rule ? [rule.alert] : []))),
    );
    for (const alert of alerts) {
      const evaluations = alertTests.filter((test) => test.alertname === alert);
      expect({ alert, quiet: evaluations.some((test) => test.exp_alerts.length === 0) }).toEqual({ alert, quiet: true });
      expect({ alert, firing: evaluations.some((test) => test.exp_alerts.length > 0) }).toEqual({ alert, firing: true });
    }
  });

  it('tests every recording rule with a promql_expr_test', () => {
    const exprs = parsedTests.flatMap((file) => file.tests.flatMap((test) => (test.promql_expr_test ?? []).map((entry) => entry.expr)));
    const records = [...buildRuleGroups(defaultConfig).values()].flatMap((group) => group.rules.flatMap((rule) => ('record' in rule ? [rule.record] : [])));
    expect(records.length).toBeGreaterThan(0);
    for (const record of records) expect({ record, tested: exprs.some((expr) => expr.includes(record)) }).toEqual({ record, tested: true });
  });

  it('fires the absent() alert of an expected model that never reports, on both sides of its `for`', () => {
    const dir = mkdtempSync(join(tmpdir(), 'modelwatch-absent-'));
    try {
      const config = { ...defaultConfig, monitorHealth: { ...defaultConfig.monitorHealth, expectedModels: ['fraud', 'churn'] } };
      writeFileSync(join(dir, 'health.rules.yaml'), renderRuleFiles(config).get('monitor-health.rules.yaml') ?? '');
      const test = {
        rule_files: ['health.rules.yaml'],
        evaluation_interval: '1m',
        tests: [
          {
            interval: '1m',
            input_series: [{ series: 'ml_observations_total{ml_model_name="churn", ml_model_version="1"}', values: '0+1x30' }],
            alert_rule_test: [
              { eval_time: '9m', alertname: 'MlMonitorAbsent', exp_alerts: [] },
              {
                eval_time: '10m',
                alertname: 'MlMonitorAbsent',
                exp_alerts: [
                  {
                    exp_labels: { severity: 'warning', concern: 'monitor_health', ml_model_name: 'fraud' },
                    exp_annotations: {
                      summary: 'An expected model monitor reports no metrics.',
                      description:
                        'No ml_observations_total series of model fraud exists: the model is not deployed, not instrumented, or its metrics do not arrive.',
                      runbook_url: `${defaultConfig.runbookBaseUrl}#mlmonitorabsent`,
                    },
                  },
                ],
              },
            ],
          },
        ],
      };
      writeFileSync(join(dir, 'health.test.yaml'), stringify(test));
      const run = runTool(tools.promtool, ['test', 'rules', join(dir, 'health.test.yaml')], dir);
      expect(run.output).toMatch(/SUCCESS/);
      expect(run.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('vmalert', () => {
  const vmalertIt = tools.vmalert === undefined ? it.skip : it;
  // vmalert-tool has no promql_expr_test (it calls it metricsql_expr_test): the fleet file has a vmalert twin in tests/vmalert/
  const vmalertTestFiles = [
    ...testFiles.filter((name) => !parsedTests[testFiles.indexOf(name)]?.tests.some((test) => test.promql_expr_test)).map((name) => join(PROMTOOL_TESTS_DIR, name)),
    ...readdirSync(join(PROMTOOL_TESTS_DIR, 'vmalert')).filter((name) => name.endsWith('.yaml')).map((name) => join(PROMTOOL_TESTS_DIR, 'vmalert', name)),
  ];

  it('has a vmalert-tool run for every promtool test file', () => {
    expect(vmalertTestFiles.length).toBe(testFiles.length);
  });

  (tools.vmalertTool === undefined ? it.skip : it).each(vmalertTestFiles.map((path) => [path.slice(PROMTOOL_TESTS_DIR.length + 1), path]))(
    'vmalert-tool unittest passes %s (same rules, same expectations)',
    (_name, path) => {
      const run = runTool(tools.vmalertTool as string, ['unittest', '-disableAlertgroupLabel', `--files=${path}`], WORKSPACE_DIR, 50_000);
      expect(run.output).toMatch(/SUCCESS/);
      expect(run.output).not.toMatch(/FAILED/);
    },
  );

  vmalertIt('loads the same rule files (-dryRun) and rejects a broken one', () => {
    const vmalert = tools.vmalert as string;
    const ok = runTool(vmalert, [`-rule=${join(RULES_DIR, '*.yaml')}`, '-dryRun']);
    expect(ok.output).toMatch(new RegExp(`found ${ruleFiles.length} files to read`));
    expect(ruleFiles.length).toBe(buildRuleGroups(defaultConfig).size);
    expect(ok.status).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'modelwatch-vmalert-'));
    try {
      writeFileSync(join(dir, 'broken.yaml'), 'groups: [{name: x, rules: [{record: a, expr: "sum(("}]}]\n');
      const broken = runTool(vmalert, [`-rule=${join(dir, 'broken.yaml')}`, '-dryRun']);
      expect(broken.status).not.toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
