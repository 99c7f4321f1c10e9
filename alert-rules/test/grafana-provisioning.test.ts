/**
 * Structural checks of the Grafana-managed alert provisioning files (alert-rules/grafana/*.yaml): the fields
 * Grafana's file provisioning requires, the query → reduce → threshold chain, the datasource uid of the
 * provisioned Prometheus datasource, unique uids, one twin per Prometheus alert, and PromQL that promtool parses.
 * Then semantics: on the series of every promtool unit test, the Grafana condition (query A, threshold C)
 * selects exactly the targets the Prometheus alert expression selects.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { defaultConfig, GRAFANA_DATASOURCE_UID } from '../src/config.js';
import { durationSeconds } from '../src/durations.js';
import type { GrafanaRuleGroup } from '../src/grafana-rules.js';
import { buildRuleGroups } from '../src/render-rule-files.js';
import type { AlertingRule, GrafanaCondition } from '../src/rule-types.js';
import { GRAFANA_DIR, PROMTOOL_TESTS_DIR, runTool, stackTools, WORKSPACE_DIR } from './tools.js';

interface ProvisioningFile {
  apiVersion: number;
  groups: GrafanaRuleGroup[];
}

const DASHBOARDS_DIR = join(WORKSPACE_DIR, '..', 'dashboards');
const files = readdirSync(GRAFANA_DIR).filter((name) => name.endsWith('.yaml')).sort();
const parsed = files.map((name) => [name, parse(readFileSync(join(GRAFANA_DIR, name), 'utf8')) as ProvisioningFile] as const);
const rules = parsed.flatMap(([, file]) => file.groups.flatMap((group) => group.rules));

/**
 * The uid of the Prometheus datasource the dashboards workspace provisions: from its provisioning file when it
 * exists, else from its config constant, else undefined.
 */
function provisionedDatasourceUid(): string | undefined {
  const dir = join(DASHBOARDS_DIR, 'provisioning', 'datasources');
  if (existsSync(dir)) {
    for (const name of readdirSync(dir).filter((entry) => /\.ya?ml$/.test(entry))) {
      const file = parse(readFileSync(join(dir, name), 'utf8')) as { datasources?: { type?: string; uid?: string }[] };
      const prometheus = file.datasources?.find((datasource) => datasource.type === 'prometheus');
      if (prometheus?.uid !== undefined) return prometheus.uid;
    }
  }
  const config = join(DASHBOARDS_DIR, 'src', 'config.ts');
  return existsSync(config) ? /DATASOURCE_UID = '([^']+)'/.exec(readFileSync(config, 'utf8'))?.[1] : undefined;
}

