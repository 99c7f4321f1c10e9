/**
 * `monitor.label()` end to end inside the process: join outcomes and the delay histogram, realised
 * performance equal to the batch functions (binary, multiclass, regression, per segment), baseline
 * and degradation, fairness equal to `groupFairness`, a concept-drift detection with its log
 * record, CBPE tracking realised accuracy under a score shift, window roll-off, and the options.
 */
import { InMemoryLogRecordExporter, LoggerProvider, SimpleLogRecordProcessor } from '@opentelemetry/sdk-logs';
import type { HistogramMetricData } from '@opentelemetry/sdk-metrics';
import { createModelMonitor, type ModelMonitorOptions } from '../../src/monitor/index.js';
import { MONITOR_ATTRIBUTES as A } from '../../src/monitor/metric-names.js';
import { accuracy } from '../../src/stats/accuracy.js';
import { brierScore } from '../../src/stats/brier-score.js';
import { groupFairness } from '../../src/stats/group-fairness.js';
import { logLoss } from '../../src/stats/log-loss.js';
import { precisionRecallF1 } from '../../src/stats/precision-recall-f1.js';
import { meanAbsoluteError, meanAbsolutePercentageError, meanPinballLoss, r2Score, rootMeanSquaredError } from '../../src/stats/regression-errors.js';
import { rocAuc } from '../../src/stats/roc-auc.js';
import { mulberry32 } from '../support/synthetic.js';
import { buildProfile } from '../../src/profile/build-profile.js';
import { binaryProfile, binaryRows, regressionProfile, regressionRows } from './labelled-fixture.js';
import { collectMetrics, pointValue, testMeterProvider } from './monitor-fixture.js';

const MODEL = { name: 'churn', version: '7' };
const T0 = 1_800_000_000_000;
const MINUTE = 60_000;
const profile = binaryProfile();

function monitorWith(options: Partial<ModelMonitorOptions> = {}) {
  const { provider, reader } = testMeterProvider();
  const clock = { now: T0 };
  const monitor = createModelMonitor({ model: MODEL, reference: profile, meterProvider: provider, now: () => clock.now, ...options });
  return { monitor, reader, clock };
}

describe('monitor.label: the delayed join', () => {
  it('counts every outcome, evictions and pending predictions, and records the delay histogram', async () => {
    const { monitor, reader, clock } = monitorWith({ labels: { ttlMs: 60 * MINUTE, maxPending: 5 } });
    for (let id = 0; id < 7; id++) monitor.observe({ features: { x: 0 }, score: 0.9, prediction: 1, id: `p${id}` }); // p0, p1 evicted (capacity)
    clock.now += 2 * MINUTE;
    monitor.label('p4', 1); // out of order
    monitor.label('p2', 0);
    monitor.label('p2', 0); // duplicate
    monitor.label('p0', 1); // evicted by capacity: too_late
    monitor.label('nope', 1); // unknown_id
    monitor.label({} as never, 1); // invalid id
    monitor.label('p3', Number.NaN); // invalid actual: p3 stays pending
    clock.now += 61 * MINUTE; // p3, p5, p6 expire
    monitor.label('p5', 1); // too_late (ttl)
    const metrics = await collectMetrics(reader);
    const outcome = (value: string) => pointValue(metrics, 'ml.labels', { [A.labelOutcome]: value });
    expect(['joined', 'duplicate', 'unknown_id', 'too_late', 'invalid'].map(outcome)).toEqual([2, 1, 1, 2, 2]);
    expect(pointValue(metrics, 'ml.predictions.evicted', { [A.evictionReason]: 'capacity' })).toBe(2);
    expect(pointValue(metrics, 'ml.predictions.evicted', { [A.evictionReason]: 'ttl' })).toBe(3);
    expect(pointValue(metrics, 'ml.labels.pending', {})).toBe(0);
    const delay = metrics.get('ml.label.delay') as HistogramMetricData;
    const point = delay.dataPoints[0];
    expect(point?.value.count).toBe(2);
    expect(point?.value.sum).toBe(240);
    expect(point?.value.buckets.boundaries).toEqual([1, 5, 15, 60, 300, 900, 3600, 14400, 86400, 259200, 604800]);
    expect(point?.value.buckets.counts[4]).toBe(2); // 120 s lies in (60, 300]
  });

  it('measures the delay from the observation timestamp to the label timestamp', () => {
    const { monitor } = monitorWith();
    monitor.observe({ features: { x: 0 }, score: 0.2, prediction: 0, id: 'a', timestamp: T0 - 10 * MINUTE });
    monitor.label('a', 0, { timestamp: new Date(T0 - 5 * MINUTE) });
    expect(monitor.snapshot().performance.segments[0]?.samples).toBe(1);
  });

  it('keeps at most maxPending predictions under a flood of unlabelled ones (300 k here; 1 M in the store test)', () => {
    const { monitor } = monitorWith({ labels: { maxPending: 1000 }, detectors: { score: [] } });
    let maxPending = 0;
    for (let i = 0; i < 300_000; i++) {
      monitor.observe({ features: { x: 0.5 }, score: 0.7, id: i });
      if (i % 10_000 === 0) maxPending = Math.max(maxPending, monitor.snapshot().performance.labels.pending);
    }
    const { labels } = monitor.snapshot().performance;
    expect([maxPending, labels.pending]).toEqual([1000, 1000]);
    expect(labels.evicted).toEqual({ ttl: 0, capacity: 299_000 });
  });

  it('never throws from label(), whatever it is given, and ignores labels after shutdown', () => {
    const { monitor } = monitorWith();
    const garbage: unknown[] = [undefined, null, Symbol('s'), () => 1, { valueOf: () => { throw new Error('boom'); } }, 'x'.repeat(1000), Number.NaN];
    for (const id of garbage) for (const actual of garbage) expect(() => monitor.label(id as never, actual, { timestamp: actual as never })).not.toThrow();
    monitor.shutdown();
    monitor.label('x', 1);
    expect(monitor.snapshot().performance.labels.outcomes.invalid).toBe(garbage.length ** 2);
  });
});

