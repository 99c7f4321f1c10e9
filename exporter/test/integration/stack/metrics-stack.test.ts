/**
 * The harness itself, against the real daemons: rules are evaluated, alerts reach Alertmanager,
 * a daemon that cannot start is reported with its own log lines, and stop() leaves nothing behind.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { DaemonStartError, startMetricsStack, type MetricsStack } from './index.js';

jest.setTimeout(30_000);

const rulesDir = mkdtempSync(join(tmpdir(), 'modelwatch-stack-test-'));
afterAll(() => rmSync(rulesDir, { recursive: true, force: true }));

function writeRules(name: string, text: string): string {
  const path = join(rulesDir, name);
  writeFileSync(path, text);
  return path;
}

/** Command lines of running processes that mention `text` (each daemon's flags name its temp dir). */
function processesMentioning(text: string): string[] {
  return execFileSync('ps', ['-eo', 'stat=,args='], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(text) && !line.trim().startsWith('Z'));
}

describe('a stack with rules and Alertmanager', () => {
  let stack: MetricsStack;

  beforeAll(async () => {
    const rules = writeRules(
      'always.yml',
      [
        'groups:',
        '  - name: stack-test',
        '    rules:',
        '      - record: modelwatch:stack_test:one',
        '        expr: vector(1)',
        '      - alert: StackTestAlwaysFiring',
        '        expr: vector(1) > 0',
        '        labels: { severity: info }',
        '',
      ].join('\n'),
    );
    stack = await startMetricsStack({ ruleFiles: [rules], alertmanager: true });
  });
  afterAll(() => stack?.stop());

  test('all daemons listen on 127.0.0.1 and vmagent takes OTLP at /opentelemetry/v1/metrics', () => {
    expect(stack.prometheusUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(stack.alertmanagerUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(stack.vmagentOtlpUrl).toBe(`${stack.vmagentUrl}/opentelemetry/v1/metrics`);
  });

  test('recording rules are evaluated and alerts reach Alertmanager', async () => {
    const [recorded] = await stack.waitFor('modelwatch:stack_test:one');
    expect(recorded?.value).toBe(1);
    await stack.waitFor('ALERTS{alertname="StackTestAlwaysFiring",alertstate="firing"}');
    let names: string[] = [];
    for (let i = 0; i < 60 && !names.includes('StackTestAlwaysFiring'); i += 1) {
      const alerts = (await (await fetch(`${stack.alertmanagerUrl}/api/v2/alerts`)).json()) as Array<{
        labels: Record<string, string>;
      }>;
      names = alerts.map((alert) => alert.labels.alertname ?? '');
      if (!names.includes('StackTestAlwaysFiring')) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(names).toContain('StackTestAlwaysFiring');
  });

  test('stop() ends every daemon, frees the ports and deletes the temporary directory', async () => {
    const { directory, prometheusUrl } = stack;
    expect(processesMentioning(directory).length).toBeGreaterThanOrEqual(3);
    await stack.stop();
    await stack.stop(); // idempotent
    expect(processesMentioning(directory)).toEqual([]);
    expect(existsSync(directory)).toBe(false);
    await expect(fetch(`${prometheusUrl}/-/ready`)).rejects.toThrow();
  });
});

test('a daemon that cannot start is reported with its last output lines, and nothing is left running', async () => {
  const broken = writeRules('broken.yml', 'groups:\n  - name: broken\n    rules:\n      - record: x\n        expr: sum(\n');
  const failure = await startMetricsStack({ ruleFiles: [broken] }).then(
    () => new Error('expected the start to fail'),
    (error: unknown) => error,
  );
  expect(failure).toBeInstanceOf(DaemonStartError);
  const error = failure as DaemonStartError;
  expect(error.daemon).toBe('prometheus');
  expect(error.reason).toMatch(/exited with code/);
  expect(error.message).toContain('broken.yml');
  expect(processesMentioning(broken)).toEqual([]);
});

test('bad options are refused before any daemon starts', async () => {
  await expect(startMetricsStack({ ruleFiles: [join(rulesDir, 'missing.yml')] })).rejects.toThrow(
    /ruleFiles\[0\] does not exist/,
  );
  await expect(startMetricsStack({ ruleFiles: ['relative.yml'] })).rejects.toThrow(TypeError);
  await expect(startMetricsStack({ startTimeoutMs: 0 })).rejects.toThrow(/startTimeoutMs/);
  await expect(startMetricsStack({ alertmanager: { configFile: '/nonexistent/am.yml' } })).rejects.toThrow(
    /alertmanager\.configFile/,
  );
});
