/**
 * A short-lived process loses nothing already observed: a child process (workloads/shutdown-flush.ts)
 * starts modelwatch with a 10-minute export interval, observes N rows, calls shutdown() and exits.
 * Everything must arrive in the real Prometheus (through vmagent) from that final flush alone.
 */
import { jest } from '@jest/globals';
import { startMetricsStack, type MetricsStack } from '../integration/stack/index.js';
import { runWorkload } from './workloads/run-workload.js';

jest.setTimeout(60_000);

const ROWS = 12_345;
const SERVICE = `short-lived-${process.pid}`;
let stack: MetricsStack;

beforeAll(async () => {
  stack = await startMetricsStack();
});
afterAll(async () => {
  await stack?.stop();
});

const sum = (samples: ReadonlyArray<{ value: number }>) => samples.reduce((total, sample) => total + sample.value, 0);

test(`a process that observes ${ROWS} rows, calls shutdown() and exits delivers all of them`, async () => {
  const result = await runWorkload<{ rows: number; failedExports: number; samples: Record<string, number> }>('shutdown-flush', [stack.vmagentOtlpUrl, SERVICE, String(ROWS)], 40_000);
  expect(result.failedExports).toBe(0);
  const selector = `{service_name="${SERVICE}"}`;
  const [window] = await stack.waitFor(`ml_window_samples${selector}`);
  expect(window?.value).toBe(ROWS);
  expect(sum(await stack.query(`ml_observations_total${selector}`))).toBe(ROWS);
  for (const feature of ['x', 'y', 'color', 'flag']) {
    const bins = await stack.query(`ml_feature_bin_observations_total{service_name="${SERVICE}",ml_feature_name="${feature}"}`);
    expect({ feature, total: sum(bins) }).toEqual({ feature, total: result.samples[feature] });
    expect(result.samples[feature]).toBe(ROWS);
  }
});
