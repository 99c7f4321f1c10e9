import { createHash } from 'node:crypto';
import { stringify } from 'yaml';
import { GRAFANA_DATASOURCE_UID, type AlertRulesConfig } from './config.js';
import { durationSeconds } from './durations.js';
import { buildRuleGroups } from './render-rule-files.js';
import type { AlertingRule, GrafanaEvaluator, RuleGroup } from './rule-types.js';

/** Folder (title) the Grafana-managed rules are provisioned into. */
export const GRAFANA_FOLDER = 'modelwatch';

/** Grafana's server-side expressions datasource. */
const EXPRESSION_DATASOURCE = '__expr__';

/** One step of a Grafana alert rule's `data`. */
export interface GrafanaQuery {
  readonly refId: string;
  readonly relativeTimeRange?: { readonly from: number; readonly to: number };
  readonly datasourceUid: string;
  readonly model: Readonly<Record<string, unknown>>;
}

/** A Grafana alert rule in the file-provisioning format (apiVersion 1). */
export interface GrafanaAlertRule {
  readonly uid: string;
  readonly title: string;
  readonly condition: string;
  readonly data: readonly GrafanaQuery[];
  readonly noDataState: 'OK' | 'NoData' | 'Alerting' | 'KeepLast';
  readonly execErrState: 'OK' | 'Error' | 'Alerting' | 'KeepLast';
  readonly for: string;
  readonly annotations: Readonly<Record<string, string>>;
  readonly labels: Readonly<Record<string, string>>;
  readonly isPaused: boolean;
}

/** One provisioned group. */
export interface GrafanaRuleGroup {
  readonly orgId: number;
  readonly name: string;
  readonly folder: string;
  readonly interval: string;
  readonly rules: readonly GrafanaAlertRule[];
}

/**
 * A stable uid (Grafana: at most 40 characters of letters, digits, `-`, `_`): the alert name, then a hash
 * of name, severity and static labels, so changing a threshold keeps the uid and two severities differ.
 * @example grafanaRuleUid({ alert: 'MlFeatureDrift', labels: { severity: 'warning' } }) // 'mw-ml-feature-drift-…'
 */
export function grafanaRuleUid(rule: Pick<AlertingRule, 'alert' | 'labels'>): string {
  const kebab = rule.alert.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
  const identity = JSON.stringify([rule.alert, Object.entries(rule.labels).sort(([a], [b]) => a.localeCompare(b))]);
  const hash = createHash('sha256').update(identity).digest('hex').slice(0, 8);
  return `mw-${kebab.slice(0, 27)}-${hash}`;
}

/** Grafana templates name the reduced value `$values.B.Value` where Prometheus says `$value`. */
function grafanaTemplate(text: string): string {
  if (/\|\s*query\b/.test(text)) throw new Error(`a Grafana annotation cannot use the query template function: ${text}`);
  return text.replace(/\$value\b(?!s)/g, '$values.B.Value');
}

/** Query A: instant PromQL against the provisioned Prometheus datasource. */
function promQuery(expr: string, lookbackSeconds: number): GrafanaQuery {
  return {
    refId: 'A',
    relativeTimeRange: { from: lookbackSeconds, to: 0 },
    datasourceUid: GRAFANA_DATASOURCE_UID,
    model: { refId: 'A', expr, instant: true, range: false, editorMode: 'code', intervalMs: 1000, maxDataPoints: 43200 },
  };
}

/** Reduce B: the last value of each series of A (non-numbers dropped, so a NaN-retired series never fires). */
function reduceStep(): GrafanaQuery {
  return {
    refId: 'B',
    datasourceUid: EXPRESSION_DATASOURCE,
    model: { refId: 'B', type: 'reduce', expression: 'A', reducer: 'last', settings: { mode: 'dropNN' }, datasource: { type: EXPRESSION_DATASOURCE, uid: EXPRESSION_DATASOURCE } },
  };
}

/** Threshold C on B: the rule's condition. */
function thresholdStep(evaluator: GrafanaEvaluator): GrafanaQuery {
  return {
    refId: 'C',
    datasourceUid: EXPRESSION_DATASOURCE,
    model: {
      refId: 'C',
      type: 'threshold',
      expression: 'B',
      conditions: [{ evaluator: { type: evaluator.type, params: [...evaluator.params] } }],
      datasource: { type: EXPRESSION_DATASOURCE, uid: EXPRESSION_DATASOURCE },
    },
  };
}

/** The Grafana-managed twin of one Prometheus alerting rule: query A, reduce B, threshold C; title = alert name (the `alertname` label). */
export function grafanaAlertRule(rule: AlertingRule, interval: string): GrafanaAlertRule {
  const lookback = Math.max(600, durationSeconds(interval, 'evaluationInterval') * 10);
  const { description, ...others } = rule.annotations;
  return {
    uid: grafanaRuleUid(rule),
    title: rule.alert,
    condition: 'C',
    data: [promQuery(rule.grafana.query, lookback), reduceStep(), thresholdStep(rule.grafana.evaluator)],
    // no series means nothing to alert on (the filtered PromQL returns none while healthy)
    noDataState: 'OK',
    execErrState: 'Error',
    for: rule.for ?? '0s',
    annotations: { ...others, description: grafanaTemplate(rule.grafana.description ?? description ?? '') },
    labels: { ...rule.labels },
    isPaused: false,
  };
}

function grafanaGroup(group: RuleGroup): GrafanaRuleGroup {
  const alerts = group.rules.filter((rule): rule is AlertingRule => 'alert' in rule);
  return { orgId: 1, name: group.name, folder: GRAFANA_FOLDER, interval: group.interval, rules: alerts.map((rule) => grafanaAlertRule(rule, group.interval)) };
}

/** Every Grafana provisioning file (`alert-rules/grafana/<concern>.yaml`), one group per Prometheus rule file. */
export function buildGrafanaFiles(config: AlertRulesConfig): ReadonlyMap<string, { apiVersion: 1; groups: GrafanaRuleGroup[] }> {
  const files = new Map<string, { apiVersion: 1; groups: GrafanaRuleGroup[] }>();
  for (const [name, group] of buildRuleGroups(config)) {
    if (!group.rules.some((rule) => 'alert' in rule)) continue;
    files.set(name.replace(/\.rules\.yaml$/, '.yaml'), { apiVersion: 1, groups: [grafanaGroup(group)] });
  }
  return files;
}

const HEADER =
  '# Grafana-managed alert rules (file provisioning, apiVersion 1), generated by `npm run rules:generate --workspace alert-rules`\n' +
  '# from alert-rules/src/config.ts. Do not edit. Queries use the Prometheus datasource uid ' +
  `${GRAFANA_DATASOURCE_UID}; fleet and SPC alerts read the recording rules of alert-rules/rules/ (load them in Prometheus).\n`;

/** The Grafana provisioning files' text, keyed by file name. */
export function renderGrafanaFiles(config: AlertRulesConfig): ReadonlyMap<string, string> {
  return new Map([...buildGrafanaFiles(config)].map(([name, file]) => [name, HEADER + stringify(file, { lineWidth: 0 })]));
}