describe('Grafana alert provisioning files', () => {
  it('exist, one per rule file with alerts', () => {
    expect(files.length).toBeGreaterThanOrEqual(9);
  });

  it.each(parsed)('%s has the file-provisioning shape (apiVersion 1, groups with orgId, name, folder, interval, rules)', (_name, file) => {
    expect(file.apiVersion).toBe(1);
    expect(file.groups.length).toBeGreaterThan(0);
    for (const group of file.groups) {
      expect(group).toMatchObject({ orgId: 1, name: expect.stringMatching(/^modelwatch-/), folder: 'modelwatch' });
      // Grafana evaluates groups on multiples of 10 s
      expect(durationSeconds(group.interval, 'interval') % 10).toBe(0);
      expect(group.rules.length).toBeGreaterThan(0);
    }
  });

  it('every rule has the required fields, and its condition names the last step of a query → reduce → threshold chain', () => {
    expect(rules.length).toBeGreaterThan(20);
    for (const rule of rules) {
      expect(rule.uid).toMatch(/^[A-Za-z0-9_-]{1,40}$/);
      expect(rule.title).toMatch(/^Ml[A-Za-z]+$/);
      expect(['OK', 'NoData', 'Alerting', 'KeepLast']).toContain(rule.noDataState);
      expect(['OK', 'Error', 'Alerting', 'KeepLast']).toContain(rule.execErrState);
      expect(durationSeconds(rule.for, 'for')).toBeGreaterThan(0);
      expect(Object.keys(rule.annotations).sort()).toEqual(['description', 'runbook_url', 'summary']);
      expect(['critical', 'warning', 'info']).toContain(rule.labels.severity);

      const refIds = rule.data.map((step) => step.refId);
      expect(new Set(refIds).size).toBe(refIds.length);
      expect(refIds).toContain(rule.condition);
      const [query, reduce, threshold] = rule.data;
      expect(rule.condition).toBe(threshold?.refId);
      for (const step of rule.data) expect(step.model.refId).toBe(step.refId);
      expect(query?.relativeTimeRange?.from).toBeGreaterThan(0);
      expect(typeof query?.model.expr).toBe('string');
      expect(reduce?.model).toMatchObject({ type: 'reduce', expression: query?.refId, reducer: 'last' });
      expect(threshold?.model).toMatchObject({ type: 'threshold', expression: reduce?.refId });
      const [condition] = threshold?.model.conditions as { evaluator: { type: string; params: number[] } }[];
      const arity = { gt: 1, lt: 1, within_range: 2, outside_range: 2 }[condition?.evaluator.type ?? ''];
      expect({ uid: rule.uid, params: condition?.evaluator.params.length }).toEqual({ uid: rule.uid, params: arity });
      // expression steps point at an earlier step
      for (const step of rule.data.slice(1)) {
        expect(step.datasourceUid).toBe('__expr__');
        expect(refIds.indexOf(step.model.expression as string)).toBeLessThan(refIds.indexOf(step.refId));
      }
    }
  });

  it('queries the Prometheus datasource the dashboards provision, by its uid', () => {
    const provisioned = provisionedDatasourceUid();
    expect(provisioned ?? GRAFANA_DATASOURCE_UID).toBe(GRAFANA_DATASOURCE_UID);
    for (const rule of rules) {
      for (const step of rule.data.filter((entry) => entry.datasourceUid !== '__expr__')) expect(step.datasourceUid).toBe(GRAFANA_DATASOURCE_UID);
    }
  });

  it('has unique uids', () => {
    const uids = rules.map((rule) => rule.uid);
    expect(new Set(uids).size).toBe(uids.length);
  });

  it('twins every Prometheus alert: same title, labels, `for` and runbook', () => {
    const alerts = [...buildRuleGroups(defaultConfig).values()].flatMap((group) => group.rules).filter((rule): rule is AlertingRule => 'alert' in rule);
    const signature = (title: string, labels: Record<string, string>, duration: string, runbook: string | undefined) =>
      JSON.stringify([title, Object.entries(labels).sort(), duration, runbook]);
    expect(rules.map((rule) => signature(rule.title, rule.labels, rule.for, rule.annotations.runbook_url)).sort()).toEqual(
      alerts.map((alert) => signature(alert.alert, alert.labels, alert.for ?? '0s', alert.annotations.runbook_url)).sort(),
    );
  });

  it('uses Grafana template syntax: `$values.B.Value`, never `$value` alone or the `query` function', () => {
    for (const rule of rules) {
      const description = rule.annotations.description ?? '';
      expect(description).not.toMatch(/\$value\b(?!s)/);
      expect(description).not.toMatch(/\|\s*query\b/);
      expect(description).toContain('{{ $labels.ml_model_name }}');
    }
  });

  it('has PromQL that promtool parses (each query checked as a recording rule)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'modelwatch-grafana-'));
    try {
      const queries = rules.map((rule, index) => ({ record: `grafana_query_${index}`, expr: String(rule.data[0]?.model.expr) }));
      writeFileSync(join(dir, 'queries.yaml'), stringify({ groups: [{ name: 'grafana-queries', rules: queries }] }));
      const run = runTool(stackTools().promtool, ['check', 'rules', join(dir, 'queries.yaml')]);
      expect(run.output).toMatch(new RegExp(`SUCCESS: ${queries.length} rules found`));
      expect(run.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** The Grafana condition (query A, reduce last, threshold C) as one PromQL filter over the same instant. */
function grafanaConditionAsPromql(condition: GrafanaCondition): string {
  const [first, second] = condition.evaluator.params;
  const query = `(${condition.query})`;
  switch (condition.evaluator.type) {
    case 'gt':
      return `${query} > ${first}`;
    case 'lt':
      return `${query} < ${first}`;
    case 'outside_range':
      return `(${query} < ${first}) or (${query} > ${second})`;
    case 'within_range':
      return `(${query} > ${first}) and (${query} < ${second})`;
  }
}

interface UnitTestFile {
  rule_files: string[];
  evaluation_interval?: string;
  tests: {
    name?: string;
    interval?: string;
    input_series: unknown[];
    alert_rule_test?: { eval_time: string; alertname: string; exp_alerts: { exp_labels?: Record<string, string> }[] }[];
  }[];
}

describe('Grafana conditions select what the Prometheus alerts select', () => {
  const alertsByName = new Map<string, AlertingRule[]>();
  for (const rule of [...buildRuleGroups(defaultConfig).values()].flatMap((group) => group.rules)) {
    if ('alert' in rule) alertsByName.set(rule.alert, [...(alertsByName.get(rule.alert) ?? []), rule]);
  }
  const unitTests = readdirSync(PROMTOOL_TESTS_DIR).filter((name) => name.endsWith('.test.yaml')).sort();

  it.each(unitTests)('on the series of %s, at every evaluation its alert tests check', (name) => {
    const file = parse(readFileSync(join(PROMTOOL_TESTS_DIR, name), 'utf8')) as UnitTestFile;
    let checks = 0;
    let firing = 0;
    const tests = file.tests.flatMap((test) => {
      const exprTests = (test.alert_rule_test ?? []).flatMap((alertTest) =>
        (alertsByName.get(alertTest.alertname) ?? []).flatMap((rule) => {
          const prometheus = `(${rule.expr})`;
          const grafana = `(${grafanaConditionAsPromql(rule.grafana)})`;
          const fires = alertTest.exp_alerts.some((alert) => Object.entries(rule.labels).every(([label, value]) => alert.exp_labels?.[label] === value));
          checks += 2;
          firing += fires ? 1 : 0;
          return [
            { expr: `${prometheus} unless ${grafana}`, eval_time: alertTest.eval_time, exp_samples: [] },
            { expr: `${grafana} unless ${prometheus}`, eval_time: alertTest.eval_time, exp_samples: [] },
            // where the alert fires, both sides are non-empty (so the two checks above compare something)
            ...(fires ? [{ expr: `clamp_max(count(${grafana}), 1)`, eval_time: alertTest.eval_time, exp_samples: [{ labels: '{}', value: 1 }] }] : []),
          ];
        }),
      );
      return exprTests.length === 0 ? [] : [{ name: test.name, interval: test.interval, input_series: test.input_series, promql_expr_test: exprTests }];
    });
    expect({ name, checks: checks > 0, firing: firing > 0 }).toEqual({ name, checks: true, firing: true });
    const dir = mkdtempSync(join(tmpdir(), 'modelwatch-grafana-semantics-'));
    try {
      const unitTest = { rule_files: file.rule_files.map((ruleFile) => join(PROMTOOL_TESTS_DIR, ruleFile)), evaluation_interval: file.evaluation_interval, tests };
      writeFileSync(join(dir, 'semantics.test.yaml'), stringify(unitTest, { lineWidth: 0 }));
      const run = runTool(stackTools().promtool, ['test', 'rules', join(dir, 'semantics.test.yaml')], dir, 50_000);
      expect(run.output).toMatch(/SUCCESS/);
      expect(run.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
