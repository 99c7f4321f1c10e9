/**
 * sdk-metrics keeps at most 2 000 series per instrument and reader by default and folds the rest
 * into one `otel.metric.overflow` series. A 300-feature monitor has 3 000 `ml.feature.bin.observations`
 * series: through `startModelwatch` (default limit 20 000) every one of them must arrive, on the push
 * path (OTLP/JSON to a local endpoint) and on the pull path (a real scrape of the Prometheus endpoint).
 */
import { startModelwatch, type ModelwatchHandle } from '../../src/otel/index.js';
import { createModelMonitor } from '../../src/monitor/index.js';
import { buildProfile } from '../../src/profile/build-profile.js';
import type { ReferenceProfile } from '../../src/profile/schema.js';
import { findFreePort } from '../integration/stack/free-port.js';
import { normalSample } from '../support/synthetic.js';
import { startFakeCollector, type FakeCollector } from './fake-collector.js';

const FEATURES = 300;
const ROWS = 200;

function wideColumns(seed: number): Record<string, number[]> {
  return Object.fromEntries(Array.from({ length: FEATURES }, (_, index) => [`f${index}`, normalSample(ROWS, index % 7, 1 + (index % 3), seed + index)]));
}

const reference: ReferenceProfile = buildProfile(wideColumns(1), { createdAt: '2026-11-27T00:00:00Z' });
const expectedBinSeries = Object.values(reference.features).reduce((total, feature) => total + (feature.kind === 'numeric' ? feature.binEdges.length + 1 : 0), 0);

interface JsonPoint {
  attributes: Array<{ key: string; value: { stringValue?: string; intValue?: string | number } }>;
  asInt?: string | number;
  asDouble?: number;
}
interface JsonBatch {
  resourceMetrics: Array<{ scopeMetrics: Array<{ metrics: Array<{ name: string; sum?: { dataPoints: JsonPoint[] } }> }> }>;
}

let collector: FakeCollector;
const handles: ModelwatchHandle[] = [];

beforeAll(async () => {
  collector = await startFakeCollector();
});
afterEach(async () => {
  await Promise.all(handles.splice(0).map((handle) => handle.shutdown()));
  collector.requests.length = 0;
});
afterAll(async () => {
  await collector.close();
});

/** Starts modelwatch, feeds a 300-feature monitor one batch, and returns the handle. */
function monitoredHandle(options: Parameters<typeof startModelwatch>[0]): ModelwatchHandle {
  const handle = startModelwatch({ setGlobal: false, exportIntervalMillis: 600_000, ...options }, {});
  handles.push(handle);
  const monitor = createModelMonitor({ model: { name: 'wide', version: '1' }, reference, meterProvider: handle.meterProvider });
  monitor.observeBatch(wideColumns(2));
  return handle;
}

/** The `ml.feature.bin.observations` points of every pushed batch. */
async function pushedBinPoints(options: Parameters<typeof startModelwatch>[0]): Promise<JsonPoint[]> {
  const handle = monitoredHandle({ url: `${collector.baseUrl}/v1/metrics`, protocol: 'http/json', ...options });
  await handle.forceFlush();
  expect(collector.requests.length).toBeGreaterThan(0);
  return collector.requests.flatMap((request) => {
    const batch = JSON.parse(request.body.toString('utf8')) as JsonBatch;
    return batch.resourceMetrics.flatMap((resource) => resource.scopeMetrics.flatMap((scope) => scope.metrics.filter((metric) => metric.name === 'ml.feature.bin.observations').flatMap((metric) => metric.sum?.dataPoints ?? [])));
  });
}

const isOverflow = (point: JsonPoint): boolean => point.attributes.some((attribute) => attribute.key === 'otel.metric.overflow');

describe('startModelwatch cardinalityLimit', () => {
  it('the profile has more bin series than the SDK default of 2 000', () => {
    expect(expectedBinSeries).toBeGreaterThan(2000);
    expect(expectedBinSeries).toBeGreaterThanOrEqual(FEATURES * 10);
  });

  it('push path, default limit: every bin series of a 300-feature monitor is exported, none folded into overflow, counts summing to the rows', async () => {
    const points = await pushedBinPoints({});
    expect(points.filter(isOverflow)).toEqual([]);
    const features = new Set(points.map((point) => `${String(point.attributes.find((a) => a.key === 'ml.feature.name')?.value.stringValue)}/${String(point.attributes.find((a) => a.key === 'ml.bin.index')?.value.intValue)}`));
    expect(features.size).toBe(expectedBinSeries);
    expect(points.reduce((total, point) => total + Number(point.asInt ?? point.asDouble ?? 0), 0)).toBe(FEATURES * ROWS);
  });

  it('push path, cardinalityLimit 2000 (the SDK default): the series past it fold into otel.metric.overflow', async () => {
    const points = await pushedBinPoints({ cardinalityLimit: 2000 });
    expect(points.length).toBe(2000);
    expect(points.filter(isOverflow)).toHaveLength(1);
  });

  it('pull path, default limit: a scrape of the Prometheus endpoint has every bin series', async () => {
    const port = await findFreePort();
    monitoredHandle({ otlp: false, prometheus: { port, host: '127.0.0.1' } });
    let text = '';
    for (let attempt = 0; attempt < 50 && !text.includes('ml_feature_bin_observations'); attempt++) {
      try {
        text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 100)); // the endpoint starts asynchronously
      }
    }
    const lines = text.split('\n').filter((line) => line.startsWith('ml_feature_bin_observations'));
    expect(lines.filter((line) => line.includes('otel_metric_overflow'))).toEqual([]);
    expect(new Set(lines.map((line) => line.slice(0, line.lastIndexOf(' ')))).size).toBe(expectedBinSeries);
  });

  it('refuses a limit that is not a positive whole number, naming the option and the value', () => {
    expect(() => startModelwatch({ cardinalityLimit: 0, setGlobal: false })).toThrow('startModelwatch: options.cardinalityLimit must be at least 1 series, got 0');
    expect(() => startModelwatch({ cardinalityLimit: 1.5, setGlobal: false })).toThrow('options.cardinalityLimit must be a whole number of series, got 1.5');
    expect(() => startModelwatch({ cardinalityLimit: '100' as never, setGlobal: false })).toThrow('options.cardinalityLimit must be a number of series, got "100"');
  });
});
