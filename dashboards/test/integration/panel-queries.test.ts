/**
 * Every panel query of every committed dashboard, run on a real Prometheus filled by real monitors:
 * the stack harness (OTLP → vmagent → Prometheus) with the committed alert rules (second-scale timing),
 * `startModelwatch` + `createModelMonitor` from `@modelwatch/otel` sending drifting, faulty, labelled,
 * segmented traffic with a protected attribute. Template variables are resolved through Prometheus'
 * label-values API as Grafana does; `$__range`, `$__rate_interval` and `$__interval` get the test's
 * values. A query passes when, for at least one model, it returns a finite sample.
 */
import { jest } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startModelwatch, type ModelwatchHandle } from '@modelwatch/otel';
import { startMetricsStack, type MetricsStack } from '../../../exporter/test/integration/stack/index.js';
import { panelQueries, readCommittedDashboards, variableQuery, type DashboardJson } from '../support/committed-dashboards.js';
import { runPanelQuery } from '../support/query-data.js';
import { writeFastRuleFiles } from '../support/test-rules.js';
import { panelSubstitutions, resolveVariables, substitute, type IntervalValues, type ResolvedVariables } from '../support/template-variables.js';
import { FRAUD, startTraffic, type TrafficRun } from '../support/traffic.js';
import { DASHBOARD_UIDS } from '../../src/config.js';

jest.setTimeout(45_000);

const SERVICE = 'dashboards-e2e';
const dashboards = [...readCommittedDashboards().values()];
const queries = panelQueries(dashboards);

let dir = '';
let stack: MetricsStack | undefined;
let handle: ModelwatchHandle | undefined;
let traffic: TrafficRun | undefined;
let startS = 0;
let endS = 0;
let models: string[] = [];
/** Resolved variables per dashboard uid and model. */
const resolved = new Map<string, Map<string, ResolvedVariables | Error>>();

function intervals(): IntervalValues {
  return { range: `${Math.ceil(endS - startS)}s`, rateInterval: '5s', interval: '1s' };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'modelwatch-dashboards-e2e-'));
  stack = await startMetricsStack({ ruleFiles: writeFastRuleFiles(dir) });
  startS = Date.now() / 1000;
  handle = startModelwatch({ url: stack.vmagentOtlpUrl, serviceName: SERVICE, exportIntervalMillis: 500, setGlobal: false });
  traffic = startTraffic(handle.meterProvider);
  await stack.waitFor(`ml_feature_drift_detected{ml_model_name="${FRAUD.name}"}`, (samples) => samples.length >= 3, 15_000);
  traffic.labelStationary();
  await sleep(3_000); // a few exports of the stationary phase, so rates and increases have two points
  traffic.driftAndLabel();
  await stack.waitFor(`ALERTS{alertstate="firing", ml_model_name="${FRAUD.name}"}`, undefined, 15_000);
  await sleep(3_000);
  endS = Date.now() / 1000;
  const modelVariable = dashboards[0]?.templating.list[0];
  if (modelVariable === undefined) throw new Error('the first dashboard has no $model variable');
  models = await stack.labelValues('ml_model_name', variableQuery(modelVariable).replace(/^label_values\((.*),\s*ml_model_name\)$/, '$1'));
  for (const dashboard of dashboards) {
    const perModel = new Map<string, ResolvedVariables | Error>();
    for (const model of models) {
      perModel.set(model, await resolveVariables(stack, dashboard.templating.list, model, intervals()).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error)))));
    }
    resolved.set(dashboard.uid, perModel);
  }
}, 60_000);

