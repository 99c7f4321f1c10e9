/**
 * Per-feature tallies of current data on the reference profile's own bins and categories: what a
 * batch comparison needs, accumulated one value at a time so any amount of data is checked in
 * constant memory (the size of the profile).
 */
import type { FeatureDriftData } from '../drift/feature-drift-data.js';
import type { BooleanFeatureProfile, CategoricalFeatureProfile, FeatureProfile, NumericFeatureProfile } from '../profile/schema.js';
import { FixedEdgeHistogram } from '../sketches/fixed-edge-histogram.js';
import { readCategory, readNumeric } from './current-values.js';
import type { QualityCheck } from './quality-checks.js';

/** The label under which categories the reference did not list are counted. */
export const OTHER_CATEGORY = '__other__';

/** How one value was counted. */
export type TallyStatus = 'ok' | 'missing' | 'type_error';

/** What a finished tally hands to the comparison. */
export interface TallySummary {
  /** Reference and current counts on the same bins (the drift evaluator's input). */
  data: FeatureDriftData;
  /** Usable current values (the drift sample size). */
  sampleSize: number;
  missing: number;
  typeErrors: number;
  /** Kind-specific quality values (out_of_range, new_category, constant). */
  extra: { check: QualityCheck; value: number }[];
}

/** A running tally of one feature's current values. */
export interface FeatureTally {
  readonly name: string;
  readonly profile: FeatureProfile;
  /** Counts one raw value (any type; never throws) and says how it was counted. */
  add(raw: unknown): TallyStatus;
  summary(): TallySummary;
}

/** Numeric feature: a histogram on the reference's bin edges, range and constancy tracking. */
export class NumericTally implements FeatureTally {
  readonly #histogram: FixedEdgeHistogram;
  #missing = 0;
  #typeErrors = 0;
  #outOfRange = 0;
  #finite = 0;
  #first = Number.NaN;
  #varies = false;

  constructor(
    readonly name: string,
    readonly profile: NumericFeatureProfile,
  ) {
    this.#histogram = FixedEdgeHistogram.create(profile.binEdges);
  }

  add(raw: unknown): TallyStatus {
    const read = readNumeric(raw);
    if (read.status === 'missing') {
      this.#missing++;
      return 'missing';
    }
    if (read.status === 'type_error') {
      this.#typeErrors++;
      return 'type_error';
    }
    const value = read.value;
    this.#histogram.add(value);
    if (Number.isFinite(value)) {
      this.#finite++;
      if (this.#finite === 1) this.#first = value;
      else if (value !== this.#first) this.#varies = true;
    }
    const range = this.profile.range;
    if (range !== null && (value < range.min || value > range.max)) this.#outOfRange++;
    return 'ok';
  }

  summary(): TallySummary {
    const feature = this.profile;
    const histogram = this.#histogram;
    const referenceVaried = feature.range !== null && feature.range.max > feature.range.min;
    const extra: TallySummary['extra'] = [{ check: 'out_of_range', value: histogram.total > 0 ? this.#outOfRange / histogram.total : Number.NaN }];
    if (referenceVaried && this.#finite >= 2) extra.push({ check: 'constant', value: this.#varies ? 0 : 1 });
    const data: FeatureDriftData = {
      kind: 'numeric',
      binEdges: feature.binEdges,
      referenceCounts: feature.binCounts,
      currentCounts: Float64Array.from(histogram.counts),
      ...(feature.std !== null && feature.std > 0 ? { referenceStd: feature.std } : {}),
    };
    return { data, sampleSize: histogram.total, missing: this.#missing, typeErrors: this.#typeErrors, extra };
  }
}

/** Categorical or boolean feature: counts per reference category plus one "other" count. */
export class CategoricalTally implements FeatureTally {
  readonly #categories: string[];
  readonly #index: Map<string, number>;
  readonly #counts: Float64Array;
  readonly #distinct = new Set<string>();
  #missing = 0;
  #typeErrors = 0;
  #usable = 0;

  constructor(
    readonly name: string,
    readonly profile: CategoricalFeatureProfile | BooleanFeatureProfile,
  ) {
    this.#categories = profile.categories.map((entry) => entry.value);
    this.#index = new Map(this.#categories.map((value, position) => [value, position]));
    this.#counts = new Float64Array(this.#categories.length + 1);
  }

  add(raw: unknown): TallyStatus {
    const read = readCategory(raw, this.profile.kind);
    if (read.status === 'missing') {
      this.#missing++;
      return 'missing';
    }
    if (read.status === 'type_error') {
      this.#typeErrors++;
      return 'type_error';
    }
    this.#usable++;
    const position = this.#index.get(read.value) ?? this.#categories.length;
    this.#counts[position] = (this.#counts[position] as number) + 1;
    if (this.#distinct.size < 2) this.#distinct.add(read.value);
    return 'ok';
  }

  summary(): TallySummary {
    const feature = this.profile;
    const categories = this.#categories;
    const counts = Float64Array.from(this.#counts);
    const usable = this.#usable;
    const referenceCounts = [...feature.categories.map((entry) => entry.count), feature.otherCount];
    const other = counts[categories.length] as number;
    const extra: TallySummary['extra'] = [];
    if (feature.categoriesExact && feature.otherCount === 0) extra.push({ check: 'new_category', value: usable > 0 ? other / usable : Number.NaN });
    if (feature.cardinality > 1 && usable >= 2) extra.push({ check: 'constant', value: this.#distinct.size === 1 ? 1 : 0 });
    // Drop the "other" bin when neither side has anything in it, so binary features stay binary.
    const keepOther = other > 0 || feature.otherCount > 0;
    const data: FeatureDriftData = {
      kind: feature.kind,
      categories: keepOther ? [...categories, OTHER_CATEGORY] : categories,
      referenceCounts: keepOther ? referenceCounts : referenceCounts.slice(0, -1),
      currentCounts: keepOther ? counts : counts.subarray(0, categories.length),
    };
    return { data, sampleSize: usable, missing: this.#missing, typeErrors: this.#typeErrors, extra };
  }
}

/**
 * The tally for one profiled feature.
 *
 * @example const tally = createFeatureTally('age', profile.features.age); tally.add(42); tally.summary().sampleSize // 1
 */
export function createFeatureTally(name: string, profile: FeatureProfile): FeatureTally {
  return profile.kind === 'numeric' ? new NumericTally(name, profile) : new CategoricalTally(name, profile);
}
