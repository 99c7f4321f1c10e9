import fc from 'fast-check';
import { CbpeModel, expectedRocAuc, fitCbpe, IsotonicCalibrationMap, metricsFromExpectedConfusion, type CbpeEstimate } from '../../src/estimation/index.js';
import { rocAuc } from '../../src/stats/roc-auc.js';
import { drawWindow, sigmoid, trueProbability, type LabelledWindow } from './cbpe-synthetic.js';

type MetricName = 'accuracy' | 'precision' | 'recall' | 'f1' | 'rocAuc';
const METRICS: readonly MetricName[] = ['accuracy', 'precision', 'recall', 'f1', 'rocAuc'];

/** Realised performance of `score >= 0.5` against the drawn labels (the truth CBPE tries to estimate). */
function realisedPerformance({ scores, labels }: LabelledWindow): Record<MetricName, number> & { predictedPositives: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  scores.forEach((score, i) => {
    const positive = score >= 0.5;
    if (labels[i] === 1) {
      if (positive) tp++;
      else fn++;
    } else if (positive) fp++;
    else tn++;
  });
  return { ...metricsFromExpectedConfusion({ truePositive: tp, falsePositive: fp, falseNegative: fn, trueNegative: tn }), rocAuc: rocAuc(labels, scores), predictedPositives: tp + fp };
}

/** Ten covariate-shifted windows: the mean of x moves from −1.2 to 1.2, its spread from 0.7 to 1.0; P(y|x) unchanged. */
function shiftedWindows(seed: number): LabelledWindow[] {
  return Array.from({ length: 10 }, (_, w) => drawWindow(2000, -1.2 + (2.4 * w) / 9, 0.7 + 0.1 * (w % 4), 100 * seed + w));
}

/**
 * Documented tolerance (docs fragment cbpe.md): per window, |estimate − realised| ≤ 0.03 for accuracy,
 * 0.05 recall, 0.06 F1 and ROC AUC; precision 0.02 + 3 binomial standard errors of the realised
 * precision (it rests on the few predicted positives of a window shifted to low scores).
 * Averaged over the 10 windows: ≤ 0.012 accuracy, 0.025 precision/recall/AUC, 0.02 F1.
 */
const WINDOW_TOLERANCE: Record<Exclude<MetricName, 'precision'>, number> = { accuracy: 0.03, recall: 0.05, f1: 0.06, rocAuc: 0.06 };
const MEAN_TOLERANCE: Record<MetricName, number> = { accuracy: 0.012, precision: 0.025, recall: 0.025, f1: 0.02, rocAuc: 0.025 };

const identityModel = new CbpeModel(new IsotonicCalibrationMap([0, 1], [0, 1]), 0.5);

