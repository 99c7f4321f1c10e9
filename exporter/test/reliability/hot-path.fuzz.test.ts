/**
 * Property-based fuzzing of the hot path (`observe`, `observeBatch`) with hostile input: wrong types,
 * NaN/±Infinity, huge and unicode strings, nested objects, `__proto__`/`constructor`/`prototype` keys,
 * missing and extra features, out-of-order, too old and invalid timestamps. For every generated run the
 * monitor's window must match an independent model (hot-path-model.ts) value by value: nothing thrown,
 * no prototype polluted, no valid value lost, every bad value counted under its data-quality check.
 */
import fc from 'fast-check';
import { createModelMonitor, type ModelMonitor } from '../../src/monitor/index.js';
import type { FeatureSnapshot } from '../../src/monitor/monitor-snapshot.js';
import type { FeatureProfile } from '../../src/profile/schema.js';
import { metricsByName, referenceProfile, testMeterProvider } from '../monitor/monitor-fixture.js';
import { emptyTally, tallyValue, timestampOutcome, type ColumnTally } from './hot-path-model.js';
import { featuresObject, hostileValue, PROTOTYPE_KEYS, prototypeFingerprint } from './hostile-values.js';

const reference = referenceProfile();
const COLUMNS = reference.featureOrder;
const SLICE_MS = 10_000;
const SLICES = 6;
const NOW = 1_800_000_005_000;
const SEGMENT_ATTRIBUTE = 'region';
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);

const profileOf = (name: string): FeatureProfile => {
  const profile = reference.features[name];
  if (profile === undefined) throw new Error(`no column ${name}`);
  return profile;
};
const binCount = (name: string): number => {
  const profile = profileOf(name);
  return profile.kind === 'numeric' ? profile.binEdges.length + 1 : profile.categories.length + 1;
};

function newMonitor(): { monitor: ModelMonitor; reader: ReturnType<typeof testMeterProvider>['reader'] } {
  const { provider, reader } = testMeterProvider();
  const monitor = createModelMonitor({
    model: { name: 'fuzz', version: '1' },
    reference,
    meterProvider: provider,
    window: { durationMs: SLICE_MS * SLICES, slices: SLICES },
    segments: { attribute: SEGMENT_ATTRIBUTE, cap: 3 },
    now: () => NOW,
  });
  return { monitor, reader };
}

/** Timestamps: none, in the window out of order, ahead of the clock, too old, Dates, and invalid values. */
const timestamp: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(undefined),
  fc.integer({ min: -SLICE_MS * SLICES * 2, max: SLICE_MS * 3 }).map((offset) => NOW + offset),
  fc.integer({ min: -SLICE_MS * SLICES * 2, max: SLICE_MS }).map((offset) => new Date(NOW + offset)),
  hostileValue,
);

interface Expected {
  accepted: number;
  dropped: { invalid_observation: number; invalid_timestamp: number; too_old: number };
  unknown: number;
  columns: Map<string, ColumnTally>;
  scores: number[];
}

function emptyExpected(): Expected {
  return { accepted: 0, dropped: { invalid_observation: 0, invalid_timestamp: 0, too_old: 0 }, unknown: 0, columns: new Map(COLUMNS.map((name) => [name, emptyTally(binCount(name))])), scores: [] };
}

const own = (object: object, key: string): unknown => (Object.hasOwn(object, key) ? (object as Record<string, unknown>)[key] : undefined);
const finiteScore = (raw: unknown): number | undefined => {
  const value = typeof raw === 'number' ? raw : typeof raw === 'bigint' ? Number(raw) : Number.NaN;
  return Number.isFinite(value) ? value : undefined;
};

/** What one `observe(observation)` must add, from the documented rules. */
function expectObserve(expected: Expected, observation: unknown): void {
  if (observation === null || typeof observation !== 'object') return void expected.dropped.invalid_observation++;
  const { features, prediction, score, timestamp: time } = observation as Record<string, unknown>;
  if (features !== undefined && (features === null || typeof features !== 'object')) return void expected.dropped.invalid_observation++;
  const values = (features ?? {}) as object;
  const outcome = timestampOutcome(time, NOW, SLICE_MS, SLICES);
  if (outcome !== 'accepted') return void expected.dropped[outcome]++;
  expected.accepted++;
  for (const name of COLUMNS) {
    let raw = own(values, name);
    if (name === 'label' && prediction !== undefined) raw = prediction;
    if (name === 'confidence' && score !== undefined) raw = score;
    tallyValue(expected.columns.get(name) as ColumnTally, profileOf(name), raw);
  }
  expected.unknown += Object.keys(values).filter((key) => !COLUMNS.includes(key) && key !== SEGMENT_ATTRIBUTE).length;
  const value = finiteScore(score !== undefined ? score : own(values, 'confidence'));
  if (value !== undefined) expected.scores.push(value);
}

