/**
 * Backend outage on the real stack: a monitor pushes through `startModelwatch` to vmagent → Prometheus
 * under steady traffic; both daemons are stopped for 30 s while traffic goes on (and shifts feature
 * `x`), then restarted on the same ports. The process stays up, the heap stays bounded (measured after
 * forced GCs), failed exports are counted, pushing resumes, and the drift gauges in Prometheus equal
 * the monitor's own `snapshot()` afterwards.
 */
import { jest } from '@jest/globals';
import { createModelMonitor, type ModelMonitor } from '../../src/monitor/index.js';
import { startModelwatch, type ModelwatchHandle } from '../../src/otel/index.js';
import { referenceProfile } from '../monitor/monitor-fixture.js';
import { mulberry32 } from '../support/synthetic.js';
import { settledHeapMb } from './heap.js';
import { startRestartableBackend, type RestartableBackend } from './restartable-backend.js';

jest.setTimeout(90_000);

const OUTAGE_MS = Number(process.env.OUTAGE_MS ?? 30_000);
const SERVICE = `outage-${process.pid}`;
const WINDOW = 3000;

let backend: RestartableBackend;
let handle: ModelwatchHandle;
let monitor: ModelMonitor;

beforeAll(async () => {
  backend = await startRestartableBackend();
});
afterAll(async () => {
  monitor?.shutdown();
  await handle?.shutdown();
  await backend?.dispose();
});

/** Rows of the fixture's columns; `shift` moves x by that many standard deviations. */
function rows(random: () => number, count: number, shift: number) {
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return {
    x: Float64Array.from({ length: count }, () => normal() + shift),
    y: Float64Array.from({ length: count }, normal),
    color: Array.from({ length: count }, () => (random() < 0.5 ? 'red' : random() < 0.6 ? 'green' : 'blue')),
  };
}

test(`vmagent and Prometheus down for ${OUTAGE_MS / 1000} s under traffic: the host keeps going, then drift gauges resume and match snapshot()`, async () => {
  handle = startModelwatch({ url: backend.vmagentOtlpUrl, serviceName: SERVICE, exportIntervalMillis: 1000, exportTimeoutMillis: 900, setGlobal: false });
  monitor = createModelMonitor({ model: { name: 'outage', version: '1' }, reference: referenceProfile(), meterProvider: handle.meterProvider, window: { count: WINDOW } });
  const random = mulberry32(42);
  let shift = 0;
  let observed = 0;
  const traffic = setInterval(() => {
    monitor.observeBatch(rows(random, 50, shift));
    observed += 50;
  }, 20);
  try {
    await backend.waitFor(`ml_window_samples{service_name="${SERVICE}"}`, (samples) => (samples[0]?.value ?? 0) > 0, 20_000);
    const heapBefore = settledHeapMb();
    const failedBefore = handle.failedExports;

    await backend.stopAll();
    shift = 1; // the data drifts while nobody is listening
    const heaps: number[] = [];
    const outageEnds = Date.now() + OUTAGE_MS;
    while (Date.now() < outageEnds) {
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      heaps.push(settledHeapMb());
    }
    const failedDuring = handle.failedExports - failedBefore;
    await backend.startAll();

    await backend.waitFor(`ml_export_failures_total{service_name="${SERVICE}"}`, (samples) => (samples[0]?.value ?? 0) >= failedDuring, 30_000);
    clearInterval(traffic);
    const expected = monitor.snapshot().features.find((feature) => feature.name === 'x')?.drift;
    expect(expected?.drifted).toBe(true);
    const selector = `ml_feature_drift_score{service_name="${SERVICE}",ml_feature_name="x",ml_drift_method="${expected?.method}"}`;
    const [score] = await backend.waitFor(selector, (samples) => samples.length === 1 && samples[0]?.value === expected?.score, 15_000);
    const [detected] = await backend.query(`ml_feature_drift_detected{service_name="${SERVICE}",ml_feature_name="x"}`);
    console.log(
      `outage: ${observed} rows observed; ${failedDuring} exports failed during the outage; heap ${heapBefore.toFixed(1)} MB before, ` +
        `${Math.min(...heaps).toFixed(1)}–${Math.max(...heaps).toFixed(1)} MB during; drift score after ${score?.value}`,
    );
    expect(failedDuring).toBeGreaterThanOrEqual(Math.floor(OUTAGE_MS / 1000 / 2));
    expect(Math.max(...heaps) - heapBefore).toBeLessThan(20);
    expect(score?.value).toBe(expected?.score);
    expect(detected?.value).toBe(1);
  } finally {
    clearInterval(traffic);
  }
});
