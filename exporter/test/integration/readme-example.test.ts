/**
 * Runs the README's "instrument your service" snippet as it stands, as a user's ESM TypeScript file
 * importing the built package, against a real vmagent → Prometheus, and checks that its observation
 * arrived under the contract's names.
 */
import { jest } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { MONITOR_ATTRIBUTES, MONITOR_METRICS, prometheusLabelName, prometheusMetricName } from '../../src/monitor/index.js';
import { buildProfile } from '../../src/profile/index.js';
import { categoricalSample, normalSample } from '../support/synthetic.js';
import { findRepositoryRoot, startMetricsStack, type MetricsStack } from './stack/index.js';

jest.setTimeout(60_000);

const root = findRepositoryRoot();
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** The TypeScript between the README's instrument-example markers. */
function readmeSnippet(): string {
  const block = /<!-- instrument-example:start -->\s*```ts\n([\s\S]*?)```\s*<!-- instrument-example:end -->/.exec(readme);
  if (block?.[1] === undefined) throw new Error('README.md has no instrument-example block');
  return block[1];
}

let stack: MetricsStack;
let folder: string;

beforeAll(async () => {
  stack = await startMetricsStack();
  // Inside examples/ so that '@modelwatch/otel' resolves to the workspace package as for a user, and ESM applies.
  folder = mkdtempSync(join(root, 'examples', '.readme-example-'));
});

afterAll(async () => {
  rmSync(folder, { recursive: true, force: true });
  await stack?.stop();
});

test('the snippet is at most 10 lines of code', () => {
  const codeLines = readmeSnippet().split('\n').filter((line) => line.trim() !== '' && !line.trim().startsWith('//'));
  expect(codeLines.length).toBeLessThanOrEqual(10);
});

test('the README snippet runs as written and its observation reaches Prometheus', async () => {
  const profile = buildProfile({ amount: normalSample(500, 40, 10, 7), country: categoricalSample(500, { DE: 0.6, FR: 0.4 }, 8), score: normalSample(500, 0.5, 0.1, 9) }, { score: 'score' });
  writeFileSync(join(folder, 'reference-profile.json'), JSON.stringify(profile));
  // The snippet as it stands, then what a short-lived script adds: wait for two export intervals.
  writeFileSync(join(folder, 'service.ts'), `${readmeSnippet()}\nawait new Promise((resolve) => setTimeout(resolve, 2500));\n`);
  const tsx = join(root, 'node_modules', '.bin', 'tsx');
  const env = { ...process.env, OTEL_EXPORTER_OTLP_ENDPOINT: stack.vmagentUrl + '/opentelemetry', OTEL_METRIC_EXPORT_INTERVAL: '500', OTEL_SERVICE_NAME: 'readme-example' };
  await promisify(execFile)(tsx, ['service.ts'], { cwd: folder, env, timeout: 30_000 });
  const observations = prometheusMetricName(MONITOR_METRICS.observations);
  const model = prometheusLabelName(MONITOR_ATTRIBUTES.modelName);
  const samples = await stack.waitFor(`${observations}{${model}="fraud", service_name="readme-example"}`, (found) => found.some((sample) => sample.value === 1));
  expect(samples[0]?.metric[prometheusLabelName(MONITOR_ATTRIBUTES.modelVersion)]).toBe('3');
  // the snippet's label joined the prediction it observed under the same id
  const labels = prometheusMetricName(MONITOR_METRICS.labels);
  const outcome = prometheusLabelName(MONITOR_ATTRIBUTES.labelOutcome);
  const joined = await stack.waitFor(`${labels}{${model}="fraud", service_name="readme-example", ${outcome}="joined"}`, (found) => found.some((sample) => sample.value === 1));
  expect(joined).toHaveLength(1);
});
