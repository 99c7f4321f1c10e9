/**
 * Each scenario of the simulator does what it says, checked with the library's own two-sample
 * tests (KS, chi-squared) on the generated features, and with the committed model's error rate.
 */
import { chiSquaredContingency, ksTwoSample } from '@modelwatch/otel';
import { loadFraudModel, predict } from '../../src/service/fraud-model.js';
import {
  CATEGORICAL_FEATURES,
  createSimulator,
  labelEvents,
  NUMERIC_FEATURES,
  type FeatureName,
  type SimulatedRow,
} from '../../src/simulator/index.js';

const numbers = (rows: readonly SimulatedRow[], name: FeatureName): number[] => rows.map((row) => row.features[name] as number);

function ksPValue(a: readonly SimulatedRow[], b: readonly SimulatedRow[], name: FeatureName): number {
  return ksTwoSample(numbers(a, name), numbers(b, name), { method: 'asymp' }).pValue;
}

function chiSquaredPValue(a: readonly SimulatedRow[], b: readonly SimulatedRow[], name: FeatureName): number {
  const categories = [...new Set([...a, ...b].map((row) => String(row.features[name])))];
  const count = (rows: readonly SimulatedRow[]): number[] => categories.map((category) => rows.filter((row) => String(row.features[name]) === category).length);
  return chiSquaredContingency([count(a), count(b)]).pValue;
}

/** p-value of the two-sample test that fits the feature's kind. */
function driftPValue(a: readonly SimulatedRow[], b: readonly SimulatedRow[], name: FeatureName): number {
  return (NUMERIC_FEATURES as readonly string[]).includes(name) ? ksPValue(a, b, name) : chiSquaredPValue(a, b, name);
}

const byPhase = (rows: readonly SimulatedRow[], phase: number): SimulatedRow[] => rows.filter((row) => row.phase === phase);
const ALL_FEATURES: readonly FeatureName[] = [...NUMERIC_FEATURES, ...CATEGORICAL_FEATURES];
const model = loadFraudModel();
const errorRate = (rows: readonly SimulatedRow[]): number => rows.filter((row) => predict(model, row.features).prediction !== row.label).length / rows.length;

describe('determinism and layout', () => {
  test('the same seed and phases give the same rows, on every iteration; another seed other rows', () => {
    const options = { seed: 5, phases: [{ rows: 300 }, { scenario: { kind: 'sudden-drift' as const }, rows: 200 }] };
    const first = createSimulator(options).rows();
    expect(createSimulator(options).rows()).toEqual(first);
    const simulator = createSimulator(options);
    expect([...simulator]).toEqual([...simulator]);
    expect(createSimulator({ ...options, seed: 6 }).rows()[0]?.features).not.toEqual(first[0]?.features);
  });

  test('phases run back to back: rows or durationMs / intervalMs rows each, contiguous timestamps, unique ids', () => {
    const simulator = createSimulator({ seed: 1, start: 1_000_000, intervalMs: 250, phases: [{ rows: 10 }, { durationMs: 1000, intervalMs: 100 }] });
    const rows = simulator.rows();
    expect(simulator.phases.map((phase) => phase.rows)).toEqual([10, 10]);
    expect(rows.map((row) => row.timestamp)).toEqual([...Array.from({ length: 10 }, (_, i) => 1_000_000 + 250 * i), ...Array.from({ length: 10 }, (_, i) => 1_002_500 + 100 * i)]);
    expect(new Set(rows.map((row) => row.id)).size).toBe(20);
    expect(rows.map((row) => row.phase)).toEqual([...Array(10).fill(0), ...Array(10).fill(1)]);
  });

  test('invalid options throw, naming the field and the value', () => {
    expect(() => createSimulator({ seed: 1.5, phases: [{ rows: 1 }] })).toThrow('createSimulator: seed must be an integer; got 1.5');
    expect(() => createSimulator({ seed: 1, phases: [] })).toThrow(/createSimulator: phases must be a non-empty array/);
    expect(() => createSimulator({ seed: 1, phases: [{ rows: 5, durationMs: 10 }] })).toThrow(/phases\[0\] must give exactly one of rows and durationMs/);
    expect(() => createSimulator({ seed: 1, phases: [{ rows: 5 }, { rows: 5, scenario: { kind: 'unit-change', feature: 'channel' as 'amount' } }] })).toThrow(
      /phases\[1\]\.scenario\.feature must be one of amount, .*; got "channel"/,
    );
    expect(() => createSimulator({ seed: 1, phases: [{ rows: 5, scenario: { kind: 'missing-field', feature: 'amount', rate: 2 } }] })).toThrow(/phases\[0\]\.scenario\.rate must be a share in \[0, 1\]; got 2/);
    expect(() => createSimulator({ seed: 1, labels: { delay: { kind: 'uniform', minMs: 10, maxMs: 5 } }, phases: [{ rows: 1 }] })).toThrow(/labels\.delay\.maxMs must be >= minMs \(10\); got 5/);
  });
});

