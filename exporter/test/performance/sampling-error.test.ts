/**
 * The sampling errors against brute force: draw many seeded windows from a known distribution,
 * compute each metric per window; the standard deviation of the metric across windows must match
 * the mean standard error the accumulators report within 10 % (docs/performance-accumulators.md lists the measured ratios).
 * With 1 500 windows the Monte-Carlo standard deviation itself is uncertain by about 2 %.
 */
import { fitCbpe } from '../../src/estimation/cbpe.js';
import { ClassificationAccumulator } from '../../src/performance/classification-accumulator.js';
import { classificationSamplingErrors, classificationMetricValues, regressionMetricValues, regressionSamplingErrors } from '../../src/performance/metric-values.js';
import { RegressionAccumulator } from '../../src/performance/regression-accumulator.js';
import { binomialStandardError, delongStandardError, f1StandardError, meanStandardError, rmseStandardError } from '../../src/performance/sampling-error.js';
import { mulberry32 } from '../support/synthetic.js';

const WINDOWS = 1_500;
const TOLERANCE = 0.1;

/** Computes `make()` once, on first use. */
function memo<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

/** Standard deviation (n − 1) of `values`. */
function standardDeviation(values: readonly number[]): number {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  return Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (values.length - 1));
}

/** Per metric: the spread across windows and the mean reported standard error. */
function monteCarlo(windows: ReadonlyArray<{ metrics: Record<string, number>; errors: Record<string, number> }>, metric: string): { spread: number; reported: number } {
  const values = windows.map((window) => window.metrics[metric]).filter((value): value is number => value !== undefined);
  const errors = windows.map((window) => window.errors[metric]).filter((value): value is number => value !== undefined);
  expect(values.length).toBeGreaterThan(WINDOWS * 0.99);
  return { spread: standardDeviation(values), reported: errors.reduce((sum, value) => sum + value, 0) / errors.length };
}

function expectAgreement(result: { spread: number; reported: number }): void {
  expect(result.reported).toBeGreaterThan(0);
  expect(Math.abs(result.reported / result.spread - 1)).toBeLessThan(TOLERANCE);
}

/** A calibrated binary classifier like the fraud example: score = u⁴ (mean 0.2), y ~ Bernoulli(score). */
function binaryRow(next: () => number): { score: number; truth: number; prediction: number } {
  const score = next() ** 4;
  return { score, truth: next() < score ? 1 : 0, prediction: score >= 0.3 ? 1 : 0 };
}

describe('closed forms', () => {
  it('binomial, F1, DeLong, mean and RMSE standard errors on hand-computed inputs', () => {
    expect(binomialStandardError(0.9, 100)).toBeCloseTo(0.03, 12);
    expect(binomialStandardError(0.5, 1)).toBeNaN();
    // F1 = 0.8 with TP 40, E 20: 2·√(40·20·60) / 100² = 0.04381…
    expect(f1StandardError(40, 10, 10)).toBeCloseTo((2 * Math.sqrt(48_000)) / 10_000, 14);
    expect(f1StandardError(1, 0, 0)).toBeNaN();
    // Positives at the top and middle score, negatives at the middle and bottom: V10 = 1, ¾; V01 = ¾, 1.
    expect(delongStandardError([[0, 1], [1, 1], [1, 0]])).toBeCloseTo(Math.sqrt(0.03125 / 2 + 0.03125 / 2), 14);
    expect(delongStandardError([[0, 1], [1, 0], [1, 0]])).toBeNaN();
    // Values 1, 2, 3: sample variance 1, SE √(1/3).
    expect(meanStandardError(6, 14, 3)).toBeCloseTo(Math.sqrt(1 / 3), 14);
    expect(meanStandardError(1, 1, 1)).toBeNaN();
    // Every e² = 2: no spread of the squared errors.
    expect(rmseStandardError(8, 16, 4)).toBe(0);
    expect(rmseStandardError(0, 0, 4)).toBeNaN();
  });
});

describe('DeLong from grouped counts', () => {
  it('equals the placement formula computed pair by pair on the raw rows', () => {
    const next = mulberry32(21);
    const rows = Array.from({ length: 120 }, () => {
      const score = Math.round(next() * 20) / 20;
      return { score, positive: next() < score };
    });
    const positives = rows.filter((row) => row.positive).map((row) => row.score);
    const negatives = rows.filter((row) => !row.positive).map((row) => row.score);
    const psi = (x: number, y: number) => (x > y ? 1 : x === y ? 0.5 : 0);
    const v10 = positives.map((x) => negatives.reduce((sum, y) => sum + psi(x, y), 0) / negatives.length);
    const v01 = negatives.map((y) => positives.reduce((sum, x) => sum + psi(x, y), 0) / positives.length);
    const variance = (values: number[]) => standardDeviation(values) ** 2;
    const expected = Math.sqrt(variance(v10) / positives.length + variance(v01) / negatives.length);
    const scores = [...new Set(rows.map((row) => row.score))].sort((a, b) => b - a);
    const groups = scores.map((score) => [negatives.filter((y) => y === score).length, positives.filter((x) => x === score).length] as const);
    expect(delongStandardError(groups)).toBeCloseTo(expected, 12);
    const accumulator = new ClassificationAccumulator();
    for (const row of rows) accumulator.record(row.positive ? 1 : 0, row.score >= 0.5 ? 1 : 0, row.score);
    expect(accumulator.result().standardErrors.rocAuc).toBeCloseTo(expected, 12);
  });
});

