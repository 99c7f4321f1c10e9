/**
 * The live demo's own logic without the stack: argument parsing, the rule config at demo speed, the
 * alert line, and the in-process mode (`--no-stack`, also the fallback where the stack cannot start)
 * running the real service and simulator over HTTP.
 */
import { jest } from '@jest/globals';
import { defaultConfig } from '../../../alert-rules/src/config.js';
import { parseDemoOptions } from '../../src/live-demo/demo-options.js';
import { demoRulesConfig, scaleDuration } from '../../src/live-demo/demo-stack.js';
import { describeAlert } from '../../src/live-demo/live-view.js';
import { runLiveDemo } from '../../src/live-demo/run-live-demo.js';

jest.setTimeout(60_000);

describe('demo options', () => {
  test('defaults and flags', () => {
    expect(parseDemoOptions([])).toEqual({ durationSeconds: 150, stack: true, rate: 80, reportPath: undefined });
    expect(parseDemoOptions(['--duration', '60', '--no-stack', '--rate', '20', '--report', 'r.html'])).toEqual({ durationSeconds: 60, stack: false, rate: 20, reportPath: 'r.html' });
  });

  test('a bad value names the flag and the value', () => {
    expect(() => parseDemoOptions(['--duration', 'soon'])).toThrow('--duration must be a number >= 20; got "soon"');
    expect(() => parseDemoOptions(['--duration', '5'])).toThrow('--duration must be a number >= 20; got "5"');
    expect(() => parseDemoOptions(['--speed', '2'])).toThrow(/speed/);
  });
});

describe('rules at demo speed', () => {
  test('durations shrink by the scale with a 1 s floor; thresholds stay', () => {
    expect(scaleDuration('15m', 300)).toBe('3s');
    expect(scaleDuration('1h', 300)).toBe('12s');
    expect(scaleDuration('1m', 300)).toBe('1s');
    expect(scaleDuration('not-a-duration', 300)).toBe('not-a-duration');
    const config = demoRulesConfig(300);
    expect(config.evaluationInterval).toBe('1s');
    expect(config.featureDrift.warningFor).toBe(scaleDuration(defaultConfig.featureDrift.warningFor, 300));
    expect(config.featureDrift.criticalScoreMultiplier).toBe(defaultConfig.featureDrift.criticalScoreMultiplier);
    expect(config.dataQuality.missingRatio.threshold).toBe(defaultConfig.dataQuality.missingRatio.threshold);
    expect(config.runbookBaseUrl).toBe(defaultConfig.runbookBaseUrl);
  });
});

test('an alert line names the alert, its target and severity', () => {
  const alert = { labels: { alertname: 'MlFeatureDrift', ml_feature_name: 'amount', severity: 'warning' }, annotations: {}, status: { state: 'active' }, startsAt: '' };
  expect(describeAlert(alert)).toMatch(/^MlFeatureDrift amount .*\(warning\)$/);
});

test('--no-stack runs the service and the simulator in-process and still computes drift, quality and performance', async () => {
  const ticks: string[] = [];
  const result = await runLiveDemo({ durationSeconds: 24, rate: 60, stack: false, tickMs: 1000, onTick: (tick) => ticks.push(tick.phase.name) });
  expect(result.stackMissing).toBe('disabled with --no-stack');
  expect(result.fired).toEqual([]);
  expect(result.traffic.failedRequests).toBe(0);
  expect(result.traffic.predictions).toBe(result.plan.rows.length);
  expect(new Set(ticks)).toEqual(new Set(['stationary', 'sudden drift', 'quality fault']));
  const snapshot = result.finalSnapshot;
  const missing = snapshot.features.find((feature) => feature.name === result.plan.faultFeature)?.quality.missingRatio ?? 0;
  // 40 % missing in the quality phase, which fills about half of the 20 s window at the end
  expect(missing).toBeGreaterThan(0.1);
  const others = snapshot.features.filter((feature) => feature.name !== result.plan.faultFeature && feature.role === 'feature');
  expect(others.map((feature) => feature.quality.missingRatio ?? 0)).toEqual(others.map(() => 0));
  const whole = snapshot.performance.segments.find((segment) => segment.segment === '');
  expect(whole?.labelled ?? 0).toBeGreaterThan(100);
  expect(whole?.metrics.accuracy).toBeGreaterThan(0.5);
});
