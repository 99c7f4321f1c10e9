/**
 * The hot path has fast paths: `observe` walks the input's keys remembering their order from the
 * previous row, and skips the own-key check for plain objects; `observeBatch` has a tight loop for
 * Float64Array columns. Each must record exactly what the plain path records: these properties
 * compare two monitors fed the same values through different paths, also for rows that carry an
 * id, a score, a segment and fairness attributes, followed by labels (the performance snapshot).
 */
import fc from 'fast-check';
import { createModelMonitor, type ModelMonitor } from '../../src/monitor/create-model-monitor.js';
import type { MonitorSnapshot } from '../../src/monitor/monitor-snapshot.js';
import type { Observation } from '../../src/monitor/monitor-state.js';
import { binaryProfile, binaryRows } from './labelled-fixture.js';
import { referenceProfile, testMeterProvider } from './monitor-fixture.js';

const reference = referenceProfile();

function newMonitor(): ModelMonitor {
  return createModelMonitor({ model: { name: 'm', version: '1' }, reference, meterProvider: testMeterProvider().provider, window: { count: 100_000, slices: 4 }, segments: { attribute: 'region', cap: 3 } });
}

/** The snapshot with the numeric means rounded (a batch sums its moments in another order). */
function comparable(snapshot: MonitorSnapshot): unknown {
  const round = (feature: MonitorSnapshot['features'][number]) => ({ ...feature, mean: feature.mean === null ? null : Number(feature.mean.toPrecision(10)) });
  return { ...snapshot, features: snapshot.features.map(round), predictions: snapshot.predictions.map(round) };
}

const value = fc.oneof(
  fc.double(),
  fc.constantFrom('red', 'green', 'blue', 'violet', '', 'true', 'false', 'a', 'b'),
  fc.boolean(),
  fc.constantFrom(null, undefined, Number.NaN, Number.POSITIVE_INFINITY, 1e300, 5n),
  fc.string({ maxLength: 300 }),
);
const key = fc.constantFrom('x', 'y', 'color', 'flag', 'label', 'confidence', 'region', 'extra', '__proto__', 'constructor', 'toString', 'z'.repeat(300));
const row = fc.tuple(fc.uniqueArray(fc.tuple(key, value), { selector: ([name]) => name, maxLength: 9 }), fc.constantFrom('plain', 'null-prototype', 'inherits-x', 'dictionary'), fc.option(value), fc.option(value));

/** Builds the features object of one row in one of several shapes; the own entries are always `entries`. */
function build(entries: [string, unknown][], shape: string): Record<string, unknown> {
  const prototype = shape === 'null-prototype' ? null : shape === 'inherits-x' ? { x: 123, color: 'red' } : Object.prototype;
  const features = Object.create(prototype) as Record<string, unknown>;
  for (const [name, item] of entries) Object.defineProperty(features, name, { value: item, enumerable: true, writable: true, configurable: true });
  if (shape === 'dictionary') {
    for (let index = 0; index < 40; index++) features[`tmp${index}`] = index;
    for (let index = 0; index < 40; index++) delete features[`tmp${index}`];
  }
  return features;
}

describe('observe: the key-order cache and the own-key shortcut record what the plain path records', () => {
  it('objects of changing shapes, key orders and prototypes give the snapshot of their own entries', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), (rows) => {
        const tricky = newMonitor();
        const plain = newMonitor();
        for (const [entries, shape, prediction, score] of rows) {
          tricky.observe({ features: build(entries, shape), ...(prediction === null ? {} : { prediction }), ...(score === null ? {} : { score }) });
          // The oracle: a fresh plain object with the same own entries, in sorted key order.
          const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : 1));
          const own = Object.create(null) as Record<string, unknown>;
          for (const [name, item] of sorted) own[name] = item;
          plain.observe({ features: own, ...(prediction === null ? {} : { prediction }), ...(score === null ? {} : { score }) });
        }
        expect(tricky.snapshot()).toEqual(plain.snapshot());
      }),
      { numRuns: 300 },
    );
  });

  it('unknown keys count once per occurrence; the segment attribute does not count', () => {
    const monitor = newMonitor();
    for (let index = 0; index < 5; index++) monitor.observe({ features: { x: 1, region: 'eu', extra: 1, another: 2 } });
    monitor.observe({ features: { another: 2, x: 1, extra: 1 } });
    expect(monitor.snapshot().counters.unknownFeatures).toBe(12);
    expect(monitor.snapshot().features.find((feature) => feature.name === 'x')?.rows).toBe(6);
  });
});

describe('observeBatch: the Float64Array loop records what the generic loop records', () => {
  const number = fc.oneof(fc.double(), fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0, -0, 1e300));
  it('Float64Array columns and plain arrays of the same numbers give the same snapshot, with and without timestamps', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(number, number), { minLength: 1, maxLength: 200 }), fc.boolean(), (pairs, withTimestamps) => {
        const typed = newMonitor();
        const generic = newMonitor();
        const x = pairs.map(([first]) => first);
        const y = pairs.map(([, second]) => second);
        const timestamps: Record<string, number[]> = withTimestamps ? { timestamp: pairs.map((_, index) => (index % 3 === 0 ? Number.NaN : index)) } : {};
        typed.observeBatch({ x: Float64Array.from(x), y: Float64Array.from(y), ...timestamps });
        generic.observeBatch({ x, y, ...timestamps });
        expect(comparable(typed.snapshot())).toEqual(comparable(generic.snapshot()));
      }),
      { numRuns: 200 },
    );
  });

  it('a batch records what the same rows through observe record', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double(), fc.constantFrom('red', 'green', 'blue', 'violet', '')), { minLength: 1, maxLength: 100 }), (rows) => {
        const batch = newMonitor();
        const single = newMonitor();
        batch.observeBatch({ x: Float64Array.from(rows.map(([x]) => x)), color: rows.map(([, color]) => color) });
        for (const [x, color] of rows) single.observe({ features: { x, color } });
        expect(comparable(batch.snapshot())).toEqual(comparable(single.snapshot()));
      }),
      { numRuns: 200 },
    );
  });
});

