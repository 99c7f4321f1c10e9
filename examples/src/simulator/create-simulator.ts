/**
 * `createSimulator`: deterministic payments traffic, phase after phase, with labels from a known
 * logistic model and the delays at which they arrive.
 */
import { drawBaseTransaction, type FeatureName, type TransactionFeatures } from './fraud-features.js';
import { CONCEPT_DRIFT_COEFFICIENTS, fraudProbability, mergeCoefficients, STATIONARY_COEFFICIENTS, type GroundTruthCoefficients } from './ground-truth.js';
import { sampleDelay } from './label-delay.js';
import { deriveSeed, mulberry32 } from './random.js';
import { applyFault, applyShifts, DEFAULT_SHIFTS, driftIntensity, isFault, type Scenario } from './scenarios.js';
import { resolveSimulatorOptions, type ResolvedPhase, type SimulatorOptions } from './simulator-options.js';

/** One simulated transaction. */
export interface SimulatedRow {
  /** Unique within the simulation: `<idPrefix><index>`. */
  id: string;
  /** When the prediction is requested (ms since the epoch). */
  timestamp: number;
  /** Index of the phase the row belongs to. */
  phase: number;
  /** What the model receives (after any data-quality fault). */
  features: TransactionFeatures;
  /** Customer region: the segment. */
  segment: string;
  /** Protected attributes, for fairness. */
  attributes: { age_band: string };
  /** Ground truth: 1 = fraud. */
  label: 0 | 1;
  /** When the label arrives (ms since the epoch); null when it never does. */
  labelAt: number | null;
  /** The true fraud probability the label was drawn from. */
  probability: number;
}

/** A simulation: iterate it (again and again, same rows), or take every row at once. */
export interface Simulator extends Iterable<SimulatedRow> {
  readonly phases: readonly ResolvedPhase[];
  readonly totalRows: number;
  /** Every row, in time order. */
  rows(): SimulatedRow[];
}

const STREAM_FEATURES = 0;
const STREAM_LABELS = 1;
const STREAM_DELAYS = 2;
const STREAM_FAULTS = 3;

function coefficientsOf(scenarios: readonly Scenario[]): GroundTruthCoefficients {
  let coefficients = STATIONARY_COEFFICIENTS;
  for (const scenario of scenarios) {
    if (scenario.kind === 'concept-drift') {
      coefficients = scenario.coefficients === undefined ? CONCEPT_DRIFT_COEFFICIENTS : mergeCoefficients(STATIONARY_COEFFICIENTS, scenario.coefficients);
    }
  }
  return coefficients;
}

function* generate(seed: number, idPrefix: string, phases: readonly ResolvedPhase[]): Generator<SimulatedRow> {
  const featureUniform = mulberry32(deriveSeed(seed, STREAM_FEATURES));
  const labelUniform = mulberry32(deriveSeed(seed, STREAM_LABELS));
  const delayUniform = mulberry32(deriveSeed(seed, STREAM_DELAYS));
  const faultUniform = mulberry32(deriveSeed(seed, STREAM_FAULTS));
  let index = 0;
  for (const [phaseIndex, phase] of phases.entries()) {
    const coefficients = coefficientsOf(phase.scenarios);
    const staleValues = new Map<number, number | string | null>();
    for (let row = 0; row < phase.rows; row++) {
      const timestamp = phase.startsAt + row * phase.intervalMs;
      const position = { progress: row / phase.rows, elapsedMs: timestamp - phase.startsAt };
      const base = drawBaseTransaction(featureUniform);
      let truth: TransactionFeatures = base.features;
      for (const scenario of phase.scenarios) {
        const intensity = driftIntensity(scenario, position);
        if (intensity > 0 && (scenario.kind === 'sudden-drift' || scenario.kind === 'gradual-drift' || scenario.kind === 'recurring-drift')) {
          truth = applyShifts(base, truth, scenario.shifts ?? DEFAULT_SHIFTS, intensity);
        }
      }
      const probability = fraudProbability(truth, coefficients);
      const label = labelUniform() < probability ? 1 : 0;
      let features = truth;
      phase.scenarios.forEach((scenario, i) => {
        if (!isFault(scenario)) return;
        if (scenario.kind === 'stale-feature' && !staleValues.has(i)) staleValues.set(i, truth[scenario.feature as FeatureName]);
        features = applyFault(scenario, features, faultUniform(), staleValues.get(i) ?? null);
      });
      const never = delayUniform() < (phase.labels.neverShare ?? 0);
      const delay = sampleDelay(phase.labels.delay ?? { kind: 'fixed', ms: 0 }, delayUniform(), delayUniform());
      yield {
        id: `${idPrefix}${index++}`,
        timestamp,
        phase: phaseIndex,
        features,
        segment: base.region,
        attributes: { age_band: base.ageBand },
        label,
        labelAt: never ? null : timestamp + delay,
        probability,
      };
    }
  }
}

/**
 * Creates a deterministic simulation of card payments: each phase applies its scenario(s) for
 * `rows` rows or `durationMs`, rows are `intervalMs` apart, labels come from the ground-truth
 * logistic model and arrive after the configured delay (or never).
 *
 * @throws TypeError / RangeError naming the bad option and its value.
 * @example
 * const simulator = createSimulator({
 *   seed: 7,
 *   labels: { delay: { kind: 'exponential', meanMs: 600_000 }, neverShare: 0.1 },
 *   phases: [
 *     { scenario: { kind: 'stationary' }, rows: 5000 },
 *     { scenario: { kind: 'sudden-drift', shifts: { amount: { factor: 3 } } }, durationMs: 3_600_000 },
 *     { scenario: [{ kind: 'concept-drift' }, { kind: 'unit-change', feature: 'amount' }], rows: 2000 },
 *   ],
 * });
 * for (const row of simulator) service.predict(row.features);
 */
export function createSimulator(options: SimulatorOptions): Simulator {
  const { seed, idPrefix, phases } = resolveSimulatorOptions(options);
  const totalRows = phases.reduce((sum, phase) => sum + phase.rows, 0);
  return {
    phases,
    totalRows,
    [Symbol.iterator]: () => generate(seed, idPrefix, phases),
    rows: () => [...generate(seed, idPrefix, phases)],
  };
}

/** A label as it arrives: which prediction, the truth, and when. */
export interface LabelEvent {
  id: string;
  actual: 0 | 1;
  at: number;
}

/**
 * The labels of `rows` in order of arrival (rows never labelled are left out).
 *
 * @example labelEvents(simulator.rows()).filter((event) => event.at <= now) // labels due by now
 */
export function labelEvents(rows: Iterable<SimulatedRow>): LabelEvent[] {
  const events: LabelEvent[] = [];
  for (const row of rows) if (row.labelAt !== null) events.push({ id: row.id, actual: row.label, at: row.labelAt });
  return events.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
}