describe('realised performance equals the batch functions on the joined rows', () => {
  it('binary: accuracy, precision, recall, F1, ROC AUC, log loss, Brier', async () => {
    const { monitor, reader } = monitorWith();
    const rows = binaryRows(300, 21);
    rows.score.forEach((score, i) => monitor.observe({ features: { x: rows.x[i] }, score, prediction: rows.prediction[i], id: i }));
    [...rows.truth.keys()].reverse().forEach((i) => monitor.label(i, rows.truth[i] === 1)); // booleans count as 1/0
    const metrics = await collectMetrics(reader);
    const seg = { [A.segment]: '' };
    const binary = { ...seg, [A.performanceAverage]: 'binary' };
    const prf = precisionRecallF1(rows.truth, rows.prediction, { average: 'binary' });
    expect(pointValue(metrics, 'ml.performance.samples', seg)).toBe(300);
    expect(pointValue(metrics, 'ml.performance.accuracy', seg)).toBeCloseTo(accuracy(rows.truth, rows.prediction), 12);
    expect(pointValue(metrics, 'ml.performance.precision', binary)).toBeCloseTo(prf.precision, 12);
    expect(pointValue(metrics, 'ml.performance.recall', binary)).toBeCloseTo(prf.recall, 12);
    expect(pointValue(metrics, 'ml.performance.f1', binary)).toBeCloseTo(prf.f1, 12);
    expect(pointValue(metrics, 'ml.performance.roc_auc', seg)).toBeCloseTo(rocAuc(rows.truth, rows.score), 12);
    expect(pointValue(metrics, 'ml.performance.log_loss', seg)).toBeCloseTo(logLoss(rows.truth, rows.score), 12);
    expect(pointValue(metrics, 'ml.performance.brier', seg)).toBeCloseTo(brierScore(rows.truth, rows.score), 12);
    expect(pointValue(metrics, 'ml.label.coverage', seg)).toBe(1);
  });

  it('exports the sampling error beside each realised and estimated metric', async () => {
    const { monitor, reader } = monitorWith();
    const rows = binaryRows(300, 21);
    rows.score.forEach((score, i) => monitor.observe({ features: { x: rows.x[i] }, score, prediction: rows.prediction[i], id: i }));
    rows.truth.forEach((truth, i) => monitor.label(i, truth));
    const metrics = await collectMetrics(reader);
    const error = (metric: string) => pointValue(metrics, 'ml.performance.sampling_error', { [A.segment]: '', [A.performanceMetric]: metric });
    const correct = accuracy(rows.truth, rows.prediction);
    expect(error('accuracy')).toBeCloseTo(Math.sqrt((correct * (1 - correct)) / 300), 12);
    const predictedPositives = rows.prediction.filter((p) => p === 1).length;
    const prf = precisionRecallF1(rows.truth, rows.prediction, { average: 'binary' });
    expect(error('precision')).toBeCloseTo(Math.sqrt((prf.precision * (1 - prf.precision)) / predictedPositives), 12);
    for (const metric of ['recall', 'f1', 'roc_auc', 'log_loss', 'brier']) expect({ metric, positive: (error(metric) ?? 0) > 0 }).toEqual({ metric, positive: true });
    const estimated = (metric: string) => pointValue(metrics, 'ml.performance.estimated.sampling_error', { [A.segment]: '', [A.performanceMetric]: metric });
    for (const metric of ['accuracy', 'precision', 'recall', 'f1', 'roc_auc']) expect({ metric, positive: (estimated(metric) ?? 0) > 0 }).toEqual({ metric, positive: true });
    const segment = monitor.snapshot().performance.segments[0];
    expect(segment?.samplingError.accuracy).toBe(error('accuracy'));
    expect(segment?.estimated?.samplingError.accuracy).toBe(estimated('accuracy'));
  });

  it("derives the predicted class from the score with the profile's threshold, with or without a calibration", () => {
    const reference = binaryRows(2000, 12);
    const thresholdProfile = buildProfile({ x: reference.x, y: reference.truth, s: reference.score }, { target: 'y', score: 's', threshold: 0.3, createdAt: '2026-11-26T00:00:00Z' });
    const withoutCalibration = { ...thresholdProfile, baseline: { ...thresholdProfile.baseline, calibration: undefined } } as typeof thresholdProfile;
    delete withoutCalibration.baseline?.calibration;
    const rows = binaryRows(200, 22);
    const expected = accuracy(rows.truth, rows.score.map((score) => (score >= 0.3 ? 1 : 0)));
    expect(expected).not.toBeCloseTo(accuracy(rows.truth, rows.prediction), 3);
    for (const candidate of [thresholdProfile, withoutCalibration]) {
      const monitor = createModelMonitor({ model: MODEL, reference: candidate, meterProvider: testMeterProvider().provider });
      rows.score.forEach((score, i) => monitor.observe({ features: { x: rows.x[i] }, score, id: i }));
      rows.truth.forEach((truth, i) => monitor.label(i, truth));
      expect(monitor.snapshot().performance.segments[0]?.metrics.accuracy).toBeCloseTo(expected, 12);
    }
  });

  it('observeBatch registers ids, scores, predictions and fairness columns like observe', () => {
    const { monitor } = monitorWith({ fairness: { attributes: ['group'] } });
    const rows = binaryRows(250, 24);
    const ids = rows.score.map((_, i) => `b${i}`);
    monitor.observeBatch({ x: rows.x, score: rows.score, prediction: rows.prediction, id: ids, group: rows.group });
    ids.forEach((id, i) => monitor.label(id, rows.truth[i]));
    const { performance, counters } = monitor.snapshot();
    expect(performance.labels.outcomes.joined).toBe(250);
    expect(performance.segments[0]?.metrics.roc_auc).toBeCloseTo(rocAuc(rows.truth, rows.score), 12);
    expect(performance.fairness[0]?.demographicParityDifference).toBeCloseTo(groupFairness(rows.truth, rows.prediction, rows.group).demographicParityDifference, 12);
    expect(counters.unknownFeatures).toBe(0);
  });

  it('derives the predicted class from the score (≥ 0.5 without a calibration) when no prediction is given', () => {
    const { monitor } = monitorWith();
    const rows = binaryRows(200, 22);
    rows.score.forEach((score, i) => monitor.observe({ features: { x: rows.x[i] }, score, id: i }));
    rows.truth.forEach((truth, i) => monitor.label(i, truth));
    expect(monitor.snapshot().performance.segments[0]?.metrics.accuracy).toBeCloseTo(accuracy(rows.truth, rows.prediction), 12);
  });

  it('per segment, with coverage by prediction time, plus the whole model under segment ""', async () => {
    const { monitor, reader } = monitorWith({ segments: { attribute: 'region' } });
    const rows = binaryRows(400, 23);
    // Every fifth row has no region: it counts only in the whole-model series.
    const region = (i: number) => (i % 5 === 0 ? undefined : i % 3 === 0 ? 'eu' : 'us');
    rows.score.forEach((score, i) => monitor.observe({ features: { x: rows.x[i], ...(region(i) === undefined ? {} : { region: region(i) }) }, score, prediction: rows.prediction[i], id: i }));
    const labelled = (i: number) => region(i) !== 'eu' || i % 2 === 0;
    rows.truth.forEach((truth, i) => {
      if (labelled(i)) monitor.label(i, truth);
    });
    const metrics = await collectMetrics(reader);
    const expectSeries = (segment: string, kept: number[], predictions: number) => {
      const truth = kept.map((i) => rows.truth[i] as number);
      const predicted = kept.map((i) => rows.prediction[i] as number);
      expect(pointValue(metrics, 'ml.performance.accuracy', { [A.segment]: segment })).toBeCloseTo(accuracy(truth, predicted), 12);
      expect(pointValue(metrics, 'ml.performance.samples', { [A.segment]: segment })).toBe(kept.length);
      expect(pointValue(metrics, 'ml.label.coverage', { [A.segment]: segment })).toBeCloseTo(kept.length / predictions, 12);
    };
    const all = [...rows.truth.keys()];
    for (const segment of ['eu', 'us']) expectSeries(segment, all.filter((i) => region(i) === segment && labelled(i)), all.filter((i) => region(i) === segment).length);
    expectSeries('', all.filter(labelled), all.length);
    expect(pointValue(metrics, 'ml.label.coverage', { [A.segment]: 'us' })).toBe(1);
    expect(pointValue(metrics, 'ml.performance.samples', { [A.segment]: '' })).toBeGreaterThan(
      (pointValue(metrics, 'ml.performance.samples', { [A.segment]: 'eu' }) ?? 0) + (pointValue(metrics, 'ml.performance.samples', { [A.segment]: 'us' }) ?? 0),
    );
    const degradation = (segment: string) => pointValue(metrics, 'ml.performance.degradation', { [A.segment]: segment, [A.performanceMetric]: 'accuracy' });
    for (const segment of ['', 'eu', 'us']) expect(degradation(segment)).toEqual(expect.any(Number));
    for (const segment of ['', 'eu', 'us']) expect(pointValue(metrics, 'ml.performance.estimated.accuracy', { [A.segment]: segment })).toEqual(expect.any(Number));
    expect(monitor.snapshot().performance.segments.map((entry) => entry.segment)).toEqual(['', expect.any(String), expect.any(String)]);
  });

  it('multiclass: macro and weighted precision, recall, F1', async () => {
    const { monitor, reader } = monitorWith({ performance: { task: 'multiclass' }, detectors: { score: [] } });
    const next = mulberry32(5);
    const classes = ['bird', 'cat', 'dog'];
    const truth: string[] = [];
    const predicted: string[] = [];
    for (let i = 0; i < 300; i++) {
      const actual = classes[Math.floor(next() * 3)] as string;
      const guess = next() < 0.7 ? actual : (classes[Math.floor(next() * 3)] as string);
      truth.push(actual);
      predicted.push(guess);
      monitor.observe({ features: { x: 0 }, prediction: guess, id: `m${i}` });
    }
    truth.forEach((actual, i) => monitor.label(`m${i}`, actual));
    const metrics = await collectMetrics(reader);
    for (const average of ['macro', 'weighted'] as const) {
      const expected = precisionRecallF1(truth, predicted, { average });
      const at = { [A.segment]: '', [A.performanceAverage]: average };
      expect(pointValue(metrics, 'ml.performance.precision', at)).toBeCloseTo(expected.precision, 12);
      expect(pointValue(metrics, 'ml.performance.recall', at)).toBeCloseTo(expected.recall, 12);
      expect(pointValue(metrics, 'ml.performance.f1', at)).toBeCloseTo(expected.f1, 12);
    }
    expect(pointValue(metrics, 'ml.performance.accuracy', { [A.segment]: '' })).toBeCloseTo(accuracy(truth, predicted), 12);
    expect(pointValue(metrics, 'ml.performance.precision', { [A.performanceAverage]: 'binary' })).toBeUndefined();
  });

  it('regression: MAE, RMSE, MAPE, R² and pinball loss at the configured quantiles', async () => {
    const { provider, reader } = testMeterProvider();
    const monitor = createModelMonitor({ model: MODEL, reference: regressionProfile(), meterProvider: provider, performance: { quantiles: [0.25, 0.9] } });
    const rows = regressionRows(250, 9, 0.5);
    rows.prediction.forEach((prediction, i) => monitor.observe({ features: { x: rows.x[i] }, prediction, id: i }));
    rows.truth.forEach((truth, i) => monitor.label(i, truth));
    const metrics = await collectMetrics(reader);
    const seg = { [A.segment]: '' };
    expect(pointValue(metrics, 'ml.performance.mae', seg)).toBeCloseTo(meanAbsoluteError(rows.truth, rows.prediction), 12);
    expect(pointValue(metrics, 'ml.performance.rmse', seg)).toBeCloseTo(rootMeanSquaredError(rows.truth, rows.prediction), 12);
    expect(pointValue(metrics, 'ml.performance.mape', seg)).toBeCloseTo(meanAbsolutePercentageError(rows.truth, rows.prediction), 12);
    expect(pointValue(metrics, 'ml.performance.r2', seg)).toBeCloseTo(r2Score(rows.truth, rows.prediction), 12);
    for (const alpha of [0.25, 0.9]) expect(pointValue(metrics, 'ml.performance.pinball_loss', { ...seg, [A.quantile]: String(alpha) })).toBeCloseTo(meanPinballLoss(rows.truth, rows.prediction, alpha), 12);
    expect(monitor.snapshot().performance.concept.map((entry) => `${entry.detector}/${entry.stream}`)).toEqual(['adwin/error', 'page_hinkley/score']);
  });
});