describe('covariate drift', () => {
  test('stationary traffic does not drift: two halves pass every two-sample test', () => {
    const rows = createSimulator({ seed: 11, phases: [{ rows: 4000 }, { rows: 4000 }] }).rows();
    for (const name of ALL_FEATURES) expect({ name, p: driftPValue(byPhase(rows, 0), byPhase(rows, 1), name) > 0.001 }).toEqual({ name, p: true });
  });

  test('sudden drift: the KS p-value is tiny on the drifted feature, and only there', () => {
    const rows = createSimulator({ seed: 12, phases: [{ rows: 4000 }, { scenario: { kind: 'sudden-drift', shifts: { amount: { factor: 1.5 } } }, rows: 4000 }] }).rows();
    expect(ksPValue(byPhase(rows, 0), byPhase(rows, 1), 'amount')).toBeLessThan(1e-12);
    for (const name of ALL_FEATURES.filter((feature) => feature !== 'amount')) {
      expect({ name, p: driftPValue(byPhase(rows, 0), byPhase(rows, 1), name) > 0.001 }).toEqual({ name, p: true });
    }
  });

  test('sudden drift of a category mix is caught by chi-squared on that feature', () => {
    const rows = createSimulator({ seed: 13, phases: [{ rows: 3000 }, { scenario: { kind: 'sudden-drift', shifts: { channel: { weights: { web: 0.7, app: 0.2, pos: 0.1 } } } }, rows: 3000 }] }).rows();
    expect(chiSquaredPValue(byPhase(rows, 0), byPhase(rows, 1), 'channel')).toBeLessThan(1e-12);
    expect(chiSquaredPValue(byPhase(rows, 0), byPhase(rows, 1), 'merchant_category')).toBeGreaterThan(0.001);
  });

  test('gradual drift grows through the phase: the median amount rises quarter by quarter towards the full factor', () => {
    const rows = createSimulator({ seed: 14, phases: [{ rows: 4000 }, { scenario: { kind: 'gradual-drift', shifts: { amount: { factor: 3 } } }, rows: 8000 }] }).rows();
    const median = (values: number[]): number => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
    const base = median(numbers(byPhase(rows, 0), 'amount'));
    const drifted = byPhase(rows, 1);
    const ratios = [0, 1, 2, 3].map((q) => median(numbers(drifted.slice(q * 2000, (q + 1) * 2000), 'amount')) / base);
    ratios.forEach((ratio, q) => expect(Math.abs(ratio - (1 + 2 * ((q + 0.5) / 4)))).toBeLessThan(0.15));
    expect(ratios).toEqual([...ratios].sort((a, b) => a - b));
  });

  test('recurring drift comes and goes with its period: none at whole periods, full at half periods', () => {
    const period = 200_000; // 200 rows of 1 s
    const rows = createSimulator({ seed: 15, phases: [{ rows: 4000 }, { scenario: { kind: 'recurring-drift', periodMs: period, shifts: { amount: { factor: 2 } } }, rows: 20_000 }] }).rows();
    const phase = byPhase(rows, 1);
    const start = phase[0]?.timestamp as number;
    const at = (offset: number): SimulatedRow[] => phase.filter((row) => Math.abs(((row.timestamp - start) % period) - offset) < period * 0.05);
    const calm = phase.filter((row) => { const t = (row.timestamp - start) % period; return t < period * 0.05 || t > period * 0.95; });
    expect(ksPValue(byPhase(rows, 0), calm, 'amount')).toBeGreaterThan(0.001);
    expect(ksPValue(byPhase(rows, 0), at(period / 2), 'amount')).toBeLessThan(1e-12);
    expect(ksPValue(byPhase(rows, 0), phase.filter((row) => row.timestamp - start >= 50 * period && Math.abs(((row.timestamp - start) % period) - period / 2) < period * 0.05), 'amount')).toBeLessThan(1e-6);
  });
});