describe('observe and observeBatch with ids, scores, segments, fairness attributes and labels', () => {
  const labelled = binaryProfile(binaryRows(2000, 31));
  const T0 = 1_800_000_000_000;

  function labelledMonitor(): ModelMonitor {
    return createModelMonitor({
      model: { name: 'm', version: '1' },
      reference: labelled,
      meterProvider: testMeterProvider().provider,
      now: () => T0,
      window: { count: 100_000, slices: 4 },
      segments: { attribute: 'region', cap: 2 },
      fairness: { attributes: ['group'], cap: 2 },
      labels: { maxPending: 8 },
    });
  }

  const id = fc.oneof(fc.constantFrom('a', 'b', 'c', 'd', 'e', ''), fc.integer({ min: 0, max: 4 }), fc.constantFrom(Number.NaN, null), fc.constant({}));
  const score = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(Number.NaN, '0.5', null));
  const prediction = fc.constantFrom(0, 1, true, 'yes', null, 0.5);
  const group = fc.constantFrom('f', 'm', 'x', 'y', '', 7, null);
  const labelledKey = fc.constantFrom('x', 'p', 's', 'y', 'group', 'region', 'extra', '__proto__');
  const labelledValue = fc.oneof(fc.double(), fc.constantFrom('eu', 'us', 'apac', 'f', 'm', 'x'), fc.constantFrom(0, 1, true, null, undefined, Number.NaN), fc.double({ min: 0, max: 1, noNaN: true }));
  const labelledRow = fc.record(
    {
      entries: fc.uniqueArray(fc.tuple(labelledKey, labelledValue), { selector: ([name]) => name, maxLength: 8 }),
      shape: fc.constantFrom('plain', 'null-prototype', 'inherits-x', 'dictionary'),
      id,
      score,
      prediction,
      segment: fc.constantFrom('eu', 'us', 'apac', 'other'),
      attributes: fc.option(fc.record({ group })),
      label: fc.option(fc.tuple(id, fc.constantFrom(0, 1, true, false, 'no', Number.NaN))),
    },
    { requiredKeys: ['entries', 'shape'] },
  );

  it('tricky feature objects record what a plain object of the same own entries records, performance included', () => {
    fc.assert(
      fc.property(fc.array(labelledRow, { maxLength: 40 }), (rows) => {
        const tricky = labelledMonitor();
        const plain = labelledMonitor();
        for (const { entries, shape, label, ...rest } of rows) {
          tricky.observe({ ...rest, features: build(entries, shape) } as Observation); // attributes: null is a deliberate wrong type
          const own = Object.create(null) as Record<string, unknown>;
          for (const [name, item] of [...entries].sort(([a], [b]) => (a < b ? -1 : 1))) own[name] = item;
          plain.observe({ ...rest, features: own } as Observation);
          if (label !== undefined && label !== null) {
            tricky.label(label[0] as string, label[1]);
            plain.label(label[0] as string, label[1]);
          }
        }
        expect(tricky.snapshot()).toEqual(plain.snapshot());
      }),
      { numRuns: 200 },
    );
  });

  it('a score and prediction given in the features record what the same values given beside them record', () => {
    const row = fc.record({ x: fc.double({ noNaN: true, min: -5, max: 5 }), s: fc.double({ min: 0, max: 1, noNaN: true }), p: fc.constantFrom(0, 1), id: fc.integer({ min: 0, max: 30 }), group: fc.constantFrom('f', 'm'), truth: fc.constantFrom(0, 1) });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 60 }), (rows) => {
        const inside = labelledMonitor();
        const beside = labelledMonitor();
        for (const { x, s, p, id: rowId, group: rowGroup } of rows) {
          inside.observe({ features: { x, s, p, group: rowGroup }, id: rowId });
          beside.observe({ features: { x }, score: s, prediction: p, attributes: { group: rowGroup }, id: rowId });
        }
        for (const { id: rowId, truth } of rows) {
          inside.label(rowId, truth);
          beside.label(rowId, truth);
        }
        expect(inside.snapshot()).toEqual(beside.snapshot());
      }),
      { numRuns: 100 },
    );
  });

  it('a batch with id, score, prediction, segment and fairness columns records what the same rows through observe record', () => {
    const row = fc.record({ x: fc.double(), s: score, p: prediction, id, group, segment: fc.constantFrom('eu', 'us', 'apac', '', 'other'), truth: fc.constantFrom(0, 1, true, 'no') });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 60 }), fc.boolean(), (rows, typedX) => {
        const batch = labelledMonitor();
        const single = labelledMonitor();
        const x = rows.map((item) => item.x);
        batch.observeBatch({ x: typedX ? Float64Array.from(x) : x, s: rows.map((item) => item.s), p: rows.map((item) => item.p), id: rows.map((item) => item.id), group: rows.map((item) => item.group), segment: rows.map((item) => item.segment) });
        for (const item of rows) single.observe({ features: { x: item.x, s: item.s, p: item.p, group: item.group }, id: item.id, segment: item.segment });
        for (const item of rows) {
          batch.label(item.id as string, item.truth);
          single.label(item.id as string, item.truth);
        }
        expect(comparable(batch.snapshot())).toEqual(comparable(single.snapshot()));
      }),
      { numRuns: 150 },
    );
  });
});