describe('baseline and degradation', () => {
  it('exports the profile baseline and orients degradation so that worse is positive', async () => {
    const { monitor, reader } = monitorWith();
    const rows = binaryRows(300, 31);
    rows.score.forEach((score, i) => monitor.observe({ features: { x: rows.x[i] }, score, prediction: 1 - (rows.prediction[i] as number), id: i })); // inverted model
    rows.truth.forEach((truth, i) => monitor.label(i, truth));
    const metrics = await collectMetrics(reader);
    const baseline = profile.baseline?.metrics ?? {};
    expect(pointValue(metrics, 'ml.performance.baseline', { [A.performanceMetric]: 'accuracy' })).toBe(baseline.accuracy);
    const current = pointValue(metrics, 'ml.performance.accuracy', { [A.segment]: '' }) as number;
    const accuracyDegradation = pointValue(metrics, 'ml.performance.degradation', { [A.performanceMetric]: 'accuracy' }) as number;
    expect(accuracyDegradation).toBeCloseTo(((baseline.accuracy as number) - current) / (baseline.accuracy as number), 12);
    expect(accuracyDegradation).toBeGreaterThan(0.5);
    const brier = pointValue(metrics, 'ml.performance.brier', { [A.segment]: '' }) as number;
    const brierBaseline = pointValue(metrics, 'ml.performance.baseline', { [A.performanceMetric]: 'brier' }) as number;
    expect(brierBaseline).toBe(baseline.brier);
    // Brier is a loss: a higher value than the baseline is a positive degradation.
    expect(pointValue(metrics, 'ml.performance.degradation', { [A.performanceMetric]: 'brier' })).toBeCloseTo((brier - brierBaseline) / brierBaseline, 12);
  });

  it('regression: a biased model has positive MAE/RMSE degradation and a negative R² change reads as positive degradation too', async () => {
    const { provider, reader } = testMeterProvider();
    const reference = regressionProfile();
    const monitor = createModelMonitor({ model: MODEL, reference, meterProvider: provider });
    const rows = regressionRows(300, 12, 5);
    rows.prediction.forEach((prediction, i) => monitor.observe({ features: { x: rows.x[i] }, prediction, id: i }));
    rows.truth.forEach((truth, i) => monitor.label(i, truth));
    const metrics = await collectMetrics(reader);
    for (const metric of ['mae', 'rmse', 'mape', 'r2']) expect({ metric, worse: (pointValue(metrics, 'ml.performance.degradation', { [A.performanceMetric]: metric }) as number) > 0 }).toEqual({ metric, worse: true });
    expect(reference.baseline?.task).toBe('regression');
  });
});

