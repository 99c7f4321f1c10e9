import { jest } from '@jest/globals';
import { diag, DiagLogLevel } from '@opentelemetry/api';
import { createModelMonitor, type ModelMonitor } from '../../src/monitor/create-model-monitor.js';
import { MONITOR_ATTRIBUTES, MONITOR_METRICS } from '../../src/monitor/metric-names.js';
import { categoricalSample, normalSample } from '../support/synthetic.js';
import { collectMetrics, pointValue, referenceProfile, testMeterProvider } from './monitor-fixture.js';

const MODEL = { name: 'churn', version: '3.1.0' };
const modelAttributes = { [MONITOR_ATTRIBUTES.modelName]: MODEL.name, [MONITOR_ATTRIBUTES.modelVersion]: MODEL.version };
const reference = referenceProfile();

/** 600 rows: x shifted by +1σ, y unshifted, color 20/30/50 instead of 50/30/20, flag and predictions unchanged. */
function feedShiftedTraffic(monitor: ModelMonitor, rows = 600): void {
  const x = normalSample(rows, 1, 1, 11);
  const y = normalSample(rows, 0, 1, 12);
  const color = categoricalSample(rows, { red: 0.2, green: 0.3, blue: 0.5 }, 13);
  const flag = normalSample(rows, 0, 1, 14).map((value) => value > 0);
  const label = categoricalSample(rows, { a: 0.6, b: 0.4 }, 15);
  const confidence = normalSample(rows, 0.7, 0.1, 16);
  for (let row = 0; row < rows; row++) {
    monitor.observe({ features: { x: x[row], y: y[row], color: color[row], flag: flag[row] }, prediction: label[row], score: confidence[row] });
  }
}

describe('createModelMonitor: drift', () => {
  it('detects a 1σ shift and a proportion change, not the unshifted features; the dataset share is their fraction', () => {
    const { provider } = testMeterProvider();
    const monitor = createModelMonitor({ model: MODEL, reference, meterProvider: provider, window: { count: 10_000 } });
    feedShiftedTraffic(monitor);
    const snapshot = monitor.snapshot();
    const drift = Object.fromEntries(snapshot.features.map((feature) => [feature.name, feature.drift]));
    expect(drift.x?.drifted).toBe(true);
    expect(drift.x?.method).toBe('ks');
    expect(drift.x?.approximate).toBe(true);
    expect(drift.x?.effectSize.value).toBeGreaterThan(0.3);
    expect(drift.color?.drifted).toBe(true);
    expect(drift.color?.method).toBe('chi_squared');
    expect(drift.y?.drifted).toBe(false);
    expect(drift.flag?.drifted).toBe(false);
    expect(drift.flag?.method).toBe('z_test');
    expect(snapshot.dataset?.featureCount).toBe(4);
    expect(snapshot.dataset?.driftedShare).toBe(0.5);
    expect(snapshot.dataset?.drifted).toBe(true);
    // importances x 3, y 1, color 1, flag 0: (3 + 1) / 5
    expect(snapshot.dataset?.weightedDriftedShare).toBeCloseTo(0.8, 12);
    expect(snapshot.predictions.map((column) => [column.name, column.role, column.drift?.drifted])).toEqual([
      ['label', 'prediction', false],
      ['confidence', 'score', false],
    ]);
    expect(snapshot.scoreMean).toBeGreaterThan(0.68);
    expect(snapshot.scoreMean).toBeLessThan(0.72);
  });

  it('switches to the large-sample distances (PSI, Jensen-Shannon) above 1000 samples and honours overrides', () => {
    const { provider } = testMeterProvider();
    const monitor = createModelMonitor({ model: MODEL, reference, meterProvider: provider, window: { count: 10_000 }, features: { y: { method: 'wasserstein_normalized', threshold: 0.5 } } });
    feedShiftedTraffic(monitor, 2000);
    const drift = Object.fromEntries(monitor.snapshot().features.map((feature) => [feature.name, feature.drift]));
    expect([drift.x?.method, drift.x?.drifted]).toEqual(['psi', true]);
    expect([drift.color?.method, drift.color?.drifted]).toEqual(['jensen_shannon', true]);
    expect([drift.y?.method, drift.y?.threshold, drift.y?.drifted]).toEqual(['wasserstein_normalized', 0.5, false]);
  });

  it('skips drift gauges below minSamples', async () => {
    const { provider, reader } = testMeterProvider();
    const monitor = createModelMonitor({ model: MODEL, reference, meterProvider: provider, minSamples: 50 });
    feedShiftedTraffic(monitor, 49);
    const snapshot = monitor.snapshot();
    expect(snapshot.features.every((feature) => feature.drift === null && feature.driftSkipped === 'too_few_samples')).toBe(true);
    expect(snapshot.dataset).toBeNull();
    const metrics = await collectMetrics(reader);
    expect(metrics.get(MONITOR_METRICS.featureDriftScore.name)?.dataPoints ?? []).toHaveLength(0);
    expect(pointValue(metrics, MONITOR_METRICS.featureWindowSamples.name, { [MONITOR_ATTRIBUTES.featureName]: 'x' })).toBe(49);
  });
});

