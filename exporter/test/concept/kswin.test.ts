import { createSeededSampler, type IndexSampler } from '../../src/concept/index-sampler.js';
import { Kswin } from '../../src/concept/kswin.js';
import { ksTwoSample } from '../../src/stats/ks-two-sample.js';
import { repeat, runStream } from './run-stream.js';

/** Records every call and answers with the given fixed indices. */
function recordingSampler(indices: (populationSize: number, k: number) => number[]): IndexSampler & { calls: [number, number][] } {
  const calls: [number, number][] = [];
  return {
    calls,
    sample(populationSize, k) {
      calls.push([populationSize, k]);
      return indices(populationSize, k);
    },
  };
}

describe('Kswin', () => {
  test('defaults are scikit-multiflow ones', () => {
    const kswin = new Kswin();
    expect([kswin.alpha, kswin.windowSize, kswin.statSize, kswin.minStatistic, kswin.ksMethod]).toEqual([0.005, 100, 30, 0.1, 'auto']);
  });

  test('tests start once the window is full and draw statSize indices from the older window − statSize − 1 values', () => {
    const sampler = recordingSampler((_n, k) => repeat(0, k));
    const kswin = new Kswin({ sampler });
    runStream(kswin, repeat(1, 150));
    expect(kswin.state.testCount).toBe(50);
    expect(sampler.calls).toEqual(repeat(0, 50).map(() => [69, 30]));
    expect(kswin.state.windowLength).toBe(100);
  });

  test('replayed draws reproduce the KS test of the drawn sample against the newest values', () => {
    // windowSize 6, statSize 2: at the 7th value the window (after dropping the oldest) is x1..x5;
    // the older part is x1..x3 and the recent part x4, x5.
    const stream = [0, 1, 2, 3, 10, 11, 12];
    const sampler = recordingSampler(() => [0, 2]);
    const kswin = new Kswin({ windowSize: 6, statSize: 2, alpha: 0.5, sampler });
    runStream(kswin, stream);
    const expected = ksTwoSample([1, 3], [10, 11]);
    expect(kswin.state.statistic).toBe(expected.statistic);
    expect(kswin.state.pValue).toBe(expected.pValue);
    // D = 1 and p = 1/3 ≤ 0.5 → drift; the window keeps only the recent part, then the new value
    expect(kswin.driftDetected).toBe(true);
    expect(kswin.state.windowLength).toBe(3);
  });

  test('a distribution shift is detected from the values before the current one', () => {
    const stream = [...Array.from({ length: 200 }, (_, i) => (i * 37) % 100), ...repeat(1000, 60)];
    const { drifts } = runStream(new Kswin({ seed: 3 }), stream);
    expect(drifts.length).toBeGreaterThan(0);
    expect(drifts[0]).toBeGreaterThan(200);
    expect(drifts[0]).toBeLessThanOrEqual(230);
  });

  test('a constant stream never drifts (D = 0)', () => {
    expect(runStream(new Kswin(), repeat(0.5, 400)).drifts).toEqual([]);
  });

  test('the default sampler is seeded: same seed → same detections; reset() re-seeds it', () => {
    const stream = Array.from({ length: 600 }, (_, i) => Math.sin(i) + (i > 300 ? 0.8 : 0));
    const a = new Kswin({ seed: 11 });
    const first = runStream(a, stream);
    expect(runStream(new Kswin({ seed: 11 }), stream)).toEqual(first);
    a.reset();
    expect(runStream(a, stream)).toEqual(first);
  });

  test('createSeededSampler draws in range, with replacement, reproducibly', () => {
    const draws = createSeededSampler(5).sample(7, 1000);
    expect(draws.every((i) => Number.isInteger(i) && i >= 0 && i < 7)).toBe(true);
    expect(new Set(draws).size).toBe(7);
    expect(createSeededSampler(5).sample(7, 1000)).toEqual(draws);
    expect(createSeededSampler(6).sample(7, 1000)).not.toEqual(draws);
  });

  test('initial data avoids a cold start', () => {
    const kswin = new Kswin({ data: repeat(0, 100) });
    kswin.update(0);
    expect(kswin.state.testCount).toBe(1);
  });

  test('rejects bad options', () => {
    expect(() => new Kswin({ alpha: 2 })).toThrow(/options\.alpha must be <= 1, got 2/);
    expect(() => new Kswin({ data: [1, Number.NaN] })).toThrow(/options\.data\[1\] must be a finite number/);
    expect(() => new Kswin({ sampler: {} as IndexSampler })).toThrow(/options\.sampler must have a sample/);
  });
});
