import fc from 'fast-check';
import { fitIsotonicRegression, IsotonicCalibrationMap } from '../../src/estimation/index.js';

// Expected values are pool-adjacent-violators worked by hand (noted per case); tie handling and
// interpolation follow scikit-learn's IsotonicRegression(out_of_bounds='clip').

describe('fitIsotonicRegression: hand-worked PAV', () => {
  it('pools one violating pair into its mean and interpolates between knots', () => {
    // y = 1, 3, 2, 4: (3, 2) violates -> 2.5, 2.5.
    const map = fitIsotonicRegression([1, 2, 3, 4], [1, 3, 2, 4]);
    expect(map.x).toEqual([1, 2, 3, 4]);
    expect(map.y).toEqual([1, 2.5, 2.5, 4]);
    expect(map.predict(2.5)).toBe(2.5);
    expect(map.predict(3.5)).toBe(3.25);
  });

  it('clips scores outside the fitted range to the end values', () => {
    const map = fitIsotonicRegression([1, 2, 3, 4], [1, 3, 2, 4]);
    expect(map.predict(-100)).toBe(1);
    expect(map.predict(100)).toBe(4);
  });

  it('pools backwards through several blocks (cascading merge)', () => {
    // 1, 2, 3, then 0: 3|0 -> 1.5; 2 > 1.5 -> (2+3+0)/3 = 5/3; 1 < 5/3 stops.
    const map = fitIsotonicRegression([0, 1, 2, 3], [1, 2, 3, 0]);
    expect(map.predict(0)).toBe(1);
    for (const x of [1, 2, 3]) expect(map.predict(x)).toBeCloseTo(5 / 3, 12);
  });

  it('pools with sample weights as a weighted mean', () => {
    // (3 * 1 + 1 * 3) / 4 = 1.5
    const map = fitIsotonicRegression([0, 1], [3, 1], [1, 3]);
    expect(map.predict(0)).toBe(1.5);
    expect(map.predict(1)).toBe(1.5);
  });

  it('averages tied x into one point before pooling (scikit-learn _make_unique)', () => {
    // x = 1 twice with y 0 and 1 -> (1, 0.5, weight 2); then (2, 0): violates -> (0.5*2 + 0)/3 = 1/3.
    const map = fitIsotonicRegression([1, 2, 1], [0, 0, 1]);
    expect(map.x).toEqual([1, 2]);
    expect(map.predict(1)).toBeCloseTo(1 / 3, 15);
    expect(map.predict(2)).toBeCloseTo(1 / 3, 15);
  });

  it('keeps a tied x as one knot whose value is the group mean when no violation follows', () => {
    // x = 0 twice (y 0, 1) -> 0.5; x = 1 -> 1. Interpolated halfway: 0.75.
    const map = fitIsotonicRegression([0, 0, 1], [0, 1, 1]);
    expect(map.x).toEqual([0, 1]);
    expect(map.y).toEqual([0.5, 1]);
    expect(map.predict(0.5)).toBe(0.75);
  });

  it('drops knots inside a flat run without changing predictions', () => {
    const map = fitIsotonicRegression([0, 1, 2, 3, 4], [0, 0, 0, 0, 1]);
    expect(map.x).toEqual([0, 3, 4]);
    expect(map.predict(2)).toBe(0);
    expect(map.predict(3.5)).toBe(0.5);
  });

  it('ignores rows of weight zero', () => {
    const map = fitIsotonicRegression([0, 1, 2], [0, 5, 1], [1, 0, 1]);
    expect(map.x).toEqual([0, 2]);
    expect(map.predict(1)).toBe(0.5);
  });

  it('predicts the single value everywhere when all x are equal', () => {
    const map = fitIsotonicRegression([0.3, 0.3, 0.3, 0.3], [0, 1, 1, 0]);
    expect(map.predict(0)).toBe(0.5);
    expect(map.predict(0.3)).toBe(0.5);
    expect(map.predict(1)).toBe(0.5);
  });
});

describe('fitIsotonicRegression: argument checks', () => {
  it('rejects empty, unequal, non-finite and negative or all-zero weights with named arguments', () => {
    expect(() => fitIsotonicRegression([], [])).toThrow(/x is empty/);
    expect(() => fitIsotonicRegression([1, 2], [1])).toThrow(/same length/);
    expect(() => fitIsotonicRegression([1, Number.NaN], [1, 2])).toThrow(/x\[1\]/);
    expect(() => fitIsotonicRegression([1, 2], [1, Infinity])).toThrow(/y\[1\]/);
    expect(() => fitIsotonicRegression([1, 2], [1, 2], [1, -1])).toThrow(/weights\[1\] must be non-negative/);
    expect(() => fitIsotonicRegression([1, 2], [1, 2], [0, 0])).toThrow(/all zero/);
  });

  it('rejects a non-finite score at prediction time', () => {
    expect(() => fitIsotonicRegression([0, 1], [0, 1]).predict(Number.NaN)).toThrow(/score must be a finite number/);
  });
});