describe('concept drift', () => {
  test('the inputs stay exactly as stationary traffic, while the labels change and the model errs more', () => {
    const phases = [{ rows: 6000 }, { rows: 6000 }];
    const stationary = createSimulator({ seed: 21, phases }).rows();
    const drifted = createSimulator({ seed: 21, phases: [phases[0] as { rows: number }, { rows: 6000, scenario: { kind: 'concept-drift' } }] }).rows();
    expect(drifted.map((row) => row.features)).toEqual(stationary.map((row) => row.features));
    for (const name of ALL_FEATURES) expect({ name, p: driftPValue(byPhase(drifted, 0), byPhase(drifted, 1), name) > 0.001 }).toEqual({ name, p: true });
    const before = errorRate(byPhase(drifted, 0));
    const after = errorRate(byPhase(drifted, 1));
    expect(Math.abs(errorRate(byPhase(stationary, 1)) - before)).toBeLessThan(0.02);
    expect(after).toBeGreaterThan(before + 0.1);
  });
});

describe('data-quality faults', () => {
  const phases = [{ rows: 2000 }];
  const clean = createSimulator({ seed: 31, phases }).rows();
  const faulty = (scenario: Parameters<typeof createSimulator>[0]['phases'][number]['scenario']): SimulatedRow[] => createSimulator({ seed: 31, phases: [{ rows: 2000, scenario }] }).rows();

  test('a unit change multiplies the field by 1000 and nothing else: same truth, same other fields', () => {
    const rows = faulty({ kind: 'unit-change', feature: 'amount' });
    rows.forEach((row, i) => {
      const original = clean[i] as SimulatedRow;
      expect(row.features.amount).toBeCloseTo((original.features.amount as number) * 1000, 6);
      expect({ ...row.features, amount: 0 }).toEqual({ ...original.features, amount: 0 });
      expect(row.label).toBe(original.label);
    });
  });

  test('a missing field arrives as null in the configured share of rows', () => {
    expect(faulty({ kind: 'missing-field', feature: 'merchant_category' }).every((row) => row.features.merchant_category === null)).toBe(true);
    const partly = faulty({ kind: 'missing-field', feature: 'amount', rate: 0.3 });
    const share = partly.filter((row) => row.features.amount === null).length / partly.length;
    expect(Math.abs(share - 0.3)).toBeLessThan(0.03);
    expect(partly.every((row) => row.features.channel !== null)).toBe(true);
  });

  test('a stale feature repeats one value (its first, or the one given)', () => {
    const stale = faulty({ kind: 'stale-feature', feature: 'avg_amount_30d' });
    expect(new Set(stale.map((row) => row.features.avg_amount_30d))).toEqual(new Set([clean[0]?.features.avg_amount_30d]));
    expect(new Set(faulty({ kind: 'stale-feature', feature: 'card_type', value: 'debit' }).map((row) => row.features.card_type))).toEqual(new Set(['debit']));
  });

  test('a new category appears in the configured share of rows', () => {
    const rows = faulty({ kind: 'new-category', feature: 'merchant_category', category: 'crypto_exchange', rate: 0.2 });
    const share = rows.filter((row) => row.features.merchant_category === 'crypto_exchange').length / rows.length;
    expect(Math.abs(share - 0.2)).toBeLessThan(0.03);
    expect(clean.some((row) => row.features.merchant_category === 'crypto_exchange')).toBe(false);
  });

  test('faults combine with drift in one phase', () => {
    const rows = faulty([{ kind: 'sudden-drift', shifts: { amount: { factor: 2 } } }, { kind: 'missing-field', feature: 'channel' }]);
    expect(rows.every((row) => row.features.channel === null)).toBe(true);
    expect(ksPValue(clean, rows, 'amount')).toBeLessThan(1e-12);
  });
});

