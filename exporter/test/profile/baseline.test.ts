/**
 * Baseline metrics and the CBPE calibration stored by the profile builder, equal to the batch
 * functions on the reference rows; task inference; older profiles without them still load.
 */
import { fitCbpe } from '../../src/estimation/cbpe.js';
import { buildProfile, parseProfile, ProfileBuilder } from '../../src/profile/index.js';
import { accuracy } from '../../src/stats/accuracy.js';
import { brierScore } from '../../src/stats/brier-score.js';
import { logLoss } from '../../src/stats/log-loss.js';
import { precisionRecallF1 } from '../../src/stats/precision-recall-f1.js';
import { meanAbsoluteError, meanAbsolutePercentageError, r2Score, rootMeanSquaredError } from '../../src/stats/regression-errors.js';
import { rocAuc } from '../../src/stats/roc-auc.js';
import { binaryRows, regressionRows } from '../monitor/labelled-fixture.js';

const createdAt = '2026-11-26T00:00:00Z';

describe('profile baseline', () => {
  it('binary with prediction and score: every metric equals the batch function, and the calibration is fitCbpe on the same rows', () => {
    const rows = binaryRows(1500, 8);
    const profile = buildProfile({ x: rows.x, y: rows.truth, p: rows.prediction, s: rows.score }, { target: 'y', prediction: 'p', score: 's', createdAt });
    const prf = precisionRecallF1(rows.truth, rows.prediction, { average: 'binary' });
    const metrics = profile.baseline?.metrics ?? {};
    expect(profile.baseline).toMatchObject({ target: 'y', prediction: 'p', score: 's', task: 'binary', samples: 1500 });
    expect(metrics.accuracy).toBeCloseTo(accuracy(rows.truth, rows.prediction), 12);
    expect(metrics.precision).toBeCloseTo(prf.precision, 12);
    expect(metrics.recall).toBeCloseTo(prf.recall, 12);
    expect(metrics.f1).toBeCloseTo(prf.f1, 12);
    expect(metrics.roc_auc).toBeCloseTo(rocAuc(rows.truth, rows.score), 12);
    expect(metrics.log_loss).toBeCloseTo(logLoss(rows.truth, rows.score), 12);
    expect(metrics.brier).toBeCloseTo(brierScore(rows.truth, rows.score), 12);
    expect(profile.baseline?.calibration).toEqual(fitCbpe({ scores: rows.score, labels: rows.truth }).toJSON());
    expect(parseProfile(JSON.parse(JSON.stringify(profile))).baseline?.calibration).toEqual(profile.baseline?.calibration);
  });

  it('threshold: the baseline metrics without a prediction column and the calibration use it, and the profile stores it', () => {
    const rows = binaryRows(1500, 8);
    const profile = buildProfile({ x: rows.x, y: rows.truth, s: rows.score }, { target: 'y', score: 's', threshold: 0.3, createdAt });
    const predicted = rows.score.map((score) => (score >= 0.3 ? 1 : 0));
    expect(profile.baseline?.threshold).toBe(0.3);
    expect(profile.baseline?.metrics.accuracy).toBeCloseTo(accuracy(rows.truth, predicted), 12);
    expect(profile.baseline?.metrics.recall).toBeCloseTo(precisionRecallF1(rows.truth, predicted, { average: 'binary' }).recall, 12);
    expect(profile.baseline?.calibration).toEqual(fitCbpe({ scores: rows.score, labels: rows.truth, threshold: 0.3 }).toJSON());
    expect(buildProfile({ y: rows.truth, s: rows.score }, { target: 'y', score: 's', createdAt }).baseline?.threshold).toBe(0.5);
    expect(parseProfile(JSON.parse(JSON.stringify(profile))).baseline?.threshold).toBe(0.3);
    const first = new ProfileBuilder({ target: 'y', score: 's', threshold: 0.3, createdAt });
    rows.score.forEach((score, i) => first.add({ y: rows.truth[i], s: score }));
    const second = first.edgesFromFirstPass();
    rows.score.forEach((score, i) => second.add({ y: rows.truth[i], s: score }));
    expect(second.finish().baseline?.threshold).toBe(0.3);
  });

  it('threshold must be a finite number, named in the error', () => {
    for (const threshold of [Number.NaN, Infinity, '0.3']) {
      expect(() => buildProfile({ y: [0, 1], s: [0.2, 0.8] }, { target: 'y', score: 's', threshold: threshold as number })).toThrow(/options\.threshold must be a finite number/);
    }
  });

  it('rows and column chunks give the same baseline', () => {
    const rows = binaryRows(300, 9);
    const columns = { x: rows.x, y: rows.truth, s: rows.score };
    const options = { target: 'y', score: 's', createdAt };
    const builder = new ProfileBuilder(options);
    rows.x.forEach((x, i) => builder.add({ x, y: rows.truth[i], s: rows.score[i] }));
    expect(builder.finish().baseline).toEqual(buildProfile(columns, options).baseline);
  });

  it('regression is inferred from fractional targets; MAE, RMSE, MAPE, R² equal the batch functions; no calibration', () => {
    const rows = regressionRows(800, 3);
    const profile = buildProfile({ x: rows.x, y: rows.truth, p: rows.prediction }, { target: 'y', prediction: 'p', createdAt });
    const metrics = profile.baseline?.metrics ?? {};
    expect(profile.baseline?.task).toBe('regression');
    expect(metrics.mae).toBeCloseTo(meanAbsoluteError(rows.truth, rows.prediction), 12);
    expect(metrics.rmse).toBeCloseTo(rootMeanSquaredError(rows.truth, rows.prediction), 12);
    expect(metrics.mape).toBeCloseTo(meanAbsolutePercentageError(rows.truth, rows.prediction), 12);
    expect(metrics.r2).toBeCloseTo(r2Score(rows.truth, rows.prediction), 12);
    expect(profile.baseline?.calibration).toBeUndefined();
  });

  it('multiclass string labels: macro and weighted metrics', () => {
    const truth = ['a', 'b', 'c', 'a', 'b', 'c', 'a', 'a'];
    const predicted = ['a', 'b', 'a', 'a', 'c', 'c', 'b', 'a'];
    const profile = buildProfile({ y: truth, p: predicted }, { target: 'y', prediction: 'p', createdAt });
    expect(profile.baseline?.task).toBe('multiclass');
    expect(profile.baseline?.metrics.f1_macro).toBeCloseTo(precisionRecallF1(truth, predicted, { average: 'macro' }).f1, 12);
    expect(profile.baseline?.metrics.precision_weighted).toBeCloseTo(precisionRecallF1(truth, predicted, { average: 'weighted' }).precision, 12);
  });

  it('honours an explicit task and rejects a bad one', () => {
    const profile = buildProfile({ y: [0, 1, 2, 3], p: [0, 1, 2, 2] }, { target: 'y', prediction: 'p', task: 'regression', createdAt });
    expect(profile.baseline?.metrics.mae).toBe(0.25);
    expect(() => buildProfile({ y: [1] }, { target: 'y', prediction: 'p', task: 'ranking' as never })).toThrow(/options\.task/);
  });

  it('loads an older version-1 profile whose baseline has empty metrics and no task or calibration', () => {
    const profile = buildProfile({ x: [1, 2, 3], y: [0, 1, 1], p: [0, 1, 0] }, { target: 'y', prediction: 'p', createdAt });
    const older = { ...profile, baseline: { target: 'y', prediction: 'p', metrics: {} } };
    expect(parseProfile(JSON.parse(JSON.stringify(older))).baseline).toEqual({ target: 'y', prediction: 'p', metrics: {} });
    const classification = { ...profile, baseline: { target: 'y', prediction: 'p', task: 'classification', metrics: {} } };
    expect(parseProfile(classification).baseline?.task).toBe('classification');
  });
});
