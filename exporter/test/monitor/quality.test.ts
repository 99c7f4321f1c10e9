import { createModelMonitor } from '../../src/monitor/create-model-monitor.js';
import { MONITOR_ATTRIBUTES } from '../../src/monitor/metric-names.js';
import { collectMetrics, pointValue, referenceProfile, testMeterProvider } from './monitor-fixture.js';

const reference = referenceProfile();
const MODEL = { name: 'm', version: '1' };

function newMonitor(options: Partial<Parameters<typeof createModelMonitor>[0]> = {}) {
  const { provider, reader } = testMeterProvider();
  return { reader, monitor: createModelMonitor({ model: MODEL, reference, meterProvider: provider, window: { count: 1000 }, ...options }) };
}

function feature(monitor: ReturnType<typeof createModelMonitor>, name: string) {
  const found = monitor.snapshot().features.find((entry) => entry.name === name);
  if (found === undefined) throw new Error(`no feature ${name}`);
  return found;
}

describe('data quality: each bad-input class is counted and dropped, the rest of the observation kept', () => {
  it('numeric: missing, NaN, ±Infinity, wrong types and out-of-range values', async () => {
    const { monitor, reader } = newMonitor();
    const inputs: unknown[] = [0.5, null, undefined, '', Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 'abc', true, {}, [1], 1000, -1000, 2n];
    for (const x of inputs) monitor.observe({ features: { x, y: 0.1, color: 'red' } });
    monitor.observe({ features: { y: 0.1, color: 'red' } }); // x absent: missing
    const x = feature(monitor, 'x');
    expect(x.rows).toBe(15);
    expect(x.samples).toBe(4); // 0.5, 1000, -1000, 2n
    expect(x.qualityEvents).toMatchObject({ missing: 5, non_finite: 2, type_error: 4, out_of_range: 2 });
    expect(x.quality.missingRatio).toBeCloseTo(5 / 15, 12);
    expect(x.quality.typeErrorRatio).toBeCloseTo(4 / 15, 12);
    expect(x.quality.outOfRangeRatio).toBeCloseTo((2 + 2) / (4 + 2), 12);
    expect(x.quality.unseenCategoryRatio).toBeNull();
    expect(feature(monitor, 'y').samples).toBe(15);
    expect(feature(monitor, 'color').samples).toBe(15);
    const metrics = await collectMetrics(reader);
    const xAttributes = { [MONITOR_ATTRIBUTES.featureName]: 'x' };
    expect(pointValue(metrics, 'ml.feature.quality.missing_ratio', xAttributes)).toBeCloseTo(5 / 15, 12);
    expect(pointValue(metrics, 'ml.feature.quality.out_of_range_ratio', xAttributes)).toBeCloseTo(4 / 6, 12);
    expect(pointValue(metrics, 'ml.feature.quality.type_error_ratio', xAttributes)).toBeCloseTo(4 / 15, 12);
    expect(pointValue(metrics, 'ml.quality.events', { ...xAttributes, [MONITOR_ATTRIBUTES.qualityCheck]: 'non_finite' })).toBe(2);
    expect(pointValue(metrics, 'ml.quality.events', { ...xAttributes, [MONITOR_ATTRIBUTES.qualityCheck]: 'type_error' })).toBe(4);
  });

  it('categorical and boolean: unseen categories, oversized strings, wrong types', async () => {
    const { monitor, reader } = newMonitor({ maxStringLength: 10 });
    const colors: unknown[] = ['red', 'green', 'purple', 'x'.repeat(11), { toString: () => 'red' }, 7, null];
    for (const color of colors) monitor.observe({ features: { color, flag: color === 'red' ? true : 'true' } });
    monitor.observe({ features: { flag: 'yes' } });
    monitor.observe({ features: { flag: 1 } });
    const color = feature(monitor, 'color');
    expect(color.samples).toBe(4); // red, green, purple, 7 (as "7")
    expect(color.binCounts).toEqual([1, 1, 0, 2]); // red, green, blue, other
    expect(color.qualityEvents).toMatchObject({ unseen_category: 2, oversized_string: 1, type_error: 1, missing: 3 });
    expect(color.quality.unseenCategoryRatio).toBe(0.5);
    expect(color.quality.typeErrorRatio).toBeCloseTo(2 / 9, 12);
    expect(color.quality.outOfRangeRatio).toBeNull();
    const flag = feature(monitor, 'flag');
    expect(flag.binCounts).toEqual([0, 7, 0]);
    expect(flag.qualityEvents.type_error).toBe(2);
    const metrics = await collectMetrics(reader);
    expect(pointValue(metrics, 'ml.feature.quality.unseen_category_ratio', { [MONITOR_ATTRIBUTES.featureName]: 'color' })).toBe(0.5);
    expect(pointValue(metrics, 'ml.quality.events', { [MONITOR_ATTRIBUTES.featureName]: 'color', [MONITOR_ATTRIBUTES.qualityCheck]: 'oversized_string' })).toBe(1);
  });

  it('unknown feature names are counted under a fixed bucket, never as attribute values', async () => {
    const { monitor, reader } = newMonitor();
    monitor.observe({ features: { x: 1, 'user@example.com': 5, another: 1 } });
    monitor.observeBatch({ x: [1, 2], secret_column: [1, 2] });
    const metrics = await collectMetrics(reader);
    expect(pointValue(metrics, 'ml.quality.events', { [MONITOR_ATTRIBUTES.featureName]: '__unknown__' })).toBe(4);
    const featureNames = new Set([...metrics.values()].flatMap((metric) => metric.dataPoints.map((point) => point.attributes[MONITOR_ATTRIBUTES.featureName])));
    expect([...featureNames].filter((name) => name !== undefined).sort()).toEqual(['__unknown__', 'color', 'confidence', 'flag', 'label', 'x', 'y']);
  });

  it('__proto__ and constructor keys are safe: no prototype pollution, counted as unknown', () => {
    const { monitor } = newMonitor();
    const features = JSON.parse('{"x": 1, "__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}') as Record<string, unknown>;
    monitor.observe({ features });
    monitor.observeBatch(JSON.parse('{"x": [2], "__proto__": [1]}') as Record<string, number[]>);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(feature(monitor, 'x').samples).toBe(2);
    expect(monitor.snapshot().counters.unknownFeatures).toBe(3);
  });

  it('invalid observations are dropped whole and counted with a reason', () => {
    const { monitor } = newMonitor();
    monitor.observe(null as never);
    monitor.observe(42 as never);
    monitor.observe({ features: 'x=1' as never });
    monitor.observeBatch(null as never);
    const throwing = new Proxy({}, { get: () => { throw new Error('boom'); }, ownKeys: () => { throw new Error('boom'); } });
    monitor.observe({ features: throwing });
    monitor.observeBatch(throwing as never);
    expect(monitor.snapshot().counters.dropped).toEqual({ invalid_observation: 4, invalid_timestamp: 0, too_old: 0, internal_error: 2 });
  });

  it('observeBatch: shorter columns read as missing, prediction/score columns map to the profile roles', () => {
    const { monitor } = newMonitor();
    monitor.observeBatch({ x: [1, 2, 3], y: [1], prediction: ['a', 'b', 'a'], score: [0.5, 0.7, 0.9] });
    expect(feature(monitor, 'y').qualityEvents.missing).toBe(2);
    const snapshot = monitor.snapshot();
    expect(snapshot.predictions.find((column) => column.name === 'label')?.binCounts).toEqual([2, 1, 0]);
    expect(snapshot.predictions.find((column) => column.name === 'confidence')?.samples).toBe(3);
    expect(snapshot.scoreMean).toBeCloseTo(0.7, 12);
    expect(snapshot.counters.unknownFeatures).toBe(0);
  });
});

