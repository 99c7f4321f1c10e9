/**
 * The payments traffic the simulator generates: 7 numeric and 3 categorical features of a card
 * transaction, the customer's region (the segment) and age band (the protected attribute), and how
 * stationary values are drawn from a fixed number of uniforms per row.
 */
import { normalFromUniforms, pickWeighted, poissonFromUniform } from './sampling.js';

export const NUMERIC_FEATURES = [
  'amount',
  'account_age_days',
  'transactions_24h',
  'distance_from_home_km',
  'merchant_risk',
  'hour_of_day',
  'avg_amount_30d',
] as const;
export const CATEGORICAL_FEATURES = ['merchant_category', 'channel', 'card_type'] as const;
export const FEATURE_NAMES = [...NUMERIC_FEATURES, ...CATEGORICAL_FEATURES] as const;

export type NumericFeature = (typeof NUMERIC_FEATURES)[number];
export type CategoricalFeature = (typeof CATEGORICAL_FEATURES)[number];
export type FeatureName = NumericFeature | CategoricalFeature;

/** One transaction as the model sees it; `null` is a missing value (a data-quality fault). */
export type TransactionFeatures = { [name in NumericFeature]: number | null } & { [name in CategoricalFeature]: string | null };

/** Category shares of stationary traffic. */
export const CATEGORY_WEIGHTS: { readonly [name in CategoricalFeature]: Readonly<Record<string, number>> } = {
  merchant_category: { grocery: 0.3, online: 0.28, electronics: 0.14, fuel: 0.16, travel: 0.12 },
  channel: { pos: 0.5, web: 0.32, app: 0.18 },
  card_type: { debit: 0.6, credit: 0.34, prepaid: 0.06 },
};
/** Region shares: the segment (`ml.segment`). */
export const REGION_WEIGHTS: Readonly<Record<string, number>> = { EU: 0.5, NA: 0.3, APAC: 0.2 };
/** Age-band shares: the protected attribute (`age_band`) for fairness. */
export const AGE_BAND_WEIGHTS: Readonly<Record<string, number>> = { '18-29': 0.25, '30-49': 0.45, '50+': 0.3 };
/** Median account age per age band: young customers have young accounts, so the model treats them differently. */
const MEDIAN_ACCOUNT_AGE_DAYS: Readonly<Record<string, number>> = { '18-29': 150, '30-49': 500, '50+': 900 };

/** Uniforms one stationary row consumes (always the same number). */
export const UNIFORMS_PER_ROW = 18;

/** A transaction before any scenario: features, region and age band, from `UNIFORMS_PER_ROW` uniforms. */
export interface BaseTransaction {
  features: { [name in NumericFeature]: number } & { [name in CategoricalFeature]: string };
  /** The uniform behind each categorical value, so a drifted category mix reuses it. */
  categoryUniforms: { [name in CategoricalFeature]: number };
  region: string;
  ageBand: string;
}

function round(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}

/** Draws one stationary transaction; `u` is called exactly `UNIFORMS_PER_ROW` times. */
export function drawBaseTransaction(u: () => number): BaseTransaction {
  const normal = (): number => normalFromUniforms(u(), u());
  const region = pickWeighted(u(), REGION_WEIGHTS);
  const ageBand = pickWeighted(u(), AGE_BAND_WEIGHTS);
  const categoryUniforms = { merchant_category: u(), channel: u(), card_type: u() };
  const features = {
    amount: round(Math.exp(3.8 + 0.9 * normal()), 2),
    account_age_days: Math.round(Math.exp(Math.log(MEDIAN_ACCOUNT_AGE_DAYS[ageBand] ?? 500) + 0.8 * normal())),
    transactions_24h: poissonFromUniform(u(), 2.5),
    distance_from_home_km: round(Math.exp(2.3 + 1.1 * normal()), 1),
    merchant_risk: round(Math.min(1, Math.max(0, 0.3 + 0.15 * normal())), 3),
    hour_of_day: Math.floor((((13 + 5 * normal()) % 24) + 24) % 24),
    avg_amount_30d: round(Math.exp(3.7 + 0.6 * normal()), 2),
    merchant_category: pickWeighted(categoryUniforms.merchant_category, CATEGORY_WEIGHTS.merchant_category),
    channel: pickWeighted(categoryUniforms.channel, CATEGORY_WEIGHTS.channel),
    card_type: pickWeighted(categoryUniforms.card_type, CATEGORY_WEIGHTS.card_type),
  };
  return { features, categoryUniforms, region, ageBand };
}

export function isNumericFeature(name: string): name is NumericFeature {
  return (NUMERIC_FEATURES as readonly string[]).includes(name);
}

export function isCategoricalFeature(name: string): name is CategoricalFeature {
  return (CATEGORICAL_FEATURES as readonly string[]).includes(name);
}