function assertMatches(monitor: ModelMonitor, expected: Expected): void {
  const snapshot = monitor.snapshot();
  expect(snapshot.window.observations).toBe(expected.accepted);
  expect(snapshot.counters.dropped).toMatchObject({ ...expected.dropped, internal_error: 0 });
  expect(snapshot.counters.unknownFeatures).toBe(expected.unknown);
  expect(Object.values(snapshot.counters.observations).reduce((sum, count) => sum + count, 0)).toBe(expected.accepted);
  expect(Object.keys(snapshot.counters.observations).length).toBeLessThanOrEqual(3 + 2);
  const byName = new Map<string, FeatureSnapshot>([...snapshot.features, ...snapshot.predictions].map((feature) => [feature.name, feature]));
  for (const [name, tally] of expected.columns) {
    const feature = byName.get(name);
    expect({ name, rows: feature?.rows, samples: feature?.samples, bins: feature?.binCounts }).toEqual({ name, rows: tally.rows, samples: tally.samples, bins: tally.bins });
    expect({ name, ...feature?.qualityEvents }).toMatchObject({ name, ...tally.events });
  }
  const mean = expected.scores.length === 0 ? null : expected.scores.reduce((sum, value) => sum + value, 0) / expected.scores.length;
  if (mean === null) expect(snapshot.scoreMean).toBeNull();
  else expect(snapshot.scoreMean).toBeCloseTo(mean, 6);
}

/** Values exactly on the reference bin edges and range ends, where an off-by-one in binning would show. */
const EXACT_VALUES = COLUMNS.flatMap((name) => {
  const profile = profileOf(name);
  return profile.kind === 'numeric' ? [...profile.binEdges, profile.range?.min ?? 0, profile.range?.max ?? 0] : [];
});

const observation: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ features: featuresObject(COLUMNS, EXACT_VALUES), prediction: hostileValue, score: hostileValue, timestamp, segment: hostileValue, id: hostileValue }, { requiredKeys: ['features'] }) },
  { weight: 1, arbitrary: fc.record({ features: hostileValue, timestamp }) },
  { weight: 1, arbitrary: hostileValue },
);

describe('observe under hostile input (fast-check, compared with an independent model)', () => {
  const fingerprint = prototypeFingerprint();

  it(`${RUNS} runs of up to 30 observations: nothing thrown, every valid value kept in its bin, every bad value counted`, () => {
    fc.assert(
      fc.property(fc.array(observation, { maxLength: 30 }), (observations) => {
        const { monitor } = newMonitor();
        const expected = emptyExpected();
        for (const input of observations) {
          expect(() => monitor.observe(input as never)).not.toThrow();
          expectObserve(expected, input);
        }
        assertMatches(monitor, expected);
        expect(prototypeFingerprint()).toBe(fingerprint);
      }),
      { numRuns: RUNS },
    );
  });

  it('prototype keys are inert: a value under __proto__/constructor/prototype is an unknown input, never read as a feature, never pollutes', () => {
    const { monitor } = newMonitor();
    for (const key of PROTOTYPE_KEYS) {
      monitor.observe({ features: JSON.parse(`{"${key}": {"x": 1, "polluted": true}, "x": 0.5}`) as Record<string, unknown> });
      monitor.observe({ features: Object.create({ x: 0.1, color: 'red' }) as Record<string, unknown> }); // inherited values are not the caller's own
    }
    const snapshot = monitor.snapshot();
    expect(snapshot.counters.unknownFeatures).toBe(3);
    expect(snapshot.features.find((feature) => feature.name === 'x')?.samples).toBe(3);
    expect(snapshot.features.find((feature) => feature.name === 'x')?.qualityEvents.missing).toBe(3);
    expect(prototypeFingerprint()).toBe(fingerprint);
  });

  it('a features object whose getter throws is dropped as internal_error, never thrown to the caller', () => {
    const { monitor } = newMonitor();
    const hostile = Object.defineProperty({}, 'x', { enumerable: true, get: () => { throw new Error('getter exploded'); } });
    const proxy = new Proxy({}, { ownKeys: () => { throw new Error('ownKeys exploded'); }, getOwnPropertyDescriptor: () => { throw new Error('descriptor exploded'); } });
    expect(() => monitor.observe({ features: hostile })).not.toThrow();
    expect(() => monitor.observe({ features: proxy })).not.toThrow();
    expect(() => monitor.observeBatch(proxy as never)).not.toThrow();
    expect(monitor.snapshot().counters.dropped.internal_error).toBe(3);
  });

  it('the data-quality counters exported through a real MeterProvider equal the model (ml.quality.events, ml.observations.dropped)', async () => {
    const { monitor, reader } = newMonitor();
    const expected = emptyExpected();
    const inputs = fc.sample(observation, { numRuns: 2000, seed: 8 });
    for (const input of inputs) {
      monitor.observe(input as never);
      expectObserve(expected, input);
    }
    const { resourceMetrics, errors } = await reader.collect();
    expect(errors).toEqual([]);
    const metrics = metricsByName(resourceMetrics);
    const points = metrics.get('ml.quality.events')?.dataPoints ?? [];
    const exported = (feature: string, check: string) => points.find((point) => point.attributes['ml.feature.name'] === feature && point.attributes['ml.quality.check'] === check)?.value;
    for (const [name, tally] of expected.columns) {
      for (const [check, count] of Object.entries(tally.events)) expect({ name, check, count: exported(name, check) ?? 0 }).toEqual({ name, check, count });
    }
    expect(exported('__unknown__', 'unknown_feature')).toBe(expected.unknown);
    const dropped = metrics.get('ml.observations.dropped')?.dataPoints ?? [];
    for (const [reason, count] of Object.entries(expected.dropped)) {
      expect({ reason, count: dropped.find((point) => point.attributes['ml.drop.reason'] === reason)?.value }).toEqual({ reason, count });
    }
    expect(expected.dropped.invalid_timestamp + expected.dropped.too_old + expected.dropped.invalid_observation).toBeGreaterThan(0);
    expect([...expected.columns.values()].every((tally) => tally.samples > 0 && tally.events.type_error + tally.events.missing > 0)).toBe(true);
  });
});

