import type { FeatureDriftResult } from './evaluate-feature-drift.js';

/** Dataset-level drift over the features' verdicts. */
export interface DatasetDriftResult {
  featureCount: number;
  driftedCount: number;
  /** driftedCount / featureCount. */
  driftedShare: number;
  /** driftedShare >= shareThreshold. */
  drifted: boolean;
  shareThreshold: number;
  /**
   * Importance-weighted share of drifted features: Σ importance(drifted) / Σ importance;
   * null when no importances were given.
   */
  weightedDriftedShare: number | null;
}

/** Options of {@link evaluateDatasetDrift}. */
export interface DatasetDriftOptions {
  /** Share of drifted features from which the dataset counts as drifted (default 0.5, as Evidently). */
  shareThreshold?: number;
  /** Feature importances (any non-negative scale); features without one weigh 0. */
  importances?: Readonly<Record<string, number>>;
}

/**
 * Summarises per-feature drift into the dataset verdict.
 *
 * @example evaluateDatasetDrift({ a: resultA, b: resultB }).driftedShare // 0.5 when one of two drifted
 */
export function evaluateDatasetDrift(features: Readonly<Record<string, FeatureDriftResult>>, options: DatasetDriftOptions = {}): DatasetDriftResult {
  const shareThreshold = options.shareThreshold ?? 0.5;
  if (!(shareThreshold > 0 && shareThreshold <= 1)) throw new RangeError(`shareThreshold must be in (0, 1], got ${shareThreshold}`);
  const names = Object.keys(features);
  const driftedNames = names.filter((name) => features[name]?.drifted === true);
  const driftedShare = names.length === 0 ? 0 : driftedNames.length / names.length;
  let weightedDriftedShare: number | null = null;
  if (options.importances !== undefined) {
    const weight = (name: string): number => {
      const value = options.importances?.[name] ?? 0;
      if (!(value >= 0) || !Number.isFinite(value)) throw new RangeError(`importances.${name} must be a finite number >= 0, got ${value}`);
      return value;
    };
    const total = names.reduce((sum, name) => sum + weight(name), 0);
    weightedDriftedShare = total > 0 ? driftedNames.reduce((sum, name) => sum + weight(name), 0) / total : 0;
  }
  return { featureCount: names.length, driftedCount: driftedNames.length, driftedShare, drifted: names.length > 0 && driftedShare >= shareThreshold, shareThreshold, weightedDriftedShare };
}