describe('fairness', () => {
  it('per group rates and per attribute differences equal groupFairness on the joined rows', async () => {
    const { monitor, reader } = monitorWith({ fairness: { attributes: ['group', 'age_band'] } });
    const rows = binaryRows(500, 41, { groupGap: 0.2 });
    const band = (i: number) => (i % 4 === 0 ? 'old' : 'young');
    rows.score.forEach((score, i) => monitor.observe({ features: { x: rows.x[i], age_band: band(i) }, score, prediction: rows.prediction[i], id: i, attributes: { group: rows.group[i] } }));
    rows.truth.forEach((truth, i) => monitor.label(i, truth));
    const metrics = await collectMetrics(reader);
    for (const [attribute, groups] of [['group', rows.group], ['age_band', rows.truth.map((_, i) => band(i))]] as const) {
      const expected = groupFairness(rows.truth, rows.prediction, groups);
      const at = { [A.fairnessAttribute]: attribute };
      expect(pointValue(metrics, 'ml.fairness.demographic_parity_difference', at)).toBeCloseTo(expected.demographicParityDifference, 12);
      expect(pointValue(metrics, 'ml.fairness.disparate_impact_ratio', at)).toBeCloseTo(expected.disparateImpactRatio, 12);
      expect(pointValue(metrics, 'ml.fairness.equal_opportunity_difference', at)).toBeCloseTo(expected.equalOpportunityDifference, 12);
      expect(pointValue(metrics, 'ml.fairness.equalized_odds_difference', at)).toBeCloseTo(expected.equalizedOddsDifference, 12);
      for (const rates of expected.perGroup) {
        const group = { ...at, [A.fairnessGroup]: rates.group };
        expect(pointValue(metrics, 'ml.fairness.selection_rate', group)).toBeCloseTo(rates.selectionRate, 12);
        expect(pointValue(metrics, 'ml.fairness.true_positive_rate', group)).toBeCloseTo(rates.truePositiveRate, 12);
        expect(pointValue(metrics, 'ml.fairness.false_positive_rate', group)).toBeCloseTo(rates.falsePositiveRate, 12);
        expect(pointValue(metrics, 'ml.fairness.group.samples', group)).toBe(rates.count);
      }
    }
    expect(monitor.snapshot().performance.fairness[0]?.passesFourFifthsRule).toBe(false); // group b is selected far less
    expect(monitor.snapshot().counters).toMatchObject({ unknownFeatures: 0 }); // age_band is a fairness attribute, not an unknown feature
  });

  it('caps the groups of an attribute and folds the rest into __overflow__', () => {
    const { monitor } = monitorWith({ fairness: { attributes: ['user'], cap: 2 } });
    for (let i = 0; i < 10; i++) monitor.observe({ features: { x: 0 }, score: 0.9, prediction: 1, id: i, attributes: { user: `u${i}` } });
    for (let i = 0; i < 10; i++) monitor.label(i, i % 2);
    expect(monitor.snapshot().performance.fairness[0]?.groups.map((group) => [group.group, group.samples])).toEqual([['__overflow__', 8], ['u0', 1], ['u1', 1]]);
  });
});

