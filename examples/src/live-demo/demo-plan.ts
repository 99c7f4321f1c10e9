/**
 * The demo's story as simulator phases: stationary traffic, a sudden covariate drift, then a
 * data-quality fault (a field goes missing) on otherwise stationary traffic, with labels arriving
 * seconds after each prediction and some never arriving.
 */
import { createSimulator, type SimulatedRow } from '../simulator/index.js';

export interface DemoPhase {
  name: string;
  /** What the audience should see happen. */
  expect: string;
  startMs: number;
  endMs: number;
}

export interface DemoPlan {
  phases: DemoPhase[];
  rows: SimulatedRow[];
  /** The feature the quality fault removes. */
  faultFeature: string;
  /** The features the drift moves. */
  driftedFeatures: string[];
}

/** Share of the duration given to each phase: stationary, drift, quality fault. */
const PHASE_SHARES = [0.3, 0.35, 0.35] as const;

/**
 * Plans `durationMs` of traffic at `rate` predictions per second starting at `start` (ms since the epoch).
 *
 * @example planDemo({ durationMs: 120_000, rate: 80, start: Date.now(), seed: 7 }).rows.length // 9600
 */
export function planDemo(options: { durationMs: number; rate: number; start: number; seed: number; labelDelayMeanMs?: number }): DemoPlan {
  const intervalMs = 1000 / options.rate;
  const labels = { delay: { kind: 'exponential', meanMs: options.labelDelayMeanMs ?? 3000 } as const, neverShare: 0.1 };
  const durations = PHASE_SHARES.map((share) => Math.round(options.durationMs * share));
  const faultFeature = 'merchant_category';
  const simulator = createSimulator({
    seed: options.seed,
    start: options.start,
    intervalMs,
    labels,
    idPrefix: `demo-${options.seed}-`,
    phases: [
      { name: 'stationary', scenario: { kind: 'stationary' }, durationMs: durations[0] },
      { name: 'sudden drift', scenario: { kind: 'sudden-drift' }, durationMs: durations[1] },
      { name: 'quality fault', scenario: { kind: 'missing-field', feature: faultFeature, rate: 0.4 }, durationMs: durations[2] },
    ],
  });
  let cursor = options.start;
  const phases = [
    { name: 'stationary', expect: 'no alert' },
    { name: 'sudden drift', expect: 'amount ×2.5, distance ×3, channel mix: drift alerts' },
    { name: 'quality fault', expect: `${faultFeature} missing in 40 % of requests: a data-quality alert` },
  ].map((phase, index) => {
    const startMs = cursor;
    cursor += durations[index] ?? 0;
    return { ...phase, startMs, endMs: cursor };
  });
  return { phases, rows: simulator.rows(), faultFeature, driftedFeatures: ['amount', 'distance_from_home_km', 'channel'] };
}