describe('createModelMonitor: gauges', () => {
  it('exports every drift, quality and volume metric of the contract with its attributes (labels and performance: labelled-monitor.test.ts)', async () => {
    const { provider, reader } = testMeterProvider();
    const monitor = createModelMonitor({ model: MODEL, reference, meterProvider: provider, window: { durationMs: 60_000 }, now: () => 1_000_000, segments: { attribute: 'region', cap: 1 } });
    feedShiftedTraffic(monitor);
    monitor.observe({ features: { x: 1, unknown_column: 2 }, segment: 'eu' });
    monitor.observe({ features: { x: 1 }, segment: 'us' });
    monitor.observe({ features: { x: 1 }, timestamp: Number.NaN });
    const metrics = await collectMetrics(reader);
    for (const metric of Object.values(MONITOR_METRICS).filter((entry) => !/^ml\.(label|labels|predictions|performance|concept|fairness)\./.test(entry.name))) {
      const data = metrics.get(metric.name);
      expect({ name: metric.name, points: (data?.dataPoints.length ?? 0) > 0 }).toEqual({ name: metric.name, points: true });
      expect(data?.descriptor.unit).toBe(metric.unit);
      for (const point of data?.dataPoints ?? []) expect(Object.keys(point.attributes).sort()).toEqual([...metric.attributes].sort());
    }
    const x = { ...modelAttributes, [MONITOR_ATTRIBUTES.featureName]: 'x', [MONITOR_ATTRIBUTES.driftMethod]: 'ks' };
    expect(pointValue(metrics, 'ml.feature.drift.detected', x)).toBe(1);
    expect(pointValue(metrics, 'ml.feature.drift.threshold', x)).toBe(0.05);
    expect(pointValue(metrics, 'ml.feature.drift.p_value', x)).toBeLessThan(1e-6);
    expect(pointValue(metrics, 'ml.feature.drift.detected', { [MONITOR_ATTRIBUTES.featureName]: 'y' })).toBe(0);
    expect(pointValue(metrics, 'ml.dataset.drift.share', modelAttributes)).toBe(0.5);
    expect(pointValue(metrics, 'ml.dataset.drift.detected', modelAttributes)).toBe(1);
    expect(pointValue(metrics, 'ml.window.samples', modelAttributes)).toBe(602);
    expect(pointValue(metrics, 'ml.observations', { [MONITOR_ATTRIBUTES.segment]: '' })).toBe(600);
    expect(pointValue(metrics, 'ml.observations', { [MONITOR_ATTRIBUTES.segment]: 'eu' })).toBe(1);
    expect(pointValue(metrics, 'ml.observations', { [MONITOR_ATTRIBUTES.segment]: '__overflow__' })).toBe(1);
    expect(pointValue(metrics, 'ml.attribute.overflow', { [MONITOR_ATTRIBUTES.overflowAttribute]: 'ml.segment' })).toBe(1);
    expect(pointValue(metrics, 'ml.observations.dropped', { [MONITOR_ATTRIBUTES.dropReason]: 'invalid_timestamp' })).toBe(1);
    expect(pointValue(metrics, 'ml.quality.events', { [MONITOR_ATTRIBUTES.featureName]: '__unknown__', [MONITOR_ATTRIBUTES.qualityCheck]: 'unknown_feature' })).toBe(1);
    // fleet counts: per reference bin, summing to the values seen; reference fractions sum to 1
    const bins = metrics.get('ml.feature.bin.observations')?.dataPoints.filter((point) => point.attributes[MONITOR_ATTRIBUTES.featureName] === 'x') ?? [];
    expect(bins).toHaveLength(reference.features.x?.kind === 'numeric' ? reference.features.x.binCounts.length : -1);
    expect(bins.reduce((sum, point) => sum + (point.value as number), 0)).toBe(602);
    const fractions = metrics.get('ml.feature.bin.reference_fraction')?.dataPoints.filter((point) => point.attributes[MONITOR_ATTRIBUTES.featureName] === 'color') ?? [];
    expect(fractions.map((point) => point.attributes[MONITOR_ATTRIBUTES.binIndex])).toEqual([0, 1, 2, 3]);
    expect(fractions.reduce((sum, point) => sum + (point.value as number), 0)).toBeCloseTo(1, 12);
  });

  it('reports the effect-size measure and no p-value for distance methods', async () => {
    const { provider, reader } = testMeterProvider();
    const monitor = createModelMonitor({ model: MODEL, reference, meterProvider: provider, window: { count: 10_000 }, features: { x: { method: 'psi' } } });
    feedShiftedTraffic(monitor);
    const metrics = await collectMetrics(reader);
    const x = { [MONITOR_ATTRIBUTES.featureName]: 'x', [MONITOR_ATTRIBUTES.driftMethod]: 'psi' };
    expect(pointValue(metrics, 'ml.feature.drift.p_value', x)).toBeUndefined();
    expect(pointValue(metrics, 'ml.feature.drift.score', x)).toBeGreaterThan(0.2);
    expect(pointValue(metrics, 'ml.feature.drift.effect_size', { ...x, [MONITOR_ATTRIBUTES.effectSizeMeasure]: 'score' })).toBe(pointValue(metrics, 'ml.feature.drift.score', x));
  });

  it('shutdown() removes the callback: nothing new is observed (delta gauges vanish, cumulative ones stay frozen)', async () => {
    const cumulative = testMeterProvider();
    const delta = testMeterProvider({ deltaGauges: true });
    const monitors = [cumulative, delta].map(({ provider }) => createModelMonitor({ model: MODEL, reference, meterProvider: provider }));
    for (const monitor of monitors) feedShiftedTraffic(monitor, 40);
    expect(pointValue(await collectMetrics(delta.reader), 'ml.window.samples', modelAttributes)).toBe(40);
    expect(pointValue(await collectMetrics(cumulative.reader), 'ml.window.samples', modelAttributes)).toBe(40);
    for (const monitor of monitors) {
      monitor.shutdown();
      monitor.shutdown();
      monitor.observe({ features: { x: 1 } });
      monitor.observeBatch({ x: [1, 2] });
      expect(monitor.snapshot().window.observations).toBe(40);
    }
    expect((await collectMetrics(delta.reader)).get('ml.window.samples')?.dataPoints ?? []).toHaveLength(0);
    expect(pointValue(await collectMetrics(cumulative.reader), 'ml.window.samples', modelAttributes)).toBe(40);
  });

  it('a series that stops being computed reads NaN instead of a stale value (method switch at 1000 samples)', async () => {
    const { provider, reader } = testMeterProvider();
    const monitor = createModelMonitor({ model: MODEL, reference, meterProvider: provider, window: { count: 100_000 } });
    feedShiftedTraffic(monitor, 600);
    const ks = { [MONITOR_ATTRIBUTES.featureName]: 'x', [MONITOR_ATTRIBUTES.driftMethod]: 'ks' };
    const psi = { [MONITOR_ATTRIBUTES.featureName]: 'x', [MONITOR_ATTRIBUTES.driftMethod]: 'psi' };
    expect(pointValue(await collectMetrics(reader), 'ml.feature.drift.detected', ks)).toBe(1);
    feedShiftedTraffic(monitor, 600);
    const after = await collectMetrics(reader);
    expect(pointValue(after, 'ml.feature.drift.detected', ks)).toBeNaN();
    expect(pointValue(after, 'ml.feature.drift.detected', psi)).toBe(1);
  });

  it('two monitors on one provider export side by side, told apart by model attributes', async () => {
    const { provider, reader } = testMeterProvider();
    const first = createModelMonitor({ model: MODEL, reference, meterProvider: provider });
    const second = createModelMonitor({ model: { name: 'churn', version: '4.0.0' }, reference, meterProvider: provider });
    first.observe({ features: { x: 1 } });
    second.observe({ features: { x: 1 } });
    second.observe({ features: { x: 2 } });
    const metrics = await collectMetrics(reader);
    expect(pointValue(metrics, 'ml.window.samples', modelAttributes)).toBe(1);
    expect(pointValue(metrics, 'ml.window.samples', { [MONITOR_ATTRIBUTES.modelVersion]: '4.0.0' })).toBe(2);
  });
});

