import fc from 'fast-check';
import { medianAbsoluteError } from '../../src/stats/median-absolute-error.js';
import { RegressionErrorAccumulator } from '../../src/stats/regression-error-accumulator.js';
import {
  meanAbsoluteError,
  meanAbsolutePercentageError,
  meanPinballLoss,
  meanSquaredError,
  r2Score,
  rootMeanSquaredError,
} from '../../src/stats/regression-errors.js';

// Expected numbers: scikit-learn 1.2.1 sklearn.metrics (1-D inputs, no weights).
const yTrue = [3, -0.5, 2, 7];
const yPred = [2.5, 0, 2, 8];

describe('regression errors', () => {
  it('match scikit-learn on its documentation example', () => {
    expect(meanAbsoluteError(yTrue, yPred)).toBe(0.5);
    expect(meanSquaredError(yTrue, yPred)).toBe(0.375);
    expect(rootMeanSquaredError(yTrue, yPred)).toBeCloseTo(0.6123724356957945, 15);
    expect(medianAbsoluteError(yTrue, yPred)).toBe(0.5);
    expect(r2Score(yTrue, yPred)).toBeCloseTo(0.9486081370449679, 15);
  });

  it('MAPE is a fraction with the denominator floored at float64 epsilon', () => {
    expect(meanAbsolutePercentageError([1, 10], [1.5, 9])).toBeCloseTo(0.3, 15);
    expect(meanAbsolutePercentageError([0, 10], [1, 10])).toBe(2251799813685248);
  });

  it('pinball loss weighs under-prediction by alpha and is half the MAE at 0.5', () => {
    expect(meanPinballLoss([10, 10], [8, 13], 0.9)).toBeCloseTo(1.05, 15);
    expect(meanPinballLoss(yTrue, yPred, 0.5)).toBe(meanAbsoluteError(yTrue, yPred) / 2);
    expect(() => meanPinballLoss(yTrue, yPred, 1.5)).toThrow(/alpha/);
  });

  it('median of an even count is the mean of the two middle errors', () => {
    expect(medianAbsoluteError([1, 2, 3, 4], [0, 0, 0, 0])).toBe(2.5);
  });

  it('R² follows force_finite for constant yTrue and is NaN below two rows', () => {
    expect(r2Score([5, 5, 5], [5, 5, 5])).toBe(1);
    expect(r2Score([5, 5, 5], [4, 5, 6])).toBe(0);
    expect(r2Score([1], [0.2])).toBeNaN();
    // numpy's mean of [0.1, 0.1, 0.1] is 0.10000000000000002: scikit-learn gives -5.192296858534829e+31.
    expect(r2Score([0.1, 0.1, 0.1], [0.2, 0.2, 0.2])).toBe(-5.192296858534829e31);
  });

  it('perfect predictions give zero errors and R² = 1', () => {
    expect(meanAbsoluteError([1, 2, 3], [1, 2, 3])).toBe(0);
    expect(r2Score([1, 2, 3], [1, 2, 3])).toBe(1);
  });

  it('reject empty, unequal and non-finite input', () => {
    expect(() => meanAbsoluteError([], [])).toThrow(/empty/);
    expect(() => meanSquaredError([1, 2], [1])).toThrow(/same length/);
    expect(() => r2Score([1, Number.NaN], [1, 2])).toThrow(/yTrue\[1\]/);
    expect(() => medianAbsoluteError([1, 2], [1, Infinity])).toThrow(/yPred\[1\]/);
  });
});

describe('RegressionErrorAccumulator', () => {
  const pairs = fc.array(fc.tuple(fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.double({ min: -1e3, max: 1e3, noNaN: true })), { minLength: 2, maxLength: 60 });

  it('agrees with the batch functions, and merging two halves equals feeding all rows', () => {
    fc.assert(
      fc.property(pairs, fc.nat(), (rows, cut) => {
        const t = rows.map((r) => r[0]);
        const p = rows.map((r) => r[1]);
        const whole = new RegressionErrorAccumulator();
        const left = new RegressionErrorAccumulator();
        const right = new RegressionErrorAccumulator();
        const split = cut % rows.length;
        rows.forEach(([truth, prediction], i) => {
          whole.record(truth, prediction);
          (i < split ? left : right).record(truth, prediction);
        });
        const merged = left.merge(right);
        const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));
        close(whole.meanAbsoluteError(), meanAbsoluteError(t, p));
        close(whole.meanSquaredError(), meanSquaredError(t, p));
        close(whole.meanPinballLoss(0.9), meanPinballLoss(t, p, 0.9));
        close(merged.meanSquaredError(), whole.meanSquaredError());
        close(merged.meanAbsolutePercentageError(), whole.meanAbsolutePercentageError());
        expect(merged.count).toBe(rows.length);
        const spread = Math.max(...t) - Math.min(...t);
        if (spread > 1e-3) {
          close(whole.r2(), r2Score(t, p));
          close(merged.r2(), r2Score(t, p));
        }
      }),
    );
  });

  it('treats a constant stream of yTrue as exactly constant', () => {
    const accumulator = new RegressionErrorAccumulator().record(0.1, 0.2).record(0.1, 0.2).record(0.1, 0.2);
    expect(accumulator.r2()).toBe(0);
  });

  it('reports NaN before any row and refuses non-finite values', () => {
    expect(new RegressionErrorAccumulator().meanAbsoluteError()).toBeNaN();
    expect(() => new RegressionErrorAccumulator().record(Number.NaN, 1)).toThrow(RangeError);
  });
});
