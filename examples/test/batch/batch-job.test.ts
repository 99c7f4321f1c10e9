/**
 * The batch-scoring job as a user runs it: a child process (tsx) scoring a JSON Lines file, whose
 * metrics arrive in a real vmagent → Prometheus only because it flushes before exiting (its periodic
 * export interval is far longer than its life).
 */
import { jest } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startMetricsStack, type MetricsStack } from '../../../exporter/test/integration/stack/index.js';
import { createSimulator } from '../../src/simulator/index.js';

jest.setTimeout(60_000);

const examplesRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const tsx = join(examplesRoot, '..', 'node_modules', '.bin', 'tsx');
const run = promisify(execFile);

let stack: MetricsStack;
let folder: string;

beforeAll(async () => {
  stack = await startMetricsStack();
  folder = mkdtempSync(join(tmpdir(), 'modelwatch-batch-'));
});

afterAll(async () => {
  rmSync(folder, { recursive: true, force: true });
  await stack?.stop();
});

test('scores the file, skips a bad line with its number, and flushes its metrics before it exits', async () => {
  const rows = createSimulator({ seed: 77, phases: [{ rows: 1500 }, { rows: 1500, scenario: { kind: 'sudden-drift', shifts: { amount: { factor: 3 } } } }] }).rows();
  const lines = rows.map((row) => JSON.stringify(row));
  lines.splice(10, 0, '{"id": "broken", "features": 3}');
  const input = join(folder, 'transactions.jsonl');
  const output = join(folder, 'scores.jsonl');
  writeFileSync(input, `${lines.join('\n')}\n`);

  const env = { ...process.env, OTEL_EXPORTER_OTLP_ENDPOINT: `${stack.vmagentUrl}/opentelemetry`, OTEL_METRIC_EXPORT_INTERVAL: '600000', OTEL_SERVICE_NAME: 'fraud-batch-test' };
  const { stdout, stderr } = await run(tsx, ['src/batch/main.ts', input, '--out', output], { cwd: examplesRoot, env, timeout: 40_000 });
  expect(stderr).toContain(`${input}:11: skipped: "features" must be an object`);
  expect(stdout).toMatch(/^scored 3000 transactions, flagged \d+, skipped 1 line\(s\); metrics flushed$/m);

  const scores = readFileSync(output, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { id: string; score: number; prediction: number });
  expect(scores.map((score) => score.id)).toEqual(rows.map((row) => row.id));
  expect(scores.every((score) => score.score > 0 && score.score < 1 && (score.prediction === 0 || score.prediction === 1))).toBe(true);

  const selector = 'ml_model_name="fraud", service_name="fraud-batch-test"';
  await stack.waitFor(`sum(ml_observations_total{${selector}})`, (found) => found[0]?.value === 3000, 20_000);
  const drift = await stack.waitFor(`ml_feature_drift_detected{${selector}, ml_feature_name="amount"}`, (found) => found.length > 0, 20_000);
  expect(drift[0]?.value).toBe(1);
});

test('exits 2 with the usage on a missing input file', async () => {
  const failure = await run(tsx, ['src/batch/main.ts', join(folder, 'nope.jsonl')], { cwd: examplesRoot, timeout: 20_000 }).catch((error: { code: number; stderr: string }) => error);
  expect(failure).toMatchObject({ code: 2 });
  expect((failure as { stderr: string }).stderr).toContain('nope.jsonl: no such file');
});
