import fc from 'fast-check';
import { Adwin } from '../../src/concept/adwin.js';
import { bernoulliStream, repeat, runStream } from './run-stream.js';

describe('Adwin', () => {
  test('defaults are scikit-multiflow / MOA ones', () => {
    const adwin = new Adwin();
    expect([adwin.delta, adwin.clock, adwin.maxBuckets, adwin.minWindowLongitude, adwin.minWindowLength]).toEqual([0.002, 32, 5, 10, 5]);
    expect(adwin.warningDetected).toBe(false);
    expect(adwin.estimation).toBe(0);
  });

  test('a stable stream keeps every value: width = n and estimation = the mean', () => {
    const adwin = new Adwin();
    const stream = repeat(0.25, 1000);
    expect(runStream(adwin, stream).drifts).toEqual([]);
    expect(adwin.windowWidth).toBe(1000);
    expect(adwin.estimation).toBe(0.25);
    expect(adwin.state.variance).toBe(0);
  });

  test('a jump 0 → 1 is flagged only on clock ticks (every 32nd value), and the old part is dropped', () => {
    const adwin = new Adwin();
    const { drifts } = runStream(adwin, [...repeat(0, 500), ...repeat(1, 300)]);
    expect(drifts.length).toBeGreaterThan(0);
    for (const index of drifts) expect((index + 1) % 32).toBe(0);
    expect(drifts[0]).toBeGreaterThanOrEqual(500);
    expect(drifts[0]).toBeLessThan(500 + 64);
    // After the last cut the window is (almost) only the new regime.
    expect(adwin.estimation).toBeGreaterThan(0.95);
    expect(adwin.windowWidth).toBeLessThan(800);
  });

  test('the window is always the newest `width` values: estimation equals their mean', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.double({ min: 0.05, max: 0.5, noNaN: true }), (seed, jump) => {
        const stream = [...bernoulliStream(0.1, 700, seed), ...bernoulliStream(0.1 + jump, 700, seed + 1)];
        const adwin = new Adwin({ delta: 0.01 });
        runStream(adwin, stream);
        const window = stream.slice(stream.length - adwin.windowWidth);
        const mean = window.reduce((a, b) => a + b, 0) / window.length;
        expect(adwin.estimation).toBeCloseTo(mean, 12);
      }),
      { numRuns: 25 },
    );
  });

  test('the drift flag is cleared by the next update', () => {
    const adwin = new Adwin();
    const { drifts } = runStream(adwin, [...repeat(0, 500), ...repeat(1, 100)]);
    const first = drifts[0] ?? -1;
    const again = new Adwin();
    runStream(again, [...repeat(0, 500), ...repeat(1, 100)].slice(0, first + 1));
    expect(again.driftDetected).toBe(true);
    expect(again.update(1).driftDetected).toBe(false);
  });

  test('rejects bad options', () => {
    expect(() => new Adwin({ delta: 1 })).toThrow(/options\.delta must be < 1, got 1/);
    expect(() => new Adwin({ clock: 0 })).toThrow(/options\.clock must be >= 1/);
    expect(() => new Adwin({ maxBuckets: 1 })).toThrow(/options\.maxBuckets must be >= 2/);
  });
});
