/**
 * Reference profiles: the versioned JSON summary of the reference data (see docs/profiles.md), how
 * to build, save-compatible load and validate it, and the default drift-method policy.
 */
export {
  PROFILE_SCHEMA_VERSION,
  PROFILE_TYPE,
  PROFILE_QUANTILES,
  FEATURE_KINDS,
  FEATURE_ROLES,
  referenceProfileSchema,
  featureProfileSchema,
} from './schema.js';
export type {
  ReferenceProfile,
  FeatureProfile,
  NumericFeatureProfile,
  CategoricalFeatureProfile,
  BooleanFeatureProfile,
  CategoryFrequency,
  ProfileBaseline,
  NumericBinning,
  ProfileQuantiles,
  ProfileQuantileName,
  FeatureRole,
} from './schema.js';
export { isMissing } from './is-missing.js';
export { inferKind, inferKindFromTally, emptyKindTally, tallyValue, assertKindOverrides, overriddenKind } from './infer-kind.js';
export type { KindOverrides, InferKindOptions, KindTally } from './infer-kind.js';
export { DEFAULT_BIN_COUNT, quantileBinEdges, quantileBinEdgesSorted, explicitBinEdges, assertBinCount } from './bin-edges.js';
export { quantileSortedLinear } from './numpy-quantile.js';
export { buildProfile } from './build-profile.js';
export { ProfileBuilder } from './profile-builder.js';
export { PROFILE_DEFAULTS } from './profile-options.js';
export type { ProfileOptions } from './profile-options.js';
export { parseProfile, loadProfile } from './load-profile.js';
export { ProfileError } from './profile-error.js';
export type { ProfileIssue } from './profile-error.js';
export { chooseDriftMethod, validateDriftMethodOverride, LARGE_SAMPLE_SIZE } from './drift-method.js';
export type { ChooseDriftMethodInput, DriftMethodChoice, DriftMethodOverride } from './drift-method.js';
