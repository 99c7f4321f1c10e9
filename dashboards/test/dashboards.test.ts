/**
 * The committed dashboards: identical to the generator's output, valid against the JSON Schema derived
 * from @grafana/schema, on the provisioned datasource, with stable unique uids, and only metric names of
 * the contract (docs/metrics.md).
 */
import { jest } from '@jest/globals';
import { DASHBOARD_UIDS, DATASOURCE_UID, DRIFT_PANEL_TYPE } from '../src/config.js';
import { renderDashboards } from '../src/render.js';
import { panelQueries, readCommittedDashboards, variableQuery, type DashboardJson } from './support/committed-dashboards.js';
import { createDashboardValidator, grafanaSchemaVersion, type SchemaVerdict } from './support/dashboard-schema.js';
import { contractPrometheusNames, isKnownMetric, metricNamesIn, performanceSelectors } from './support/metric-contract.js';

jest.setTimeout(30_000);

const committed = readCommittedDashboards();
const dashboards = [...committed.values()];
let validate: (dashboard: unknown) => SchemaVerdict;

beforeAll(() => {
  validate = createDashboardValidator();
});

test('the committed JSON is exactly what `npm run dashboards:generate` writes (run it after changing src/)', () => {
  const generated = renderDashboards();
  expect([...committed.keys()].sort()).toEqual([...generated.keys()].sort());
  for (const [name, text] of generated) expect({ name, json: JSON.parse(text) as unknown }).toEqual({ name, json: committed.get(name) });
});

test('six dashboards with the configured uids, each in <uid>.json, tagged modelwatch', () => {
  expect([...committed.keys()].sort()).toEqual(Object.values(DASHBOARD_UIDS).map((uid) => `${uid}.json`).sort());
  for (const [name, dashboard] of committed) {
    expect(`${dashboard.uid}.json`).toBe(name);
    expect(dashboard.tags).toContain('modelwatch');
  }
});

test.each(dashboards.map((dashboard) => [dashboard.uid, dashboard] as const))(
  '%s validates against the JSON Schema derived from @grafana/schema',
  (_uid, dashboard) => {
    expect(validate(dashboard)).toEqual({ valid: true, errors: [] });
  },
);

describe('the derived schema rejects broken dashboards', () => {
  const overview = (): DashboardJson => structuredClone(committed.get('modelwatch-overview.json') as DashboardJson);

  test(`a panel without a type (schema of @grafana/schema ${grafanaSchemaVersion()})`, () => {
    const broken = overview();
    const panel = broken.panels[1] as Record<string, unknown>;
    delete panel.type;
    const verdict = validate(broken);
    expect(verdict.valid).toBe(false);
    expect(verdict.errors.some((error) => error.startsWith('/panels/1'))).toBe(true);
  });

  test('a string schemaVersion, a misspelt field, a gridPos without height', () => {
    const broken = overview() as Record<string, unknown> & DashboardJson;
    broken.schemaVersion = '42';
    broken.titel = 'typo';
    delete (broken.panels[2]?.gridPos as Record<string, unknown>).h;
    const { valid, errors } = validate(broken);
    expect(valid).toBe(false);
    expect(errors).toEqual(expect.arrayContaining(['/schemaVersion: must be number', '/: must NOT have additional properties (titel)']));
    expect(errors.some((error) => error.startsWith('/panels/2/gridPos'))).toBe(true);
  });
});

test('every panel and every query uses the provisioned Prometheus datasource uid', () => {
  const offenders: string[] = [];
  for (const dashboard of dashboards) {
    for (const panel of dashboard.panels) {
      if (panel.type === 'row') continue;
      if (panel.datasource?.uid !== DATASOURCE_UID) offenders.push(`${dashboard.uid}/${panel.title}`);
      for (const target of panel.targets ?? []) if (target.datasource?.uid !== DATASOURCE_UID) offenders.push(`${dashboard.uid}/${panel.title}/${target.refId}`);
      if (panel.type !== 'row' && (panel.targets ?? []).length === 0) offenders.push(`${dashboard.uid}/${panel.title} has no query`);
    }
    for (const variable of dashboard.templating.list) if (variable.datasource?.uid !== DATASOURCE_UID) offenders.push(`${dashboard.uid}/$${variable.name}`);
  }
  expect(offenders).toEqual([]);
});

