/**
 * Traffic that exercises every dashboard: a binary fraud classifier (segments past their cap, a
 * protected attribute, delayed labels, a sudden drift that also degrades accuracy, data-quality
 * faults, unknown input names, dropped rows) and a regression model with labels. Seeded, so every run
 * sends the same rows.
 */
import { buildProfile, createModelMonitor, type ModelMonitor, type ModelMonitorOptions, type Observation } from '@modelwatch/otel';
import type { MeterProvider } from '@opentelemetry/api';
import { categoricalSample, createRandom, normalSample } from '../../../exporter/test/support/synthetic.js';

export const FRAUD = { name: 'fraud', version: '3' } as const;
export const DEMAND = { name: 'demand', version: '1' } as const;

const CHANNELS = { web: 0.5, app: 0.3, store: 0.2 };
const GROUPS = { f: 0.5, m: 0.5 };
const WINDOW = 600;

/** The label API of the metric contract (issue #4): `monitor.label(id, actual, { timestamp? })`. */
type LabelledMonitor = ModelMonitor & { label?: (id: string | number, actual: unknown, options?: { timestamp?: number }) => void };

/** An observation with the contract's `attributes` (protected attributes for fairness). */
type ContractObservation = Observation & { attributes?: Record<string, unknown> };

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** Fraud rows: score from amount, prediction = score ≥ 0.5, label drawn from the score (calibrated). */
function fraudRows(size: number, amountMean: number, seed: number) {
  const random = createRandom(seed);
  const amount = normalSample(size, amountMean, 15, seed + 1);
  const tenure = normalSample(size, 24, 6, seed + 2);
  const channel = categoricalSample(size, CHANNELS, seed + 3);
  const gender = categoricalSample(size, GROUPS, seed + 4);
  return amount.map((value, i) => {
    const score = sigmoid((value - 100) / 15 + (gender[i] === 'f' ? 0.3 : -0.3));
    return { amount: value, tenure: tenure[i] ?? 0, channel: channel[i] ?? 'web', gender: gender[i] ?? 'f', s: score, p: score >= 0.5 ? 1 : 0, y: random() < score ? 1 : 0 };
  });
}

/** Demand rows: prediction 3x + noise, target 3x + noise. */
function demandRows(size: number, seed: number) {
  const x = normalSample(size, 10, 2, seed);
  const noise = normalSample(size, 0, 1, seed + 1);
  const error = normalSample(size, 0, 1.5, seed + 2);
  return x.map((value, i) => ({ x: value, p: 3 * value + (noise[i] ?? 0), y: 3 * value + (error[i] ?? 0) }));
}

/**
 * Creates a monitor with the contract's label, performance, detector and fairness options. A monitor
 * built before those options existed rejects them by name: then it is created without them (its
 * panels stay empty and the query test names them) and the reason is returned.
 */
function createContractMonitor(base: ModelMonitorOptions, extra: Record<string, unknown>): { monitor: LabelledMonitor; missing?: string } {
  const options = { ...base, ...extra } as ModelMonitorOptions;
  try {
    return { monitor: createModelMonitor(options) };
  } catch (error) {
    if (!(error instanceof TypeError) || !/unknown: /.test(error.message)) throw error;
    return { monitor: createModelMonitor(base), missing: error.message };
  }
}

/** The running monitors and what the library could not do yet. */
export interface TrafficRun {
  readonly monitors: readonly ModelMonitor[];
  /** Why contract features were left out (empty once the library implements them). */
  readonly missing: readonly string[];
  /** Sends the labels of the stationary phase. */
  labelStationary(): void;
  /** Sends the drifted phase with quality faults, and its labels. */
  driftAndLabel(): void;
}

/** Creates both monitors on `meterProvider` and sends the stationary phase. */
export function startTraffic(meterProvider: MeterProvider): TrafficRun {
  const reference = fraudRows(2000, 100, 100);
  const fraudProfile = buildProfile(
    reference.map(({ gender: _gender, ...row }) => row),
    { target: 'y', prediction: 'p', score: 's', importance: { amount: 0.6, tenure: 0.3, channel: 0.1 } },
  );
  const demandProfile = buildProfile(demandRows(2000, 200), { target: 'y', prediction: 'p' });
  const missing: string[] = [];

  const fraud = createContractMonitor(
    { model: FRAUD, reference: fraudProfile, meterProvider, window: { count: WINDOW }, segments: { attribute: 'channel', cap: 2 } },
    { labels: { ttlMs: 3_600_000 }, performance: { task: 'binary', positiveLabel: 1 }, fairness: { attributes: ['gender'], positiveLabel: 1 } },
  );
  const demand = createContractMonitor({ model: DEMAND, reference: demandProfile, meterProvider, window: { count: WINDOW } }, { performance: { task: 'regression' } });
  for (const created of [fraud, demand]) if (created.missing !== undefined) missing.push(created.missing);

  const send = (rows: ReturnType<typeof fraudRows>, phase: string, faults: boolean) => {
    const random = createRandom(phase.length * 7919);
    rows.forEach((row, i) => {
      const features: Record<string, unknown> = { amount: row.amount, tenure: row.tenure, channel: row.channel };
      if (faults) {
        const fault = random();
        if (fault < 0.1) delete features.tenure; // missing
        else if (fault < 0.2) features.amount = 1e6; // out of range
        else if (fault < 0.25) features.tenure = 'twelve'; // type error
        else if (fault < 0.3) features.channel = 'kiosk'; // unseen category
        if (random() < 0.05) features.coupon = 'SPRING'; // a name the profile does not have
      }
      const observation: ContractObservation = { features, prediction: row.p, score: row.s, id: `${phase}-${i}`, segment: row.channel, attributes: { gender: row.gender } };
      fraud.monitor.observe(observation);
    });
    fraud.monitor.observe({ features: { amount: 100 }, timestamp: Number.NaN }); // dropped: invalid_timestamp
  };

  const stationary = fraudRows(WINDOW, 100, 300);
  const drifted = fraudRows(WINDOW, 125, 400);
  const demandLive = demandRows(WINDOW, 500);
  send(stationary, 'stationary', false);
  demandLive.forEach((row, i) => demand.monitor.observe({ features: { x: row.x }, prediction: row.p, id: `demand-${i}` }));

  return {
    monitors: [fraud.monitor, demand.monitor],
    missing,
    labelStationary: () => {
      const monitor = fraud.monitor;
      if (typeof monitor.label !== 'function') {
        missing.push('monitor.label is not a function yet (issue #4)');
        return;
      }
      stationary.forEach((row, i) => monitor.label?.(`stationary-${i}`, row.y));
      demandLive.slice(0, WINDOW / 2).forEach((row, i) => demand.monitor.label?.(`demand-${i}`, row.y));
    },
    driftAndLabel: () => {
      send(drifted, 'drifted', true);
      const monitor = fraud.monitor;
      const random = createRandom(600);
      // after the drift the model is worse: a third of the labels disagree with the score's draw
      drifted.forEach((row, i) => monitor.label?.(`drifted-${i}`, random() < 0.35 ? 1 - row.y : row.y));
      monitor.label?.('drifted-0', 1); // duplicate
      monitor.label?.('never-predicted', 0); // unknown_id
      demandLive.slice(WINDOW / 2).forEach((row, i) => demand.monitor.label?.(`demand-${i + WINDOW / 2}`, row.y));
    },
  };
}