describe('CBPE on synthetic covariate shift (truth known)', () => {
  it.each([1, 2, 3])('tracks realised accuracy, precision, recall, F1 and AUC across 10 shifted windows (seed %i)', (seed) => {
    const model = fitCbpe(drawWindow(5000, 0, 1, seed));
    const meanError: Record<MetricName, number> = { accuracy: 0, precision: 0, recall: 0, f1: 0, rocAuc: 0 };
    const realisedAccuracies: number[] = [];
    const misses: { window: number; metric: MetricName; error: number; tolerance: number }[] = [];
    for (const window of shiftedWindows(seed)) {
      const realised = realisedPerformance(window);
      const estimate = model.estimate(window.scores);
      realisedAccuracies.push(realised.accuracy);
      expect(estimate.windowSize).toBe(window.scores.length);
      for (const metric of METRICS) {
        const error = Math.abs(estimate[metric] - realised[metric]);
        meanError[metric] += error / 10;
        const tolerance =
          metric === 'precision' ? 0.02 + 3 * Math.sqrt((realised.precision * (1 - realised.precision)) / realised.predictedPositives) : WINDOW_TOLERANCE[metric];
        if (error > tolerance) misses.push({ window: realisedAccuracies.length - 1, metric, error, tolerance });
      }
    }
    expect(misses).toEqual([]);
    for (const metric of METRICS) expect(meanError[metric]).toBeLessThanOrEqual(MEAN_TOLERANCE[metric]);
    // The shift really moves performance, by much more than the tolerance.
    expect(Math.max(...realisedAccuracies) - Math.min(...realisedAccuracies)).toBeGreaterThan(0.1);
  });

  it('needs the calibration: the raw miscalibrated scores read as probabilities miss by far more', () => {
    let rawError = 0;
    let calibratedError = 0;
    const model = fitCbpe(drawWindow(5000, 0, 1, 1));
    for (const window of shiftedWindows(1)) {
      const realised = realisedPerformance(window).accuracy;
      rawError += Math.abs(identityModel.estimate(window.scores).accuracy - realised) / 10;
      calibratedError += Math.abs(model.estimate(window.scores).accuracy - realised) / 10;
    }
    expect(rawError).toBeGreaterThan(0.05);
    expect(calibratedError).toBeLessThan(rawError / 5);
  });

  it('leaves an already calibrated model (scores = true P(y|x)) essentially unchanged', () => {
    const reference = drawWindow(5000, 0, 1, 7, trueProbability);
    const model = fitCbpe(reference);
    const meanShift = reference.scores.reduce((sum, s) => sum + Math.abs(model.calibrate(s) - s), 0) / reference.scores.length;
    expect(meanShift).toBeLessThan(0.03);
    for (const window of [drawWindow(2000, -1, 0.8, 71, trueProbability), drawWindow(2000, 1, 0.8, 72, trueProbability)]) {
      const fitted = model.estimate(window.scores);
      const raw = identityModel.estimate(window.scores);
      expect(Math.abs(fitted.accuracy - raw.accuracy)).toBeLessThan(0.015);
      expect(Math.abs(fitted.accuracy - realisedPerformance(window).accuracy)).toBeLessThan(WINDOW_TOLERANCE.accuracy);
    }
  });

  it('fails under concept shift (P(y|x) changes): the documented failure mode', () => {
    const model = fitCbpe(drawWindow(5000, 0, 1, 1));
    const window = drawWindow(2000, 0, 1, 9, undefined, (x) => sigmoid(0.4 * x - 0.3));
    const error = Math.abs(model.estimate(window.scores).accuracy - realisedPerformance(window).accuracy);
    expect(error).toBeGreaterThan(0.08);
  });
});

describe('CBPE by hand', () => {
  // Reference labels 0,0,1,0,1,0,1,1 at scores 0.1..0.9: PAV gives 0,0,.5,.5,.5,.5,1,1.
  const model = fitCbpe({ scores: [0.1, 0.2, 0.3, 0.4, 0.6, 0.7, 0.8, 0.9], labels: [0, 0, 1, 0, 1, 0, 1, 1] });

  it('computes expected cells and metrics from calibrated probabilities', () => {
    // p = 0.25, 0.5, 0.75, 1 (interpolated / clipped); predicted positive: the last three.
    const estimate = model.estimate([0.25, 0.5, 0.75, 0.95]);
    expect(estimate.expectedConfusion).toEqual({ truePositive: 2.25, falsePositive: 0.75, falseNegative: 0.25, trueNegative: 0.75 });
    expect(estimate.accuracy).toBe(0.75);
    expect(estimate.precision).toBe(0.75);
    expect(estimate.recall).toBe(0.9);
    expect(estimate.f1).toBeCloseTo(4.5 / 5.5, 15);
    // Expected ROC: area 3.125 over P·N = 2.5 × 1.5.
    expect(estimate.rocAuc).toBeCloseTo(3.125 / 3.75, 15);
    expect(estimate.rocAucBinningErrorBound).toBe(0);
  });

  it('uses the model decisions when given instead of the threshold', () => {
    const estimate = model.estimate([0.25, 0.95], [true, false]);
    expect(estimate.expectedConfusion).toEqual({ truePositive: 0.25, falsePositive: 0.75, falseNegative: 1, trueNegative: 0 });
  });

  it('reports an empty window as size 0 with NaN metrics', () => {
    const estimate = model.estimate([]);
    expect(estimate.windowSize).toBe(0);
    for (const metric of METRICS) expect(estimate[metric]).toBeNaN();
  });
});

