/**
 * Windowed CBPE inside the monitor: with a calibration stored in the profile, the estimated
 * metrics (from scores alone) track the realised ones (from the labels joined later) when the
 * score distribution shifts but P(y | score) does not. Tolerances measured over 20 windows of
 * 5 000 rows (docs/cbpe.md): worst |estimate − realised| 0.017 accuracy, 0.030 precision, 0.030
 * recall, 0.025 F1, 0.015 ROC AUC; the test allows 0.03 / 0.05 / 0.05 / 0.05 / 0.03.
 */
import { CbpeModel } from '../../src/estimation/cbpe.js';
import { createModelMonitor } from '../../src/monitor/index.js';
import { MONITOR_ATTRIBUTES as A } from '../../src/monitor/metric-names.js';
import { binaryProfile, binaryRows } from './labelled-fixture.js';
import { collectMetrics, pointValue, testMeterProvider } from './monitor-fixture.js';

const TOLERANCE: Record<string, number> = { accuracy: 0.03, precision: 0.05, recall: 0.05, f1: 0.05, roc_auc: 0.03 };
const profile = binaryProfile();

function runWindow(skew: number, seed: number) {
  const { provider, reader } = testMeterProvider();
  const monitor = createModelMonitor({ model: { name: 'fraud', version: '2' }, reference: profile, meterProvider: provider, detectors: { error: [], score: [] } });
  const rows = binaryRows(5000, seed, { skew });
  rows.score.forEach((score, i) => monitor.observe({ features: { x: rows.x[i] }, score, prediction: rows.prediction[i], id: i }));
  const estimatedBeforeLabels = monitor.snapshot().performance.segments[0]?.estimated;
  rows.truth.forEach((truth, i) => monitor.label(i, truth));
  return { monitor, reader, estimatedBeforeLabels };
}

describe('CBPE in the monitor', () => {
  it('the profile carries a calibration the monitor loads', () => {
    expect(() => CbpeModel.fromJSON(profile.baseline?.calibration)).not.toThrow();
  });

  it.each([
    ['no shift', 1, 101],
    ['scores shifted towards 0', 3, 303],
    ['scores shifted towards 1', 0.4, 404],
  ])('%s: the estimate tracks realised performance within the documented tolerance', async (_name, skew, seed) => {
    const { reader, estimatedBeforeLabels } = runWindow(skew, seed);
    const metrics = await collectMetrics(reader);
    expect(estimatedBeforeLabels?.samples).toBe(5000); // available before any label arrived
    const seg = { [A.segment]: '' };
    for (const metric of Object.keys(TOLERANCE)) {
      const averaged = ['precision', 'recall', 'f1'].includes(metric) ? { ...seg, [A.performanceAverage]: 'binary' } : seg;
      const realised = pointValue(metrics, `ml.performance.${metric}`, averaged) as number;
      const estimated = pointValue(metrics, `ml.performance.estimated.${metric}`, seg) as number;
      expect({ metric, error: Math.abs(estimated - realised) <= (TOLERANCE[metric] as number) }).toEqual({ metric, error: true });
    }
  });

  it('moves with the shift and orients the estimated degradation like the realised one', async () => {
    const unshifted = runWindow(1, 101).monitor.snapshot().performance.segments[0]?.estimated;
    const shifted = runWindow(3, 303).monitor.snapshot().performance.segments[0]?.estimated;
    expect((shifted?.metrics.accuracy as number) - (unshifted?.metrics.accuracy as number)).toBeGreaterThan(0.05);
    expect(shifted?.degradation.accuracy).toBeLessThan(0); // more confident negatives: accuracy up, not worse
    expect(shifted?.degradation.recall).toBeGreaterThan(0.1); // fewer confident positives: recall down
    const baseline = profile.baseline?.metrics.recall as number;
    expect(shifted?.degradation.recall).toBeCloseTo((baseline - (shifted?.metrics.recall as number)) / baseline, 12);
  });

  it('exports no estimate without a calibration in the profile', () => {
    const { calibration: _dropped, ...baseline } = profile.baseline as NonNullable<typeof profile.baseline>;
    const monitor = createModelMonitor({ model: { name: 'm', version: '1' }, reference: { ...profile, baseline }, meterProvider: testMeterProvider().provider });
    monitor.observe({ features: { x: 0 }, score: 0.3 });
    expect(monitor.snapshot().performance.segments[0]?.estimated ?? null).toBeNull();
  });
});