afterAll(async () => {
  for (const monitor of traffic?.monitors ?? []) monitor.shutdown();
  await handle?.shutdown();
  await stack?.stop();
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

test('both models are in Prometheus, and the library supports every contract feature the traffic uses', () => {
  expect(models.sort()).toEqual(['demand', 'fraud']);
  expect(traffic?.missing ?? []).toEqual([]);
});

test.each(dashboards.map((dashboard) => [dashboard.uid, dashboard] as const))('%s: every template variable has values for the fraud model', (_uid, dashboard: DashboardJson) => {
  const variables = resolved.get(dashboard.uid)?.get(FRAUD.name);
  expect(variables instanceof Error ? variables.message : [...(variables?.options.entries() ?? [])].filter(([, found]) => found.length > 0).map(([name]) => name)).toEqual(
    dashboard.templating.list.map((variable) => variable.name),
  );
});

test.each(queries.map((query) => [`${query.dashboard.uid} / ${query.panel.title} / ${query.refId}`, query] as const))('%s returns data', async (_name, query) => {
  const outcomes: Record<string, string> = {};
  for (const model of models) {
    const variables = resolved.get(query.dashboard.uid)?.get(model);
    if (variables === undefined || variables instanceof Error) {
      outcomes[model] = `variables: ${variables?.message ?? 'not resolved'}`;
      continue;
    }
    const copies = panelSubstitutions(variables, query.panel.repeat);
    const empty: string[] = [];
    for (const values of copies) {
      const expr = substitute(query.expr, values, intervals());
      const outcome = await runPanelQuery(stack?.prometheusUrl ?? '', expr, { instant: query.instant, startS, endS: Date.now() / 1000, stepS: 1 });
      if (outcome.finiteSamples === 0) empty.push(`${outcome.series} series, no finite sample: ${expr}`);
    }
    outcomes[model] = copies.length === 0 ? `no value for the repeat variable $${query.panel.repeat}` : empty.join('\n    ');
    if (copies.length > 0 && empty.length === 0) return;
  }
  throw new Error(`no model returned data:\n${Object.entries(outcomes).map(([model, text]) => `  ${model}: ${text}`).join('\n')}`);
});

/** A committed panel query with the fraud model's variables substituted. */
function fraudQuery(uid: string, title: string, refId: string): string {
  const query = queries.find((q) => q.dashboard.uid === uid && q.panel.title === title && q.refId === refId);
  if (query === undefined) throw new Error(`no query ${refId} in panel "${title}" of ${uid}`);
  const variables = resolved.get(uid)?.get(FRAUD.name);
  if (variables === undefined || variables instanceof Error) throw new Error(`variables of ${uid}: ${variables?.message ?? 'not resolved'}`);
  return substitute(query.expr, variables.values, intervals());
}

const byVersion = (samples: readonly { metric: Readonly<Record<string, string>>; value: number }[]) =>
  new Map(samples.map((sample) => [`${sample.metric.ml_model_version ?? ''}|${sample.metric.service_name ?? ''}`, sample.value]));

describe('Performance and segments: whole model and segments on the real stack', () => {
  const uid = DASHBOARD_UIDS.performance;

  test('the whole-model series (ml_segment="") holds the labelled rows of every segment: adding both would double-count', async () => {
    const segments = await stack?.query(fraudQuery(uid, 'Labelled rows by segment', 'A'));
    const whole = await stack?.query(fraudQuery(uid, 'Labelled rows by segment', 'B'));
    expect(new Set(segments?.map((sample) => sample.metric.ml_segment))).toEqual(new Set(['app', 'web', '__overflow__']));
    expect(whole?.map((sample) => sample.metric.ml_segment)).toEqual([undefined]);
    const segmentTotal = (segments ?? []).reduce((sum, sample) => sum + sample.value, 0);
    expect(segmentTotal).toBeGreaterThan(0);
    expect(whole?.[0]?.value).toBe(segmentTotal);
  });

  test('the accuracy band is realised ± 2 sampling errors, around every whole-model series', async () => {
    const realised = byVersion((await stack?.query(fraudQuery(uid, 'Accuracy', 'A'))) ?? []);
    const lower = byVersion((await stack?.query(fraudQuery(uid, 'Accuracy', 'B'))) ?? []);
    const upper = byVersion((await stack?.query(fraudQuery(uid, 'Accuracy', 'C'))) ?? []);
    expect(realised.size).toBe(1);
    expect([...lower.keys()]).toEqual([...realised.keys()]);
    for (const [key, value] of realised) {
      const low = lower.get(key) ?? Number.NaN;
      const high = upper.get(key) ?? Number.NaN;
      expect(low).toBeLessThan(value);
      expect(high).toBeGreaterThan(value);
      expect(high - value).toBeCloseTo(value - low, 9);
      // binomial SE of accuracy on the window's labelled rows: the band is ±2 of it
      const samples = (await stack?.query(fraudQuery(uid, 'Labelled rows by segment', 'B')))?.[0]?.value ?? Number.NaN;
      expect((high - value) / 2).toBeCloseTo(Math.sqrt((value * (1 - value)) / samples), 2);
    }
  });

  test('the segments heatmap gets one row per segment, __overflow__ included, and no whole-model row', async () => {
    const rows = (await stack?.query(fraudQuery(uid, 'Accuracy by segment × time', 'A'))) ?? [];
    expect(rows.map((sample) => sample.metric.ml_segment).sort()).toEqual(['__overflow__', 'app', 'web']);
    for (const row of rows) expect(row.value).toBeGreaterThanOrEqual(0);
  });
});