describe('sampling errors agree with the spread across seeded windows', () => {
  const windowSize = 600;
  const binaryWindows = memo(() => Array.from({ length: WINDOWS }, (_, w) => {
    const next = mulberry32(10_000 + w);
    const accumulator = new ClassificationAccumulator({ maxExactScores: 0, scoreBins: 1000 });
    for (let i = 0; i < windowSize; i++) {
      const row = binaryRow(next);
      accumulator.record(row.truth, row.prediction, row.score);
    }
    const result = accumulator.result();
    return { metrics: classificationMetricValues('binary', result), errors: classificationSamplingErrors('binary', result) };
  }));

  it.each(['accuracy', 'precision', 'recall', 'f1', 'roc_auc', 'log_loss', 'brier'])('binary %s (600 rows, ≈ 20 %% positives)', (metric) => {
    expectAgreement(monteCarlo(binaryWindows(), metric));
  });

  const regressionWindows = memo(() =>
    Array.from({ length: WINDOWS }, (_, w) => {
      const next = mulberry32(50_000 + w);
      const accumulator = new RegressionAccumulator({ maxExactErrors: 0 });
      for (let i = 0; i < 300; i++) {
        const truth = 5 + 20 * next();
        // Exponential errors with a random sign: heavier tails than a normal.
        const error = -Math.log(1 - next()) * (next() < 0.5 ? -1 : 1);
        accumulator.record(truth, truth - error);
      }
      const result = accumulator.result();
      return { metrics: regressionMetricValues(result), errors: regressionSamplingErrors(result) };
    }),
  );

  it.each(['mae', 'rmse', 'mape'])('regression %s (300 rows, skewed errors)', (metric) => {
    expectAgreement(monteCarlo(regressionWindows(), metric));
  });

  it('multiclass accuracy (binomial); macro and weighted averages have no sampling error', () => {
    const windows = Array.from({ length: WINDOWS }, (_, w) => {
      const next = mulberry32(90_000 + w);
      const accumulator = new ClassificationAccumulator({ task: 'multiclass' });
      for (let i = 0; i < 300; i++) {
        const truth = Math.floor(next() * 3);
        accumulator.record(truth, next() < 0.7 ? truth : Math.floor(next() * 3));
      }
      const result = accumulator.result();
      return { metrics: classificationMetricValues('multiclass', result), errors: classificationSamplingErrors('multiclass', result) };
    });
    expectAgreement(monteCarlo(windows, 'accuracy'));
    expect(Object.keys(windows[0]?.errors ?? {})).toEqual(['accuracy']);
  });

  const cbpeWindows = memo(() => {
    const reference = mulberry32(7);
    const referenceRows = Array.from({ length: 20_000 }, () => binaryRow(reference));
    const model = fitCbpe({ scores: referenceRows.map((row) => row.score), labels: referenceRows.map((row) => row.truth), threshold: 0.3 });
    return Array.from({ length: WINDOWS }, (_, w) => {
      const next = mulberry32(130_000 + w);
      const rows = Array.from({ length: windowSize }, () => binaryRow(next));
      const realised = new ClassificationAccumulator({ maxExactScores: 0, scoreBins: 1000 });
      const estimate = model.createAccumulator();
      for (const row of rows) {
        realised.record(row.truth, row.prediction, row.score);
        estimate.record(row.score);
      }
      const errors = estimate.toEstimate().samplingError;
      return {
        metrics: classificationMetricValues('binary', realised.result()),
        errors: { accuracy: errors.accuracy, precision: errors.precision, recall: errors.recall, f1: errors.f1, roc_auc: errors.rocAuc },
      };
    });
  });

  it.each(['accuracy', 'precision', 'recall', 'f1', 'roc_auc'])('CBPE %s: the estimated sampling error matches the spread of the realised metric', (metric) => {
    expectAgreement(monteCarlo(cbpeWindows(), metric));
  });
});

describe('mergeable', () => {
  it('the sampling errors of merged slices equal those of one pass', () => {
    const next = mulberry32(3);
    const rows = Array.from({ length: 900 }, () => binaryRow(next));
    const onePass = new ClassificationAccumulator();
    const slices = [new ClassificationAccumulator(), new ClassificationAccumulator(), new ClassificationAccumulator()];
    rows.forEach((row, i) => {
      onePass.record(row.truth, row.prediction, row.score);
      slices[i % 3]?.record(row.truth, row.prediction, row.score);
    });
    const merged = (slices[0] as ClassificationAccumulator).merge(slices[1] as ClassificationAccumulator).merge(slices[2] as ClassificationAccumulator);
    const expected = onePass.result().standardErrors;
    for (const [metric, value] of Object.entries(merged.result().standardErrors)) expect(value).toBeCloseTo(expected[metric as keyof typeof expected], 12);
    const restored = ClassificationAccumulator.fromJSON(JSON.parse(JSON.stringify(merged.toJSON())));
    expect(restored.result().standardErrors).toEqual(merged.result().standardErrors);

    const regression = new RegressionAccumulator();
    const left = new RegressionAccumulator();
    const right = new RegressionAccumulator();
    rows.forEach((row, i) => {
      regression.record(row.truth + 1, row.score * 2);
      (i % 2 === 0 ? left : right).record(row.truth + 1, row.score * 2);
    });
    const mergedRegression = left.merge(right).result().standardErrors;
    const oneRegression = regression.result().standardErrors;
    for (const [metric, value] of Object.entries(mergedRegression)) expect(value).toBeCloseTo(oneRegression[metric as keyof typeof oneRegression], 12);
  });
});
