import { seededRandom, standardNormal } from './random.js';

/** One scored payment: the model's inputs, its fraud score and decision, and (later) the truth. */
export interface Payment {
  amount: number;
  account_age_days: number;
  country: string | null;
  new_device: boolean;
  fraud_score: number;
  is_fraud: boolean;
}

/** What to change about the traffic, relative to stationary. */
export interface Scenario {
  /** Multiplies every amount (a sudden covariate shift, or a ×1000 unit change). */
  amountFactor?: number;
  /** Country mix; default { DE: 0.45, FR: 0.3, ES: 0.25 }. */
  countries?: Readonly<Record<string, number>>;
  /** Share of rows whose country is missing (an upstream fault). */
  missingCountryRate?: number;
}

const STATIONARY_COUNTRIES = { DE: 0.45, FR: 0.3, ES: 0.25 };

function pick(weights: Readonly<Record<string, number>>, u: number): string {
  let rest = u;
  const entries = Object.entries(weights);
  for (const [value, weight] of entries) {
    if (rest < weight) return value;
    rest -= weight;
  }
  return (entries.at(-1) as [string, number])[0];
}

/**
 * Generates `count` payments of a small fraud model (logistic on amount, account age and device).
 *
 * @example generatePayments(1000, {}, 1) // stationary traffic
 */
export function generatePayments(count: number, scenario: Scenario, seed: number): Payment[] {
  const uniform = seededRandom(seed);
  const payments: Payment[] = [];
  for (let i = 0; i < count; i++) {
    const amount = Math.exp(3.5 + 0.8 * standardNormal(uniform)) * (scenario.amountFactor ?? 1);
    const accountAgeDays = Math.max(0, Math.round(400 + 250 * standardNormal(uniform)));
    const newDevice = uniform() < 0.15;
    const missing = uniform() < (scenario.missingCountryRate ?? 0);
    const country = missing ? null : pick(scenario.countries ?? STATIONARY_COUNTRIES, uniform());
    const logit = -4 + 0.012 * Math.min(amount, 400) - 0.002 * accountAgeDays + 1.5 * Number(newDevice);
    const fraudScore = 1 / (1 + Math.exp(-logit));
    payments.push({ amount, account_age_days: accountAgeDays, country, new_device: newDevice, fraud_score: fraudScore, is_fraud: uniform() < fraudScore });
  }
  return payments;
}