test('panel ids are unique within a dashboard; refIds unique within a panel', () => {
  for (const dashboard of dashboards) {
    const ids = dashboard.panels.map((panel) => panel.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const panel of dashboard.panels) {
      const refIds = (panel.targets ?? []).map((target) => target.refId);
      expect(new Set(refIds).size).toBe(refIds.length);
    }
  }
});

test('every $variable a query or a repeat uses is defined by its dashboard (Grafana built-ins aside)', () => {
  const builtIns = new Set(['__range', '__rate_interval', '__interval']);
  const missing: string[] = [];
  for (const dashboard of dashboards) {
    const defined = new Set(dashboard.templating.list.map((variable) => variable.name));
    const texts = [
      ...panelQueries([dashboard]).map((query) => query.expr),
      ...dashboard.templating.list.map(variableQuery),
      ...dashboard.panels.flatMap((panel) => (panel.repeat === undefined ? [] : [`$${panel.repeat}`])),
    ];
    for (const text of texts) {
      for (const [, name] of text.matchAll(/\$(\w+)/g)) if (!defined.has(name ?? '') && !builtIns.has(name ?? '')) missing.push(`${dashboard.uid}: $${name}`);
    }
  }
  expect(missing).toEqual([]);
});

test('the modelwatch panel is used with its three views, the segments view on the Performance dashboard', () => {
  const views = dashboards.flatMap((dashboard) => dashboard.panels.filter((panel) => panel.type === DRIFT_PANEL_TYPE).map((panel) => panel.options?.view));
  expect(new Set(views)).toEqual(new Set(['table', 'distribution', 'segments']));
  const performance = committed.get(`${DASHBOARD_UIDS.performance}.json`);
  const segmentPanels = performance?.panels.filter((panel) => panel.type === DRIFT_PANEL_TYPE && panel.options?.view === 'segments') ?? [];
  expect(segmentPanels.length).toBeGreaterThan(0);
  for (const panel of segmentPanels) expect(panel.options?.rowLabel).toBe('ml_segment');
});

test('every selector of a performance family picks the whole model (ml_segment="") or the segments (ml_segment!=""), never both', () => {
  const mixed: string[] = [];
  for (const query of panelQueries(dashboards)) {
    for (const selector of performanceSelectors(query.expr)) {
      if (!/ml_segment\s*(=|!=)\s*""/.test(selector)) mixed.push(`${query.dashboard.uid} / ${query.panel.title} / ${query.refId}: ${selector}`);
    }
  }
  expect(mixed).toEqual([]);
});

test('the performance-family check catches a selector that mixes the whole model and the segments', () => {
  expect(performanceSelectors('avg(ml_performance_accuracy{ml_model_name="m"}) - ml_performance_baseline{ml_model_name="m"}')).toEqual(['ml_performance_accuracy{ml_model_name="m"}']);
  expect(performanceSelectors('ml_label_coverage{ml_segment=~"$segment"}')).toEqual(['ml_label_coverage{ml_segment=~"$segment"}']);
});

test('queries use only metric names of the contract (docs/metrics.md) and ALERTS', () => {
  const contract = contractPrometheusNames();
  const unknown = new Set<string>();
  for (const query of panelQueries(dashboards)) for (const name of metricNamesIn(query.expr)) if (!isKnownMetric(name, contract)) unknown.add(name);
  for (const dashboard of dashboards) {
    for (const variable of dashboard.templating.list) for (const name of metricNamesIn(variableQuery(variable))) if (!isKnownMetric(name, contract)) unknown.add(name);
  }
  expect([...unknown].sort()).toEqual([]);
});
