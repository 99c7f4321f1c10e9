/**
 * The drift methods modelwatch computes, with what each needs and how its threshold reads.
 * A method with a `p_value` threshold flags drift when p < threshold; a `distance` method flags
 * drift when score >= threshold.
 */
export const DRIFT_METHODS = [
  'ks',
  'chi_squared',
  'z_test',
  'anderson_darling',
  'cramer_von_mises',
  'psi',
  'jensen_shannon',
  'wasserstein_normalized',
  'kl',
  'hellinger',
  'total_variation',
] as const;

export type DriftMethod = (typeof DRIFT_METHODS)[number];
export type FeatureKind = 'numeric' | 'categorical' | 'boolean';
export type ThresholdKind = 'p_value' | 'distance';

export interface DriftMethodInfo {
  thresholdKind: ThresholdKind;
  defaultThreshold: number;
  /** Feature kinds the method applies to. */
  kinds: readonly FeatureKind[];
  /** True when the method needs raw samples (not computable from bin counts). */
  needsSamples: boolean;
}

const BOTH: readonly FeatureKind[] = ['numeric', 'categorical', 'boolean'];

/** Metadata per method; defaults as documented in docs/statistics.md. */
export const DRIFT_METHOD_INFO: Readonly<Record<DriftMethod, DriftMethodInfo>> = {
  ks: { thresholdKind: 'p_value', defaultThreshold: 0.05, kinds: ['numeric'], needsSamples: false },
  chi_squared: { thresholdKind: 'p_value', defaultThreshold: 0.05, kinds: BOTH, needsSamples: false },
  z_test: { thresholdKind: 'p_value', defaultThreshold: 0.05, kinds: ['boolean', 'categorical'], needsSamples: false },
  anderson_darling: { thresholdKind: 'p_value', defaultThreshold: 0.05, kinds: ['numeric'], needsSamples: true },
  cramer_von_mises: { thresholdKind: 'p_value', defaultThreshold: 0.05, kinds: ['numeric'], needsSamples: true },
  psi: { thresholdKind: 'distance', defaultThreshold: 0.2, kinds: BOTH, needsSamples: false },
  jensen_shannon: { thresholdKind: 'distance', defaultThreshold: 0.1, kinds: BOTH, needsSamples: false },
  wasserstein_normalized: { thresholdKind: 'distance', defaultThreshold: 0.1, kinds: ['numeric'], needsSamples: false },
  kl: { thresholdKind: 'distance', defaultThreshold: 0.1, kinds: BOTH, needsSamples: false },
  hellinger: { thresholdKind: 'distance', defaultThreshold: 0.1, kinds: BOTH, needsSamples: false },
  total_variation: { thresholdKind: 'distance', defaultThreshold: 0.1, kinds: BOTH, needsSamples: false },
};

/** Throws a RangeError listing the valid names unless `name` is a drift method. */
export function assertDriftMethod(name: unknown, where = 'method'): asserts name is DriftMethod {
  if (typeof name !== 'string' || !(DRIFT_METHODS as readonly string[]).includes(name)) {
    throw new RangeError(`${where} must be one of ${DRIFT_METHODS.join(', ')}; got ${JSON.stringify(name)}`);
  }
}
