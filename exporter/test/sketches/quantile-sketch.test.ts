import { DDSketch } from '@datadog/sketches-js';
import { QuantileSketch } from '../../src/sketches/index.js';
import { normalSample } from './random-samples.js';

const ALPHA = 0.01;
const GAMMA = (1 + ALPHA) / (1 - ALPHA);

function sketchOf(values: readonly number[], options = {}): QuantileSketch {
  const sketch = QuantileSketch.create(options);
  sketch.addMany(values);
  return sketch;
}

/** numpy.quantile(values, q, method='lower'). */
function lowerQuantile(sorted: readonly number[], q: number): number {
  return sorted[Math.floor(q * (sorted.length - 1))] as number;
}

function fractionAtMost(sorted: readonly number[], x: number): number {
  return sorted.filter((v) => v <= x).length / sorted.length;
}

const mixed = [...normalSample(3000, 11, 0, 5), ...Array.from({ length: 300 }, () => 0), ...normalSample(700, 12).map((x) => -Math.exp(3 * x))];
const sortedMixed = [...mixed].sort((a, b) => a - b);
const grid = Array.from({ length: 101 }, (_, i) => i / 100);

describe('QuantileSketch', () => {
  it('quantile(q) is within α·|x_q| of numpy.quantile(x, q, method="lower") with negatives and zeros', () => {
    const sketch = sketchOf(mixed);
    expect(sketch.count).toBe(mixed.length);
    for (const q of grid) {
      const truth = lowerQuantile(sortedMixed, q);
      expect(Math.abs(sketch.quantile(q) - truth)).toBeLessThanOrEqual(ALPHA * Math.abs(truth) * (1 + 1e-12));
    }
    expect(sketch.quantile(0)).toBe(sortedMixed[0]);
    expect(sketch.quantile(1)).toBe(sortedMixed[sortedMixed.length - 1]);
  });

  it('cdf(x) brackets the empirical CDF: F(x) ≤ cdf(x) ≤ F(u(x)), u(x) the bucket upper end', () => {
    const sketch = sketchOf(mixed);
    const probes = [...sortedMixed.filter((_, i) => i % 37 === 0), -1e9, 1e9, 0, -0.3, 0.3];
    for (const x of probes) {
      const upper = x > 0 ? x * GAMMA : x < 0 ? x / GAMMA : 0;
      expect(sketch.cdf(x)).toBeGreaterThanOrEqual(fractionAtMost(sortedMixed, x));
      expect(sketch.cdf(x)).toBeLessThanOrEqual(fractionAtMost(sortedMixed, upper) + 1e-12);
    }
    expect(sketch.cdf(sortedMixed[0] as number)).toBeGreaterThan(0);
    expect(sketch.cdf(-Infinity)).toBe(0);
    expect(sketch.cdf(sortedMixed[sortedMixed.length - 1] as number)).toBe(1);
    expect(sketch.cdf(NaN)).toBeNaN();
  });

  it('the center option keeps values far from zero accurate: N(100, 1) within α·|x - 100|', () => {
    const values = normalSample(5000, 5, 100, 1);
    const sorted = [...values].sort((a, b) => a - b);
    const centred = sketchOf(values, { center: 100 });
    const plain = sketchOf(values);
    let worstCentred = 0;
    let worstPlain = 0;
    for (const q of grid) {
      const truth = lowerQuantile(sorted, q);
      worstCentred = Math.max(worstCentred, Math.abs(centred.quantile(q) - truth));
      worstPlain = Math.max(worstPlain, Math.abs(plain.quantile(q) - truth));
      expect(Math.abs(centred.quantile(q) - truth)).toBeLessThanOrEqual(ALPHA * Math.abs(truth - 100) * (1 + 1e-9) + 1e-12);
    }
    expect(worstCentred).toBeLessThan(0.05);
    expect(worstPlain).toBeGreaterThan(0.5); // 1 % of 100: buckets two units wide
  });

  it('ignores and counts values that are not finite numbers', () => {
    const sketch = sketchOf([1, NaN, Infinity, -Infinity, 2]);
    sketch.add('3' as unknown as number);
    expect(sketch.count).toBe(2);
    expect(sketch.nonFiniteCount).toBe(4);
    expect(sketch.isEmpty()).toBe(false);
    expect(sketch.max).toBe(2);
  });

  it('is NaN-valued when empty and rejects q outside [0, 1]', () => {
    const empty = QuantileSketch.create();
    expect(empty.isEmpty()).toBe(true);
    expect(empty.quantile(0.5)).toBeNaN();
    expect(empty.min).toBeNaN();
    expect(empty.cdf(1)).toBeNaN();
    expect(() => empty.quantile(1.5)).toThrow(/q must be a number in \[0, 1\], got 1.5/);
    expect(() => empty.quantile(NaN)).toThrow(RangeError);
  });

  it('keeps negative values through merge (regression: @datadog/sketches-js 2.1.1 DDSketch.merge drops them)', () => {
    const library = new DDSketch();
    const libraryOther = new DDSketch();
    library.accept(5);
    libraryOther.accept(-3);
    library.merge(libraryOther);
    expect(library.negativeStore.count).toBe(0); // the upstream bug this class works around

    const merged = sketchOf([5]).merge(sketchOf([-3, -4]));
    expect(merged.count).toBe(3);
    expect(merged.quantile(0.5)).toBeCloseTo(-3, 1);
    expect(merged.min).toBe(-4);
  });

  it('collapses the bins nearest zero beyond binLimit and stays accurate for the large values', () => {
    const values = Array.from({ length: 2001 }, (_, i) => 10 ** ((i - 1000) / 100));
    const sketch = sketchOf(values, { binLimit: 64 });
    expect(sketch.collapsed).toBe(true);
    expect(sketch.approxBytes()).toBeLessThanOrEqual(16 * 64 + 256);
    const sorted = [...values].sort((a, b) => a - b);
    for (const q of [0.98, 0.99, 0.999]) { // the 64 kept bins cover the top 0.55 decades
      const truth = lowerQuantile(sorted, q);
      expect(Math.abs(sketch.quantile(q) - truth)).toBeLessThanOrEqual(ALPHA * truth);
    }
    expect(sketch.quantile(0.1)).toBeGreaterThan(lowerQuantile(sorted, 0.1)); // collapsed: no guarantee, biased up
    expect(sketchOf(values, { binLimit: 4096 }).collapsed).toBe(false);
  });

  it('rejects bad options and merges of differently configured sketches', () => {
    expect(() => QuantileSketch.create({ relativeAccuracy: 0 })).toThrow(/options.relativeAccuracy must be a number in \(0, 1\), got 0/);
    expect(() => QuantileSketch.create({ relativeAccuracy: 1 })).toThrow(RangeError);
    expect(() => QuantileSketch.create({ binLimit: 2.5 })).toThrow(/options.binLimit must be an integer >= 1, got 2.5/);
    expect(() => QuantileSketch.create({ center: Infinity })).toThrow(/options.center must be a finite number/);
    expect(() => sketchOf([1]).merge(sketchOf([1], { relativeAccuracy: 0.02 }))).toThrow(/\(0.01, 2048, 0\) and \(0.02, 2048, 0\)/);
    expect(() => sketchOf([1]).merge(sketchOf([1], { center: 1 }))).toThrow(RangeError);
  });

  it('fromJSON names the bad field', () => {
    const good = sketchOf([-2, 0, 1, 3]).toJSON();
    expect(QuantileSketch.fromJSON(good).toJSON()).toEqual(good);
    expect(() => QuantileSketch.fromJSON({ ...good, relativeAccuracy: 2 })).toThrow(/QuantileSketch\.fromJSON: relativeAccuracy:/);
    expect(() => QuantileSketch.fromJSON({ ...good, positive: { ...good.positive, counts: [0, 1] } })).toThrow(/positive\.counts: first and last entries must be > 0/);
    expect(() => QuantileSketch.fromJSON({ ...good, negative: { ...good.negative, minKey: 1.5 } })).toThrow(/negative\.minKey:/);
    expect(() => QuantileSketch.fromJSON({ ...good, min: null })).toThrow(/min: must be a number when values are counted/);
    expect(() => QuantileSketch.fromJSON({ ...good, min: 5 })).toThrow(/min: must be <= max/);
    expect(() => QuantileSketch.fromJSON({ ...good, binLimit: 1 })).toThrow(/counts: has \d+ entries, more than binLimit = 1/);
    expect(() => QuantileSketch.fromJSON([])).toThrow(/QuantileSketch\.fromJSON: \(root\)/);
  });
});
