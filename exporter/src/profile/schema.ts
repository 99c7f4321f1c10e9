/**
 * The reference-profile JSON format (version 1): the versioned summary of the training/reference data
 * that live traffic is compared against. Field-by-field documentation: docs/profiles.md.
 *
 * Features are a record keyed by column name PLUS an explicit `featureOrder` array: a record gives
 * readable error paths (`features.age.binEdges[3]`) and direct lookup by name, while the order array
 * keeps the column order of the data (JavaScript objects list integer-like keys such as "2019" first,
 * whatever the insertion order, so key order alone cannot be trusted).
 *
 * The zod schemas check types and shapes only; the cross-field rules (edges strictly increasing,
 * counts adding up, fractions summing to 1) are in `check-profile.ts`.
 */
import { z } from 'zod';
import type { FeatureKind } from '../drift/methods.js';

/** The profile format this version of modelwatch writes and the newest it reads. */
export const PROFILE_SCHEMA_VERSION = 1;

/** Stable type tag written in every profile, so a profile is recognisable on its own. */
export const PROFILE_TYPE = 'modelwatch.reference_profile';

/** Feature kinds, as in the drift-method registry. */
export const FEATURE_KINDS = ['numeric', 'categorical', 'boolean'] as const satisfies readonly FeatureKind[];

/** What a column is to the model. Target, prediction and score columns are profiled like features. */
export const FEATURE_ROLES = ['feature', 'target', 'prediction', 'score'] as const;
export type FeatureRole = (typeof FEATURE_ROLES)[number];

/** The quantiles kept for every numeric feature, in this order. */
export const PROFILE_QUANTILES = { p01: 0.01, p05: 0.05, p25: 0.25, p50: 0.5, p75: 0.75, p95: 0.95, p99: 0.99 } as const;
export type ProfileQuantileName = keyof typeof PROFILE_QUANTILES;

const count = z.number().int().nonnegative();
const fraction = z.number().min(0).max(1);

const commonFields = {
  role: z.enum(FEATURE_ROLES),
  /** Non-missing values of the column's kind. */
  count,
  missingCount: count,
  /** missingCount / rowCount (0 when rowCount is 0). */
  missingRate: fraction,
  /** Non-missing values of another type (e.g. a string in a numeric column); not in `count`. */
  typeErrorCount: count,
  importance: z.number().optional(),
};

const quantilesSchema = z.object({
  p01: z.number(),
  p05: z.number(),
  p25: z.number(),
  p50: z.number(),
  p75: z.number(),
  p95: z.number(),
  p99: z.number(),
});

const binningSchema = z.object({
  /** `quantile`: edges at the reference quantiles; `explicit`: edges given by the user. */
  strategy: z.enum(['quantile', 'explicit']),
  /** Bins asked for (quantile strategy); ties can leave fewer. Null for explicit edges. */
  requestedBinCount: z.number().int().positive().nullable(),
  /** How the edges were found: exact quantiles of all values, quantiles of the sketch, or given. */
  edgesFrom: z.enum(['exact', 'sketch', 'user']),
  /** How the bin counts were found: counted exactly, or estimated from the sketch. */
  countsFrom: z.enum(['exact', 'sketch']),
});

export const numericFeatureSchema = z.object({
  kind: z.literal('numeric'),
  ...commonFields,
  /** ±Infinity values: counted in the outer bins, left out of range, moments, quantiles, sketch. */
  infiniteCount: count,
  /** Interior edges, strictly increasing (numpy searchsorted side='right'; see stats/binning.ts). */
  binEdges: z.array(z.number()),
  /** Values per bin (binEdges.length + 1 entries); sums to count + infiniteCount. */
  binCounts: z.array(count),
  /** binCounts / their sum; sums to 1 (all zeros when there are no values). */
  binFractions: z.array(fraction),
  binning: binningSchema,
  range: z.object({ min: z.number(), max: z.number() }).nullable(),
  /** Null when there is no finite value, or when a statistic overflows float64 (JSON has no Infinity). */
  mean: z.number().nullable(),
  /** Population standard deviation (ddof = 0, numpy.std default). */
  std: z.number().nonnegative().nullable(),
  /** Sample standard deviation (ddof = 1, pandas default); null below 2 values. */
  sampleStd: z.number().nonnegative().nullable(),
  /** numpy.quantile(method='linear') of the finite values, exact or from the sketch (`quantilesExact`). */
  quantiles: quantilesSchema.nullable(),
  quantilesExact: z.boolean(),
  /** The serialized quantile sketch (`QuantileSketch.toJSON()`), for merging and later quantiles. */
  sketch: z.unknown(),
});

