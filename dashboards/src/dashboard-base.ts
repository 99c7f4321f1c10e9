import { DashboardBuilder, DashboardCursorSync, DashboardLinkBuilder, DashboardLinkType, type QueryVariableBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { DASHBOARD_TAG, DEFAULT_REFRESH, DEFAULT_TIME } from './config.js';

/** Identity of one dashboard. */
export interface DashboardIdentity {
  readonly uid: string;
  readonly title: string;
  readonly description: string;
  /** Template variables in order (later ones may use earlier ones). */
  readonly variables: readonly QueryVariableBuilder[];
}

/**
 * A dashboard with the shared settings: the `modelwatch` tag, a dropdown linking every modelwatch
 * dashboard (keeping time range and variables), shared crosshair, 6 h range, 1 m refresh.
 * @example baseDashboard({ uid: 'modelwatch-overview', title: 'Model overview', description: '…', variables: [modelVariable()] })
 */
export function baseDashboard(identity: DashboardIdentity): DashboardBuilder {
  const builder = new DashboardBuilder(identity.title)
    .uid(identity.uid)
    .description(identity.description)
    .tags([DASHBOARD_TAG])
    .time({ ...DEFAULT_TIME })
    .refresh(DEFAULT_REFRESH)
    .timezone('browser')
    .tooltip(DashboardCursorSync.Crosshair)
    .link(
      new DashboardLinkBuilder('modelwatch')
        .type(DashboardLinkType.Dashboards)
        .tags([DASHBOARD_TAG])
        .asDropdown(true)
        .includeVars(true)
        .keepTime(true)
        .icon('external link')
        .tooltip('Other modelwatch dashboards')
        .targetBlank(false),
    );
  for (const variable of identity.variables) builder.withVariable(variable);
  return builder;
}