describe('fitIsotonicRegression: properties', () => {
  const rows = fc.array(fc.tuple(fc.integer({ min: -20, max: 20 }), fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: 0.1, max: 5, noNaN: true })), {
    minLength: 1,
    maxLength: 60,
  });

  it('is non-decreasing, stays within [min y, max y] and preserves the weighted mean of the fitted points', () => {
    fc.assert(
      fc.property(rows, (data) => {
        const x = data.map((r) => r[0]);
        const y = data.map((r) => r[1]);
        const w = data.map((r) => r[2]);
        const map = fitIsotonicRegression(x, y, w);
        const low = Math.min(...y);
        const high = Math.max(...y);
        const outputs: number[] = [];
        for (let q = -22; q <= 22; q += 0.25) outputs.push(map.predict(q));
        expect(outputs.every((value, i) => i === 0 || value >= (outputs[i - 1] as number))).toBe(true);
        expect(Math.min(...outputs)).toBeGreaterThanOrEqual(low - 1e-9);
        expect(Math.max(...outputs)).toBeLessThanOrEqual(high + 1e-9);
        // The isotonic solution is a projection: Σ w·fitted(x) = Σ w·y.
        const fittedTotal = data.reduce((sum, r) => sum + r[2] * map.predict(r[0]), 0);
        const total = data.reduce((sum, r) => sum + r[2] * r[1], 0);
        expect(fittedTotal).toBeCloseTo(total, 6);
      }),
    );
  });

  it('returns already non-decreasing data unchanged (idempotent)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 50 }), fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 50, maxLength: 50 }), (xs, ys) => {
        const x = [...xs].sort((a, b) => a - b);
        const y = ys.slice(0, x.length).sort((a, b) => a - b);
        const map = fitIsotonicRegression(x, y);
        x.forEach((xi, i) => expect(map.predict(xi) + 0).toBe((y[i] as number) + 0)); // + 0 folds -0 into 0
        const refit = fitIsotonicRegression(x, x.map((xi) => map.predict(xi)));
        expect(refit.toJSON()).toEqual(map.toJSON());
      }),
    );
  });

  it('no monotone sequence has a smaller weighted squared error (checked against perturbations)', () => {
    fc.assert(
      fc.property(rows, fc.integer({ min: 0, max: 59 }), fc.double({ min: -0.5, max: 0.5, noNaN: true }), (data, at, delta) => {
        const x = data.map((r) => r[0]);
        const y = data.map((r) => r[1]);
        const w = data.map((r) => r[2]);
        const map = fitIsotonicRegression(x, y, w);
        const sse = (f: (xi: number) => number): number => data.reduce((sum, r) => sum + r[2] * (r[1] - f(r[0])) ** 2, 0);
        const best = sse((xi) => map.predict(xi));
        // Shift every fitted value at x >= pivot by delta (monotone when delta >= 0, or when it
        // applies to the whole range); the optimum is never beaten.
        const sortedX = [...new Set(x)].sort((a, b) => a - b);
        const pivot = sortedX[at % sortedX.length] as number;
        const shift = delta >= 0 || pivot === sortedX[0] ? delta : 0;
        expect(sse((xi) => map.predict(xi) + (xi >= pivot ? shift : 0))).toBeGreaterThanOrEqual(best - 1e-9);
      }),
    );
  });
});

describe('IsotonicCalibrationMap', () => {
  it('round-trips through JSON with identical predictions', () => {
    const map = fitIsotonicRegression([0.1, 0.2, 0.4, 0.8, 0.9], [0, 1, 0, 1, 1]);
    const restored = IsotonicCalibrationMap.fromJSON(JSON.parse(JSON.stringify(map)));
    for (const q of [0, 0.15, 0.3, 0.5, 0.85, 1]) expect(restored.predict(q)).toBe(map.predict(q));
  });

  it('rejects malformed or non-monotone knots', () => {
    expect(() => IsotonicCalibrationMap.fromJSON({ type: 'other', version: 1, x: [0], y: [0] })).toThrow(TypeError);
    expect(() => new IsotonicCalibrationMap([0, 0], [0, 1])).toThrow(/strictly increasing/);
    expect(() => new IsotonicCalibrationMap([0, 1], [1, 0])).toThrow(/non-decreasing/);
    expect(() => new IsotonicCalibrationMap([], [])).toThrow(/at least one knot/);
  });
});
