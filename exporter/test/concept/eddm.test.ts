import { Eddm } from '../../src/concept/eddm.js';
import { repeat, runStream } from './run-stream.js';

/** Errors separated by the given distances (distance d = d − 1 correct values, then an error). */
function errorsAtDistances(distances: number[]): number[] {
  return distances.flatMap((d) => [...repeat(0, d - 1), 1]);
}

describe('Eddm', () => {
  const handTuned = { minNumInstances: 0, minNumErrors: 0 };

  test('hand-computed warning that persists over the following correct values', () => {
    // distances 1, 10: mean 5.5, std 4.5 → max(m+2s) = 14.5
    // distance 7: mean 6, std sqrt(14) = 3.742 → 13.483/14.5 = 0.930 ∈ [0.9, 0.95) → warning (index 17)
    // correct values 18..26 keep the warning (only errors re-evaluate it, as in scikit-multiflow);
    // distance 10 (index 27): mean 7, std sqrt(13.5) = 3.674 → 0.990 → warning cleared.
    const { drifts, warnings } = runStream(new Eddm(handTuned), errorsAtDistances([1, 10, 7, 10]));
    expect(drifts).toEqual([]);
    expect(warnings).toEqual([17, 18, 19, 20, 21, 22, 23, 24, 25, 26]);
  });

  test('hand-computed drift, then a restart on the next update', () => {
    // distances 1, 10, 1: mean 4, std sqrt(18) = 4.243 → 12.485/14.5 = 0.861 < 0.9 → drift at index 11
    const eddm = new Eddm(handTuned);
    const { drifts } = runStream(eddm, errorsAtDistances([1, 10, 1]));
    expect(drifts).toEqual([11]);
    expect(eddm.state.errorCount).toBe(3);
    eddm.update(0);
    expect(eddm.driftDetected).toBe(false);
    expect(eddm.state).toMatchObject({ errorCount: 0, sampleCount: 1, maxMeanPlusTwoStd: 0 });
  });

  test('defaults need more than 30 errors before any flag', () => {
    const { drifts, warnings } = runStream(new Eddm(), errorsAtDistances([1, 10, 1, 10, 1, 1, 1]));
    expect(drifts).toEqual([]);
    expect(warnings).toEqual([]);
  });
});
