/**
 * Streaming batch comparison: current data is added row by row (or chunk by chunk) into per-feature
 * tallies on the profile's bins; `finish` evaluates drift, dataset drift and data quality. Memory is
 * the size of the profile, whatever the number of rows.
 */
import { evaluateDatasetDrift, type DatasetDriftResult } from '../drift/dataset-drift.js';
import { evaluateFeatureDrift, type FeatureDriftResult } from '../drift/evaluate-feature-drift.js';
import type { FeatureDriftData } from '../drift/feature-drift-data.js';
import { chooseDriftMethod, type DriftMethodOverride } from '../profile/drift-method.js';
import type { FeatureProfile, FeatureRole, ReferenceProfile } from '../profile/schema.js';
import { createFeatureTally, type FeatureTally } from './feature-tally.js';
import { DEFAULT_QUALITY_THRESHOLDS, qualityFinding, type QualityCheck, type QualityFinding } from './quality-checks.js';

/** Options of a comparison. */
export interface CompareOptions {
  /** Per-feature method / threshold overrides. */
  features?: Readonly<Record<string, DriftMethodOverride>>;
  /** Share of drifted features from which the dataset counts as drifted (default 0.5). */
  datasetDriftShare?: number;
  quality?: Partial<Record<QualityCheck, number>>;
}

/** One feature's comparison: drift (null when the current data has no usable value) and its counts. */
export interface FeatureComparison {
  name: string;
  kind: FeatureProfile['kind'];
  role: FeatureRole;
  drift: FeatureDriftResult | null;
  /** Usable current values (the drift sample size). */
  sampleSize: number;
  missing: number;
  typeErrors: number;
  /** Reference and current counts on the reference's bins or categories (what the drift was computed on). */
  distribution: FeatureDriftData;
}

/** The result of comparing a batch of current data with a reference profile. */
export interface ProfileComparison {
  rows: { reference: number; current: number };
  dataset: DatasetDriftResult;
  features: FeatureComparison[];
  quality: QualityFinding[];
}

/**
 * Accumulates current data against a profile. Every profiled column except the target is tallied.
 *
 * @example
 * const accumulator = new ComparisonAccumulator(profile);
 * for (const row of rows) accumulator.addRow(row);
 * accumulator.finish().dataset.drifted;
 */
export class ComparisonAccumulator {
  /** One tally per compared feature, in profile order. */
  readonly tallies: readonly FeatureTally[];
  #rows = 0;

  constructor(readonly profile: ReferenceProfile) {
    this.tallies = profile.featureOrder.flatMap((name) => {
      const feature = profile.features[name];
      return feature === undefined || feature.role === 'target' ? [] : [createFeatureTally(name, feature)];
    });
  }

  /** Rows added so far. */
  get rows(): number {
    return this.#rows;
  }

  /** Counts `count` more rows whose values were added to the tallies directly. */
  countRows(count = 1): void {
    this.#rows += count;
  }

  /** Adds one row (an object of column → value; absent columns are missing). Never throws. */
  addRow(row: Readonly<Record<string, unknown>>): void {
    for (const tally of this.tallies) tally.add(Object.hasOwn(row, tally.name) ? row[tally.name] : undefined);
    this.#rows++;
  }

  /** Evaluates drift per feature (documented default policy or overrides), dataset drift and quality. */
  finish(options: CompareOptions = {}): ProfileComparison {
    const thresholds = { ...DEFAULT_QUALITY_THRESHOLDS, ...options.quality };
    const rows = this.#rows;
    const features: FeatureComparison[] = [];
    const quality: QualityFinding[] = [];
    for (const tally of this.tallies) {
      const { name, profile: feature } = tally;
      const summary = tally.summary();
      const referenceSize = feature.count;
      let drift: FeatureDriftResult | null = null;
      if (summary.sampleSize > 0 && referenceSize > 0) {
        const override = options.features?.[name];
        const categoryCount = summary.data.kind === 'numeric' ? undefined : summary.data.categories.length;
        const choice = chooseDriftMethod({ kind: feature.kind, referenceSize, currentSize: summary.sampleSize, ...(categoryCount === undefined ? {} : { categoryCount }), ...(override ? { override } : {}) });
        drift = evaluateFeatureDrift(summary.data, { method: choice.method, threshold: choice.threshold });
      }
      features.push({ name, kind: feature.kind, role: feature.role, drift, sampleSize: summary.sampleSize, missing: summary.missing, typeErrors: summary.typeErrors, distribution: summary.data });
      const total = rows > 0 ? rows : Number.NaN;
      quality.push(qualityFinding(name, 'missing', summary.missing / total - feature.missingRate, thresholds));
      quality.push(qualityFinding(name, 'type_error', summary.typeErrors / total, thresholds));
      for (const { check, value } of summary.extra) quality.push(qualityFinding(name, check, value, thresholds));
    }
    return { rows: { reference: this.profile.rowCount, current: rows }, dataset: this.#datasetDrift(features, options), features, quality };
  }

  #datasetDrift(features: readonly FeatureComparison[], options: CompareOptions): DatasetDriftResult {
    const verdicts = Object.fromEntries(features.filter((f) => f.role === 'feature' && f.drift !== null).map((f) => [f.name, f.drift as FeatureDriftResult]));
    const importances = Object.fromEntries(
      features.flatMap((f) => {
        const importance = this.profile.features[f.name]?.importance;
        return importance === undefined ? [] : [[f.name, importance]];
      }),
    );
    return evaluateDatasetDrift(verdicts, {
      ...(options.datasetDriftShare === undefined ? {} : { shareThreshold: options.datasetDriftShare }),
      ...(Object.keys(importances).length > 0 ? { importances } : {}),
    });
  }
}
