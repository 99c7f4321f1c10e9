/**
 * A monitor on a `startModelwatch` provider exports through the `MonitorMetricProducer` (pre-built
 * points); a monitor on a plain MeterProvider through observable instruments. Fed the same traffic,
 * the real exporters must send the same thing: the OTLP/JSON body (push) and the Prometheus
 * exposition text (pull), timestamps aside.
 */
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { createModelMonitor, type ModelMonitor } from '../../src/monitor/create-model-monitor.js';
import { startModelwatch, type ModelwatchHandle } from '../../src/otel/index.js';
import { findFreePort } from '../integration/stack/free-port.js';
import { binaryProfile, binaryRows } from '../monitor/labelled-fixture.js';
import { startFakeCollector, type FakeCollector } from './fake-collector.js';

const T0 = 1_800_000_000_000;
const profile = binaryProfile(binaryRows(2000, 41));
const options = { model: { name: 'churn', version: '7' }, reference: profile, now: () => T0, segments: { attribute: 'region', cap: 5 }, fairness: { attributes: ['group'] } };

let collector: FakeCollector;
const handles: ModelwatchHandle[] = [];
const providers: MeterProvider[] = [];

beforeAll(async () => {
  collector = await startFakeCollector();
});
afterEach(async () => {
  await Promise.all([...handles.splice(0).map((handle) => handle.shutdown()), ...providers.splice(0).map((provider) => provider.shutdown())]);
  collector.requests.length = 0;
});
afterAll(async () => {
  await collector.close();
});

/** Labelled traffic with a shift, bad values, an unknown feature, two segments and fairness groups. */
function feed(monitor: ModelMonitor): void {
  const data = binaryRows(600, 9);
  for (let row = 0; row < 600; row++) {
    const bad = row % 97 === 0;
    monitor.observe({ features: { x: bad ? 'oops' : (data.x[row] ?? 0) + 0.4, ...(row % 89 === 0 ? { extra: 1 } : {}) }, score: data.score[row], prediction: data.prediction[row], id: `r${row}`, segment: row % 2 === 0 ? 'eu' : 'us', attributes: { group: data.group[row] } });
  }
  for (let row = 0; row < 600; row++) if (row % 3 !== 0) monitor.label(`r${row}`, data.truth[row]);
}

interface JsonPoint {
  attributes: { key: string; value: unknown }[];
  [field: string]: unknown;
}
type JsonMetric = { name: string; [field: string]: unknown };
interface JsonBatch {
  resourceMetrics: { scopeMetrics: { scope: unknown; metrics: JsonMetric[] }[] }[];
}

/** The `ml.*` metrics of OTLP/JSON bodies by name, with scope, kind, temporality and points (sorted, without timestamps). */
function otlpMetrics(bodies: Buffer[]): Map<string, unknown> {
  const byName = new Map<string, unknown>();
  for (const body of bodies) {
    const batch = JSON.parse(body.toString('utf8')) as JsonBatch;
    for (const { scope, metrics } of batch.resourceMetrics.flatMap((resource) => resource.scopeMetrics)) {
      for (const metric of metrics) {
        if (!metric.name.startsWith('ml.') || metric.name === 'ml.export.failures') continue;
        expect(byName.has(metric.name)).toBe(false);
        const normalised = Object.fromEntries(Object.entries(metric).map(([field, value]) => {
          const data = value as { dataPoints?: JsonPoint[] } | string;
          if (typeof data !== 'object' || data.dataPoints === undefined) return [field, value];
          const points = data.dataPoints.map(({ startTimeUnixNano: _start, timeUnixNano: _time, ...point }) => JSON.stringify({ ...point, attributes: [...point.attributes].sort((a, b) => a.key.localeCompare(b.key)) })).sort();
          return [field, { ...data, dataPoints: points }];
        }));
        byName.set(metric.name, { scope, ...normalised });
      }
    }
  }
  return byName;
}

/** The `ml_*` lines of an exposition, sorted (HELP, TYPE and samples). */
function exposition(text: string): string[] {
  return text.split('\n').filter((line) => /^(# (HELP|TYPE) )?ml_/.test(line) && !line.includes('ml_export_failures')).sort();
}

async function scrape(port: number): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      return await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100)); // the endpoint starts asynchronously
    }
  }
  throw new Error(`nothing listens on ${port}`);
}

describe('export paths: MonitorMetricProducer (startModelwatch) vs observable instruments', () => {
  it('push: the OTLP/JSON bodies carry the same metrics, kinds, temporality, attributes and values', async () => {
    const handle = startModelwatch({ setGlobal: false, url: `${collector.baseUrl}/producer/v1/metrics`, protocol: 'http/json', exportIntervalMillis: 600_000 }, {});
    handles.push(handle);
    const viaProducer = createModelMonitor({ ...options, meterProvider: handle.meterProvider });
    const reader = new PeriodicExportingMetricReader({ exporter: new OTLPMetricExporter({ url: `${collector.baseUrl}/instruments/v1/metrics` }), exportIntervalMillis: 600_000 });
    const provider = new MeterProvider({ readers: [reader] });
    providers.push(provider);
    const viaInstruments = createModelMonitor({ ...options, meterProvider: provider });
    for (let round = 0; round < 2; round++) {
      feed(viaProducer);
      feed(viaInstruments);
      collector.requests.length = 0;
      await handle.forceFlush();
      await provider.forceFlush();
      const pushed = (prefix: string): Buffer[] => collector.requests.filter((request) => request.path.startsWith(prefix)).map((request) => request.body);
      const expected = otlpMetrics(pushed('/instruments/'));
      const actual = otlpMetrics(pushed('/producer/'));
      expect(expected.size).toBeGreaterThan(40);
      expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
      for (const [name, metric] of expected) expect([name, actual.get(name)]).toEqual([name, metric]);
    }
  });

  it('pull: the Prometheus endpoints expose the same ml_* lines', async () => {
    const [producerPort, instrumentsPort] = [await findFreePort(), await findFreePort()];
    const handle = startModelwatch({ setGlobal: false, otlp: false, prometheus: { port: producerPort, host: '127.0.0.1' } }, {});
    handles.push(handle);
    const viaProducer = createModelMonitor({ ...options, meterProvider: handle.meterProvider });
    const provider = new MeterProvider({ readers: [new PrometheusExporter({ port: instrumentsPort, host: '127.0.0.1' })] });
    providers.push(provider);
    const viaInstruments = createModelMonitor({ ...options, meterProvider: provider });
    for (let round = 0; round < 2; round++) {
      feed(viaProducer);
      feed(viaInstruments);
      const expected = exposition(await scrape(instrumentsPort));
      const actual = exposition(await scrape(producerPort));
      expect(expected.filter((line) => line.startsWith('ml_feature_bin_observations_total{')).length).toBeGreaterThan(5);
      expect(actual).toEqual(expected);
    }
  });
});
