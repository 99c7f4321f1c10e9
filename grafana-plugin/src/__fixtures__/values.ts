/** Input values of the test fixtures (no imports, so a node-environment test can read them too). */

/** Reference fractions of the numeric feature `amount` (10 bins) and the current per-bin counts over the range. */
export const AMOUNT_REFERENCE = [0.04, 0.08, 0.12, 0.16, 0.2, 0.16, 0.12, 0.07, 0.04, 0.01];
export const AMOUNT_COUNTER_START = [100, 180, 260, 330, 420, 330, 250, 150, 90, 20];
export const AMOUNT_INCREASE = [10, 20, 40, 60, 90, 120, 150, 140, 100, 70];

/** Categories of `country` in profile order; the contract adds one "other" bin after them. */
export const COUNTRY_CATEGORIES = ['DE', 'FR', 'US', 'GB', 'ES', 'IT', 'NL', 'PL'];
export const COUNTRY_REFERENCE = [0.3, 0.2, 0.15, 0.1, 0.08, 0.07, 0.05, 0.03, 0.02];
export const COUNTRY_INCREASE = [200, 180, 260, 60, 50, 40, 30, 20, 160];

/** One row per feature of the drift table: method, score, p-value (tests only), threshold, verdict. */
export const TABLE_FEATURES = [
  { feature: 'amount', method: 'psi', scores: [0.05, 0.08, 0.15, 0.3, 0.42], threshold: 0.2, detected: 1 },
  { feature: 'country', method: 'chi_squared', scores: [3, 5, 40, 120, 187], pValue: 3.2e-9, threshold: 0.05, detected: 1 },
  { feature: 'age', method: 'ks', scores: [0.01, 0.02, 0.02, 0.03, 0.03], pValue: 0.07, threshold: 0.05, detected: 0 },
  { feature: 'device', method: 'jensen_shannon', scores: [0.02, 0.02, 0.03, 0.02, 0.03], threshold: 0.1, detected: 0 },
  { feature: 'income', method: 'wasserstein_normalized', scores: [0.04, 0.06, 0.07, 0.08, 0.09], threshold: 0.1, detected: 0 },
] as const;

export const TABLE_IMPORTANCES = 'amount=0.35, country=0.1, age=0.25, device=0.05, income=0.25';

/** Segments of the heatmap; `''` is traffic without a segment, `__overflow__` the segments past the cap. */
export const SEGMENTS = ['web', 'ios', 'android', 'partner-a', '', '__overflow__'];
