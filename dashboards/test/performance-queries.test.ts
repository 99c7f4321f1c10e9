/** Argument validation of the performance PromQL builders (their PromQL runs on a real Prometheus in integration/). */
import { bandEdge, hasSamplingError } from '../src/performance-queries.js';

test('a band is refused, naming the field and value, for a metric without a sampling error or a bad k', () => {
  expect(hasSamplingError('r2')).toBe(false);
  expect(() => bandEdge('r2', 1)).toThrow(/^metric: r2 has no ml_performance_sampling_error; use one of accuracy, /);
  expect(() => bandEdge('accuracy', 1, 0)).toThrow('k: expected a positive number of standard errors, got 0');
  expect(() => bandEdge('accuracy', -1, Number.NaN)).toThrow('got NaN');
});

test('precision, recall and F1 bands sit on the binary value, the only one with a sampling error', () => {
  for (const metric of ['precision', 'recall', 'f1'] as const) {
    expect(bandEdge(metric, 1)).toContain('ml_performance_average="binary"');
    expect(bandEdge(metric, 1)).toContain(`ml_performance_metric="${metric}"`);
  }
  expect(bandEdge('accuracy', 1)).not.toContain('ml_performance_average');
});
