/**
 * The collection path observes only the series whose value changed and relies on sdk-metrics
 * re-exporting the last value of the others under cumulative temporality. These tests pin that
 * SDK behaviour, and check that a monitor collected again and again exports exactly what a fresh
 * monitor fed the same traffic exports at its first collection (where every series is observed).
 */
import type { ObservableGauge } from '@opentelemetry/api';
import type { MetricData } from '@opentelemetry/sdk-metrics';
import { createModelMonitor, type ModelMonitor } from '../../src/monitor/create-model-monitor.js';
import { Series, SeriesTracker } from '../../src/monitor/series-tracker.js';
import { categoricalSample, normalSample } from '../support/synthetic.js';
import { binaryProfile, binaryRows } from './labelled-fixture.js';
import { collectMetrics, referenceProfile, testMeterProvider } from './monitor-fixture.js';

const MODEL = { name: 'churn', version: '3.1.0' };
const reference = referenceProfile();

/** Every data point of a collection as `name {attributes}` → value. */
function points(metrics: Map<string, MetricData>): Map<string, number> {
  const all = new Map<string, number>();
  for (const [name, metric] of metrics) {
    for (const point of metric.dataPoints) {
      const attributes = Object.entries(point.attributes).sort(([a], [b]) => a.localeCompare(b));
      all.set(`${name} ${JSON.stringify(attributes)}`, point.value as number);
    }
  }
  return all;
}

/** `rows` observations with x shifted by `shift`, some bad values, a segment-free monitor. */
function feed(monitor: ModelMonitor, rows: number, shift: number, seed: number): void {
  const x = normalSample(rows, shift, 1, seed);
  const y = normalSample(rows, 0, 1, seed + 1);
  const color = categoricalSample(rows, { red: 0.2, green: 0.3, blue: 0.5 }, seed + 2);
  const label = categoricalSample(rows, { a: 0.6, b: 0.4 }, seed + 3);
  const confidence = normalSample(rows, 0.7, 0.1, seed + 4);
  for (let row = 0; row < rows; row++) {
    const bad = row % 97 === 0;
    monitor.observe({ features: { x: bad ? 'oops' : x[row], y: bad ? Number.NaN : y[row], color: color[row], flag: row % 2 === 0, ...(row % 89 === 0 ? { extra: 1 } : {}) }, prediction: label[row], score: confidence[row] });
  }
}

describe('sdk-metrics under cumulative temporality (what the collection path relies on)', () => {
  it('re-exports the last value of a gauge and a counter series that a later callback did not observe', async () => {
    const { provider, reader } = testMeterProvider();
    const meter = provider.getMeter('reexport-check');
    const gauge: ObservableGauge = meter.createObservableGauge('check.gauge');
    const counter = meter.createObservableCounter('check.counter');
    let call = 0;
    meter.addBatchObservableCallback((result) => {
      call++;
      if (call === 1) {
        result.observe(gauge, 0.25, { series: 'constant' });
        result.observe(counter, 7, { series: 'constant' });
      }
      result.observe(gauge, call, { series: 'changing' });
    }, [gauge, counter]);
    for (let collection = 1; collection <= 3; collection++) {
      const exported = points(await collectMetrics(reader));
      expect(exported.get('check.gauge [["series","constant"]]')).toBe(0.25);
      expect(exported.get('check.counter [["series","constant"]]')).toBe(7);
      expect(exported.get('check.gauge [["series","changing"]]')).toBe(collection);
    }
  });

  it('drops an unobserved gauge series when the reader asks for delta gauges (unsupported by modelwatch)', async () => {
    const { provider, reader } = testMeterProvider({ deltaGauges: true });
    const meter = provider.getMeter('reexport-check');
    const gauge = meter.createObservableGauge('check.gauge');
    let call = 0;
    meter.addBatchObservableCallback((result) => {
      call++;
      if (call === 1) result.observe(gauge, 0.25, { series: 'constant' });
    }, [gauge]);
    expect(points(await collectMetrics(reader)).get('check.gauge [["series","constant"]]')).toBe(0.25);
    expect(points(await collectMetrics(reader)).has('check.gauge [["series","constant"]]')).toBe(false);
  });
});

describe('SeriesTracker', () => {
  it('observes a series once per value and retires a gauge the next collection does not write as NaN', async () => {
    const { provider, reader } = testMeterProvider();
    const meter = provider.getMeter('tracker-check');
    const gauge = meter.createObservableGauge('check.gauge');
    const counter = meter.createObservableCounter('check.counter');
    const tracker = new SeriesTracker();
    const kept = new Series(gauge, { series: 'kept' }, true);
    const dropped = new Series(gauge, { series: 'dropped' }, true);
    const total = new Series(counter, { series: 'total' }, false);
    const observed: string[] = [];
    let collection = 0;
    meter.addBatchObservableCallback((result) => {
      collection++;
      const spy = { observe: (...args: Parameters<typeof result.observe>) => { observed.push(`${collection}:${JSON.stringify(args[2])}=${String(args[1])}`); result.observe(...args); } };
      tracker.begin();
      tracker.write(spy, kept, 1);
      if (collection === 1) tracker.write(spy, dropped, 2);
      tracker.write(spy, total, collection < 3 ? 5 : 6);
      tracker.finish(spy);
    }, [gauge, counter]);
    await collectMetrics(reader);
    await collectMetrics(reader);
    const exported = points(await collectMetrics(reader));
    expect(observed).toEqual([
      '1:{"series":"kept"}=1', '1:{"series":"dropped"}=2', '1:{"series":"total"}=5',
      '2:{"series":"dropped"}=NaN',
      '3:{"series":"total"}=6',
    ]);
    expect(exported.get('check.gauge [["series","kept"]]')).toBe(1);
    expect(exported.get('check.gauge [["series","dropped"]]')).toBeNaN();
    expect(exported.get('check.counter [["series","total"]]')).toBe(6);
  });
});

