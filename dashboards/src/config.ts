/**
 * What every dashboard shares: the datasource, the uids, the tags and links, the panel plugin id.
 * Change a uid only with a migration note: users bookmark and link dashboards by uid.
 */

/** Uid of the provisioned Prometheus datasource (provisioning/datasources/prometheus.yaml); every panel uses it. */
export const DATASOURCE_UID = 'modelwatch-prometheus';

/** The datasource reference every panel and query carries. */
export const DATASOURCE = { type: 'prometheus', uid: DATASOURCE_UID } as const;

/** Plugin id of the modelwatch panel (grafana-plugin/src/plugin.json). */
export const DRIFT_PANEL_TYPE = 'modelwatch-drift-panel';

/** Tag on every dashboard: the dashboard links list the dashboards that carry it. */
export const DASHBOARD_TAG = 'modelwatch';

/** Stable uids, one per dashboard; the JSON file names follow them. */
export const DASHBOARD_UIDS = {
  overview: 'modelwatch-overview',
  featureDrift: 'modelwatch-feature-drift',
  performance: 'modelwatch-performance',
  dataQuality: 'modelwatch-data-quality',
  fairness: 'modelwatch-fairness',
  monitorHealth: 'modelwatch-monitor-health',
} as const;

/** Default time range and refresh of every dashboard. */
export const DEFAULT_TIME = { from: 'now-6h', to: 'now' } as const;
export const DEFAULT_REFRESH = '1m';

/**
 * Visual guides that match the alert rules' defaults (alert-rules/src/config.ts) and the metric
 * contract's documented bands. They colour panels; they do not alert.
 */
export const GUIDES = {
  /** Default `thresholds.datasetDriftShare` of the monitor. */
  datasetDriftShare: 0.5,
  /** Four-fifths rule: the disparate impact ratio should stay within [0.8, 1.25]. */
  disparateImpact: { low: 0.8, high: 1.25 },
  /** A common tolerance for parity differences (demographic parity, equal opportunity, equalized odds). */
  parityDifference: 0.1,
  /**
   * A drop vs the baseline, in sampling errors of the window, that colours a panel orange, then red:
   * below about 2 it is within noise (docs/metrics.md, ml.performance.sampling_error).
   */
  standardErrors: { warning: 2, critical: 3 },
  /** Relative degradation vs the baseline that colours a panel orange, then red. */
  degradation: { warning: 0.05, critical: 0.1 },
  /** Alert thresholds of the data-quality rules. */
  quality: { missing: 0.1, outOfRange: 0.05, unseenCategory: 0.01, typeError: 0.01 },
} as const;
