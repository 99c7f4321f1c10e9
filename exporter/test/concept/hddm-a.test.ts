import { HddmA } from '../../src/concept/hddm-a.js';
import { repeat, runStream } from './run-stream.js';

describe('HddmA', () => {
  test('an error-rate jump 0 → 1 is flagged and the counters restart at the detection', () => {
    const hddm = new HddmA();
    const { drifts } = runStream(hddm, [...repeat(0, 200), ...repeat(1, 50)]);
    expect(drifts.length).toBeGreaterThan(0);
    const first = drifts[0] ?? -1;
    expect(first).toBeGreaterThanOrEqual(200);
    expect(first).toBeLessThan(210);

    const again = new HddmA();
    runStream(again, [...repeat(0, 200), ...repeat(1, 50)].slice(0, first + 1));
    expect(again.driftDetected).toBe(true);
    expect(again.state.sampleCount).toBe(0);
    expect(again.update(1).driftDetected).toBe(false);
  });

  test('first drift index by the A-test bound: mean increase ≥ sqrt(m/2·ln(2/α)), m = (n − n_cut)/(n_cut·n)', () => {
    // After 200 zeros the cut stays at n_cut = 200 (c = 0: mean + bound is lowest there). After k ones
    // the increase is k/(200 + k) and the bound sqrt(k/(200·(200 + k))/2 · ln(2/0.001)):
    // k = 3: 0.01478 < 0.01676; k = 4: 0.01961 ≥ 0.01930 → drift at index 200 + 3 = 203.
    const { drifts } = runStream(new HddmA(), [...repeat(0, 200), ...repeat(1, 20)]);
    expect(drifts[0]).toBe(203);
  });

  test('two-sided: a significant decrease restarts silently; one-sided keeps counting', () => {
    const stream = [...repeat(1, 200), ...repeat(0, 100)];
    const twoSided = new HddmA();
    const oneSided = new HddmA({ twoSided: false });
    expect(runStream(twoSided, stream).drifts).toEqual([]);
    expect(runStream(oneSided, stream).drifts).toEqual([]);
    expect(oneSided.state.sampleCount).toBe(300);
    expect(twoSided.state.sampleCount).toBeLessThan(100);
  });
});
