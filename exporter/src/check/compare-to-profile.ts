import { evaluateDatasetDrift, type DatasetDriftResult } from '../drift/dataset-drift.js';
import { evaluateFeatureDrift, type FeatureDriftResult } from '../drift/evaluate-feature-drift.js';
import type { FeatureDriftData } from '../drift/feature-drift-data.js';
import { chooseDriftMethod, type DriftMethodOverride } from '../profile/drift-method.js';
import type { CategoricalFeatureProfile, BooleanFeatureProfile, FeatureProfile, FeatureRole, NumericFeatureProfile, ReferenceProfile } from '../profile/schema.js';
import { FixedEdgeHistogram } from '../sketches/fixed-edge-histogram.js';
import { readCategory, readNumeric } from './current-values.js';
import { DEFAULT_QUALITY_THRESHOLDS, qualityFinding, type QualityCheck, type QualityFinding } from './quality-checks.js';

/** The label under which categories the reference did not list are counted. */
export const OTHER_CATEGORY = '__other__';

/** Current data: an array of rows, or columns of equal length. */
export type CurrentData = ReadonlyArray<object> | Readonly<Record<string, ArrayLike<unknown>>>;

/** Options of {@link compareToProfile}. */
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
}

/** The result of comparing a batch of current data with a reference profile. */
export interface ProfileComparison {
  rows: { reference: number; current: number };
  dataset: DatasetDriftResult;
  features: FeatureComparison[];
  quality: QualityFinding[];
}

function columnOf(data: CurrentData, name: string): { length: number; at: (row: number) => unknown } {
  if (Array.isArray(data)) {
    const rows = data as ReadonlyArray<Readonly<Record<string, unknown>>>;
    return { length: rows.length, at: (row) => (Object.hasOwn(rows[row] ?? {}, name) ? rows[row]?.[name] : undefined) };
  }
  const columns = data as Readonly<Record<string, ArrayLike<unknown>>>;
  const column = Object.hasOwn(columns, name) ? columns[name] : undefined;
  const length = rowCount(data);
  return { length, at: (row) => (column === undefined ? undefined : column[row]) };
}

function rowCount(data: CurrentData): number {
  if (Array.isArray(data)) return data.length;
  const lengths = new Set(Object.values(data as Readonly<Record<string, ArrayLike<unknown>>>).map((column) => column.length));
  if (lengths.size > 1) throw new RangeError(`current columns must have equal lengths; got ${[...lengths].join(', ')}`);
  return lengths.size === 0 ? 0 : ([...lengths][0] as number);
}

interface Tally {
  data: FeatureDriftData;
  sampleSize: number;
  missing: number;
  typeErrors: number;
  extra: { check: QualityCheck; value: number }[];
}

function tallyNumeric(feature: NumericFeatureProfile, column: ReturnType<typeof columnOf>): Tally {
  const histogram = FixedEdgeHistogram.create(feature.binEdges);
  let missing = 0;
  let typeErrors = 0;
  let outOfRange = 0;
  let finite = 0;
  let first = Number.NaN;
  let varies = false;
  for (let row = 0; row < column.length; row++) {
    const read = readNumeric(column.at(row));
    if (read.status === 'missing') missing++;
    else if (read.status === 'type_error') typeErrors++;
    else {
      histogram.add(read.value);
      if (Number.isFinite(read.value)) {
        finite++;
        if (finite === 1) first = read.value;
        else if (read.value !== first) varies = true;
      }
      if (feature.range !== null && (read.value < feature.range.min || read.value > feature.range.max)) outOfRange++;
    }
  }
  const referenceVaried = feature.range !== null && feature.range.max > feature.range.min;
  const extra: Tally['extra'] = [{ check: 'out_of_range', value: histogram.total > 0 ? outOfRange / histogram.total : Number.NaN }];
  if (referenceVaried && finite >= 2) extra.push({ check: 'constant', value: varies ? 0 : 1 });
  const data: FeatureDriftData = {
    kind: 'numeric',
    binEdges: feature.binEdges,
    referenceCounts: feature.binCounts,
    currentCounts: histogram.counts,
    ...(feature.std !== null && feature.std > 0 ? { referenceStd: feature.std } : {}),
  };
  return { data, sampleSize: histogram.total, missing, typeErrors, extra };
}

