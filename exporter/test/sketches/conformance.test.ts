import fc from 'fast-check';
import { FixedEdgeHistogram, FrequentItems, QuantileSketch, RunningMoments, type MergeableSketch } from '../../src/sketches/index.js';

/**
 * One generic description per sketch type; every property below runs over all of them.
 * `normalise` gives the form two sketches are compared in; `tolerance` 0 means exactly equal.
 * `exactFor(values)` says when the structure PROMISES merge ≡ add-all and associativity; otherwise
 * `guarantee` checks what it promises instead (e.g. Misra–Gries error bounds).
 */
interface SketchKind<S extends MergeableSketch<S>, V> {
  name: string;
  create(): S;
  add(sketch: S, value: V): void;
  fromJSON(json: unknown): S;
  value: fc.Arbitrary<V>;
  normalise(sketch: S): unknown;
  tolerance: number;
  exactFor(values: readonly V[]): boolean;
  guarantee?(sketch: S, values: readonly V[]): void;
  memory: { stream(size: number): V[]; maxBytes: number; trackedSize(sketch: S): number; maxTracked: number };
}

const EDGES = [-10, -1, 0, 0.5, 1, 2, 10, 1e6];
const histogramKind: SketchKind<FixedEdgeHistogram, number> = {
  name: 'FixedEdgeHistogram',
  create: () => FixedEdgeHistogram.create(EDGES),
  add: (sketch, x) => sketch.add(x),
  fromJSON: (json) => FixedEdgeHistogram.fromJSON(json),
  value: fc.oneof(fc.double(), fc.integer({ min: -12, max: 12 }), fc.constantFrom(...EDGES)),
  normalise: (sketch) => ({ json: sketch.toJSON(), total: sketch.total }),
  tolerance: 0,
  exactFor: () => true,
  memory: { stream: (n) => Array.from({ length: n }, (_, i) => (i % 997) - 500), maxBytes: 96 + 8 * (2 * EDGES.length + 1), trackedSize: (s) => s.counts.length, maxTracked: EDGES.length + 1 },
};

function quantileKind(name: string, binLimit: number): SketchKind<QuantileSketch, number> {
  return {
    name,
    create: () => QuantileSketch.create({ binLimit }),
    add: (sketch, x) => sketch.add(x),
    fromJSON: (json) => QuantileSketch.fromJSON(json),
    value: fc.oneof(fc.double(), fc.integer({ min: -5, max: 5 }), fc.double({ min: 1e-3, max: 1e3, noNaN: true })),
    normalise: (sketch) => ({ json: sketch.toJSON(), count: sketch.count, median: sketch.quantile(0.5) }),
    tolerance: 0,
    exactFor: () => true,
    memory: {
      stream: (n) => Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 1 : -1) * 10 ** ((i % 601) - 300) * (1 + (i % 7) / 10)),
      maxBytes: 16 * binLimit + 256,
      trackedSize: (s) => Math.max(s.positive.capacity, s.negative.capacity),
      maxTracked: binLimit,
    },
  };
}

const CAPACITY = 6;
const frequentItemsKind: SketchKind<FrequentItems, [string, number]> = {
  name: 'FrequentItems',
  create: () => FrequentItems.create(CAPACITY),
  add: (sketch, [item, weight]) => sketch.add(item, weight),
  fromJSON: (json) => FrequentItems.fromJSON(json),
  value: fc.tuple(fc.oneof(fc.constantFrom('a', 'b', 'c', 'd', 'é', ''), fc.string({ maxLength: 3 })), fc.integer({ min: 1, max: 5 })),
  normalise: (sketch) => sketch.toJSON(),
  tolerance: 0,
  exactFor: (values) => new Set(values.map(([item]) => item)).size <= CAPACITY,
  guarantee: (sketch, values) => {
    const truth = new Map<string, number>();
    for (const [item, weight] of values) truth.set(item, (truth.get(item) ?? 0) + weight);
    const total = values.reduce((sum, [, weight]) => sum + weight, 0);
    expect(sketch.total).toBe(total);
    expect(sketch.size).toBeLessThanOrEqual(CAPACITY);
    const tracked = sketch.entries().reduce((sum, entry) => sum + entry.count, 0);
    expect(sketch.otherCount).toBe(total - tracked);
    for (const [item, weight] of truth) {
      expect(sketch.count(item)).toBeLessThanOrEqual(weight);
      expect(weight).toBeLessThanOrEqual(sketch.count(item) + sketch.maxError);
    }
  },
  memory: {
    stream: (n) => Array.from({ length: n }, (_, i): [string, number] => [`item-${i}`, 1]),
    maxBytes: 128 + CAPACITY * (64 + 2 * 'item-100000'.length),
    trackedSize: (s) => s.size,
    maxTracked: CAPACITY,
  },
};

const momentsKind: SketchKind<RunningMoments, number> = {
  name: 'RunningMoments',
  create: () => RunningMoments.create(),
  add: (sketch, x) => sketch.add(x),
  fromJSON: (json) => RunningMoments.fromJSON(json),
  value: fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: -3, max: 3 }), fc.constant(NaN)),
  normalise: (sketch) => ({
    count: sketch.count,
    nonFiniteCount: sketch.nonFiniteCount,
    mean: sketch.mean,
    variance: sketch.variance(),
    min: sketch.min,
    max: sketch.max,
    sum: sketch.sum,
  }),
  tolerance: 1e-7,
  exactFor: () => true,
  memory: { stream: (n) => Array.from({ length: n }, (_, i) => i), maxBytes: 128, trackedSize: () => 1, maxTracked: 1 },
};

