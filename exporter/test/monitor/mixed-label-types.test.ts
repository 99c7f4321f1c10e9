/**
 * Regression: class labels of two types (0 beside "yes") in one monitor made the confusion matrix
 * throw at every collection, so the monitor exported nothing until the window rolled. Found by the
 * observe/observeBatch property with labels (observe-paths.property.test.ts). A prediction of the
 * other type is now ignored and a label of the other type counts as invalid.
 */
import { createModelMonitor } from '../../src/monitor/index.js';
import { MONITOR_ATTRIBUTES as A } from '../../src/monitor/metric-names.js';
import { binaryProfile, binaryRows } from './labelled-fixture.js';
import { collectMetrics, pointValue, testMeterProvider } from './monitor-fixture.js';

const profile = binaryProfile(binaryRows(1000, 3));

describe('class labels of a type other than the monitor’s', () => {
  it('binary (positive label 1): a string prediction is ignored, a string label is invalid, and collection still exports accuracy', async () => {
    const { provider, reader } = testMeterProvider();
    const monitor = createModelMonitor({ model: { name: 'm', version: '1' }, reference: profile, meterProvider: provider });
    monitor.observe({ features: { x: 0 }, prediction: 'yes', id: 'string-prediction' });
    monitor.observe({ features: { x: 0 }, prediction: 1, id: 'string-label' });
    monitor.observe({ features: { x: 0 }, prediction: 1, id: 'ok' });
    monitor.label('string-prediction', 0);
    monitor.label('string-label', 'no');
    monitor.label('ok', 1);
    const snapshot = monitor.snapshot();
    expect(snapshot.performance.labels.outcomes).toMatchObject({ joined: 2, invalid: 1 });
    expect(snapshot.performance.segments[0]?.samples).toBe(1);
    const metrics = await collectMetrics(reader);
    expect(pointValue(metrics, 'ml.performance.accuracy', { [A.segment]: '' })).toBe(1);
    expect(pointValue(metrics, 'ml.labels', { [A.labelOutcome]: 'invalid' })).toBe(1);
  });

  it('multiclass: the first label fixes the type', () => {
    const monitor = createModelMonitor({ model: { name: 'm', version: '1' }, reference: profile, meterProvider: testMeterProvider().provider, performance: { task: 'multiclass' } });
    monitor.observe({ features: { x: 0 }, prediction: 'cat', id: 1 });
    monitor.observe({ features: { x: 0 }, prediction: 2, id: 2 });
    monitor.observe({ features: { x: 0 }, prediction: 'dog', id: 3 });
    monitor.label(1, 'cat');
    monitor.label(2, 'dog');
    monitor.label(3, 7);
    const { performance } = monitor.snapshot();
    expect(performance.labels.outcomes).toMatchObject({ joined: 2, invalid: 1 });
    expect(performance.segments[0]?.samples).toBe(1);
    expect(performance.segments[0]?.metrics.accuracy).toBe(1);
  });
});