function tallyCategorical(feature: CategoricalFeatureProfile | BooleanFeatureProfile, column: ReturnType<typeof columnOf>): Tally {
  const categories = feature.categories.map((entry) => entry.value);
  const index = new Map(categories.map((value, position) => [value, position]));
  const counts = new Float64Array(categories.length + 1);
  let missing = 0;
  let typeErrors = 0;
  let usable = 0;
  const distinct = new Set<string>();
  for (let row = 0; row < column.length; row++) {
    const read = readCategory(column.at(row), feature.kind);
    if (read.status === 'missing') missing++;
    else if (read.status === 'type_error') typeErrors++;
    else {
      usable++;
      const position = index.get(read.value) ?? categories.length;
      counts[position] = (counts[position] as number) + 1;
      if (distinct.size < 2) distinct.add(read.value);
    }
  }
  const referenceCounts = [...feature.categories.map((entry) => entry.count), feature.otherCount];
  const other = counts[categories.length] as number;
  const extra: Tally['extra'] = [];
  if (feature.categoriesExact && feature.otherCount === 0) extra.push({ check: 'new_category', value: usable > 0 ? other / usable : Number.NaN });
  if (feature.cardinality > 1 && usable >= 2) extra.push({ check: 'constant', value: distinct.size === 1 ? 1 : 0 });
  // Drop the "other" bin when neither side has anything in it, so binary features stay binary.
  const keepOther = other > 0 || feature.otherCount > 0;
  const data: FeatureDriftData = {
    kind: feature.kind,
    categories: keepOther ? [...categories, OTHER_CATEGORY] : categories,
    referenceCounts: keepOther ? referenceCounts : referenceCounts.slice(0, -1),
    currentCounts: keepOther ? counts : counts.subarray(0, categories.length),
  };
  return { data, sampleSize: usable, missing, typeErrors, extra };
}

/**
 * Compares a batch of current data with a reference profile: drift per feature (method and threshold
 * from the documented default policy, or the overrides), dataset drift, and data-quality findings.
 * Bad values never throw: they are counted as missing or type errors and reported as findings.
 *
 * @example
 * const result = compareToProfile(profile, currentRows);
 * result.features.filter((f) => f.drift?.drifted).map((f) => f.name);
 */
export function compareToProfile(profile: ReferenceProfile, current: CurrentData, options: CompareOptions = {}): ProfileComparison {
  const thresholds = { ...DEFAULT_QUALITY_THRESHOLDS, ...options.quality };
  const rows = rowCount(current);
  const features: FeatureComparison[] = [];
  const quality: QualityFinding[] = [];
  for (const name of profile.featureOrder) {
    const feature = profile.features[name];
    if (feature === undefined || feature.role === 'target') continue;
    const column = columnOf(current, name);
    const tally = feature.kind === 'numeric' ? tallyNumeric(feature, column) : tallyCategorical(feature, column);
    const referenceSize = feature.count;
    let drift: FeatureDriftResult | null = null;
    if (tally.sampleSize > 0 && referenceSize > 0) {
      const override = options.features?.[name];
      const categoryCount = tally.data.kind === 'numeric' ? undefined : tally.data.categories.length;
      const choice = chooseDriftMethod({ kind: feature.kind, referenceSize, currentSize: tally.sampleSize, ...(categoryCount === undefined ? {} : { categoryCount }), ...(override ? { override } : {}) });
      drift = evaluateFeatureDrift(tally.data, { method: choice.method, threshold: choice.threshold });
    }
    features.push({ name, kind: feature.kind, role: feature.role, drift, sampleSize: tally.sampleSize, missing: tally.missing, typeErrors: tally.typeErrors });
    const total = rows > 0 ? rows : Number.NaN;
    quality.push(qualityFinding(name, 'missing', tally.missing / total - feature.missingRate, thresholds));
    quality.push(qualityFinding(name, 'type_error', tally.typeErrors / total, thresholds));
    for (const { check, value } of tally.extra) quality.push(qualityFinding(name, check, value, thresholds));
  }
  const verdicts = Object.fromEntries(features.filter((f) => f.role === 'feature' && f.drift !== null).map((f) => [f.name, f.drift as FeatureDriftResult]));
  const importances = Object.fromEntries(
    features.flatMap((f) => {
      const importance = profile.features[f.name]?.importance;
      return importance === undefined ? [] : [[f.name, importance]];
    }),
  );
  const dataset = evaluateDatasetDrift(verdicts, {
    ...(options.datasetDriftShare === undefined ? {} : { shareThreshold: options.datasetDriftShare }),
    ...(Object.keys(importances).length > 0 ? { importances } : {}),
  });
  return { rows: { reference: profile.rowCount, current: rows }, dataset, features, quality };
}
