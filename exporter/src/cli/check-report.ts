/**
 * The documented JSON document of `modelwatch check --format json` (schema:
 * `check-output.schema.json`, docs/cli.md) and the pass/fail verdict the exit code follows.
 */
import type { ProfileComparison } from '../check/compare-to-profile.js';
import type { QualityCheck } from '../check/quality-checks.js';

/** One feature's drift verdict; method/score/threshold are null when the batch had no usable value. */
export interface CheckReportFeature {
  name: string;
  kind: 'numeric' | 'categorical' | 'boolean';
  method: string | null;
  score: number | null;
  pValue: number | null;
  threshold: number | null;
  drifted: boolean;
  sampleSize: number;
}

export interface CheckReportQuality {
  feature: string;
  check: QualityCheck;
  value: number | null;
  threshold: number;
  failed: boolean;
}

export interface CheckReport {
  dataset: { drifted: boolean; driftedShare: number | null; weightedDriftedShare: number | null; rows: { reference: number; current: number } };
  features: CheckReportFeature[];
  quality: CheckReportQuality[];
}

/** A finite number as is; NaN and ±Infinity as null (JSON has no such numbers). */
function finiteOrNull(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * The JSON report of a comparison (non-finite numbers become null).
 *
 * @example checkReport(compareToProfile(profile, rows)).features[0]?.method // 'ks'
 */
export function checkReport(comparison: ProfileComparison): CheckReport {
  return {
    dataset: {
      drifted: comparison.dataset.drifted,
      driftedShare: finiteOrNull(comparison.dataset.driftedShare),
      weightedDriftedShare: finiteOrNull(comparison.dataset.weightedDriftedShare),
      rows: { reference: comparison.rows.reference, current: comparison.rows.current },
    },
    features: comparison.features.map((feature) => ({
      name: feature.name,
      kind: feature.kind,
      method: feature.drift?.method ?? null,
      score: finiteOrNull(feature.drift?.score),
      pValue: finiteOrNull(feature.drift?.pValue),
      threshold: finiteOrNull(feature.drift?.threshold),
      drifted: feature.drift?.drifted ?? false,
      sampleSize: feature.sampleSize,
    })),
    quality: comparison.quality.map((finding) => ({
      feature: finding.feature,
      check: finding.check,
      value: finiteOrNull(finding.value),
      threshold: finding.threshold,
      failed: finding.failed,
    })),
  };
}

/** True when the dataset drifted, any feature drifted or any quality check failed (exit code 1). */
export function checkFailed(report: CheckReport): boolean {
  return report.dataset.drifted || report.features.some((feature) => feature.drifted) || report.quality.some((finding) => finding.failed);
}