/** observeBatch columns: arrays of hostile values of ragged lengths, typed arrays, non-array values, unknown columns. */
const column: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.array(hostileValue, { maxLength: 25 }) },
  { weight: 2, arbitrary: fc.array(fc.double(), { maxLength: 25 }).map((values) => Float64Array.from(values)) },
  { weight: 1, arbitrary: fc.constantFrom(5, 'abc', null, true) },
);
const batch = fc
  .tuple(
    fc.array(fc.tuple(fc.constantFrom(...COLUMNS, 'unknown_a', 'ünïcödé', ...PROTOTYPE_KEYS), column), { maxLength: 9 }),
    fc.option(fc.array(timestamp, { maxLength: 25 }), { nil: undefined }),
  )
  .map(([entries, timestamps]) => Object.fromEntries(timestamps === undefined ? entries : [...entries, ['timestamp', timestamps]]) as Record<string, unknown>);

const isArrayLike = (value: unknown): value is ArrayLike<unknown> => typeof value === 'object' && value !== null && typeof (value as { length?: unknown }).length === 'number';

function expectBatch(expected: Expected, columns: Record<string, unknown>): void {
  const rows = Math.max(0, ...Object.values(columns).filter(isArrayLike).map((value) => value.length));
  const timestamps = isArrayLike(columns.timestamp) ? columns.timestamp : undefined;
  let accepted = 0;
  for (let row = 0; row < rows; row++) {
    const outcome = timestampOutcome(timestamps?.[row], NOW, SLICE_MS, SLICES);
    if (outcome !== 'accepted') {
      expected.dropped[outcome]++;
      continue;
    }
    accepted++;
    for (const name of COLUMNS) {
      const values = own(columns, name);
      tallyValue(expected.columns.get(name) as ColumnTally, profileOf(name), isArrayLike(values) ? values[row] : undefined);
    }
    const scores = own(columns, 'confidence');
    const value = finiteScore(isArrayLike(scores) ? scores[row] : undefined);
    if (value !== undefined) expected.scores.push(value);
  }
  expected.accepted += accepted;
  expected.unknown += accepted * Object.keys(columns).filter((key) => !COLUMNS.includes(key) && key !== SEGMENT_ATTRIBUTE && !['prediction', 'score', 'segment', 'timestamp', 'id'].includes(key)).length;
}

describe('observeBatch under hostile columns (fast-check, compared with the same model)', () => {
  it(`${RUNS} runs of up to 4 batches: ragged, typed and non-array columns; no throw, nothing valid lost`, () => {
    const fingerprint = prototypeFingerprint();
    fc.assert(
      fc.property(fc.array(batch, { maxLength: 4 }), (batches) => {
        const { monitor } = newMonitor();
        const expected = emptyExpected();
        for (const columns of batches) {
          expect(() => monitor.observeBatch(columns as never)).not.toThrow();
          expectBatch(expected, columns);
        }
        assertMatches(monitor, expected);
        expect(prototypeFingerprint()).toBe(fingerprint);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('observeBatch with columns whose length lies', () => {
  it('a sparse column (col[2 ** 31] = v) or an array-like with a huge length is dropped whole, not allocated (this crashed the process)', () => {
    const { monitor } = newMonitor();
    const sparse: number[] = [];
    sparse[2 ** 31] = 1;
    expect(() => monitor.observeBatch({ x: sparse })).not.toThrow();
    expect(() => monitor.observeBatch({ x: { length: 1e12 } as ArrayLike<unknown> })).not.toThrow();
    expect(() => monitor.observeBatch({ x: { length: Number.NaN } as ArrayLike<unknown> })).not.toThrow();
    monitor.observeBatch({ x: [0.1, 0.2, 0.3] });
    const snapshot = monitor.snapshot();
    expect(snapshot.counters.dropped.invalid_observation).toBe(3);
    expect(snapshot.window.observations).toBe(3);
    expect(snapshot.features.find((feature) => feature.name === 'x')?.samples).toBe(3);
  });
});
