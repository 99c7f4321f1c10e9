import { HddmW } from '../../src/concept/hddm-w.js';
import { repeat, runStream } from './run-stream.js';

describe('HddmW', () => {
  test('hand-computed (Frías-Blanco et al. 2015 W-test), λ = 0.2: 50 zeros then ones', () => {
    // Σw² of an EWMA started at one value: S_k = S∞ + (1 − S∞)(1 − λ)^{2(k−1)}, S∞ = λ/(2 − λ) = 1/9.
    // Zeros: EWMA 0 and EWMA + bound keeps falling, so the increase cut follows them: S_cut = S_50 ≈ 1/9.
    // Ones: the after-cut EWMA is 1 from the first one on, so the W-test 1 − 0 > sqrt((S_cut + S_k)·ln(1/α)/2)
    // holds once S_cut + S_k < 2/ln(1/α): warning (α = 0.005): S_k < 0.26637 ⇔ 0.64^{k−1} < 0.17467 ⇔ k ≥ 5;
    // drift (α = 0.001): S_k < 0.17842 ⇔ 0.64^{k−1} < 0.07572 ⇔ k ≥ 7. Ones start at index 50.
    const hddm = new HddmW({ lambda: 0.2 });
    const { drifts, warnings } = runStream(hddm, [...repeat(0, 50), ...repeat(1, 7)]);
    expect(warnings).toEqual([54, 55]);
    expect(drifts).toEqual([56]);
    // the statistics restart at the detection
    expect(hddm.state.sampleCount).toBe(0);
    expect(hddm.update(1).driftDetected).toBe(false);
    expect(hddm.state).toMatchObject({ estimation: 1, sampleCount: 1 });
  });

  test('the EWMA estimation follows the recursion λx + (1 − λ)·EWMA', () => {
    const hddm = new HddmW({ lambda: 0.25 });
    runStream(hddm, [1, 0, 0]);
    expect(hddm.state.estimation).toBeCloseTo(0.5625, 15);
  });

  test('two-sided: a significant decrease restarts silently (paper); scikit-multiflow compatibility never does', () => {
    const stream = [...repeat(1, 50), ...repeat(0, 40)];
    const paper = new HddmW({ lambda: 0.2 });
    const legacy = new HddmW({ lambda: 0.2, matchScikitMultiflow: true });
    const oneSided = new HddmW({ lambda: 0.2, twoSided: false });
    expect(runStream(paper, stream).drifts).toEqual([]);
    expect(runStream(legacy, stream).drifts).toEqual([]);
    expect(runStream(oneSided, stream).drifts).toEqual([]);
    expect(paper.state.sampleCount).toBeLessThan(40);
    expect(legacy.state.sampleCount).toBe(90);
    expect(oneSided.state.sampleCount).toBe(90);
  });

  test('rejects bad options', () => {
    expect(() => new HddmW({ lambda: 0 })).toThrow(/options\.lambda must be > 0, got 0/);
    expect(() => new HddmW({ driftConfidence: 1 })).toThrow(/options\.driftConfidence must be < 1/);
  });
});