/** Deep comparison of normalised forms: numbers within `tolerance`·max(1, |a|, |b|), NaN equal to NaN. */
function expectClose(actual: unknown, expected: unknown, tolerance: number, path = '$'): void {
  if (tolerance === 0) {
    expect(actual).toEqual(expected);
    return;
  }
  if (typeof actual === 'number' && typeof expected === 'number') {
    if (Number.isNaN(expected)) {
      expect([path, actual]).toEqual([path, expected]);
      return;
    }
    const allowed = tolerance * Math.max(1, Math.abs(actual), Math.abs(expected));
    if (!(Math.abs(actual - expected) <= allowed)) throw new Error(`${path}: ${actual} differs from ${expected} by more than ${allowed}`);
    return;
  }
  if (Array.isArray(expected) || (typeof expected === 'object' && expected !== null)) {
    expect(typeof actual).toBe('object');
    const keys = new Set([...Object.keys(actual as object), ...Object.keys(expected)]);
    for (const key of keys) {
      expectClose((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key], tolerance, `${path}.${key}`);
    }
    return;
  }
  expect([path, actual]).toEqual([path, expected]);
}

function conformance<S extends MergeableSketch<S>, V>(kind: SketchKind<S, V>): void {
  const build = (values: readonly V[]): S => {
    const sketch = kind.create();
    for (const value of values) kind.add(sketch, value);
    return sketch;
  };
  const values = fc.array(kind.value, { maxLength: 40 });
  const same = (a: S, b: S): void => expectClose(kind.normalise(a), kind.normalise(b), kind.tolerance);

  describe(`${kind.name} conformance`, () => {
    it('merge is associative: (a ∪ b) ∪ c ≡ a ∪ (b ∪ c)', () => {
      fc.assert(
        fc.property(values, values, values, (x, y, z) => {
          const left = build(x).merge(build(y)).merge(build(z));
          const right = build(x).merge(build(y).merge(build(z)));
          const all = [...x, ...y, ...z];
          if (kind.exactFor(all)) {
            same(left, right);
          } else {
            kind.guarantee?.(left, all);
            kind.guarantee?.(right, all);
          }
        }),
      );
    });

    it('merge is commutative: a ∪ b ≡ b ∪ a', () => {
      fc.assert(fc.property(values, values, (x, y) => same(build(x).merge(build(y)), build(y).merge(build(x)))));
    });

    it('the empty sketch is the identity of merge', () => {
      fc.assert(
        fc.property(values, (x) => {
          const sketch = build(x);
          same(sketch.merge(kind.create()), sketch);
          same(kind.create().merge(sketch), sketch);
          expect(kind.create().isEmpty()).toBe(true);
        }),
      );
    });

    it('merging equals adding every value into one sketch (where promised; else its guarantee holds)', () => {
      fc.assert(
        fc.property(values, values, (x, y) => {
          const merged = build(x).merge(build(y));
          const all = [...x, ...y];
          if (kind.exactFor(all)) same(merged, build(all));
          else kind.guarantee?.(merged, all);
        }),
      );
    });

    it('merge is pure: both inputs are unchanged', () => {
      fc.assert(
        fc.property(values, values, (x, y) => {
          const a = build(x);
          const b = build(y);
          const before = JSON.stringify([a.toJSON(), b.toJSON()]);
          a.merge(b);
          expect(JSON.stringify([a.toJSON(), b.toJSON()])).toBe(before);
        }),
      );
    });

    it('JSON round-trip: toJSON → stringify → parse → fromJSON → toJSON is the identity', () => {
      fc.assert(
        fc.property(values, values, (x, y) => {
          const sketch = build(x).merge(build(y));
          const json = sketch.toJSON();
          const restored = kind.fromJSON(JSON.parse(JSON.stringify(json)));
          expect(restored.toJSON()).toEqual(json);
          same(restored, sketch);
        }),
      );
    });

    it('memory stays within the configured bound however many values are added', () => {
      const sketch = kind.create();
      const stream = kind.memory.stream(100_000);
      let largest = 0;
      stream.forEach((value, i) => {
        kind.add(sketch, value);
        if (i % 1000 === 0) largest = Math.max(largest, sketch.approxBytes());
      });
      largest = Math.max(largest, sketch.approxBytes());
      expect(largest).toBeLessThanOrEqual(kind.memory.maxBytes);
      expect(kind.memory.trackedSize(sketch)).toBeLessThanOrEqual(kind.memory.maxTracked);
      const merged = sketch.merge(sketch).merge(sketch);
      expect(merged.approxBytes()).toBeLessThanOrEqual(kind.memory.maxBytes);
    });
  });
}

conformance(histogramKind);
conformance(quantileKind('QuantileSketch (default 2048 bins)', 2048));
conformance(quantileKind('QuantileSketch (8 bins: collapsing)', 8));
conformance(frequentItemsKind);
conformance(momentsKind);