describe('concept drift', () => {
  it('DDM and ADWIN fire on an error-rate jump; each detection is a counter increment and a log record', async () => {
    const exporter = new InMemoryLogRecordExporter();
    const loggerProvider = new LoggerProvider({ processors: [new SimpleLogRecordProcessor({ exporter })] });
    const { monitor, reader } = monitorWith({ loggerProvider, detectors: { error: ['ddm', 'adwin'], score: [] } });
    const next = mulberry32(77);
    const JUMP = 1500;
    for (let i = 0; i < 3000; i++) {
      const wrong = next() < (i < JUMP ? 0.05 : 0.4);
      monitor.observe({ features: { x: 0 }, prediction: 1, id: i });
      monitor.label(i, wrong ? 0 : 1);
    }
    const metrics = await collectMetrics(reader);
    await loggerProvider.forceFlush();
    const records = exporter.getFinishedLogRecords();
    for (const detector of ['ddm', 'adwin']) {
      const at = { [A.conceptDetector]: detector, [A.conceptStream]: 'error' };
      const detections = pointValue(metrics, 'ml.concept.drift.detections', at) as number;
      const own = records.filter((record) => record.attributes[A.conceptDetector] === detector);
      expect({ detector, fired: detections > 0, logged: own.length }).toEqual({ detector, fired: true, logged: detections });
      expect(pointValue(metrics, 'ml.concept.drift.state', at)).toBe(2);
      expect(own[0]?.eventName).toBe('ml.concept.drift');
      expect(own[0]?.attributes).toMatchObject({ [A.modelName]: 'churn', [A.modelVersion]: '7', [A.conceptStream]: 'error' });
      expect(own[0]?.attributes['ml.concept.index'] as number).toBeGreaterThanOrEqual(JUMP);
    }
  });

  it('feeds the score stream from observe() and exports a stable state without drift', async () => {
    const { monitor, reader } = monitorWith({ detectors: { error: [], score: ['page_hinkley', 'kswin'] } });
    const rows = binaryRows(500, 3);
    rows.score.forEach((score) => monitor.observe({ features: { x: 0 }, score }));
    const metrics = await collectMetrics(reader);
    expect(pointValue(metrics, 'ml.concept.drift.state', { [A.conceptDetector]: 'page_hinkley', [A.conceptStream]: 'score' })).toBe(0);
    expect(monitor.snapshot().performance.concept.find((entry) => entry.detector === 'page_hinkley')?.values).toBe(500);
  });

  it('logs through a throwing logger without hurting the host', () => {
    const loggerProvider = { getLogger: () => ({ emit: () => { throw new Error('logger down'); }, enabled: () => true }) };
    const { monitor } = monitorWith({ loggerProvider: loggerProvider as never, detectors: { error: ['ddm'], score: [] } });
    expect(() => {
      for (let i = 0; i < 2000; i++) {
        monitor.observe({ features: { x: 0 }, prediction: 1, id: i });
        monitor.label(i, i < 1000 ? 1 : 0);
      }
    }).not.toThrow();
    expect(monitor.snapshot().performance.concept[0]?.detections).toBeGreaterThan(0);
  });
});

