/**
 * Fits the example's fraud model on stationary simulator traffic (what `npm run fit-model -w
 * examples` writes to `src/service/model.json`). Deterministic: same seed, same weights.
 */
import { CATEGORICAL_FEATURES, CATEGORY_WEIGHTS, createSimulator, NUMERIC_FEATURES, type NumericFeature } from '../simulator/index.js';
import { fitLogisticRegression } from './fit-logistic.js';
import { encodeFeatures, type FraudModel, type NumericTransform } from './fraud-model.js';

/** The committed model was fitted with these. */
export const TRAINING = { seed: 101, rows: 40_000, l2: 1 } as const;
/** Score at or above which a transaction is flagged. */
export const DECISION_THRESHOLD = 0.5;

const TRANSFORMS: Readonly<Record<NumericFeature, NumericTransform>> = {
  amount: 'log1p',
  account_age_days: 'log1p',
  transactions_24h: 'identity',
  distance_from_home_km: 'log1p',
  merchant_risk: 'identity',
  hour_of_day: 'identity',
  avg_amount_30d: 'log1p',
};

function meanAndStd(values: readonly number[]): { mean: number; std: number } {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;
  return { mean, std: Math.sqrt(variance) || 1 };
}

/**
 * Fits the fraud model on `rows` stationary transactions simulated with `seed`.
 *
 * @example const model = trainFraudModel(); // equals src/service/model.json
 */
export function trainFraudModel(training: { seed: number; rows: number; l2: number } = TRAINING): FraudModel {
  const rows = createSimulator({ seed: training.seed, phases: [{ rows: training.rows }] }).rows();
  const numeric = NUMERIC_FEATURES.map((name) => {
    const transform = TRANSFORMS[name];
    const values = rows.map((row) => {
      const value = row.features[name] ?? 0;
      return transform === 'log1p' ? Math.log1p(Math.max(value, 0)) : value;
    });
    return { name, transform, ...meanAndStd(values), weight: 0 };
  });
  const categorical = CATEGORICAL_FEATURES.map((name) => ({ name, weights: Object.fromEntries(Object.keys(CATEGORY_WEIGHTS[name]).map((category) => [category, 0])) }));
  const shape = { numeric, categorical };
  const labels = rows.map((row) => row.label);
  const fit = fitLogisticRegression(rows.map((row) => encodeFeatures(shape, row.features)), labels, { l2: training.l2 });
  const weights = [...fit.weights];
  for (const feature of numeric) feature.weight = weights.shift() ?? 0;
  for (const feature of categorical) for (const category of Object.keys(feature.weights)) feature.weights[category] = weights.shift() ?? 0;
  // 0.5: the decision threshold the profile's CBPE calibration assumes, so estimated and realised performance agree.
  return { name: 'fraud', version: '1', intercept: fit.intercept, threshold: DECISION_THRESHOLD, numeric, categorical, training: { ...training } };
}
