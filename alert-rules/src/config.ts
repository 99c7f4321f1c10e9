/**
 * The ONE place for alert thresholds, `for` durations, windows and selectors (kubernetes-mixin style).
 * Change a value here, run `npm run rules:generate --workspace alert-rules`, commit the rule files.
 * Every metric name used by the rules comes from docs/metrics.md.
 */

/** Thresholds and durations of every generated rule. */
export interface AlertRulesConfig {
  /** Extra label matchers added to every metric selector, e.g. `env="prod"` (empty: all series). */
  readonly selector: string;
  /** Labels the alerts keep besides the model labels, e.g. `['team']` when every series carries `team`. */
  readonly extraGroupingLabels: readonly string[];
  /** Base URL of the runbook; each alert links to `<base>#<anchor>`. */
  readonly runbookBaseUrl: string;
  /** Evaluation interval of every rule group. */
  readonly evaluationInterval: string;
  readonly featureDrift: {
    /** Warning: the monitor's own verdict (`ml_feature_drift_detected == 1`) held this long. */
    readonly warningFor: string;
    /** Critical for distance methods: score >= multiplier × the exported threshold. */
    readonly criticalScoreMultiplier: number;
    /** Critical for test methods (p-value based): effect size >= this (KS statistic, Cramér V, |proportion difference|). */
    readonly criticalEffectSize: number;
    readonly criticalFor: string;
  };
  readonly datasetDrift: { readonly for: string };
  readonly dataQuality: {
    /** Missing ratio above `threshold` AND above `spikeFactor` × its average over `baselineWindow` ending `baselineOffset` ago. */
    readonly missingRatio: {
      readonly threshold: number;
      readonly spikeFactor: number;
      /** Floor of the baseline, so a feature that was never missing does not alert on a single null. */
      readonly baselineFloor: number;
      readonly baselineWindow: string;
      readonly baselineOffset: string;
      readonly for: string;
    };
    readonly unseenCategoryRatio: { readonly threshold: number; readonly for: string };
    readonly outOfRangeRatio: { readonly threshold: number; readonly for: string };
    readonly typeErrorRatio: { readonly threshold: number; readonly for: string };
  };
  readonly monitorHealth: {
    /** A model that reported within this window but has no current sample has stopped reporting. */
    readonly stoppedLookback: string;
    readonly stoppedFor: string;
    /** Models that must always report: each gets an `absent()` alert (works even after Prometheus restarts). */
    readonly expectedModels: readonly string[];
    readonly overflowWindow: string;
    readonly overflowFor: string;
    /** Dropped / (recorded + dropped) over `droppedWindow`. */
    readonly droppedRatioThreshold: number;
    readonly droppedWindow: string;
    readonly droppedFor: string;
  };
  readonly fleetDrift: {
    /** Windows of the fleet-wide PSI / Jensen-Shannon recording rules, e.g. `['1h', '6h']`. */
    readonly windows: readonly string[];
    /** Proportion given to an empty bin in PSI (same as the in-process default, 1e-4). */
    readonly psiEpsilon: number;
    /** Window of the fleet PSI alert; must be one of `windows`. */
    readonly alertWindow: string;
    /** Fleet PSI >= this alerts (the in-process PSI default threshold is 0.2). */
    readonly psiThreshold: number;
    readonly alertFor: string;
  };
}

/** Defaults shipped with modelwatch. */
export const defaultConfig: AlertRulesConfig = {
  selector: '',
  extraGroupingLabels: [],
  runbookBaseUrl: 'https://github.com/modelwatch/modelwatch/blob/main/alert-rules/runbook.md',
  evaluationInterval: '1m',
  featureDrift: { warningFor: '15m', criticalScoreMultiplier: 2, criticalEffectSize: 0.3, criticalFor: '30m' },
  datasetDrift: { for: '15m' },
  dataQuality: {
    missingRatio: { threshold: 0.1, spikeFactor: 3, baselineFloor: 0.01, baselineWindow: '6h', baselineOffset: '1h', for: '10m' },
    unseenCategoryRatio: { threshold: 0.01, for: '15m' },
    outOfRangeRatio: { threshold: 0.05, for: '15m' },
    typeErrorRatio: { threshold: 0.01, for: '10m' },
  },
  monitorHealth: {
    stoppedLookback: '1h',
    stoppedFor: '10m',
    expectedModels: [],
    overflowWindow: '15m',
    overflowFor: '15m',
    droppedRatioThreshold: 0.01,
    droppedWindow: '10m',
    droppedFor: '10m',
  },
  fleetDrift: { windows: ['1h', '6h'], psiEpsilon: 1e-4, alertWindow: '1h', psiThreshold: 0.2, alertFor: '15m' },
};
