import fc from 'fast-check';
import { RegressionAccumulator, type RegressionAccumulatorOptions } from '../../src/performance/regression-accumulator.js';
import { medianAbsoluteError } from '../../src/stats/median-absolute-error.js';
import {
  meanAbsoluteError,
  meanAbsolutePercentageError,
  meanPinballLoss,
  meanSquaredError,
  r2Score,
  rootMeanSquaredError,
} from '../../src/stats/regression-errors.js';
import { expectClose } from './expect-close.js';

type Pair = [number, number];
// Values on a 0.01 grid: distinct truths differ by at least 1e-4 of their scale, so SS_tot (and R²) is
// well conditioned; near-constant truths make R² rounding noise in any summation order.
const value = fc.oneof(fc.integer({ min: -10_000, max: 10_000 }).map((x) => x / 100), fc.integer({ min: -5, max: 5 }));
const pairs = fc.array(fc.tuple(value, value), { maxLength: 60 });

function accumulate(rows: readonly Pair[], options: RegressionAccumulatorOptions = {}): RegressionAccumulator {
  const acc = new RegressionAccumulator(options);
  for (const [truth, prediction] of rows) acc.record(truth, prediction);
  return acc;
}

describe('RegressionAccumulator', () => {
  test('matches the batch metrics (scikit-learn 1.2.1) on random rows', () => {
    fc.assert(
      fc.property(pairs, (rows) => {
        fc.pre(rows.length >= 2 && new Set(rows.map((r) => r[0])).size > 1);
        const yTrue = rows.map((r) => r[0]);
        const yPred = rows.map((r) => r[1]);
        const result = accumulate(rows, { quantiles: [0.1, 0.5, 0.9] }).result();
        expectClose(
          [result.meanAbsoluteError, result.meanSquaredError, result.rootMeanSquaredError, result.meanAbsolutePercentageError, result.medianAbsoluteError, result.pinballLoss['0.1'], result.pinballLoss['0.9']],
          [meanAbsoluteError(yTrue, yPred), meanSquaredError(yTrue, yPred), rootMeanSquaredError(yTrue, yPred), meanAbsolutePercentageError(yTrue, yPred), medianAbsoluteError(yTrue, yPred), meanPinballLoss(yTrue, yPred, 0.1), meanPinballLoss(yTrue, yPred, 0.9)],
        );
        // R² divides by SS_tot, which may be tiny: compare at a looser, scale-aware tolerance.
        const batchR2 = r2Score(yTrue, yPred);
        expect(Math.abs(result.r2 - batchR2)).toBeLessThanOrEqual(1e-7 * Math.max(1, Math.abs(batchR2)));
        expect(result.medianAbsoluteErrorExact).toBe(true);
      }),
    );
  });

  test('split anywhere and merged equals one pass; merge is associative; empty is the identity', () => {
    fc.assert(
      fc.property(pairs, fc.nat(), fc.nat(), fc.integer({ min: 0, max: 80 }), (rows, cutA, cutB, maxExactErrors) => {
        const [i, j] = [cutA % (rows.length + 1), cutB % (rows.length + 1)].sort((a, b) => a - b) as [number, number];
        const options = { maxExactErrors };
        const [a, b, c] = [accumulate(rows.slice(0, i), options), accumulate(rows.slice(i, j), options), accumulate(rows.slice(j), options)];
        const onePass = accumulate(rows, options).result();
        const leftFirst = a.merge(b).merge(c).result();
        // The sketch is merged bucket-wise, so even the approximate median agrees exactly with one pass.
        expectClose(leftFirst, onePass);
        expectClose(a.merge(b.merge(c)).result(), leftFirst);
        const empty = new RegressionAccumulator(options);
        expectClose(empty.merge(a).result(), a.result());
        expectClose(a.merge(empty).result(), a.result());
      }),
    );
  });

  test('JSON round trip restores the same state', () => {
    fc.assert(
      fc.property(pairs, fc.integer({ min: 0, max: 30 }), (rows, maxExactErrors) => {
        const acc = accumulate(rows, { maxExactErrors, quantiles: [0.25] });
        const restored = RegressionAccumulator.fromJSON(JSON.parse(JSON.stringify(acc)));
        expect(restored.toJSON()).toEqual(acc.toJSON());
        expectClose(restored.result(), acc.result());
      }),
    );
  });

  test('non-finite pairs are counted and skipped, never thrown', () => {
    const acc = new RegressionAccumulator();
    expect(() => acc.record(1, Number.NaN).record(Number.POSITIVE_INFINITY, 1).record('2' as unknown as number, 1).record(3, 2.5).record(-0.5, 0)).not.toThrow();
    const result = acc.result();
    expect(result.skipped).toBe(3);
    expect(result.count).toBe(2);
    expect(result.meanAbsoluteError).toBe(0.5);
  });

  test('beyond maxExactErrors the median absolute error comes from the sketch, within its reported bound, in bounded memory', () => {
    const acc = new RegressionAccumulator({ maxExactErrors: 1_000 });
    const yTrue: number[] = [];
    const yPred: number[] = [];
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let i = 0; i < 100_000; i++) {
      const truth = 50 + 20 * random();
      const prediction = truth + 10 * (random() - 0.5) * (1 + random());
      yTrue.push(truth);
      yPred.push(prediction);
      acc.record(truth, prediction);
      if (i % 5_000 === 0) expect(acc.approxBytes()).toBeLessThanOrEqual(acc.maxBytes());
    }
    const result = acc.result();
    expect(result.medianAbsoluteErrorExact).toBe(false);
    const exact = medianAbsoluteError(yTrue, yPred);
    expect(Math.abs(result.medianAbsoluteError - exact)).toBeLessThanOrEqual(result.medianAbsoluteErrorBound);
    expect(result.medianAbsoluteErrorBound).toBeLessThanOrEqual(0.011 * exact);
    expect(acc.approxBytes()).toBeLessThanOrEqual(acc.maxBytes());
    expect(acc.maxBytes()).toBeLessThan(64 * 1024);
    expectClose(result.meanAbsoluteError, meanAbsoluteError(yTrue, yPred));
  });

  test('R² follows force_finite: constant truth gives 1 when exact, else 0; NaN below two rows', () => {
    expect(accumulate([[2, 2], [2, 2]]).result().r2).toBe(1);
    expect(accumulate([[2, 2], [2, 3]]).result().r2).toBe(0);
    expect(accumulate([[2, 2]]).result().r2).toBeNaN();
  });

  test('options are validated; merging different options is refused', () => {
    expect(() => new RegressionAccumulator({ quantiles: [1.5] })).toThrow(/alpha must be a quantile level in \[0, 1\], got 1.5/);
    expect(() => new RegressionAccumulator({ maxExactErrors: -1 })).toThrow(/options\.maxExactErrors/);
    expect(() => new RegressionAccumulator().merge(new RegressionAccumulator({ quantiles: [0.5] }))).toThrow(RangeError);
    expect(() => RegressionAccumulator.fromJSON({ type: 'regression-accumulator', quantiles: 'x' })).toThrow(/RegressionAccumulator\.fromJSON: quantiles/);
  });
});