describe('windows', () => {
  it('performance follows label arrival and rolls off with the window; coverage follows prediction time', async () => {
    const { monitor, reader, clock } = monitorWith({ window: { durationMs: 60 * MINUTE, slices: 6 } });
    monitor.observe({ features: { x: 0 }, score: 0.9, prediction: 1, id: 'a' });
    monitor.observe({ features: { x: 0 }, score: 0.9, prediction: 1, id: 'b' });
    clock.now += 30 * MINUTE;
    monitor.label('a', 1);
    let metrics = await collectMetrics(reader);
    expect(pointValue(metrics, 'ml.performance.samples', { [A.segment]: '' })).toBe(1);
    expect(pointValue(metrics, 'ml.label.coverage', { [A.segment]: '' })).toBe(0.5);
    clock.now += 45 * MINUTE; // the predictions' slice left the window, the label's slice not yet
    metrics = await collectMetrics(reader);
    expect(pointValue(metrics, 'ml.performance.samples', { [A.segment]: '' })).toBe(1);
    expect(pointValue(metrics, 'ml.label.coverage', { [A.segment]: '' })).toBeNaN(); // retired once
    clock.now += 60 * MINUTE;
    metrics = await collectMetrics(reader);
    expect(pointValue(metrics, 'ml.performance.samples', { [A.segment]: '' })).toBeNaN();
    expect(monitor.snapshot().performance.segments).toEqual([]);
  });
});

describe('options', () => {
  it.each([
    [{ labels: { maxPending: 0 } }, /options\.labels\.maxPending/],
    [{ labels: { ttlMs: -1 } }, /options\.labels\.ttlMs/],
    [{ detectors: { error: ['adwin', 'adwin'] } }, /options\.detectors\.error .*twice/],
    [{ detectors: { error: ['magic'] } }, /options\.detectors\.error\.0/],
    [{ detectors: { score: ['ddm'] } }, /options\.detectors\.score names "ddm"/],
    [{ fairness: { attributes: [] } }, /options\.fairness\.attributes/],
    [{ performance: { task: 'ranking' } }, /options\.performance\.task/],
    [{ performance: { task: 'regression' }, detectors: { error: ['ddm'] } }, /options\.detectors\.error names "ddm".*regression/],
    [{ loggerProvider: {} }, /options\.loggerProvider must be a LoggerProvider/],
  ])('rejects %j with an actionable message', (extra, message) => {
    expect(() => createModelMonitor({ model: MODEL, reference: profile, ...(extra as object) })).toThrow(message);
  });
});
