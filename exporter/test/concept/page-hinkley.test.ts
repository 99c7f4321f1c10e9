import { PageHinkley } from '../../src/concept/page-hinkley.js';
import { repeat, runStream } from './run-stream.js';

describe('PageHinkley', () => {
  test('hand-computed: δ = 0, α = 1, λ = 1', () => {
    // x = 0, 0: mean 0, m = 0, M = 0. x = 3: mean 1, m = 3 − 1 = 2, PH = 2 − 0 > 1 → drift at 2.
    const ph = new PageHinkley({ delta: 0, alpha: 1, threshold: 1, minInstances: 0 });
    expect(runStream(ph, [0, 0, 3]).drifts).toEqual([2]);
    expect(ph.state).toMatchObject({ mean: 1, sum: 2, minSum: 0, statistic: 2 });
    // restart on the next update: the first value is its own mean, m = 0
    expect(ph.update(5).driftDetected).toBe(false);
    expect(ph.state).toMatchObject({ mean: 5, sum: 0, sampleCount: 1 });
  });

  test('minInstances delays the decision (counter starts at 1 and is incremented first, as in the reference)', () => {
    const options = { delta: 0, alpha: 1, threshold: 1 };
    // after value i (0-based) the counter is i + 2, and tests need counter ≥ minInstances
    expect(runStream(new PageHinkley({ ...options, minInstances: 5 }), [0, 0, 3, 3]).drifts).toEqual([3]);
    expect(runStream(new PageHinkley({ ...options, minInstances: 4 }), [0, 0, 3, 3]).drifts).toEqual([2]);
  });

  test('one-sided: a mean decrease is not flagged', () => {
    expect(runStream(new PageHinkley(), [...repeat(5, 100), ...repeat(-5, 500)]).drifts).toEqual([]);
    expect(runStream(new PageHinkley(), [...repeat(-5, 100), ...repeat(5, 500)]).drifts.length).toBeGreaterThan(0);
  });
});
