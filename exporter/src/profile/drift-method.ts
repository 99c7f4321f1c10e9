/**
 * The default drift-method policy: which method and threshold judge a feature when the user does
 * not say. Pure: no statistic is computed here (see `drift/evaluate-feature-drift.ts`).
 *
 * | kind | samples ≤ 1000 (smaller side) | larger |
 * |---|---|---|
 * | numeric | two-sample KS, drift when p < 0.05 | PSI on the reference quantile bins, drift when PSI ≥ 0.2 |
 * | categorical, > 2 categories | chi-squared, p < 0.05 | Jensen-Shannon distance (base 2) ≥ 0.1 |
 * | boolean / categorical with ≤ 2 categories | two-proportion z-test, p < 0.05 | Jensen-Shannon distance (base 2) ≥ 0.1 |
 *
 * Why: on small samples a test's p-value is the honest answer (a distance between two noisy
 * histograms of 100 values is mostly noise). On large samples every p-value goes to 0 for shifts
 * too small to matter (Evidently issues #50, #20), so a distance with a fixed, interpretable
 * threshold takes over. The switch uses the SMALLER of the reference and current sizes: a test's
 * power grows with n·m/(n+m), which the smaller side dominates, and a distance is only as stable as
 * the sparser of its two histograms. PSI for numeric features: its 0.1 / 0.2 bands are the most
 * widely used in model monitoring, and on reference quantile bins every reference bin holds ≈ 1/B of
 * the mass, so PSI's logarithm never meets a near-empty reference bin. Jensen-Shannon for
 * categories: rare categories make near-zero reference shares where PSI explodes, while the JS
 * distance (base 2) is bounded in [0, 1] and needs no epsilon.
 */
import { DRIFT_METHOD_INFO, assertDriftMethod } from '../drift/methods.js';
import type { DriftMethod, FeatureKind, ThresholdKind } from '../drift/methods.js';

/** Above this many observations on BOTH sides, distances replace p-value tests. */
export const LARGE_SAMPLE_SIZE = 1000;

/** A per-feature override of the default policy: either part may be given alone. */
export interface DriftMethodOverride {
  method?: DriftMethod;
  threshold?: number;
}

export interface ChooseDriftMethodInput {
  kind: FeatureKind;
  /** Non-missing values in the reference (the profile's `count`). */
  referenceSize: number;
  /** Non-missing values in the current window. */
  currentSize: number;
  /** For categorical features: the number of categories compared (2 or fewer → z-test). */
  categoryCount?: number;
  override?: DriftMethodOverride;
}

export interface DriftMethodChoice {
  method: DriftMethod;
  threshold: number;
  /** `p_value`: drift when p < threshold. `distance`: drift when score ≥ threshold. */
  thresholdKind: ThresholdKind;
  /** Why this method: the small-sample or large-sample default, or the user's override. */
  source: 'small_sample_default' | 'large_sample_default' | 'override';
}

function assertSampleSize(value: unknown, name: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer; got ${String(value)}`);
  }
}

/**
 * Checks a user's per-feature override: a known method that applies to `kind`, and a threshold in
 * (0, 1) for p-value methods or > 0 for distances. Returns it unchanged.
 *
 * @throws RangeError listing the valid methods for an unknown name, or naming the bad threshold.
 */
export function validateDriftMethodOverride(override: unknown, kind: FeatureKind, where = 'override'): DriftMethodOverride {
  if (override === null || typeof override !== 'object' || Array.isArray(override)) {
    throw new TypeError(`${where} must be an object like { method: 'psi', threshold: 0.25 }; got ${JSON.stringify(override)}`);
  }
  const { method, threshold } = override as { method?: unknown; threshold?: unknown };
  if (method !== undefined) {
    assertDriftMethod(method, `${where}.method`);
    const info = DRIFT_METHOD_INFO[method];
    if (!info.kinds.includes(kind)) {
      throw new RangeError(`${where}.method: ${method} does not apply to ${kind} features (it takes ${info.kinds.join(', ')})`);
    }
  }
  if (threshold !== undefined) {
    if (typeof threshold !== 'number' || !Number.isFinite(threshold) || threshold <= 0) {
      throw new RangeError(`${where}.threshold must be a positive finite number; got ${String(threshold)}`);
    }
  }
  return override as DriftMethodOverride;
}

/** The default method for `kind` at these sample sizes, ignoring overrides. */
function defaultMethod(kind: FeatureKind, large: boolean, categoryCount: number | undefined): DriftMethod {
  if (kind === 'numeric') return large ? 'psi' : 'ks';
  if (large) return 'jensen_shannon';
  const binary = kind === 'boolean' || (categoryCount !== undefined && categoryCount <= 2);
  return binary ? 'z_test' : 'chi_squared';
}

/**
 * The drift method and threshold for one feature under the default policy (table in this module's
 * comment), with the user's per-feature override applied on top. Convention of the returned
 * threshold: as `thresholdKind` says (p-value: drift when p < threshold, like Evidently's stattests;
 * distance: drift when score ≥ threshold).
 *
 * @throws RangeError for an unknown kind, negative or non-integer sizes, or a bad override.
 * @example chooseDriftMethod({ kind: 'numeric', referenceSize: 50_000, currentSize: 500 })
 * // { method: 'ks', threshold: 0.05, thresholdKind: 'p_value', source: 'small_sample_default' }
 * @example chooseDriftMethod({ kind: 'categorical', referenceSize: 50_000, currentSize: 5_000, override: { threshold: 0.2 } })
 * // { method: 'jensen_shannon', threshold: 0.2, thresholdKind: 'distance', source: 'override' }
 */
export function chooseDriftMethod(input: ChooseDriftMethodInput): DriftMethodChoice {
  const { kind, referenceSize, currentSize, categoryCount, override } = input;
  if (kind !== 'numeric' && kind !== 'categorical' && kind !== 'boolean') {
    throw new RangeError(`kind must be numeric, categorical or boolean; got ${JSON.stringify(kind)}`);
  }
  assertSampleSize(referenceSize, 'referenceSize');
  assertSampleSize(currentSize, 'currentSize');
  if (categoryCount !== undefined) assertSampleSize(categoryCount, 'categoryCount');
  const large = Math.min(referenceSize, currentSize) > LARGE_SAMPLE_SIZE;
  const checked = override === undefined ? undefined : validateDriftMethodOverride(override, kind);
  const method = checked?.method ?? defaultMethod(kind, large, categoryCount);
  const info = DRIFT_METHOD_INFO[method];
  const threshold = checked?.threshold ?? info.defaultThreshold;
  if (info.thresholdKind === 'p_value' && threshold >= 1) {
    throw new RangeError(`override.threshold for ${method} is a p-value and must be below 1; got ${threshold}`);
  }
  const overridden = checked !== undefined && (checked.method !== undefined || checked.threshold !== undefined);
  return {
    method,
    threshold,
    thresholdKind: info.thresholdKind,
    source: overridden ? 'override' : large ? 'large_sample_default' : 'small_sample_default',
  };
}
