/**
 * The known logistic model behind the simulator's labels: P(fraud | transaction) =
 * σ(intercept + Σ coefficient · term). Covariate drift moves the inputs of this model; concept drift
 * swaps its coefficients while the inputs stay as they were.
 */
import type { CategoricalFeature, TransactionFeatures } from './fraud-features.js';
import { sigmoid } from './sampling.js';

/** Coefficients of the ground-truth model (terms are centred on stationary traffic). */
export interface GroundTruthCoefficients {
  intercept: number;
  /** × (ln amount − 3.8) */
  logAmount: number;
  /** × (ln(1 + account_age_days) − 6) */
  logAccountAge: number;
  /** × (transactions_24h − 2.5) */
  transactions24h: number;
  /** × (ln(1 + distance_from_home_km) − 2.4) */
  logDistance: number;
  /** × (merchant_risk − 0.3) */
  merchantRisk: number;
  /** × 1 when hour_of_day < 6 */
  night: number;
  /** × (ln amount − ln avg_amount_30d) */
  amountVsAverage: number;
  /** Added per category value (absent values add 0). */
  categories: { [name in CategoricalFeature]: Readonly<Record<string, number>> };
}

/** The world the model was trained on. */
export const STATIONARY_COEFFICIENTS: GroundTruthCoefficients = {
  intercept: -3.5,
  logAmount: 1.0,
  logAccountAge: -0.7,
  transactions24h: 0.3,
  logDistance: 0.35,
  merchantRisk: 3.0,
  night: 0.6,
  amountVsAverage: 0.5,
  categories: {
    merchant_category: { electronics: 0.8, online: 0.6, travel: 0.5, grocery: -0.5, fuel: 0 },
    channel: { web: 0.5, app: 0.2, pos: -0.4 },
    card_type: { prepaid: 1.0, credit: 0.2, debit: 0 },
  },
};

/**
 * The default concept drift: fraudsters switch to many small card-present grocery and fuel payments
 * on old accounts, so what used to signal fraud no longer does (and the other way round).
 */
export const CONCEPT_DRIFT_COEFFICIENTS: GroundTruthCoefficients = {
  intercept: -3.2,
  logAmount: -0.9,
  logAccountAge: 0.6,
  transactions24h: 0.45,
  logDistance: -0.2,
  merchantRisk: 0.5,
  night: 0,
  amountVsAverage: -0.3,
  categories: {
    merchant_category: { electronics: -0.6, online: -0.4, travel: -0.5, grocery: 1.0, fuel: 1.2 },
    channel: { web: -0.6, app: 0.1, pos: 0.8 },
    card_type: { prepaid: 0, credit: 0.2, debit: 0.4 },
  },
};

/** Fills `partial` with `base`: a coefficient left out keeps its base value; category tables merge per value. */
export function mergeCoefficients(base: GroundTruthCoefficients, partial: Partial<GroundTruthCoefficients>): GroundTruthCoefficients {
  const categories = { ...base.categories };
  for (const [name, table] of Object.entries(partial.categories ?? {}) as Array<[CategoricalFeature, Record<string, number>]>) {
    categories[name] = { ...base.categories[name], ...table };
  }
  return { ...base, ...partial, categories };
}

/**
 * The true fraud probability of a transaction (its features as they really were, before any
 * data-quality fault).
 *
 * @example fraudProbability(features, STATIONARY_COEFFICIENTS) // e.g. 0.04
 */
export function fraudProbability(features: TransactionFeatures, coefficients: GroundTruthCoefficients): number {
  const c = coefficients;
  const amount = Math.max(features.amount ?? 45, 0.01);
  const average = Math.max(features.avg_amount_30d ?? 40, 0.01);
  let logit = c.intercept;
  logit += c.logAmount * (Math.log(amount) - 3.8);
  logit += c.logAccountAge * (Math.log1p(Math.max(features.account_age_days ?? 400, 0)) - 6);
  logit += c.transactions24h * ((features.transactions_24h ?? 2.5) - 2.5);
  logit += c.logDistance * (Math.log1p(Math.max(features.distance_from_home_km ?? 10, 0)) - 2.4);
  logit += c.merchantRisk * ((features.merchant_risk ?? 0.3) - 0.3);
  logit += c.night * Number((features.hour_of_day ?? 12) < 6);
  logit += c.amountVsAverage * (Math.log(amount) - Math.log(average));
  for (const name of Object.keys(c.categories) as CategoricalFeature[]) {
    const value = features[name];
    if (value !== null) logit += c.categories[name][value] ?? 0;
  }
  return sigmoid(logit);
}