describe('createModelMonitor: options', () => {
  const { provider } = testMeterProvider();
  const base = { model: MODEL, reference, meterProvider: provider };
  const cases: [unknown, RegExp][] = [
    [{ ...base, model: { name: '', version: '1' } }, /options\.model\.name .*got ""/],
    [{ ...base, window: { count: 0 } }, /options\.window.*got/],
    [{ ...base, window: { durationMs: 1000, slices: 0 } }, /options\.window/],
    [{ ...base, thresholds: { datasetDriftShare: 2 } }, /options\.thresholds\.datasetDriftShare .*got 2/],
    [{ ...base, minSamples: -1 }, /options\.minSamples .*got -1/],
    [{ ...base, features: { nope: { method: 'psi' } } }, /options\.features\.nope names no column/],
    [{ ...base, features: { color: { method: 'ks' } } }, /options\.features\.color\.method: ks does not apply to categorical/],
    [{ ...base, features: { x: { threshold: -1 } } }, /options\.features\.x\.threshold .*-1/],
    [{ ...base, meterProvider: {} }, /options\.meterProvider must be a MeterProvider/],
    [{ ...base, segments: { attribute: 'region', cap: 0 } }, /options\.segments\.cap .*got 0/],
    [{ ...base, windw: { count: 5 } }, /unknown: windw/],
  ];
  it.each(cases.map(([options, message]) => ({ title: String(message), options, message })))('rejects a bad option: $title', ({ options, message }) => {
    expect(() => createModelMonitor(options as never)).toThrow(message);
  });

  it('rejects an invalid reference profile with the profile error', () => {
    expect(() => createModelMonitor({ ...base, reference: { ...reference, rowCount: -1 } })).toThrow(/rowCount/);
  });

  it('uses the global MeterProvider by default', async () => {
    const { metrics } = await import('@opentelemetry/api');
    const { provider: globalProvider, reader } = testMeterProvider();
    metrics.setGlobalMeterProvider(globalProvider);
    try {
      const monitor = createModelMonitor({ model: MODEL, reference });
      monitor.observe({ features: { x: 1 } });
      expect(pointValue(await collectMetrics(reader), 'ml.window.samples', modelAttributes)).toBe(1);
    } finally {
      metrics.disable();
    }
  });

  it('writes rate-limited diag messages for dropped values', () => {
    const warn = jest.fn();
    diag.setLogger({ warn, error: jest.fn(), info: jest.fn(), debug: jest.fn(), verbose: jest.fn() }, DiagLogLevel.WARN);
    try {
      const monitor = createModelMonitor({ ...base, now: () => 1000 });
      for (let i = 0; i < 100; i++) monitor.observe({ features: { x: 'not a number' } });
      const messages = warn.mock.calls.map((call) => String(call[0]));
      expect(messages.filter((message) => message.includes('type_error'))).toHaveLength(1);
    } finally {
      diag.disable();
    }
  });
});
