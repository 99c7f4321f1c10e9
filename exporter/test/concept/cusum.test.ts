import { Cusum } from '../../src/concept/cusum.js';
import { runStream } from './run-stream.js';

describe('Cusum', () => {
  test('defaults are MOA CusumDM ones', () => {
    const cusum = new Cusum();
    expect([cusum.minNumInstances, cusum.delta, cusum.lambda, cusum.direction, cusum.targetMean]).toEqual([30, 0.005, 50, 'increase', undefined]);
  });

  test('hand-computed upper CUSUM with a known target: g⁺ = 0.5, 2, 3.5, 5 > 4', () => {
    const cusum = new Cusum({ targetMean: 0, delta: 0.5, lambda: 4, minNumInstances: 1 });
    expect(runStream(cusum, [1, 2, 2, 2]).drifts).toEqual([3]);
    expect(cusum.state).toMatchObject({ upperSum: 5, lowerSum: 0, mean: 0, sampleCount: 4 });
    // restarts on the next update
    expect(cusum.update(2).driftDetected).toBe(false);
    expect(cusum.state).toMatchObject({ upperSum: 1.5, sampleCount: 1 });
  });

  test('hand-computed with the running mean (MOA): 0, 0, 0, 0, 4 → mean 0.8, g⁺ = 3.2 > 3', () => {
    const cusum = new Cusum({ delta: 0, lambda: 3, minNumInstances: 1 });
    expect(runStream(cusum, [0, 0, 0, 0, 4]).drifts).toEqual([4]);
    expect(cusum.state.upperSum).toBeCloseTo(3.2, 14);
    expect(cusum.state.mean).toBeCloseTo(0.8, 14);
  });

  test('hand-computed lower CUSUM: target 10, δ = 1: g⁻ = 1, 3, 3, 6 > 5', () => {
    const decrease = new Cusum({ targetMean: 10, delta: 1, lambda: 5, minNumInstances: 1, direction: 'decrease' });
    expect(runStream(decrease, [8, 7, 9, 6]).drifts).toEqual([3]);
    const increaseOnly = new Cusum({ targetMean: 10, delta: 1, lambda: 5, minNumInstances: 1 });
    expect(runStream(increaseOnly, [8, 7, 9, 6]).drifts).toEqual([]);
    const both = new Cusum({ targetMean: 10, delta: 1, lambda: 5, minNumInstances: 1, direction: 'both' });
    expect(runStream(both, [8, 7, 9, 6]).drifts).toEqual([3]);
  });

  test('minNumInstances holds the flag back until enough values were seen', () => {
    const cusum = new Cusum({ targetMean: 0, delta: 0, lambda: 1, minNumInstances: 3 });
    expect(runStream(cusum, [5, 5, 5]).drifts).toEqual([2]);
  });

  test('rejects bad options', () => {
    expect(() => new Cusum({ direction: 'up' as 'increase' })).toThrow(/options\.direction must be one of 'increase', 'decrease', 'both', got "up"/);
    expect(() => new Cusum({ lambda: -1 })).toThrow(/options\.lambda must be >= 0, got -1/);
  });
});
