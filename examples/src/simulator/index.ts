/** The drift simulator: deterministic payments traffic with known ground truth, scenarios and label delays. */
export { createSimulator, labelEvents } from './create-simulator.js';
export type { SimulatedRow, Simulator, LabelEvent } from './create-simulator.js';
export type { SimulatorOptions, PhaseOptions, ResolvedPhase } from './simulator-options.js';
export type { Scenario, ScenarioKind, FeatureShifts, NumericShift, CategoricalShift } from './scenarios.js';
export { DEFAULT_SHIFTS, SCENARIO_KINDS } from './scenarios.js';
export type { DelayDistribution, LabelOptions } from './label-delay.js';
export { meanDelay, sampleDelay } from './label-delay.js';
export { STATIONARY_COEFFICIENTS, CONCEPT_DRIFT_COEFFICIENTS, fraudProbability } from './ground-truth.js';
export type { GroundTruthCoefficients } from './ground-truth.js';
export {
  NUMERIC_FEATURES,
  CATEGORICAL_FEATURES,
  FEATURE_NAMES,
  CATEGORY_WEIGHTS,
  REGION_WEIGHTS,
  AGE_BAND_WEIGHTS,
} from './fraud-features.js';
export type { NumericFeature, CategoricalFeature, FeatureName, TransactionFeatures } from './fraud-features.js';