describe('expectedRocAuc', () => {
  it('equals the pairwise definition Σ p_i(1 − p_j)·[p_i > p_j, ½ if tied] / (Σp · Σ(1 − p))', () => {
    const probability = fc.oneof(fc.constantFrom(0, 0.25, 0.5, 1), fc.double({ min: 0, max: 1, noNaN: true }));
    fc.assert(
      fc.property(fc.array(probability, { minLength: 1, maxLength: 40 }), (ps) => {
        const positives = ps.reduce((s, p) => s + p, 0);
        const negatives = ps.reduce((s, p) => s + 1 - p, 0);
        let pairs = 0;
        for (const pi of ps) for (const pj of ps) pairs += pi * (1 - pj) * (pi > pj ? 1 : pi === pj ? 0.5 : 0);
        const auc = expectedRocAuc(ps);
        if (!(positives > 0) || !(negatives > 0)) expect(auc).toBeNaN();
        else expect(auc).toBeCloseTo(pairs / (positives * negatives), 9);
      }),
    );
  });

  it('rejects values that are not probabilities', () => {
    expect(() => expectedRocAuc([0.2, 1.5])).toThrow(/probabilities\[1\]/);
  });
});

describe('CbpeAccumulator (streaming, mergeable)', () => {
  const model = fitCbpe(drawWindow(3000, 0, 1, 11));
  const window = drawWindow(3000, 0.5, 0.9, 12);

  function accumulate(scores: readonly number[], bins?: number) {
    const accumulator = model.createAccumulator(bins);
    for (const score of scores) accumulator.record(score);
    return accumulator;
  }

  function expectSameCells(actual: CbpeEstimate, expected: CbpeEstimate): void {
    const cells = ['truePositive', 'falsePositive', 'falseNegative', 'trueNegative'] as const;
    for (const cell of cells) expect(actual.expectedConfusion[cell]).toBeCloseTo(expected.expectedConfusion[cell], 8);
    for (const metric of ['accuracy', 'precision', 'recall', 'f1'] as const) expect(actual[metric]).toBeCloseTo(expected[metric], 12);
  }

  it('gives the exact cells and an AUC within its reported binning bound, never above the exact AUC', () => {
    const exact = model.estimate(window.scores);
    for (const bins of [10, 50, 200, 1000]) {
      const streamed = accumulate(window.scores, bins).toEstimate();
      expect(streamed.windowSize).toBe(window.scores.length);
      expectSameCells(streamed, exact);
      expect(streamed.rocAuc).toBeLessThanOrEqual(exact.rocAuc + 1e-12);
      expect(exact.rocAuc - streamed.rocAuc).toBeLessThanOrEqual(streamed.rocAucBinningErrorBound + 1e-12);
    }
    expect(accumulate(window.scores).toEstimate().rocAucBinningErrorBound).toBeLessThan(0.001);
  });

  it('merges slices into the whole window, in any order', () => {
    const whole = accumulate(window.scores).toEstimate();
    const first = accumulate(window.scores.slice(0, 1000));
    const second = accumulate(window.scores.slice(1000, 2200));
    const third = accumulate(window.scores.slice(2200));
    for (const merged of [first.merge(second).merge(third), third.merge(first.merge(second))]) {
      const estimate = merged.toEstimate();
      expect(estimate.windowSize).toBe(whole.windowSize);
      expectSameCells(estimate, whole);
      expect(estimate.rocAuc).toBeCloseTo(whole.rocAuc, 12);
    }
    expect(first.windowSize).toBe(1000);
  });

  it('merges accumulators of the same model loaded twice (e.g. two replicas reading one profile)', () => {
    const replica = CbpeModel.fromJSON(JSON.parse(JSON.stringify(model)));
    const merged = model.createAccumulator().record(0.2).merge(replica.createAccumulator().record(0.9));
    expect(merged.windowSize).toBe(2);
    expect(merged.toEstimate().expectedConfusion.truePositive).toBeCloseTo(model.calibrate(0.9), 15);
  });

  it('refuses to merge accumulators of another model or bin count, and rejects bad bins', () => {
    const other = fitCbpe(drawWindow(500, 0, 1, 13));
    expect(() => model.createAccumulator().merge(other.createAccumulator())).toThrow(/different models/);
    expect(() => model.createAccumulator(100).merge(model.createAccumulator(200))).toThrow(/100 and 200 bins/);
    expect(() => model.createAccumulator(3)).toThrow(/bins must be an integer/);
  });
});

