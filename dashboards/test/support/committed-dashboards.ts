/** The committed dashboards (`dashboards/json/*.json`) and the queries of their panels. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSON_DIR } from '../../src/paths.js';

/** The parts of a dashboard's JSON these tests read. */
export interface DashboardJson {
  uid: string;
  title: string;
  panels: PanelJson[];
  templating: { list: VariableJson[] };
  [key: string]: unknown;
}

export interface PanelJson {
  id: number;
  type: string;
  title: string;
  datasource?: { type: string; uid: string };
  targets?: Array<{ refId: string; expr: string; instant?: boolean; datasource?: { type: string; uid: string } }>;
  repeat?: string;
  options?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface VariableJson {
  name: string;
  type: string;
  multi?: boolean;
  includeAll?: boolean;
  allValue?: string;
  datasource?: { type: string; uid: string };
  query: { query: string } | string;
  [key: string]: unknown;
}

/** One query of one panel. */
export interface PanelQuery {
  readonly dashboard: DashboardJson;
  readonly panel: PanelJson;
  readonly refId: string;
  readonly expr: string;
  readonly instant: boolean;
}

/** Committed dashboards by file name. */
export function readCommittedDashboards(): Map<string, DashboardJson> {
  const files = readdirSync(JSON_DIR).filter((name) => name.endsWith('.json')).sort();
  return new Map(files.map((name) => [name, JSON.parse(readFileSync(join(JSON_DIR, name), 'utf8')) as DashboardJson]));
}

/** Every query of every panel (rows have none). */
export function panelQueries(dashboards: Iterable<DashboardJson>): PanelQuery[] {
  const queries: PanelQuery[] = [];
  for (const dashboard of dashboards) {
    for (const panel of dashboard.panels) {
      for (const target of panel.targets ?? []) {
        queries.push({ dashboard, panel, refId: target.refId, expr: target.expr, instant: target.instant === true });
      }
    }
  }
  return queries;
}

/** The PromQL text of a query variable. */
export function variableQuery(variable: VariableJson): string {
  return typeof variable.query === 'string' ? variable.query : variable.query.query;
}