const categoryEntrySchema = z.object({ value: z.string(), count, fraction });

const categoryFields = {
  /** Most frequent categories, by count descending then value; at most the configured capacity. */
  categories: z.array(categoryEntrySchema),
  /** Values in categories not listed above. */
  otherCount: count,
  otherFraction: fraction,
  /** Distinct non-missing values seen (a lower bound when `cardinalityExact` is false). */
  cardinality: count,
  cardinalityExact: z.boolean(),
  /** False when more distinct values were seen than tracked: counts are then estimates. */
  categoriesExact: z.boolean(),
};

export const categoricalFeatureSchema = z.object({ kind: z.literal('categorical'), ...commonFields, ...categoryFields });

/** Booleans use the categorical block with exactly the categories "false" and "true", always both. */
export const booleanFeatureSchema = z.object({ kind: z.literal('boolean'), ...commonFields, ...categoryFields });

export const featureProfileSchema = z.discriminatedUnion('kind', [numericFeatureSchema, categoricalFeatureSchema, booleanFeatureSchema]);

/**
 * Performance baseline on the reference data, present when the profile has a target column and a
 * prediction or score column: which columns they are, the task, the metrics on the reference
 * (names as the `ml.performance.metric` values: accuracy, precision, f1_macro, roc_auc, mae, …) and,
 * for binary tasks with a score, the decision threshold and the CBPE calibration (`CbpeModel.toJSON()`). `task` and
 * `calibration` are optional (older version-1 profiles have neither; 'classification' is the
 * older spelling of a classification task).
 */
export const baselineSchema = z.object({
  target: z.string(),
  prediction: z.string().optional(),
  score: z.string().optional(),
  task: z.enum(['classification', 'binary', 'multiclass', 'regression']).optional(),
  /** Binary task with a score: the decision threshold (a score at or above it is predicted positive). */
  threshold: z.number().optional(),
  /** Labelled rows the metrics were computed on. */
  samples: z.number().int().nonnegative().optional(),
  metrics: z.record(z.string(), z.number()),
  calibration: z.unknown().optional(),
});

export const referenceProfileSchema = z.object({
  type: z.literal(PROFILE_TYPE),
  schemaVersion: z.number().int().positive(),
  /** ISO 8601 timestamp. */
  createdAt: z.iso.datetime({ offset: true }),
  name: z.string().optional(),
  description: z.string().optional(),
  rowCount: count,
  featureOrder: z.array(z.string()),
  features: z.record(z.string(), featureProfileSchema),
  baseline: baselineSchema.optional(),
});

export type NumericFeatureProfile = z.infer<typeof numericFeatureSchema>;
export type CategoricalFeatureProfile = z.infer<typeof categoricalFeatureSchema>;
export type BooleanFeatureProfile = z.infer<typeof booleanFeatureSchema>;
export type FeatureProfile = z.infer<typeof featureProfileSchema>;
export type CategoryFrequency = z.infer<typeof categoryEntrySchema>;
export type ProfileBaseline = z.infer<typeof baselineSchema>;
export type NumericBinning = z.infer<typeof binningSchema>;
export type ProfileQuantiles = z.infer<typeof quantilesSchema>;
export type ReferenceProfile = z.infer<typeof referenceProfileSchema>;