describe('CBPE edge cases and state', () => {
  it('calibrates a reference whose scores are all equal to its base rate', () => {
    const model = fitCbpe({ scores: [0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7], labels: [1, 0, 0, 1, 0, 0, 1, 0, 0, 0] });
    const estimate = model.estimate([0.1, 0.7, 0.9]);
    expect(model.calibrate(0.1)).toBeCloseTo(0.3, 15);
    expect(estimate.accuracy).toBeCloseTo(2 * 0.3 / 3 + 0.7 / 3, 12); // 0.1 predicted negative, the others positive
    expect(estimate.rocAuc).toBeCloseTo(0.5, 12);
  });

  it('throws a clear error for a reference with one class, bad labels or a bad threshold', () => {
    expect(() => fitCbpe({ scores: [0.1, 0.9], labels: [1, 1] })).toThrow(/only class 1.*both classes/);
    expect(() => fitCbpe({ scores: [0.1, 0.9], labels: [false, false] })).toThrow(/only class 0/);
    expect(() => fitCbpe({ scores: [0.1, 0.9], labels: [0, 2] })).toThrow(/labels\[1\] must be 0, 1, false or true/);
    expect(() => fitCbpe({ scores: [0.1, 0.9], labels: [0, 1], threshold: Number.NaN })).toThrow(/threshold must be a finite number/);
    expect(() => fitCbpe({ scores: [0.1], labels: [0, 1] })).toThrow(/same length/);
  });

  it('rejects non-finite window scores and predictions of the wrong length', () => {
    const model = fitCbpe({ scores: [0.1, 0.9], labels: [0, 1] });
    expect(() => model.estimate([0.2, Number.NaN])).toThrow(/scores\[1\]/);
    expect(() => model.estimate([0.2, 0.3], [1])).toThrow(/same length/);
    expect(() => model.createAccumulator().record(Infinity)).toThrow(/score must be a finite number/);
  });

  it('round-trips through JSON (e.g. a reference profile) with identical estimates', () => {
    const model = fitCbpe({ ...drawWindow(1000, 0, 1, 21), threshold: 0.4 });
    const restored = CbpeModel.fromJSON(JSON.parse(JSON.stringify(model)));
    expect(restored.threshold).toBe(0.4);
    const scores = drawWindow(500, 0.3, 1, 22).scores;
    expect(restored.estimate(scores)).toEqual(model.estimate(scores));
    expect(() => CbpeModel.fromJSON({ type: 'modelwatch.cbpe', version: 2 })).toThrow(TypeError);
    expect(() => CbpeModel.fromJSON({ type: 'modelwatch.cbpe', version: 1, threshold: 0.5, calibration: { type: 'modelwatch.isotonic-calibration-map', version: 1, x: [0, 1], y: [0, 2] } })).toThrow(/\[0, 1\]/);
  });
});