describe('segments: bounded values with an overflow series', () => {
  it('a cap keeps the first values; the rest fold into __overflow__ and are counted', async () => {
    const { monitor, reader } = newMonitor({ segments: { attribute: 'region', cap: 2 } });
    for (const region of ['eu', 'us', 'apac', 'eu', 'latam']) monitor.observe({ features: { x: 1, region } });
    monitor.observe({ features: { x: 1 }, segment: 'us' });
    monitor.observe({ features: { x: 1 }, segment: { nested: true } });
    expect(monitor.snapshot().counters).toMatchObject({ observations: { '': 0, eu: 2, us: 2, __overflow__: 3 }, segmentOverflow: 3, unknownFeatures: 0 });
    const metrics = await collectMetrics(reader);
    expect(pointValue(metrics, 'ml.attribute.overflow', { [MONITOR_ATTRIBUTES.overflowAttribute]: 'ml.segment' })).toBe(3);
    expect(metrics.get('ml.observations')?.dataPoints.map((point) => point.attributes[MONITOR_ATTRIBUTES.segment]).sort()).toEqual(['', '__overflow__', 'eu', 'us']);
  });

  it('an allowlist passes only its values', () => {
    const { monitor } = newMonitor({ segments: { attribute: 'region', allowlist: ['eu'] } });
    monitor.observeBatch({ x: [1, 2, 3], region: ['eu', 'us', 'eu'] });
    monitor.observe({ features: { x: 1 } });
    expect(monitor.snapshot().counters.observations).toEqual({ eu: 2, __overflow__: 1, '': 1 });
    const { monitor: idle } = newMonitor();
    expect(idle.snapshot().counters.observations).toEqual({ '': 0 });
  });
});
