/**
 * The monitor's computed values as plain data: what the gauges export at collection time, also
 * returned by `monitor.snapshot()` for tests, the CLI and a terminal view. @internal types exported publicly.
 */
import type { DatasetDriftResult } from '../drift/dataset-drift.js';
import type { FeatureDriftResult } from '../drift/evaluate-feature-drift.js';
import type { FeatureKind } from '../drift/methods.js';
import type { FeatureRole } from '../profile/schema.js';
import type { DropReason, QualityEventCheck } from './metric-names.js';
import type { PerformanceSnapshot } from './performance-snapshot.js';

/** Data-quality ratios over the window; null where the denominator is 0 or the check does not apply. */
export interface FeatureQualityRatios {
  /** missing / rows. */
  missingRatio: number | null;
  /** (type errors + oversized strings) / rows. */
  typeErrorRatio: number | null;
  /** Numeric only: (values outside the reference [min, max] + ±Infinity) / numeric values. */
  outOfRangeRatio: number | null;
  /** Categorical only, when the profile lists every reference category: unseen / usable values. */
  unseenCategoryRatio: number | null;
}

/** One monitored profile column in the current window. */
export interface FeatureSnapshot {
  name: string;
  kind: FeatureKind;
  role: FeatureRole;
  /** Rows of the window in which the column was looked at. */
  rows: number;
  /** Usable values (the drift sample size). */
  samples: number;
  /** The drift verdict; null when skipped (see `driftSkipped`). */
  drift: FeatureDriftResult | null;
  driftSkipped: 'too_few_samples' | 'empty_reference' | 'error' | null;
  quality: FeatureQualityRatios;
  /** Window counts per reference bin (categorical: categories, then other). */
  binCounts: number[];
  /** Counts per reference bin since start (monotonic). */
  cumulativeBinCounts: number[];
  /** Reference share per bin, aligned with binCounts. */
  referenceFractions: number[];
  /** Quality events since start, per check. */
  qualityEvents: Record<QualityEventCheck, number>;
  /** Numeric only: mean of the usable values in the window (null when none). */
  mean: number | null;
}

/** Everything the monitor computes at one collection. */
export interface MonitorSnapshot {
  model: { name: string; version: string };
  window: { kind: 'time' | 'count'; slices: number; observations: number };
  /** Columns with role `feature`, in profile order. */
  features: FeatureSnapshot[];
  /** Columns with role `prediction` or `score`. */
  predictions: FeatureSnapshot[];
  /** Dataset drift over the evaluated features; null when no feature had enough samples. */
  dataset: DatasetDriftResult | null;
  /** Mean of the finite scores in the window (mean confidence); null when none. */
  scoreMean: number | null;
  counters: {
    /** Observations since start per bounded segment value ('' = no segment). */
    observations: Record<string, number>;
    dropped: Record<DropReason, number>;
    /** Input names not in the profile, since start. */
    unknownFeatures: number;
    /** Observations whose segment value folded into the overflow value. */
    segmentOverflow: number;
  };
  /** Delayed labels, realised and estimated performance, concept drift, fairness. */
  performance: PerformanceSnapshot;
}
