/**
 * A backend that accepts TCP connections and never answers (a hung collector or a black-holing proxy):
 * every export times out after the configured timeout, the event loop keeps turning under traffic
 * (delay measured with `monitorEventLoopDelay`), sockets do not pile up, the heap does not grow over many
 * export attempts, and shutdown resolves within the export timeout.
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { jest } from '@jest/globals';
import { createModelMonitor } from '../../src/monitor/index.js';
import { startModelwatch } from '../../src/otel/index.js';
import { referenceProfile } from '../monitor/monitor-fixture.js';
import { settledHeapMb } from './heap.js';

jest.setTimeout(60_000);

const EXPORT_INTERVAL_MS = 300;
const EXPORT_TIMEOUT_MS = 250;
const PHASE_MS = 8_000;

let server: Server;
const sockets = new Set<Socket>();
let accepted = 0;

beforeAll(async () => {
  server = createServer((socket) => {
    accepted++;
    sockets.add(socket);
    socket.on('data', () => undefined); // read the request, never answer
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => server.close(resolve));
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('exports time out, the event loop keeps turning, no socket or heap growth, shutdown is bounded', async () => {
  const { port } = server.address() as AddressInfo;
  const handle = startModelwatch({ url: `http://127.0.0.1:${port}/v1/metrics`, exportIntervalMillis: EXPORT_INTERVAL_MS, exportTimeoutMillis: EXPORT_TIMEOUT_MS, setGlobal: false, serviceName: 'hung' });
  const monitor = createModelMonitor({ model: { name: 'hung', version: '1' }, reference: referenceProfile(), meterProvider: handle.meterProvider, window: { count: 10_000 } });
  let i = 0;
  const traffic = setInterval(() => {
    for (let n = 0; n < 200; n++, i++) monitor.observe({ features: { x: (i % 50) / 25 - 1, y: 0.1, color: 'red', flag: true } });
  }, 5);
  const delay = monitorEventLoopDelay({ resolution: 10 });
  try {
    await sleep(PHASE_MS / 2); // warm-up: the first attempts, the exporter's agents and buffers
    const heapAfterWarmUp = settledHeapMb();
    const failuresAfterWarmUp = handle.failedExports;
    delay.enable();
    let maxOpenSockets = 0;
    for (let waited = 0; waited < PHASE_MS; waited += 250) {
      await sleep(250);
      maxOpenSockets = Math.max(maxOpenSockets, sockets.size);
    }
    delay.disable();
    const attempts = handle.failedExports - failuresAfterWarmUp;
    const heapGrowth = settledHeapMb() - heapAfterWarmUp;
    const started = Date.now();
    await handle.shutdown();
    const shutdownMs = Date.now() - started;
    const p99 = delay.percentile(99) / 1e6;
    const max = delay.max / 1e6;
    console.log(
      `hung backend: ${accepted} connections accepted, ${attempts} failed exports in ${PHASE_MS} ms, at most ${maxOpenSockets} open sockets, ` +
        `event-loop delay p50 ${(delay.percentile(50) / 1e6).toFixed(1)} ms p99 ${p99.toFixed(1)} ms max ${max.toFixed(1)} ms, heap growth ${heapGrowth.toFixed(2)} MB, shutdown ${shutdownMs} ms`,
    );
    // every interval's export failed by timeout (none hung forever and blocked the next ones)
    expect(attempts).toBeGreaterThanOrEqual(Math.floor(PHASE_MS / EXPORT_INTERVAL_MS / 2));
    expect(accepted).toBeGreaterThanOrEqual(attempts);
    expect(maxOpenSockets).toBeLessThanOrEqual(4);
    expect(heapGrowth).toBeLessThan(5);
    // gross bounds, not speed targets: a loop blocked by the hung request, or a shutdown waiting for the
    // exporter's own 10 s request timeout, would be far beyond them even on a loaded machine
    expect(max).toBeLessThan(2_000);
    expect(shutdownMs).toBeLessThan(5_000);
  } finally {
    clearInterval(traffic);
    monitor.shutdown();
    await handle.shutdown();
  }
});