describe('delayed labels', () => {
  const quantile = (sorted: readonly number[], q: number): number => sorted[Math.floor(q * (sorted.length - 1))] as number;

  test('exponential delays follow their distribution, and the never-labelled share is respected', () => {
    const meanMs = 60_000;
    const rows = createSimulator({ seed: 41, labels: { delay: { kind: 'exponential', meanMs }, neverShare: 0.2 }, phases: [{ rows: 10_000 }] }).rows();
    const unlabelled = rows.filter((row) => row.labelAt === null).length / rows.length;
    expect(Math.abs(unlabelled - 0.2)).toBeLessThan(0.015);
    const delays = rows.flatMap((row) => (row.labelAt === null ? [] : [row.labelAt - row.timestamp])).sort((a, b) => a - b);
    expect(delays[0]).toBeGreaterThanOrEqual(0);
    expect(Math.abs(delays.reduce((sum, d) => sum + d, 0) / delays.length / meanMs - 1)).toBeLessThan(0.05);
    expect(Math.abs(quantile(delays, 0.5) / (meanMs * Math.LN2) - 1)).toBeLessThan(0.05);
    expect(Math.abs(quantile(delays, 0.9) / (meanMs * Math.LN10) - 1)).toBeLessThan(0.05);
  });

  test('fixed, uniform and lognormal delays, and a per-phase override', () => {
    const rows = createSimulator({
      seed: 42,
      labels: { delay: { kind: 'fixed', ms: 5000 } },
      phases: [{ rows: 3000 }, { rows: 3000, labels: { delay: { kind: 'uniform', minMs: 1000, maxMs: 9000 } } }, { rows: 3000, labels: { delay: { kind: 'lognormal', medianMs: 3_600_000, sigma: 1 } } }],
    }).rows();
    const delays = (phase: number): number[] => byPhase(rows, phase).map((row) => (row.labelAt as number) - row.timestamp).sort((a, b) => a - b);
    expect(new Set(delays(0))).toEqual(new Set([5000]));
    const uniform = delays(1);
    expect(uniform[0]).toBeGreaterThanOrEqual(1000);
    expect(uniform.at(-1)).toBeLessThanOrEqual(9000);
    expect(Math.abs(quantile(uniform, 0.25) - 3000)).toBeLessThan(300);
    expect(Math.abs(quantile(delays(2), 0.5) / 3_600_000 - 1)).toBeLessThan(0.08);
    expect(Math.abs(quantile(delays(2), 0.841) / (3_600_000 * Math.E) - 1)).toBeLessThan(0.1);
  });

  test('labelEvents lists the labels in order of arrival, leaving out those that never come', () => {
    const rows = createSimulator({ seed: 43, labels: { delay: { kind: 'exponential', meanMs: 10_000 }, neverShare: 0.5 }, phases: [{ rows: 500 }] }).rows();
    const events = labelEvents(rows);
    expect(events.length).toBe(rows.filter((row) => row.labelAt !== null).length);
    expect(events.map((event) => event.at)).toEqual([...events.map((event) => event.at)].sort((a, b) => a - b));
    const first = rows.find((row) => row.id === events[0]?.id) as SimulatedRow;
    expect(events[0]).toEqual({ id: first.id, actual: first.label, at: first.labelAt });
  });
});
