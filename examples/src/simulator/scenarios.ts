/**
 * Scenarios: what changes about the traffic in a phase. Covariate drift moves the inputs (and so the
 * labels, which follow the ground-truth model); concept drift changes the ground truth only;
 * data-quality faults corrupt what the model receives after the truth was decided.
 */
import {
  CATEGORY_WEIGHTS,
  isCategoricalFeature,
  isNumericFeature,
  type BaseTransaction,
  type CategoricalFeature,
  type FeatureName,
  type NumericFeature,
  type TransactionFeatures,
} from './fraud-features.js';
import type { GroundTruthCoefficients } from './ground-truth.js';
import { mixWeights, pickWeighted } from './sampling.js';

/** A numeric feature's drift at full intensity: `value · factor + add`. */
export interface NumericShift {
  factor?: number;
  add?: number;
}
/** A categorical feature's mix at full intensity (weights, normalised). */
export interface CategoricalShift {
  weights: Readonly<Record<string, number>>;
}
/** Covariate drift per feature. */
export type FeatureShifts = { [name in NumericFeature]?: NumericShift } & { [name in CategoricalFeature]?: CategoricalShift };

/** The default covariate drift: larger amounts, further from home, moved online. */
export const DEFAULT_SHIFTS: FeatureShifts = {
  amount: { factor: 2.5 },
  distance_from_home_km: { factor: 3 },
  channel: { weights: { web: 0.65, app: 0.25, pos: 0.1 } },
};

export type Scenario =
  | { kind: 'stationary' }
  /** Full drift from the first row of the phase. */
  | { kind: 'sudden-drift'; shifts?: FeatureShifts }
  /** Drift growing linearly from none at the phase start to full at its end. */
  | { kind: 'gradual-drift'; shifts?: FeatureShifts }
  /** Seasonal drift: intensity (1 − cos(2π t / periodMs)) / 2, none at t = 0, full at half a period. */
  | { kind: 'recurring-drift'; shifts?: FeatureShifts; periodMs: number }
  /** The ground truth changes (default `CONCEPT_DRIFT_COEFFICIENTS`; a partial set merges over the stationary one); inputs do not. */
  | { kind: 'concept-drift'; coefficients?: Partial<GroundTruthCoefficients> }
  /** The field arrives as null in a share `rate` of rows (default 1). */
  | { kind: 'missing-field'; feature: FeatureName; rate?: number }
  /** A numeric field arrives in another unit: multiplied by `factor` (default 1000, e.g. euros sent as milli-euros). */
  | { kind: 'unit-change'; feature: NumericFeature; factor?: number }
  /** A field stops updating: `value`, or the phase's first value, in every row. */
  | { kind: 'stale-feature'; feature: FeatureName; value?: number | string }
  /** A categorical field shows a value never seen before in a share `rate` of rows (default 0.25). */
  | { kind: 'new-category'; feature: CategoricalFeature; category?: string; rate?: number };

export type ScenarioKind = Scenario['kind'];
export const SCENARIO_KINDS: readonly ScenarioKind[] = [
  'stationary',
  'sudden-drift',
  'gradual-drift',
  'recurring-drift',
  'concept-drift',
  'missing-field',
  'unit-change',
  'stale-feature',
  'new-category',
];

/** Where a row sits in its phase. */
export interface PhasePosition {
  /** 0 at the first row, approaching 1 at the last. */
  progress: number;
  /** ms since the phase started. */
  elapsedMs: number;
}

/** Drift intensity in [0, 1] of a covariate-drift scenario at a position (0 for the other kinds). */
export function driftIntensity(scenario: Scenario, position: PhasePosition): number {
  switch (scenario.kind) {
    case 'sudden-drift':
      return 1;
    case 'gradual-drift':
      return position.progress;
    case 'recurring-drift':
      return (1 - Math.cos((2 * Math.PI * position.elapsedMs) / scenario.periodMs)) / 2;
    default:
      return 0;
  }
}

const INTEGER_FEATURES: ReadonlySet<string> = new Set(['account_age_days', 'transactions_24h']);

function shiftNumeric(name: NumericFeature, value: number, shift: NumericShift, intensity: number): number {
  let shifted = value * (1 + intensity * ((shift.factor ?? 1) - 1)) + intensity * (shift.add ?? 0);
  if (INTEGER_FEATURES.has(name)) shifted = Math.max(0, Math.round(shifted));
  if (name === 'hour_of_day') shifted = ((Math.floor(shifted) % 24) + 24) % 24;
  if (name === 'merchant_risk') shifted = Math.min(1, Math.max(0, shifted));
  return shifted;
}

/** The base transaction's features moved by `shifts` at `intensity` (categorical values reuse their uniform). */
export function applyShifts(base: BaseTransaction, features: TransactionFeatures, shifts: FeatureShifts, intensity: number): TransactionFeatures {
  if (intensity === 0) return features;
  const moved: TransactionFeatures = { ...features };
  for (const [name, shift] of Object.entries(shifts)) {
    if (isNumericFeature(name)) {
      const value = moved[name];
      if (value !== null) moved[name] = shiftNumeric(name, value, shift as NumericShift, intensity);
    } else if (isCategoricalFeature(name)) {
      const weights = mixWeights(CATEGORY_WEIGHTS[name], (shift as CategoricalShift).weights, intensity);
      moved[name] = pickWeighted(base.categoryUniforms[name], weights);
    }
  }
  return moved;
}

/** Is this a fault of the data pipeline (applied after the label was decided)? */
export function isFault(scenario: Scenario): boolean {
  return scenario.kind === 'missing-field' || scenario.kind === 'unit-change' || scenario.kind === 'stale-feature' || scenario.kind === 'new-category';
}

/**
 * The features the model receives once a fault corrupted them. `u` is one uniform in (0, 1) drawn
 * for this fault and row; `staleValue` is what a stale feature is stuck at.
 */
export function applyFault(scenario: Scenario, features: TransactionFeatures, u: number, staleValue: number | string | null): TransactionFeatures {
  const faulty: TransactionFeatures = { ...features };
  const set = (name: FeatureName, value: number | string | null): void => {
    (faulty as Record<FeatureName, number | string | null>)[name] = value;
  };
  switch (scenario.kind) {
    case 'missing-field':
      if (u < (scenario.rate ?? 1)) set(scenario.feature, null);
      break;
    case 'unit-change': {
      const value = faulty[scenario.feature];
      if (value !== null) set(scenario.feature, value * (scenario.factor ?? 1000));
      break;
    }
    case 'stale-feature':
      set(scenario.feature, scenario.value ?? staleValue);
      break;
    case 'new-category':
      if (u < (scenario.rate ?? 0.25)) set(scenario.feature, scenario.category ?? 'new_value');
      break;
    default:
      break;
  }
  return faulty;
}
