import { Ddm } from '../../src/concept/ddm.js';
import { repeat, runStream } from './run-stream.js';

describe('Ddm', () => {
  test('hand-computed warning zone', () => {
    // minNumInstances 2: tests start at the 2nd value (the counter starts at 1, as in scikit-multiflow).
    // i=1 (x=0): p=1/2, s=sqrt(.25/2)=.3536 → p_min+s_min = .8536
    // i=2 (x=0): p=1/3, s=sqrt(2/27)=.2722 → new minimum; warning level 1/3+2·.2722=.8777, drift 1.1498
    // i=3..5: p+s = .75, .8191, .8591 (< .8777); i=6: p=5/7, s=.1707, p+s=.8850 ≥ .8777 → warning;
    // all-ones continues: p+s rises towards 1 < 1.1498, so warnings, no drift.
    const { drifts, warnings } = runStream(new Ddm({ minNumInstances: 2 }), [1, 0, 0, 1, 1, 1, 1, 1, 1]);
    expect(drifts).toEqual([]);
    expect(warnings).toEqual([6, 7, 8]);
  });

  test('like the reference, an error-free stream drifts as soon as tests start (p+s = 0 ≥ p_min + 3·s_min = 0), then restarts', () => {
    const ddm = new Ddm();
    const { drifts } = runStream(ddm, repeat(0, 70));
    expect(drifts).toEqual([29, 59]);
  });

  test('statistics restart at the update after a drift', () => {
    const ddm = new Ddm();
    runStream(ddm, repeat(0, 30));
    expect(ddm.driftDetected).toBe(true);
    expect(ddm.state.sampleCount).toBe(30);
    ddm.update(1);
    expect(ddm.driftDetected).toBe(false);
    expect(ddm.state).toMatchObject({ sampleCount: 1, errorRate: 1, errorStd: 0, minErrorRatePlusStd: Infinity });
  });

  test('values outside [0, 1] are ignored', () => {
    const ddm = new Ddm();
    ddm.update(2).update(-1);
    expect(ddm.ignoredCount).toBe(2);
    expect(ddm.acceptedCount).toBe(0);
  });
});
