import type { Dashboard, VariableModel } from '@grafana/grafana-foundation-sdk/dashboard';
import { DASHBOARDS } from './dashboards/index.js';

/** Fields the SDK sets on every variable that only interval variables have in Grafana's schema. */
const INTERVAL_ONLY_FIELDS = ['auto', 'auto_min', 'auto_count'] as const;

function withoutIntervalFields(variable: VariableModel): VariableModel {
  if (variable.type === 'interval') return variable;
  const copy: Record<string, unknown> = { ...variable };
  for (const field of INTERVAL_ONLY_FIELDS) delete copy[field];
  return copy as unknown as VariableModel;
}

/**
 * Final touches on a built dashboard: stable panel ids 1…n in layout order (Grafana needs them for
 * links and repeats) and no interval-only fields on query variables.
 */
export function finishDashboard(dashboard: Dashboard): Dashboard {
  let id = 0;
  const panels = (dashboard.panels ?? []).map((panel) => ({ ...panel, id: (id += 1) }));
  const list = dashboard.templating?.list?.map(withoutIntervalFields);
  return { ...dashboard, panels, ...(list === undefined ? {} : { templating: { ...dashboard.templating, list } }) };
}

/** The JSON text of a dashboard as committed: 2-space indent, trailing newline. */
export function dashboardJson(dashboard: Dashboard): string {
  return `${JSON.stringify(dashboard, null, 2)}\n`;
}

/**
 * Every dashboard as committed, keyed by file name (`<uid>.json`).
 * @example renderDashboards().get('modelwatch-overview.json') // '{\n  "timezone": "browser", …'
 */
export function renderDashboards(): Map<string, string> {
  const files = new Map<string, string>();
  for (const create of DASHBOARDS) {
    const dashboard = finishDashboard(create().build());
    if (dashboard.uid === undefined) throw new Error(`dashboard ${JSON.stringify(dashboard.title)} has no uid`);
    files.set(`${dashboard.uid}.json`, dashboardJson(dashboard));
  }
  return files;
}
