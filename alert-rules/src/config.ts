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
    /**
     * A feature that went constant: over `window`, at least `share` of its values fell into one reference
     * bin that holds less than `maxReferenceShare` of the reference, with at least `minValues` values.
     */
    readonly constant: {
      readonly window: string;
      readonly share: number;
      readonly maxReferenceShare: number;
      readonly minValues: number;
      readonly for: string;
    };
  };
  readonly performance: {
    /** A replica's whole-model degradation counts only when its window holds at least this many labelled rows (`ml_performance_samples`). */
    readonly minSamples: number;
    /** Relative degradation vs the baseline (`ml_performance_degradation`, positive = worse), e.g. 0.05 = 5 % worse. */
    readonly warningDegradation: number;
    readonly criticalDegradation: number;
    /**
     * Significance guard: a drop alerts only when its shortfall in the metric's own units
     * (degradation × |baseline|) exceeds `significanceK` × the sampling error of the window estimate
     * (`ml_performance_sampling_error`, `ml_performance_estimated_sampling_error` for CBPE). 3 ≈ one
     * false alarm in 740 evaluations of a stationary metric (one-sided normal tail).
     */
    readonly significanceK: number;
    readonly for: string;
    /**
     * Per segment (`ml_segment!=""`, alert `MlSegmentPerformanceDegraded`): the same guard, more labelled
     * rows, warning only unless `criticalDegradation` is set.
     */
    readonly segment: {
      readonly minSamples: number;
      readonly warningDegradation: number;
      readonly criticalDegradation?: number;
      readonly for: string;
    };
    /** CBPE estimate (`ml_performance_estimated_degradation`), guarded by `ml_window_samples >= minWindowSamples` and the significance guard. */
    readonly estimated: { readonly degradation: number; readonly minWindowSamples: number; readonly for: string };
  };
  readonly conceptDrift: {
    /** Detections counted over this window (`increase(ml_concept_drift_detections_total[window]) > 0`). */
    readonly window: string;
    readonly for: string;
  };
  readonly fairness: {
    /** The four-fifths band of `ml_fairness_disparate_impact_ratio`. */
    readonly lower: number;
    readonly upper: number;
    /**
     * Significance guard: the selection rates of the groups must differ by more than chance, a
     * chi-squared test of homogeneity (from `ml_fairness_selection_rate` × `ml_fairness_group_samples`)
     * above its critical value at a one-sided normal quantile `significanceK` (3 ≈ p < 0.00135).
     */
    readonly significanceK: number;
    /** Only when every group of the attribute has at least this many labelled rows (`ml_fairness_group_samples`). */
    readonly minGroupSamples: number;
    readonly for: string;
  };
  readonly labels: {
    readonly coverage: { readonly threshold: number; readonly for: string };
    /** `histogram_quantile(quantile, rate(ml_label_delay_bucket[window]))` above `thresholdSeconds`. */
    readonly delay: { readonly quantile: number; readonly thresholdSeconds: number; readonly window: string; readonly for: string };
    /** Pending predictions grew over `window` while no label was joined in it. */
    readonly stalled: { readonly window: string; readonly for: string };
    /** Share of labels that could not be joined (unknown_id, too_late, invalid) over `window`, with at least `minLabels` labels. */
    readonly notJoined: { readonly ratio: number; readonly minLabels: number; readonly window: string; readonly for: string };
    /** Predictions evicted before their label because the pending store was full. */
    readonly evictedWindow: string;
    readonly evictedFor: string;
  };
  readonly spc: {
    /** History the control limits are computed from, ending `offset` ago (so the current window is excluded). */
    readonly lookback: string;
    readonly offset: string;
    /** Limits at mean ± k·σ. */
    readonly k: number;
    /** No alert until the history holds at least this much time of the metric (first deploy, new model version). */
    readonly minHistory: string;
    readonly for: string;
    readonly metrics: readonly SpcMetric[];
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

/** A metric watched with statistical-process-control limits (mean ± k·σ of its own history). */
export interface SpcMetric {
  /** A gauge of docs/metrics.md, e.g. `ml_performance_accuracy`. */
  readonly metric: string;
  /** Words for the description, e.g. `accuracy`. */
  readonly what: string;
  /** Labels that identify one target (the replicas are aggregated with `aggregation`). */
  readonly labels: readonly string[];
  /** How replicas combine into one value per target. */
  readonly aggregation: 'avg' | 'max' | 'min';
  /** Which side is bad: `low` (a score fell), `high` (a ratio rose) or `both`. */
  readonly direction: 'low' | 'high' | 'both';
  /** Floor of σ, so a perfectly flat history does not alert on a tiny change. */
  readonly sigmaFloor: number;
}

/** Uid of the Prometheus datasource that dashboards/provisioning/datasources/ provisions (Grafana-managed alerts query it). */
export const GRAFANA_DATASOURCE_UID = 'modelwatch-prometheus';

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
    constant: { window: '1h', share: 0.999, maxReferenceShare: 0.5, minValues: 100, for: '30m' },
  },
  performance: {
    minSamples: 100,
    warningDegradation: 0.05,
    criticalDegradation: 0.15,
    significanceK: 3,
    for: '30m',
    segment: { minSamples: 500, warningDegradation: 0.05, for: '30m' },
    estimated: { degradation: 0.05, minWindowSamples: 500, for: '30m' },
  },
  conceptDrift: { window: '30m', for: '5m' },
  fairness: { lower: 0.8, upper: 1.25, significanceK: 3, minGroupSamples: 100, for: '1h' },
  labels: {
    coverage: { threshold: 0.5, for: '1h' },
    delay: { quantile: 0.9, thresholdSeconds: 86_400, window: '6h', for: '1h' },
    stalled: { window: '6h', for: '30m' },
    notJoined: { ratio: 0.1, minLabels: 50, window: '1h', for: '15m' },
    evictedWindow: '15m',
    evictedFor: '15m',
  },
  spc: {
    lookback: '7d',
    offset: '1h',
    k: 3,
    minHistory: '1d',
    for: '30m',
    metrics: [
      { metric: 'ml_performance_accuracy', what: 'accuracy', labels: ['ml_model_name', 'ml_model_version', 'ml_segment'], aggregation: 'avg', direction: 'low', sigmaFloor: 0.005 },
      { metric: 'ml_dataset_drift_share', what: 'drifted feature share', labels: ['ml_model_name', 'ml_model_version'], aggregation: 'max', direction: 'high', sigmaFloor: 0.02 },
      {
        metric: 'ml_feature_quality_missing_ratio',
        what: 'missing ratio',
        labels: ['ml_model_name', 'ml_model_version', 'ml_feature_name'],
        aggregation: 'max',
        direction: 'high',
        sigmaFloor: 0.005,
      },
    ],
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