describe('createModelMonitor: repeated collections', () => {
  it('exports at every collection what a fresh monitor fed the same traffic exports at its first', async () => {
    const repeated = testMeterProvider();
    const monitor = createModelMonitor({ model: MODEL, reference, meterProvider: repeated.provider, window: { count: 100_000 } });
    // Phases: shifted traffic, no traffic, unshifted traffic, then enough samples for the policy to switch x from ks to psi.
    const phases: [rows: number, shift: number][] = [[400, 1], [0, 0], [300, 0], [600, 0.5], [0, 0]];
    const fed: [number, number, number][] = [];
    let previous = new Map<string, number>();
    for (const [index, [rows, shift]] of phases.entries()) {
      feed(monitor, rows, shift, 100 + index * 10);
      fed.push([rows, shift, 100 + index * 10]);
      const exported = points(await collectMetrics(repeated.reader));

      const fresh = testMeterProvider();
      const control = createModelMonitor({ model: MODEL, reference, meterProvider: fresh.provider, window: { count: 100_000 } });
      for (const [controlRows, controlShift, seed] of fed) feed(control, controlRows, controlShift, seed);
      const expected = points(await collectMetrics(fresh.reader));

      expect(expected.size).toBeGreaterThan(60);
      for (const [series, value] of expected) expect([series, exported.get(series)]).toEqual([series, value]);
      // Anything else is a series the monitor stopped computing: it reads NaN.
      const retired = [...exported].filter(([series]) => !expected.has(series));
      for (const [series, value] of retired) expect([series, value]).toEqual([series, Number.NaN]);
      if (rows === 0) expect(exported).toEqual(previous);
      previous = exported;
    }
    // The drift method of x did switch, so the retirement path was exercised.
    expect([...previous].some(([series, value]) => series.startsWith('ml.feature.drift.score') && series.includes('"x"') && Number.isNaN(value))).toBe(true);
  });
});

describe('createModelMonitor with labels: repeated collections of the performance series', () => {
  const labelledProfile = binaryProfile(binaryRows(2000, 41));
  const T0 = 1_800_000_000_000;
  const MINUTE = 60_000;

  /** `rows` labelled observations at `clock`, per segment eu/us (us only when `withUs`), labels for two thirds. */
  function feedLabelled(monitor: ModelMonitor, rows: number, seed: number, withUs: boolean): void {
    const data = binaryRows(rows, seed);
    for (let row = 0; row < rows; row++) {
      const segment = withUs && row % 2 === 1 ? 'us' : 'eu';
      monitor.observe({ features: { x: data.x[row] }, score: data.score[row], prediction: data.prediction[row], id: `${seed}-${row}`, segment, attributes: { group: data.group[row] } });
    }
    for (let row = 0; row < rows; row++) if (row % 3 !== 0) monitor.label(`${seed}-${row}`, data.truth[row]);
  }

  it('exports what a fresh monitor fed the same traffic exports at its first collection, and retires segments that left the window as NaN', async () => {
    const clock = { now: T0 };
    const options = { model: MODEL, reference: labelledProfile, now: () => clock.now, window: { durationMs: 30 * MINUTE, slices: 3 }, segments: { attribute: 'region', cap: 5 }, fairness: { attributes: ['group'] } };
    const repeated = testMeterProvider();
    const monitor = createModelMonitor({ ...options, meterProvider: repeated.provider });
    // Phases: [minutes after T0, rows, both segments]. The last phase is past the window of the first two: segment us and its series retire.
    const phases: [minutes: number, rows: number, withUs: boolean][] = [[0, 300, true], [5, 0, true], [12, 200, true], [50, 250, false], [51, 0, false]];
    const fed: [number, number, number, boolean][] = [];
    let sawRetiredSegment = false;
    for (const [index, [minutes, rows, withUs]] of phases.entries()) {
      clock.now = T0 + minutes * MINUTE;
      feedLabelled(monitor, rows, 500 + index, withUs);
      fed.push([minutes, rows, 500 + index, withUs]);
      const exported = points(await collectMetrics(repeated.reader));

      const controlClock = { now: T0 };
      const fresh = testMeterProvider();
      const control = createModelMonitor({ ...options, now: () => controlClock.now, meterProvider: fresh.provider });
      for (const [controlMinutes, controlRows, seed, controlWithUs] of fed) {
        controlClock.now = T0 + controlMinutes * MINUTE;
        feedLabelled(control, controlRows, seed, controlWithUs);
      }
      const expected = points(await collectMetrics(fresh.reader));

      expect([...expected.keys()].filter((series) => series.startsWith('ml.performance.') || series.startsWith('ml.fairness.')).length).toBeGreaterThan(20);
      for (const [series, value] of expected) expect([series, exported.get(series)]).toEqual([series, value]);
      const retired = [...exported].filter(([series]) => !expected.has(series));
      for (const [series, value] of retired) expect([series, value]).toEqual([series, Number.NaN]);
      if (retired.some(([series]) => series.startsWith('ml.performance.accuracy') && series.includes('"us"'))) sawRetiredSegment = true;
    }
    expect(sawRetiredSegment).toBe(true);
  });
});
